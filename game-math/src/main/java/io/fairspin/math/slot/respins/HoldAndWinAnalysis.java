package io.fairspin.math.slot.respins;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.AnalysisReport.Table;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.slot.analysis.ParSheet;
import io.fairspin.math.slot.analysis.SpinDistribution;
import io.fairspin.math.slot.evaluation.IntArrayKey;
import io.fairspin.math.slot.jackpots.Jackpot;
import io.fairspin.math.slot.jackpots.JackpotReport;
import io.fairspin.math.slot.evaluation.LongLongMap;
import io.fairspin.math.slot.model.SlotModel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exact figures of a hold-and-win game, in line bets unless named otherwise. The base spin's
 * distribution is counted as for every slot ({@link SpinDistribution}), by the coins its window shows:
 * per start state s (the coins it shows per landing class, cells of one class having the same landing
 * weights; with one class the coin count k) its chance P(s), the base win's sums E[T; s], E[T^2; s] and
 * the chance that it pays nothing. The feature's award given s depends on s only (cells of a class are
 * alike, values independent of where and when a coin lands): with N the coins held at the end
 * ({@link RespinChain}), value mean m and variance s^2, grand prize G and C cells, the award
 * F = (sum of N values) + G [N = C] has E[F] = E[N] m + G P(full) and
 * E[F^2] = E[N] s^2 + E[N^2] m^2 + 2 G m C P(full) + G^2 P(full). The round's win is T + F 1[k >= trigger].
 */
final class HoldAndWinAnalysis {
    private final HoldAndWinGame game;
    private final int cells;
    /** The respin chain; its states are the coins held per landing class (the coin count with one class). */
    private final RespinChain chain;
    /** Per cell its landing class, and the number of classes. */
    private final int[] classOf;
    private final int classes;
    /** By start state s (coins per landing class): P(s), E[T; s], E[T^2; s], P(T = 0; s). */
    private final Fraction[] chance;
    private final Fraction[] t;
    private final Fraction[] t2;
    private final Fraction[] silent;
    /**
     * By start state, with n the free games the base spin awards: E[n; s], E[T n; s], E[n(n - 1); s]; P(T = 0; s)
     * above is P(T = 0 and the free games pay nothing; s) = E[1(T = 0) z^n; s].
     */
    private final Fraction[] n1;
    private final Fraction[] tn;
    private final Fraction[] n2;
    /** One free game with its retriggers, V: E[V], E[V^2] in line bets, z = P(V = 0) (0, 0, 1 without free games). */
    private final Fraction ev;
    private final Fraction ev2;
    private final Fraction z;
    private Fraction freeTriggered = Fraction.ZERO;
    private Fraction line = Fraction.ZERO;
    private Fraction scatter = Fraction.ZERO;
    /** Per start state with at least trigger coins: the distribution of the coins held at the end. */
    private final Fraction[][] ends;
    private final Fraction valueMean;
    private final Fraction valueVariance;
    private final ExactFigures figures;
    private final Fraction trigger;
    private final Fraction featureMean;
    private final Fraction fullPerRound;
    /** Per jackpot: its RTP at its amount or seed, and the chance per round that it is won. */
    private final Fraction[] jackpotRtp;
    private final Fraction[] jackpotHit;
    private final Fraction baseRtp;
    /** The collect's RTP (coin values collected, jackpots apart) and its chance per round (zero without a collect). */
    private final Fraction collectRtp;
    private final Fraction collectChance;
    /** The free games' RTP (zero without free games). */
    private Fraction freeRtp = Fraction.ZERO;
    /**
     * By start state: the base spin's outcomes that occur, for the largest round win (their win in line bets, lines and
     * scatters, by the free games they award).
     */
    private final io.fairspin.math.slot.analysis.MaxWin.Outcomes[] baseOutcomes;
    /** A free game's outcomes (with its awards when free games retrigger), null without free games. */
    private final io.fairspin.math.slot.analysis.MaxWin.Outcomes freeOutcomes;
    /** The largest round win in line bets before the cap, -1 for unbounded. */
    private final long largest;
    /**
     * The grand prize in total bets that counts toward the cap: the full screen's prize, 0 when it wins a progressive
     * jackpot (paid on top of the capped win).
     */
    private final long cappedGrand;
    /** The bought round's figures per unit of its price, null without a bonus buy. */
    private final ExactFigures bought;
    /** The round's cap in line bets ({@code maxWin} x total bet), 0 for none; whether a round reaches it. */
    private final long cap;
    private final boolean capReachable;
    /**
     * With a reachable cap, the base spin's win T (lines and scatters, line bets) by start state and free games awarded
     * n (key state << 32 | n), and the sums {P, P x, P x^2} over the rounds whose line win x, then line and scatter
     * win x, is under the cap.
     */
    private final Map<Long, Map<Long, Fraction>> baseWins = new java.util.HashMap<>();
    private final Fraction[] lineSums = zeros(3);
    private final Fraction[] baseSums = zeros(3);
    /** Per landing class, the weight of "a coin lands" (0: its cells never fill on a respin). */
    private final long[] classCoin;

    HoldAndWinAnalysis(HoldAndWinGame game) {
        this.game = game;
        HoldAndWin feature = game.feature;
        SlotModel model = game.base.model;
        cells = feature.cells();
        classOf = feature.landingClasses();
        classes = java.util.Arrays.stream(classOf).max().orElse(0) + 1;
        classCoin = new long[classes];
        long[] classEmpty = new long[classes];
        for (int c = 0; c < cells; c++) {
            classCoin[classOf[c]] = feature.coinWeights()[c];
            classEmpty[classOf[c]] = feature.emptyWeights()[c];
        }
        chain = new RespinChain(classOf, classCoin, classEmpty, feature.respins());
        // Start states s, and with a collect symbol on the window s + states (the base spin counted by both).
        int states = chain.states();
        int all = 2 * states;
        chance = zeros(all);
        t = zeros(all);
        t2 = zeros(all);
        silent = zeros(all);
        n1 = zeros(all);
        tn = zeros(all);
        n2 = zeros(all);
        baseOutcomes = new io.fairspin.math.slot.analysis.MaxWin.Outcomes[all];
        for (int k = 0; k < all; k++) {
            baseOutcomes[k] = new io.fairspin.math.slot.analysis.MaxWin.Outcomes();
        }
        cap = game.maxWin * model.stakeUnits();
        // Free games: the slot's own closed forms for one free game with its retriggers.
        io.fairspin.math.slot.analysis.Analysis free = model.freeGames() == null ? null
                : io.fairspin.math.slot.analysis.Analysis.of(game.base);
        freeOutcomes = free == null ? null : free.free.outcomes;
        ev = free == null ? Fraction.ZERO : free.freeGameMean;
        ev2 = free == null ? Fraction.ZERO : free.freeGameMeanSquare;
        z = free == null ? Fraction.ONE : free.freeGameSilent;
        SlotModel.Choice choice = model.baseReels();
        long total = choice.total();
        for (int i = 0; i < choice.sets().length; i++) {
            SpinDistribution distribution = SpinDistribution.of(game.base, game.base.reelSets[choice.sets()[i]],
                    classes == 1 ? null : this::classCode);
            Fraction setChance = Fraction.of(BigInteger.valueOf(choice.weights()[i]),
                    BigInteger.valueOf(total).multiply(BigInteger.valueOf(distribution.cycle)));
            add(model, distribution, setChance);
        }
        cappedGrand = feature.grandJackpot() >= 0 && feature.jackpots().get(feature.grandJackpot()).progressive() ? 0
                : feature.grand();
        largest = largestWin(false, Long.MAX_VALUE);
        long largestCapped = largestWin(true, Long.MAX_VALUE);
        capReachable = cap > 0 && (largestCapped < 0 || largestCapped >= cap);
        long[] values = feature.values();
        long[] weights = feature.valueWeights();
        long weightTotal = 0;
        Fraction m1 = Fraction.ZERO;
        Fraction m2 = Fraction.ZERO;
        for (int v = 0; v < values.length; v++) {
            weightTotal += weights[v];
            m1 = m1.add(Fraction.of(values[v] * weights[v]));
            m2 = m2.add(Fraction.of(BigInteger.valueOf(values[v]).pow(2).multiply(BigInteger.valueOf(weights[v])),
                    BigInteger.ONE));
        }
        valueMean = m1.divide(weightTotal);
        valueVariance = m2.divide(weightTotal).subtract(valueMean.multiply(valueMean));
        long units = model.stakeUnits();
        Fraction g = Fraction.of(feature.grand());
        ends = new Fraction[all][];
        Fraction collected = Fraction.ZERO;
        Fraction collectChance = Fraction.ZERO;
        Fraction mean = Fraction.ZERO;
        Fraction meanSquare = Fraction.ZERO;
        Fraction hit = Fraction.ONE;
        Fraction coins = Fraction.ZERO;
        Fraction fullChance = Fraction.ZERO;
        Fraction triggered = Fraction.ZERO;
        for (int k = 0; k < all; k++) {
            int start = chain.coins(k % states);
            // The base spin and its free games: E[T + Y], E[(T + Y)^2] with Y the sum of n independent V.
            mean = mean.add(t[k]).add(n1[k].multiply(ev));
            meanSquare = meanSquare.add(t2[k]).add(tn[k].multiply(ev).multiply(2)).add(n1[k].multiply(ev2))
                    .add(n2[k].multiply(ev).multiply(ev));
            // The collect: S = the sum of the start coins' values, independent of T and Y given the state;
            // E[S] = k m, E[S^2] = k s^2 + k^2 m^2 (in total bets); S >= 1, so the round pays.
            Fraction x = Fraction.ZERO;
            Fraction x2 = Fraction.ZERO;
            if (k >= states && start > 0) {
                x = valueMean.multiply(start);
                x2 = valueVariance.multiply(start).add(valueMean.multiply(valueMean).multiply((long) start * start));
                collected = collected.add(chance[k].multiply(start));
                collectChance = collectChance.add(chance[k]);
                if (!feature.alsoRespins() || start < feature.trigger()) {
                    mean = mean.add(chance[k].multiply(x).multiply(units));
                    meanSquare = meanSquare.add(t[k].add(n1[k].multiply(ev)).multiply(x).multiply(2 * units))
                            .add(chance[k].multiply(x2).multiply(units * units));
                    continue;
                }
            }
            if (start < feature.trigger()) {
                hit = hit.subtract(silent[k]);
                continue;
            }
            if (chance[k].signum() == 0) {
                continue;
            }
            ends[k] = chain.finalCoins(k % states);
            Fraction held = expectedHeld(k, 1);
            Fraction full = ends[k][cells];
            // F in total bets, then in line bets (x units).
            Fraction[] award = award(ends[k]);
            // Beside a collect the feature's start coins are the collected ones: the round adds S + F, F = S + R with
            // R independent of S, so E[(S + F)^2] = E[F^2] + 3 E[S^2] + 2 E[S] (E[F] - E[S]).
            Fraction f = award[0].add(x);
            Fraction f2 = award[1].add(x2.multiply(3)).add(x.multiply(award[0].subtract(x)).multiply(2));
            mean = mean.add(chance[k].multiply(f).multiply(units));
            meanSquare = meanSquare.add(t[k].add(n1[k].multiply(ev)).multiply(f).multiply(2 * units))
                    .add(chance[k].multiply(f2).multiply(units * units));
            coins = coins.add(chance[k].multiply(held));
            fullChance = fullChance.add(chance[k].multiply(full));
            triggered = triggered.add(chance[k]);
        }
        Fraction rtp = mean.divide(units);
        Fraction variance = meanSquare.divide(Fraction.of(units).multiply(units)).subtract(rtp.multiply(rtp));
        List<Fraction> byType = new ArrayList<>();
        byType.add(line.divide(units));
        if (game.base.scatterType >= 0) {
            byType.add(scatter.divide(units));
        }
        Fraction freeGames = Fraction.ZERO;
        for (Fraction n : n1) {
            freeGames = freeGames.add(n);
        }
        freeRtp = freeGames.multiply(ev).divide(units);
        if (game.base.freeType >= 0) {
            byType.add(freeRtp);
        }
        // Coins held per round, split by what their values pay: credits or a jackpot.
        int jackpots = feature.jackpots().size();
        Fraction credits = Fraction.ZERO;
        Fraction collectCredits = Fraction.ZERO;
        Fraction[] jackpotRtp = zeros(jackpots);
        Fraction[] jackpotCoin = zeros(jackpots);
        for (int i = 0; i < values.length; i++) {
            Fraction q = Fraction.of(weights[i], weightTotal);
            Fraction part = coins.multiply(q).multiply(values[i]);
            Fraction collectPart = collected.multiply(q).multiply(values[i]);
            int j = feature.valueJackpot()[i];
            if (j < 0) {
                credits = credits.add(part);
                collectCredits = collectCredits.add(collectPart);
            } else {
                jackpotRtp[j] = jackpotRtp[j].add(part).add(collectPart);
                jackpotCoin[j] = jackpotCoin[j].add(q);
            }
        }
        Fraction grand = fullChance.multiply(g);
        if (feature.grandJackpot() >= 0) {
            jackpotRtp[feature.grandJackpot()] = jackpotRtp[feature.grandJackpot()].add(grand);
        }
        byType.add(credits);
        if (game.grandType >= 0) {
            byType.add(grand);
        }
        if (game.collectType >= 0) {
            byType.add(collectCredits);
        }
        byType.addAll(List.of(jackpotRtp));
        jackpotHit = zeros(jackpots);
        for (int j = 0; j < jackpots; j++) {
            for (int k = 0; k < all; k++) {
                if (k >= states && chain.coins(k % states) > 0 && ends[k] == null) {
                    // A collect pays jackpot j when one of its coins names it (beside the respins, the coins held at
                    // the end include them: counted below).
                    Fraction none = Fraction.ONE;
                    for (int c = chain.coins(k % states); c > 0; c--) {
                        none = none.multiply(Fraction.ONE.subtract(jackpotCoin[j]));
                    }
                    jackpotHit[j] = jackpotHit[j].add(chance[k].multiply(Fraction.ONE.subtract(none)));
                }
                if (ends[k] == null) {
                    continue;
                }
                // P(some coin of the n held names jackpot j) = 1 - (1 - Q_j)^n; a full screen wins the grand one.
                Fraction none = Fraction.ONE;
                for (int n = 0; n <= cells; n++) {
                    Fraction won = n == cells && feature.grandJackpot() == j ? Fraction.ONE : Fraction.ONE.subtract(none);
                    jackpotHit[j] = jackpotHit[j].add(chance[k].multiply(ends[k][n]).multiply(won));
                    none = none.multiply(Fraction.ONE.subtract(jackpotCoin[j]));
                }
            }
        }
        this.jackpotRtp = jackpotRtp;
        trigger = triggered;
        featureMean = triggered.signum() == 0 ? Fraction.ZERO
                : coins.multiply(valueMean).add(grand).divide(triggered);
        fullPerRound = fullChance;
        Fraction baseShare = line.add(scatter).divide(units);
        Fraction collectShare = collectCredits;
        if (capReachable) {
            // The round paid in play order up to the cap: each win type keeps what it adds to min(S, cap), S the win
            // paid up to it (line, scatter, free games, collect, the feature's coins, the grand prize); a progressive
            // grand prize G is paid on top: W = min(S, cap) + G 1[full].
            Capped capped = cappedLevels(values, weights, weightTotal);
            Fraction[] shares = capped.byType(jackpotRtp);
            Fraction[] w = capped.moments(fullChance);
            rtp = w[0].divide(units);
            variance = w[1].divide(Fraction.of(units).multiply(units)).subtract(rtp.multiply(rtp));
            byType = List.of(shares);
            for (int j = 0; j < jackpots; j++) {
                jackpotRtp[j] = shares[game.jackpotTypes[j]];
            }
            baseShare = capped.share(1).add(capped.share(2));
            freeRtp = capped.share(3);
            collectShare = game.collectType >= 0 ? shares[game.collectType] : Fraction.ZERO;
        }
        baseRtp = baseShare;
        List<Fraction> frequencies = new ArrayList<>();
        if (game.base.freeType >= 0) {
            frequencies.add(freeTriggered);
        }
        frequencies.add(triggered);
        if (game.collectFeature >= 0) {
            frequencies.add(collectChance);
        }
        this.collectRtp = collectShare;
        this.collectChance = collectChance;
        figures = new ExactFigures(rtp, byType, hit, variance, frequencies);
        bought = feature.buy() == null ? null : boughtFigures(values, weights, weightTotal);
    }

    private static Fraction[] zeros(int n) {
        Fraction[] a = new Fraction[n];
        java.util.Arrays.fill(a, Fraction.ZERO);
        return a;
    }

    private void add(SlotModel model, SpinDistribution distribution, Fraction setChance) {
        int scatterIndex = game.feature.scatter();
        // With a cap: this reel set's base wins by (state, free games), and the sums of the line and base wins under it.
        Map<Long, Map<Long, Long>> setWins = new java.util.HashMap<>();
        BigInteger[] setLine = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        BigInteger[] setBase = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        for (Map.Entry<IntArrayKey, LongLongMap> entry : distribution.entries()) {
            int[] counts = entry.getKey().values();
            long sp = 0;
            for (int i = 0; i < model.scatters().size(); i++) {
                sp += model.scatters().get(i).pay(counts[i]) * model.lines();
            }
            int k = (classes == 1 ? counts[scatterIndex] : counts[counts.length - 1])
                    + (game.feature.collectScatter() >= 0 && counts[game.feature.collectScatter()] > 0 ? chain.states() : 0);
            long n = model.freeGames() == null ? 0 : model.freeGames().spins(counts[model.freeGames().scatter()]);
            long scatterPay = sp;
            long[] largestLine = {-1};
            Map<Long, Long> wins = cap > 0 ? setWins.computeIfAbsent((long) k << 32 | n, x -> new java.util.HashMap<>()) : null;
            BigInteger[] sums = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
                BigInteger.ZERO};
            entry.getValue().forEach((key, weight) -> {
                long a = key >>> 8;
                BigInteger w = BigInteger.valueOf(weight);
                BigInteger value = BigInteger.valueOf(a + scatterPay);
                sums[0] = sums[0].add(w);
                sums[1] = sums[1].add(value.multiply(w));
                sums[2] = sums[2].add(value.multiply(value).multiply(w));
                sums[3] = a + scatterPay == 0 ? sums[3].add(w) : sums[3];
                largestLine[0] = weight > 0 ? Math.max(largestLine[0], a) : largestLine[0];
                if (wins != null && weight > 0) {
                    wins.merge(a + scatterPay, weight, Long::sum);
                    addBelow(setLine, a, w);
                    addBelow(setBase, a + scatterPay, w);
                }
                sums[4] = sums[4].add(BigInteger.valueOf(a).multiply(w));
                sums[5] = sums[5].add(BigInteger.valueOf(scatterPay).multiply(w));
            });
            chance[k] = chance[k].add(setChance.multiply(whole(sums[0])));
            t[k] = t[k].add(setChance.multiply(whole(sums[1])));
            t2[k] = t2[k].add(setChance.multiply(whole(sums[2])));
            Fraction p = setChance.multiply(whole(sums[0]));
            Fraction silentFree = Fraction.ONE;
            for (long i = 0; i < n; i++) {
                silentFree = silentFree.multiply(z);
            }
            silent[k] = silent[k].add(setChance.multiply(whole(sums[3])).multiply(silentFree));
            n1[k] = n1[k].add(p.multiply(n));
            tn[k] = tn[k].add(setChance.multiply(whole(sums[1])).multiply(n));
            n2[k] = n2[k].add(p.multiply(n * (n - 1)));
            freeTriggered = n > 0 ? freeTriggered.add(p) : freeTriggered;
            line = line.add(setChance.multiply(whole(sums[4])));
            scatter = scatter.add(setChance.multiply(whole(sums[5])));
            if (largestLine[0] >= 0) {
                baseOutcomes[k].add(largestLine[0] + scatterPay, 0, n);
            }
        }
        setWins.forEach((key, wins) -> {
            Map<Long, Fraction> byWin = baseWins.computeIfAbsent(key, x -> new java.util.HashMap<>());
            wins.forEach((win, weight) -> byWin.merge(win, setChance.multiply(weight), Fraction::add));
        });
        for (int j = 0; j < 3; j++) {
            lineSums[j] = lineSums[j].add(setChance.multiply(whole(setLine[j])));
            baseSums[j] = baseSums[j].add(setChance.multiply(whole(setBase[j])));
        }
    }

    /** Adds weight w at win x to the sums {w, w x, w x^2} when x is under the cap. */
    private void addBelow(BigInteger[] sums, long x, BigInteger w) {
        if (x < cap) {
            BigInteger wx = w.multiply(BigInteger.valueOf(x));
            sums[0] = sums[0].add(w);
            sums[1] = sums[1].add(wx);
            sums[2] = sums[2].add(wx.multiply(BigInteger.valueOf(x)));
        }
    }

    /** What one reel's column adds to the start state: its coins, each counted in its landing class's radix. */
    private int classCode(int reel, int[] column) {
        int rows = column.length;
        int code = 0;
        for (int j = 0; j < rows; j++) {
            if (column[j] == game.feature.symbol()) {
                code += chain.radix(classOf[reel * rows + j]);
            }
        }
        return code;
    }

    private static Fraction whole(BigInteger value) {
        return Fraction.of(value, BigInteger.ONE);
    }

    /** E[N^power] of the coins held at the end, starting from k. */
    private Fraction expectedHeld(int k, int power) {
        return moment(ends[k], power);
    }

    /** E[N^power] of the distribution {@code end} of the coins held at the end. */
    private Fraction moment(Fraction[] end, int power) {
        Fraction sum = Fraction.ZERO;
        for (int n = 0; n <= cells; n++) {
            long x = power == 1 ? n : (long) n * n;
            sum = sum.add(end[n].multiply(x));
        }
        return sum;
    }

    /**
     * {E[F], E[F^2]} in total bets of the award F = (sum of N values) + G [N = C], given the distribution of the coins
     * N held at the end: E[F] = E[N] m + G P(full), E[F^2] = E[N] s^2 + E[N^2] m^2 + 2 G m C P(full) + G^2 P(full).
     */
    private Fraction[] award(Fraction[] end) {
        Fraction g = Fraction.of(game.feature.grand());
        Fraction held = moment(end, 1);
        Fraction full = end[cells];
        Fraction f = held.multiply(valueMean).add(g.multiply(full));
        Fraction f2 = held.multiply(valueVariance).add(moment(end, 2).multiply(valueMean).multiply(valueMean))
                .add(g.multiply(valueMean).multiply(2L * cells).multiply(full)).add(g.multiply(g).multiply(full));
        return new Fraction[] {f, f2};
    }

    /** Products of chances the capped round's distribution may take to count (see {@link Truncated}). */
    static final long CAP_BUDGET = 5_000_000;

    /**
     * With a reachable cap, the capped round's sums ({@link Capped}) over every start state and base win. Only the
     * distribution of S under the cap matters: E[min(S, cap)] = sum over s under the cap of P(s) s + cap P(S >= cap).
     * Given the start state, the base spin's win T, the free games' Y (n independent free games, no retriggers), the
     * collected X and the feature's coins and grand prize are independent of T given n, so S's part under the cap is
     * a convolution cut at the cap ({@link Truncated}).
     *
     * @throws Truncated.NotCounted past {@link #CAP_BUDGET}, when free games retrigger (Y has no end), or when a coin
     *     value names a progressive jackpot (its award on top of the capped win is not counted)
     */
    private Capped cappedLevels(long[] values, long[] weights, long weightTotal) {
        Truncated.Budget budget = new Truncated.Budget(CAP_BUDGET);
        Truncated[] valueSums = valueSums(values, weights, weightTotal, budget);
        Truncated freeGame = freeGameWins();
        List<Truncated> freeSums = new ArrayList<>(List.of(Truncated.ZERO));
        Map<Integer, Truncated[]> parts = new java.util.HashMap<>();
        Capped capped = new Capped(lineSums, baseSums, values, weights, weightTotal);
        for (Map.Entry<Long, Map<Long, Fraction>> e : baseWins.entrySet()) {
            int k = (int) (e.getKey() >>> 32);
            int n = (int) (e.getKey() & 0xFFFFFFFFL);
            Truncated base = Truncated.of(e.getValue(), cap);
            while (freeSums.size() <= n) {
                freeSums.add(freeSums.get(freeSums.size() - 1).plus(freeGame, cap, budget));
            }
            Truncated y = freeSums.get(n);
            y.addSums(base, cap, capped.sums[3], budget);
            Truncated[] h = parts.computeIfAbsent(k, x -> featureParts(x, false, valueSums, budget));
            capped.add(base, n == 0 ? null : y, h, budget);
        }
        return capped.close();
    }

    /**
     * The sums of j coin values in total bets, j = 0 .. cells, cut at the cap: counted once for every bet
     * ({@link CappedParts}), their count spent on {@code budget}.
     *
     * @throws Truncated.NotCounted when a value names a progressive jackpot
     */
    private Truncated[] valueSums(long[] values, long[] weights, long weightTotal, Truncated.Budget budget) {
        return game.cappedParts.get(CappedParts.Key.VALUE_SUMS, 1, budget, own -> countValueSums(values, weights, weightTotal, own));
    }

    private Truncated[] countValueSums(long[] values, long[] weights, long weightTotal, Truncated.Budget budget) {
        HoldAndWin feature = game.feature;
        long cap = game.maxWin;
        Map<Long, Fraction> one = new java.util.HashMap<>();
        for (int v = 0; v < values.length; v++) {
            int j = feature.valueJackpot()[v];
            if (j >= 0 && feature.jackpots().get(j).progressive()) {
                throw new Truncated.NotCounted("the round's win is capped (maxWin) and a coin value names the progressive"
                        + " jackpot \"" + feature.jackpots().get(j).name() + "\": its award on top of the capped win is not"
                        + " counted");
            }
            one.merge(values[v], Fraction.of(weights[v], weightTotal), Fraction::add);
        }
        Truncated value = Truncated.of(one, cap);
        Truncated[] valueSums = new Truncated[cells + 1];
        valueSums[0] = Truncated.ZERO;
        for (int j = 1; j <= cells; j++) {
            valueSums[j] = valueSums[j - 1].plus(value, cap, budget);
        }
        return valueSums;
    }

    /**
     * What start state {@code k} adds after the free games, cut at the cap: [0] at level 4 (the collected coins), [1]
     * at level 5 (and the feature's coins), [2] at level 6 (and the grand prize that counts toward the cap), [3] level
     * 6 on a full screen only (a measure of mass P(full)), then when a value names a jackpot, the wins the coins are
     * paid on, as measures: [4] the collected coins' (the sum of i - 1 values for the i-th coin), [5] the feature's
     * (the sum of i - 1 values with chance P(N >= i)). Beside a collect with {@code alsoRespins} the feature pays the
     * collected values X again, so level 5 adds 2X + (the N - k coins landed), N the coins held at the end. A bought
     * feature ({@code bought}) starts with no collect, whatever its coins.
     *
     * Counted once for every bet in total bets ({@link CappedParts}, from {@link #valueSums}), and given in line bets.
     *
     * @throws Truncated.NotCounted when the feature beside a collect pays jackpot values again (their order is not
     *     counted)
     */
    private Truncated[] featureParts(int k, boolean bought, Truncated[] valueSums, Truncated.Budget budget) {
        return game.cappedParts.get(CappedParts.Key.featureParts(k, bought), game.base.model.stakeUnits(), budget,
                own -> countFeatureParts(k, bought, valueSums, own));
    }

    private Truncated[] countFeatureParts(int k, boolean bought, Truncated[] valueSums, Truncated.Budget budget) {
        HoldAndWin feature = game.feature;
        long cap = game.maxWin;
        int state = k % chain.states();
        int start = chain.coins(state);
        boolean collects = k >= chain.states() && start > 0;
        boolean split = java.util.Arrays.stream(feature.valueJackpot()).anyMatch(j -> j >= 0);
        Truncated collected = collects ? valueSums[start] : Truncated.ZERO;
        Truncated collectPaidOn = split && collects ? priors(valueSums, start, i -> Fraction.ONE, budget) : Truncated.NONE;
        if (!bought && (start < feature.trigger() || collects && !feature.alsoRespins())) {
            return new Truncated[] {collected, collected, collected, Truncated.NONE, collectPaidOn, Truncated.NONE};
        }
        if (split && collects) {
            throw new Truncated.NotCounted("the round's win is capped (maxWin) and the respins beside a collect pay"
                    + " its jackpot values again: not counted");
        }
        Fraction[] end = chain.finalCoins(state);
        Truncated doubled = collects ? collected.times(2, cap) : null;
        long grand = cappedGrand;
        List<Fraction> weights = new ArrayList<>();
        List<Truncated> coins = new ArrayList<>();
        List<Truncated> withGrand = new ArrayList<>();
        for (int n = start; n <= cells; n++) {
            if (end[n].signum() == 0) {
                continue;
            }
            Truncated paid = collects ? doubled.plus(valueSums[n - start], cap, budget) : valueSums[n];
            weights.add(end[n]);
            coins.add(paid);
            withGrand.add(n == cells && grand > 0 ? paid.shift(grand, cap) : paid);
        }
        Truncated full = end[cells].signum() == 0 ? Truncated.NONE : Truncated.mixture(List.of(end[cells]),
                List.of(withGrand.get(withGrand.size() - 1)), cap, budget);
        Truncated coinPaidOn = split ? priors(valueSums, cells, i -> {
            Fraction atLeast = Fraction.ZERO;
            for (int n = i; n <= cells; n++) {
                atLeast = atLeast.add(end[n]);
            }
            return atLeast;
        }, budget) : Truncated.NONE;
        return new Truncated[] {collected, Truncated.mixture(weights, coins, cap, budget),
            Truncated.mixture(weights, withGrand, cap, budget), full, Truncated.NONE, coinPaidOn};
    }

    /**
     * The measure sum over i = 1 .. coins of chance(i) x (the sum of i - 1 values): what the i-th coin is paid on, in
     * total bets.
     */
    private Truncated priors(Truncated[] valueSums, int coins, java.util.function.IntFunction<Fraction> chance,
            Truncated.Budget budget) {
        long cap = game.maxWin;
        List<Fraction> weights = new ArrayList<>();
        List<Truncated> parts = new ArrayList<>();
        for (int i = 1; i <= coins; i++) {
            weights.add(chance.apply(i));
            parts.add(valueSums[i - 1]);
        }
        return Truncated.mixture(weights, parts, cap, budget);
    }

    /**
     * The sums of a capped round (or bought feature), in line bets: per level L of the play order (1 the line win, 2
     * plus the scatter win, 3 plus the free games, 4 plus the collected coins, 5 plus the feature's coins, 6 plus the
     * grand prize that counts toward the cap, 7 level 6 on a full screen only) the sums {P, P s, P s^2} over the wins
     * s under the cap, then {E[min(S, cap)], E[min(S, cap)^2]} per level 1 to 6; and per coin value naming a jackpot,
     * what its coins add to min(S, cap) where they are paid: q_v E[min(X + v, cap) - min(X, cap)] summed over the
     * coins, X the win before each coin (values are independent of X).
     */
    private final class Capped {
        final Fraction[][] sums;
        final Fraction[][] levels = new Fraction[7][];
        private final long[] values;
        private final Fraction[] chances;
        /** Per value naming a jackpot, what it adds at the collect and among the feature's coins. */
        private final Fraction[] collectGain;
        private final Fraction[] coinGain;

        Capped(Fraction[] line, Fraction[] base, long[] values, long[] weights, long weightTotal) {
            sums = new Fraction[][] {null, line, base, zeros(3), zeros(3), zeros(3), zeros(3), zeros(3)};
            this.values = values;
            chances = new Fraction[values.length];
            for (int v = 0; v < values.length; v++) {
                chances[v] = Fraction.of(weights[v], weightTotal);
            }
            collectGain = zeros(values.length);
            coinGain = zeros(values.length);
        }

        /** Adds the rounds of base wins {@code base}, then free games' win {@code y} (null for none), then {@code h}. */
        void add(Truncated base, Truncated y, Truncated[] h, Truncated.Budget budget) {
            for (int level = 4; level <= 7; level++) {
                (y == null ? h[level - 4] : y.plus(h[level - 4], cap, budget)).addSums(base, cap, sums[level], budget);
            }
            Truncated collectOn = y == null ? h[4] : y.plus(h[4], cap, budget);
            Truncated coinOn = y == null ? h[5] : y.plus(h[5], cap, budget);
            long units = game.base.model.stakeUnits();
            for (int v = 0; v < values.length; v++) {
                if (game.feature.valueJackpot()[v] >= 0) {
                    collectGain[v] = collectGain[v].add(collectOn.gain(base, cap, values[v] * units, budget)
                            .multiply(chances[v]));
                    coinGain[v] = coinGain[v].add(coinOn.gain(base, cap, values[v] * units, budget).multiply(chances[v]));
                }
            }
        }

        /** Turns the sums of levels 1 to 6 into {E[min(S, cap)], E[min(S, cap)^2]}. */
        Capped close() {
            Fraction c = Fraction.of(cap);
            for (int level = 1; level <= 6; level++) {
                Fraction over = Fraction.ONE.subtract(sums[level][0]);
                levels[level] = new Fraction[] {sums[level][1].add(c.multiply(over)),
                    sums[level][2].add(c.multiply(c).multiply(over))};
            }
            return this;
        }

        /** What level {@code level} adds to E[min(S, cap)], in total bets. */
        Fraction share(int level) {
            Fraction below = level == 1 ? Fraction.ZERO : levels[level - 1][0];
            return levels[level][0].subtract(below).divide(game.base.model.stakeUnits());
        }

        /**
         * {E[W], E[W^2]} in line bets of the win W = min(S, cap) + G 1[full], G the progressive grand prize paid on top
         * (0 when the grand prize counts toward the cap), {@code full} the chance of a full screen: E[W] = E[min(S, cap)]
         * + G P(full), E[W^2] = E[min(S, cap)^2] + 2 G E[min(S, cap); full] + G^2 P(full).
         */
        Fraction[] moments(Fraction full) {
            Fraction onTop = Fraction.of((game.feature.grand() - cappedGrand) * game.base.model.stakeUnits());
            Fraction fullMean = sums[7][1].add(Fraction.of(cap).multiply(full.subtract(sums[7][0])));
            return new Fraction[] {levels[6][0].add(full.multiply(onTop)),
                levels[6][1].add(fullMean.multiply(onTop).multiply(2)).add(onTop.multiply(onTop).multiply(full))};
        }

        /**
         * Each win type's part of the capped win in total bets: the base game's levels, the coin values' (less the
         * jackpot values'), the grand prize's and the collect's; a fixed jackpot its values' gains (and the grand
         * prize's level when the full screen wins it); a progressive one {@code uncapped} (it is paid on top).
         */
        Fraction[] byType(Fraction[] uncapped) {
            HoldAndWinGame g = game;
            long units = g.base.model.stakeUnits();
            Fraction[] shares = zeros(g.winTypes().size());
            shares[g.base.lineType] = share(1);
            set(shares, g.base.scatterType, share(2));
            set(shares, g.base.freeType, share(3));
            shares[g.coinType] = share(5);
            set(shares, g.collectType, share(4));
            set(shares, g.grandType, share(6));
            List<Jackpot> jackpots = g.feature.jackpots();
            for (int j = 0; j < jackpots.size(); j++) {
                shares[g.jackpotTypes[j]] = jackpots.get(j).progressive() ? uncapped[j]
                        : g.feature.grandJackpot() == j ? share(6) : Fraction.ZERO;
            }
            for (int v = 0; v < values.length; v++) {
                int j = g.feature.valueJackpot()[v];
                if (j >= 0) {
                    shares[g.jackpotTypes[j]] = shares[g.jackpotTypes[j]].add(collectGain[v].add(coinGain[v]).divide(units));
                    shares[g.coinType] = shares[g.coinType].subtract(coinGain[v].divide(units));
                    if (g.collectType >= 0) {
                        shares[g.collectType] = shares[g.collectType].subtract(collectGain[v].divide(units));
                    }
                }
            }
            return shares;
        }
    }

    private static void set(Fraction[] shares, int type, Fraction share) {
        if (type >= 0) {
            shares[type] = share;
        }
    }

    /**
     * One free game's win in line bets (its line and scatter wins times the multiplier), cut at the cap; null without
     * free games.
     *
     * @throws Truncated.NotCounted when a free game can award more (retriggers): the free games' win has no end
     */
    private Truncated freeGameWins() {
        SlotModel model = game.base.model;
        SlotModel.FreeGames free = model.freeGames();
        if (free == null) {
            return null;
        }
        Map<Long, Fraction> wins = new java.util.HashMap<>();
        SlotModel.Choice choice = free.reels();
        for (int i = 0; i < choice.sets().length; i++) {
            SpinDistribution distribution = SpinDistribution.of(game.base, game.base.reelSets[choice.sets()[i]]);
            Fraction setChance = Fraction.of(BigInteger.valueOf(choice.weights()[i]),
                    BigInteger.valueOf(choice.total()).multiply(BigInteger.valueOf(distribution.cycle)));
            for (Map.Entry<IntArrayKey, LongLongMap> entry : distribution.entries()) {
                int[] counts = entry.getKey().values();
                long sp = 0;
                for (int s = 0; s < model.scatters().size(); s++) {
                    sp += model.scatters().get(s).pay(counts[s]) * model.lines();
                }
                long scatterPay = sp;
                boolean awards = free.retrigger() && free.spins(counts[free.scatter()]) > 0;
                entry.getValue().forEach((key, weight) -> {
                    if (weight > 0) {
                        if (awards) {
                            throw new Truncated.NotCounted("the round's win is capped (maxWin) and free games retrigger:"
                                    + " the capped round's distribution is not counted");
                        }
                        wins.merge(free.multiplier() * ((key >>> 8) + scatterPay), setChance.multiply(weight),
                                Fraction::add);
                    }
                });
            }
        }
        return Truncated.of(wins, cap);
    }

    /**
     * The bought feature ({@code "bonusBuy"}): its start is {@code coins} cells drawn at random, so the coins per
     * landing class are multivariate hypergeometric, P(n) = prod over classes C(size_c, n_c) / C(cells, coins); it
     * returns E[F] / price and has variance E[F^2] / price^2 - RTP^2 per unit of price. By win type: the coins held
     * at the end, E[N], times each value's share q_i v_i (credits to {@code hold-and-win}, a jackpot's to its type),
     * the grand prize P(full) G to {@code grand} (or its jackpot); the base game's types 0. It pays nothing only when
     * every coin held shows a value of 0 and no grand prize is won (values are at least 1: never). With a cap, the
     * bought round is capped as the bet it buys at (maxWin x its total bet, not x the price): its figures are those of
     * the capped feature alone ({@link Capped}), a progressive grand prize paid on top.
     *
     * @return the bought round's figures per unit of its stake (price x total bet), or null without a bonus buy
     */
    ExactFigures bonusBuyFigures() {
        return bought;
    }

    private ExactFigures boughtFigures(long[] values, long[] valueWeights, long weightTotal) {
        HoldAndWin.Buy buy = game.feature.buy();
        HoldAndWin feature = game.feature;
        BigInteger all = choose(cells, buy.coins());
        Fraction f = Fraction.ZERO;
        Fraction f2 = Fraction.ZERO;
        Fraction held = Fraction.ZERO;
        Fraction full = Fraction.ZERO;
        Fraction nothing = Fraction.ZERO;
        long zeroWeight = 0;
        for (int i = 0; i < values.length; i++) {
            zeroWeight += values[i] == 0 ? valueWeights[i] : 0;
        }
        Fraction q0 = Fraction.of(zeroWeight).divide(weightTotal);
        Map<Integer, Fraction> starts = new java.util.TreeMap<>();
        for (int s = 0; s < chain.states(); s++) {
            if (chain.coins(s) != buy.coins()) {
                continue;
            }
            BigInteger ways = BigInteger.ONE;
            for (int c = 0; c < chain.classes(); c++) {
                ways = ways.multiply(choose(chain.size(c), chain.count(s, c)));
            }
            Fraction p = Fraction.of(ways, all);
            starts.put(s, p);
            Fraction[] end = chain.finalCoins(s);
            Fraction[] award = award(end);
            f = f.add(p.multiply(award[0]));
            f2 = f2.add(p.multiply(award[1]));
            held = held.add(p.multiply(moment(end, 1)));
            full = full.add(p.multiply(end[cells]));
            Fraction none = Fraction.ONE;
            for (int n = 0; n <= cells; n++) {
                if (n < cells || feature.grand() == 0) {
                    nothing = nothing.add(p.multiply(end[n]).multiply(none));
                }
                none = none.multiply(q0);
            }
        }
        Fraction[] byType = zeros(game.winTypes().size());
        Fraction[] jackpotParts = zeros(feature.jackpots().size());
        for (int i = 0; i < values.length; i++) {
            Fraction part = held.multiply(Fraction.of(valueWeights[i]).divide(weightTotal)).multiply(values[i]);
            int j = feature.valueJackpot()[i];
            if (j < 0) {
                byType[game.coinType] = byType[game.coinType].add(part);
            } else {
                jackpotParts[j] = jackpotParts[j].add(part);
            }
        }
        Fraction grandPart = full.multiply(feature.grand());
        if (feature.grandJackpot() >= 0) {
            jackpotParts[feature.grandJackpot()] = jackpotParts[feature.grandJackpot()].add(grandPart);
        } else if (game.grandType >= 0) {
            byType[game.grandType] = grandPart;
        }
        for (int j = 0; j < jackpotParts.length; j++) {
            byType[game.jackpotTypes[j]] = jackpotParts[j];
        }
        long most = cells * java.util.Arrays.stream(values).max().orElse(0) + feature.grand();
        if (cap > 0 && most * game.base.model.stakeUnits() >= cap) {
            Truncated.Budget budget = new Truncated.Budget(CAP_BUDGET);
            Truncated[] valueSums = valueSums(values, valueWeights, weightTotal, budget);
            Fraction[] none = {Fraction.ONE, Fraction.ZERO, Fraction.ZERO};
            Capped capped = new Capped(none, none, values, valueWeights, weightTotal);
            capped.sums[3] = none.clone();
            for (Map.Entry<Integer, Fraction> start : starts.entrySet()) {
                capped.add(Truncated.of(Map.of(0L, start.getValue()), cap), null,
                        featureParts(start.getKey(), true, valueSums, budget), budget);
            }
            capped.close();
            byType = capped.byType(jackpotParts);
            long units = game.base.model.stakeUnits();
            Fraction[] w = capped.moments(full);
            f = w[0].divide(units);
            f2 = w[1].divide(Fraction.of(units).multiply(units));
        }
        Fraction price = Fraction.of(buy.price());
        Fraction rtp = f.divide(price);
        Fraction variance = f2.divide(price.multiply(price)).subtract(rtp.multiply(rtp));
        List<Fraction> perPrice = new ArrayList<>();
        for (Fraction part : byType) {
            perPrice.add(part.divide(price));
        }
        Fraction[] frequencies = zeros(game.features().size());
        frequencies[game.holdFeature] = Fraction.ONE;
        return new ExactFigures(rtp, perPrice, Fraction.ONE.subtract(nothing), variance, List.of(frequencies));
    }

    private static BigInteger choose(int n, int k) {
        BigInteger result = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            result = result.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return result;
    }

    /** The stake of a round as the sheets show it: lines x bet per line (x coins) = stake. */
    static String stakeText(SlotModel model) {
        return model.lines() + " lines x " + model.lineBet() + (model.coins() == 1 ? "" : " x " + model.coins() + " coins")
                + " = " + model.lineBet() * model.stakeUnits() + " (minor units)";
    }

    /**
     * The largest round win in line bets, or -1 when it is unbounded (free games that retrigger and win): over the
     * start states a base spin shows, its largest base win with its free games (each free game at its largest,
     * {@link io.fairspin.math.slot.analysis.MaxWin#largest}) plus, from {@code trigger} coins, the largest award
     * (every cell that can hold a coin at the largest value, and the grand prize when that is the whole screen; with a
     * collect symbol, the coins collected at the largest value), jackpots at their amount or seed. With {@code capped}
     * the win toward the cap only, cut at {@code limit}, a progressive grand prize then paid on top; a value that names
     * a progressive jackpot then counts 0 toward the cap.
     */
    private long largestWin(boolean capped, long limit) {
        HoldAndWin feature = game.feature;
        long top = 0;
        for (int v = 0; v < feature.values().length; v++) {
            int j = feature.valueJackpot()[v];
            top = capped && j >= 0 && feature.jackpots().get(j).progressive() ? top : Math.max(top, feature.values()[v]);
        }
        long grand = capped ? cappedGrand : feature.grand();
        long units = game.base.model.stakeUnits();
        long largest = 0;
        for (int s = 0; s < baseOutcomes.length; s++) {
            if (baseOutcomes[s].largestWin() < 0) {
                continue;
            }
            long base = io.fairspin.math.slot.analysis.MaxWin.largest(baseOutcomes[s], freeOutcomes, 0);
            if (base < 0) {
                return -1;
            }
            // States s + states show the collect symbol: k coins collected at the largest value, and the respins
            // beside them only with alsoRespins.
            int state = s % chain.states();
            int k = chain.coins(state);
            boolean collects = s >= chain.states() && k > 0;
            long award = collects ? k * top : 0;
            long onTop = 0;
            if (k >= feature.trigger() && (!collects || feature.alsoRespins())) {
                long held = 0;
                for (int c = 0; c < chain.classes(); c++) {
                    held += classCoin[c] > 0 ? chain.size(c) : chain.count(state, c);
                }
                award += held * top + (held == cells ? grand : 0);
                onTop = held == cells ? feature.grand() - grand : 0;
            }
            largest = Math.max(largest, Math.min(base + award * units, limit) + onTop * units);
        }
        return largest;
    }

    /** The maximum win rows: the largest round win (the cap where it is reached), the cap and whether it is reached. */
    private List<List<Cell>> largestWinRows() {
        long units = game.base.model.stakeUnits();
        if (cap == 0) {
            return io.fairspin.math.slot.analysis.MaxWin.rows(largest, units, 0, false, null);
        }
        return io.fairspin.math.slot.analysis.MaxWin.rows(capReachable ? largestWin(true, cap) : largest, units,
                game.maxWin, capReachable,
                HoldAndWinGame.CAP_SCOPE + "; the largest round win before the cap is " + (largest < 0
                        ? "unbounded (free games retrigger)" : Fraction.of(largest, units).toDecimalString(4)
                        + " x total bet"));
    }

    ExactFigures figures() {
        return figures;
    }

    AnalysisReport report() {
        HoldAndWin feature = game.feature;
        SlotModel model = game.base.model;
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.text("stake per round"), Cell.text(stakeText(model))));
        List<Jackpot> jackpots = feature.jackpots();
        Fraction jackpotTotal = Fraction.ZERO;
        for (Fraction j : jackpotRtp) {
            jackpotTotal = jackpotTotal.add(j);
        }
        rows.add(List.of(Cell.text(jackpots.isEmpty() ? "RTP" : "RTP (jackpots at their amount or seed)"),
                Cell.exact(figures.rtp())));
        rows.add(List.of(Cell.text("base game RTP (lines and scatters)"), Cell.exact(baseRtp)));
        rows.add(List.of(Cell.text(jackpots.isEmpty() ? "hold-and-win RTP (coin values and grand prize)"
                : "hold-and-win RTP (coin values and grand prize, jackpots apart)"),
                Cell.exact(figures.rtp().subtract(baseRtp).subtract(freeRtp).subtract(jackpotTotal).subtract(collectRtp))));
        if (game.collectType >= 0) {
            rows.add(List.of(Cell.text(jackpots.isEmpty() ? "collect RTP (coin values collected)"
                    : "collect RTP (coin values collected, jackpots apart)"), Cell.exact(collectRtp)));
        }
        if (game.base.freeType >= 0) {
            rows.add(List.of(Cell.text("free games RTP"), Cell.exact(freeRtp)));
            rows.add(List.of(Cell.text("free games frequency"), Cell.exact(freeTriggered)));
        }
        if (!jackpots.isEmpty()) {
            rows.addAll(JackpotReport.rows(figures.rtp(), jackpotTotal, jackpots));
        }
        rows.addAll(ParSheet.spread(figures));
        rows.add(List.of(Cell.text("hold-and-win frequency (" + feature.trigger() + "+ coins)"), Cell.exact(trigger)));
        if (trigger.signum() > 0) {
            rows.add(List.of(Cell.text("plays per hold-and-win"), Cell.approximate(1 / trigger.doubleValue())));
            rows.add(List.of(Cell.text("mean hold-and-win award" + (capReachable ? " before the cap" : "")
                    + ", x total bet"), Cell.exact(featureMean)));
            Fraction full = fullPerRound;
            rows.add(List.of(Cell.text("full screen per round"), Cell.exact(full)));
            rows.add(List.of(Cell.text("full screen per hold-and-win"), Cell.exact(full.divide(trigger))));
        }
        if (game.collectType >= 0) {
            rows.add(List.of(Cell.text("collect frequency (" + game.base.model.symbols().get(feature.collectSymbol())
                    + " with coins; " + (feature.alsoRespins() ? "the respins start too with " + feature.trigger()
                    + "+ coins" : "the respins do not start") + ")"), Cell.exact(collectChance)));
        }
        rows.add(List.of(Cell.text(feature.grandJackpot() >= 0 ? "full screen wins jackpot" : "grand prize (full screen),"
                + " x total bet"), feature.grandJackpot() >= 0 ? Cell.text(feature.jackpots().get(feature.grandJackpot())
                .name()) : Cell.count(feature.grand())));
        rows.addAll(largestWinRows());
        rows.add(List.of(Cell.text("method"), Cell.text("base spin counted over every stop; respins by a Markov"
                + (classes == 1 ? " chain over coins held (exact)" : " chain over coins held per landing class ("
                + classes + " classes of cells with their own landing weights; exact)"))));
        // By coins at the start: the start states with that many coins together.
        Fraction[] startChance = zeros(cells + 1);
        Fraction[] startHeld = zeros(cells + 1);
        Fraction[] startFull = zeros(cells + 1);
        Fraction[] endChance = zeros(cells + 1);
        for (int s = 0; s < ends.length; s++) {
            if (ends[s] == null) {
                continue;
            }
            int k = chain.coins(s % chain.states());
            startChance[k] = startChance[k].add(chance[s]);
            startHeld[k] = startHeld[k].add(chance[s].multiply(expectedHeld(s, 1)));
            startFull[k] = startFull[k].add(chance[s].multiply(ends[s][cells]));
            for (int n = 0; n <= cells; n++) {
                endChance[n] = endChance[n].add(chance[s].multiply(ends[s][n]));
            }
        }
        List<List<Cell>> byStart = new ArrayList<>();
        for (int k = feature.trigger(); k <= cells; k++) {
            if (startChance[k].signum() == 0) {
                continue;
            }
            Fraction held = startHeld[k].divide(startChance[k]);
            Fraction full = startFull[k].divide(startChance[k]);
            Fraction award = held.multiply(valueMean).add(Fraction.of(feature.grand()).multiply(full));
            byStart.add(List.of(Cell.count(k), Cell.exact(startChance[k]), Cell.exact(held), Cell.exact(full),
                    Cell.exact(award)));
        }
        List<List<Cell>> heldAtEnd = new ArrayList<>();
        if (trigger.signum() > 0) {
            for (int n = feature.trigger(); n <= cells; n++) {
                heldAtEnd.add(List.of(Cell.count(n), Cell.exact(endChance[n].divide(trigger))));
            }
        }
        List<Table> tables = new ArrayList<>(List.of(
                new Table("Summary (exact)", List.of("figure", "value"), rows),
                AnalysisReport.returnByWinType(game.winTypes(), figures)));
        if (!jackpots.isEmpty()) {
            tables.add(JackpotReport.table(jackpots, capReachable ? "chance per round (before the cap)" : "chance per round",
                    jackpotHit, jackpotRtp));
        }
        ExactFigures bought = bonusBuyFigures();
        if (bought != null) {
            tables.add(bonusBuyTable(bought));
        }
        tables.addAll(List.of(
                new Table("Hold-and-win by coins at the start", List.of("coins", "chance per round",
                        "mean coins at the end", "full screen chance", "mean award" + (capReachable ? " before the cap" : "")
                        + ", x total bet"), byStart),
                new Table("Coins held at the end of a hold-and-win", List.of("coins", "chance per hold-and-win"),
                        heldAtEnd)));
        return new AnalysisReport(game.name(), tables);
    }

    /**
     * The PAR sheet's "Bonus buy" table: the price, the coins bought, the bought round's RTP (in a model with jackpots,
     * with the part its jackpots pay apart, as the summary shows the game's) next to the game's, and its variance per
     * unit of price.
     */
    private Table bonusBuyTable(ExactFigures bought) {
        HoldAndWin feature = game.feature;
        List<List<Cell>> rows = new ArrayList<>(List.of(
                List.of(Cell.text("price, x total bet"), Cell.count(feature.buy().price())),
                List.of(Cell.text("coins bought (on cells drawn at random)"), Cell.count(feature.buy().coins())),
                List.of(Cell.text("RTP of the bonus buy"), Cell.exact(bought.rtp()))));
        if (!feature.jackpots().isEmpty()) {
            Fraction jackpots = Fraction.ZERO;
            for (int type : game.jackpotTypes) {
                jackpots = jackpots.add(bought.rtpByWinType().get(type));
            }
            rows.add(List.of(Cell.text("jackpot RTP of the bonus buy (at their amount or seed)"), Cell.exact(jackpots)));
        }
        rows.add(List.of(Cell.text("RTP of the base game (for comparison)"), Cell.exact(figures.rtp())));
        rows.add(List.of(Cell.text("variance per unit of price"), Cell.exact(bought.variance())));
        rows.add(List.of(Cell.text("standard deviation per unit of price"),
                Cell.approximate(Math.sqrt(bought.variance().doubleValue()))));
        return new Table("Bonus buy", List.of("figure", "value"), rows);
    }
}

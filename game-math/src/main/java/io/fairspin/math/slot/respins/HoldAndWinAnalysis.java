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
 * per coin count k its chance P(k), the base win's sums E[T; k], E[T^2; k] and the chance that it pays
 * nothing. The feature's award given k depends on k only (cells are alike, values independent of where
 * and when a coin lands): with N the coins held at the end ({@link RespinChain}), value mean m and
 * variance s^2, grand prize G and C cells, the award F = (sum of N values) + G [N = C] has
 * E[F] = E[N] m + G P(full) and E[F^2] = E[N] s^2 + E[N^2] m^2 + 2 G m C P(full) + G^2 P(full).
 * The round's win is T + F 1[k >= trigger].
 */
final class HoldAndWinAnalysis {
    private final HoldAndWinGame game;
    private final int cells;
    /** By coin count k = 0 .. cells: P(k), E[T; k], E[T^2; k], P(T = 0; k), E[line; k], E[scatter; k]. */
    private final Fraction[] chance;
    private final Fraction[] t;
    private final Fraction[] t2;
    private final Fraction[] silent;
    private Fraction line = Fraction.ZERO;
    private Fraction scatter = Fraction.ZERO;
    /** Per k >= trigger: the distribution of the coins held at the end. */
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
    /** By coin count k: the largest base spin win (lines and scatters) in line bets, -1 where k never shows. */
    private final long[] maxT;

    HoldAndWinAnalysis(HoldAndWinGame game) {
        this.game = game;
        HoldAndWin feature = game.feature;
        SlotModel model = game.base.model;
        cells = feature.cells();
        chance = zeros(cells + 1);
        t = zeros(cells + 1);
        t2 = zeros(cells + 1);
        silent = zeros(cells + 1);
        maxT = new long[cells + 1];
        java.util.Arrays.fill(maxT, -1);
        SlotModel.Choice choice = model.baseReels();
        long total = choice.total();
        for (int i = 0; i < choice.sets().length; i++) {
            SpinDistribution distribution = SpinDistribution.of(game.base, game.base.reelSets[choice.sets()[i]]);
            Fraction setChance = Fraction.of(BigInteger.valueOf(choice.weights()[i]),
                    BigInteger.valueOf(total).multiply(BigInteger.valueOf(distribution.cycle)));
            add(model, distribution, setChance);
        }
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
        ends = new Fraction[cells + 1][];
        Fraction mean = Fraction.ZERO;
        Fraction meanSquare = Fraction.ZERO;
        Fraction hit = Fraction.ONE;
        Fraction coins = Fraction.ZERO;
        Fraction fullChance = Fraction.ZERO;
        Fraction triggered = Fraction.ZERO;
        for (int k = 0; k <= cells; k++) {
            mean = mean.add(t[k]);
            meanSquare = meanSquare.add(t2[k]);
            if (k < feature.trigger()) {
                hit = hit.subtract(silent[k]);
                continue;
            }
            if (chance[k].signum() == 0) {
                continue;
            }
            ends[k] = RespinChain.finalCoins(cells, feature.respins(), feature.coinWeight(), feature.emptyWeight(), k);
            Fraction held = expectedHeld(k, 1);
            Fraction heldSquare = expectedHeld(k, 2);
            Fraction full = ends[k][cells];
            // F in total bets, then in line bets (x units).
            Fraction f = held.multiply(valueMean).add(g.multiply(full));
            Fraction f2 = held.multiply(valueVariance).add(heldSquare.multiply(valueMean).multiply(valueMean))
                    .add(g.multiply(valueMean).multiply(2L * cells).multiply(full)).add(g.multiply(g).multiply(full));
            mean = mean.add(chance[k].multiply(f).multiply(units));
            meanSquare = meanSquare.add(t[k].multiply(f).multiply(2 * units))
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
        // Coins held per round, split by what their values pay: credits or a jackpot.
        int jackpots = feature.jackpots().size();
        Fraction credits = Fraction.ZERO;
        Fraction[] jackpotRtp = zeros(jackpots);
        Fraction[] jackpotCoin = zeros(jackpots);
        for (int i = 0; i < values.length; i++) {
            Fraction q = Fraction.of(weights[i], weightTotal);
            Fraction part = coins.multiply(q).multiply(values[i]);
            int j = feature.valueJackpot()[i];
            if (j < 0) {
                credits = credits.add(part);
            } else {
                jackpotRtp[j] = jackpotRtp[j].add(part);
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
        byType.addAll(List.of(jackpotRtp));
        jackpotHit = zeros(jackpots);
        for (int j = 0; j < jackpots; j++) {
            for (int k = feature.trigger(); k <= cells; k++) {
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
        baseRtp = line.add(scatter).divide(units);
        figures = new ExactFigures(rtp, byType, hit, variance, List.of(triggered));
    }

    private static Fraction[] zeros(int n) {
        Fraction[] a = new Fraction[n];
        java.util.Arrays.fill(a, Fraction.ZERO);
        return a;
    }

    private void add(SlotModel model, SpinDistribution distribution, Fraction setChance) {
        int scatterIndex = game.feature.scatter();
        for (Map.Entry<IntArrayKey, LongLongMap> entry : distribution.entries()) {
            int[] counts = entry.getKey().values();
            long sp = 0;
            for (int i = 0; i < counts.length; i++) {
                sp += model.scatters().get(i).pay(counts[i]) * model.lines();
            }
            int k = counts[scatterIndex];
            long scatterPay = sp;
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
                maxT[k] = weight > 0 ? Math.max(maxT[k], a + scatterPay) : maxT[k];
                sums[4] = sums[4].add(BigInteger.valueOf(a).multiply(w));
                sums[5] = sums[5].add(BigInteger.valueOf(scatterPay).multiply(w));
            });
            chance[k] = chance[k].add(setChance.multiply(whole(sums[0])));
            t[k] = t[k].add(setChance.multiply(whole(sums[1])));
            t2[k] = t2[k].add(setChance.multiply(whole(sums[2])));
            silent[k] = silent[k].add(setChance.multiply(whole(sums[3])));
            line = line.add(setChance.multiply(whole(sums[4])));
            scatter = scatter.add(setChance.multiply(whole(sums[5])));
        }
    }

    private static Fraction whole(BigInteger value) {
        return Fraction.of(value, BigInteger.ONE);
    }

    /** E[N^power] of the coins held at the end, starting from k. */
    private Fraction expectedHeld(int k, int power) {
        Fraction sum = Fraction.ZERO;
        for (int n = 0; n <= cells; n++) {
            long x = power == 1 ? n : (long) n * n;
            sum = sum.add(ends[k][n].multiply(x));
        }
        return sum;
    }

    /**
     * The largest round win in line bets: over the coin counts k a base spin shows, its largest base win plus, from
     * {@code trigger} coins, the largest award (a full screen of the largest value and the grand prize; only the k
     * coins held when no coin can land), jackpots at their amount or seed.
     */
    private long largestWin() {
        HoldAndWin feature = game.feature;
        long top = java.util.Arrays.stream(feature.values()).max().orElse(0);
        long units = game.base.model.stakeUnits();
        long largest = 0;
        for (int k = 0; k <= cells; k++) {
            if (maxT[k] < 0) {
                continue;
            }
            long award = 0;
            if (k >= feature.trigger()) {
                boolean fills = feature.coinWeight() > 0 || k == cells;
                award = fills ? cells * top + feature.grand() : k * top;
            }
            largest = Math.max(largest, maxT[k] + award * units);
        }
        return largest;
    }

    ExactFigures figures() {
        return figures;
    }

    AnalysisReport report() {
        HoldAndWin feature = game.feature;
        SlotModel model = game.base.model;
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.text("stake per round"), Cell.text(model.lines() + " lines x " + model.lineBet() + " = "
                + game.stake() + " (minor units)")));
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
                Cell.exact(figures.rtp().subtract(baseRtp).subtract(jackpotTotal))));
        if (!jackpots.isEmpty()) {
            rows.addAll(JackpotReport.rows(figures.rtp(), jackpotTotal, jackpots));
        }
        rows.addAll(ParSheet.spread(figures));
        rows.add(List.of(Cell.text("hold-and-win frequency (" + feature.trigger() + "+ coins)"), Cell.exact(trigger)));
        if (trigger.signum() > 0) {
            rows.add(List.of(Cell.text("plays per hold-and-win"), Cell.approximate(1 / trigger.doubleValue())));
            rows.add(List.of(Cell.text("mean hold-and-win award, x total bet"), Cell.exact(featureMean)));
            Fraction full = fullPerRound;
            rows.add(List.of(Cell.text("full screen per round"), Cell.exact(full)));
            rows.add(List.of(Cell.text("full screen per hold-and-win"), Cell.exact(full.divide(trigger))));
        }
        rows.add(List.of(Cell.text(feature.grandJackpot() >= 0 ? "full screen wins jackpot" : "grand prize (full screen),"
                + " x total bet"), feature.grandJackpot() >= 0 ? Cell.text(feature.jackpots().get(feature.grandJackpot())
                .name()) : Cell.count(feature.grand())));
        rows.addAll(io.fairspin.math.slot.analysis.MaxWin.rows(largestWin(), model.stakeUnits(), 0, false, null));
        rows.add(List.of(Cell.text("method"), Cell.text("base spin counted over every stop; respins by a Markov"
                + " chain over coins held (exact)")));
        List<List<Cell>> byStart = new ArrayList<>();
        for (int k = feature.trigger(); k <= cells; k++) {
            if (ends[k] == null) {
                continue;
            }
            Fraction held = expectedHeld(k, 1);
            Fraction full = ends[k][cells];
            Fraction award = held.multiply(valueMean).add(Fraction.of(feature.grand()).multiply(full));
            byStart.add(List.of(Cell.count(k), Cell.exact(chance[k]), Cell.exact(held), Cell.exact(full),
                    Cell.exact(award)));
        }
        List<List<Cell>> heldAtEnd = new ArrayList<>();
        if (trigger.signum() > 0) {
            for (int n = feature.trigger(); n <= cells; n++) {
                Fraction p = Fraction.ZERO;
                for (int k = feature.trigger(); k <= n; k++) {
                    if (ends[k] != null) {
                        p = p.add(chance[k].multiply(ends[k][n]));
                    }
                }
                heldAtEnd.add(List.of(Cell.count(n), Cell.exact(p.divide(trigger))));
            }
        }
        List<Table> tables = new ArrayList<>(List.of(
                new Table("Summary (exact)", List.of("figure", "value"), rows),
                AnalysisReport.returnByWinType(game.winTypes(), figures)));
        if (!jackpots.isEmpty()) {
            tables.add(JackpotReport.table(jackpots, "chance per round", jackpotHit, jackpotRtp));
        }
        tables.addAll(List.of(
                new Table("Hold-and-win by coins at the start", List.of("coins", "chance per round",
                        "mean coins at the end", "full screen chance", "mean award, x total bet"), byStart),
                new Table("Coins held at the end of a hold-and-win", List.of("coins", "chance per hold-and-win"),
                        heldAtEnd)));
        return new AnalysisReport(game.name(), tables);
    }
}

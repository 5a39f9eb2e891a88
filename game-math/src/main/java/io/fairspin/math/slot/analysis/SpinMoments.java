package io.fairspin.math.slot.analysis;

import io.fairspin.math.AnalysisBudget;
import io.fairspin.math.Fraction;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.evaluation.IntArrayKey;
import io.fairspin.math.slot.evaluation.LongLongMap;
import io.fairspin.math.slot.model.SlotModel.Choice;
import io.fairspin.math.slot.model.SlotModel.Scatter;
import io.fairspin.math.slot.model.SlotModel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums over the outcomes of one spin, from which the exact moments of a round follow: per outcome its
 * capped line-plus-scatter win T (in line bets, multiplier applied), its bonus rounds B and the free
 * games N it awards. Probabilities are exact: a reel set's sums over its cycle, weighted by the set's
 * chance.
 */
public final class SpinMoments {
    /** E[T], the expected win in line bets. */
    public Fraction t = Fraction.ZERO;
    /** E[T^2]. */
    public Fraction t2 = Fraction.ZERO;
    /** E[B], the expected bonus rounds. */
    public Fraction b = Fraction.ZERO;
    /** E[B(B-1)]. */
    public Fraction bb1 = Fraction.ZERO;
    /** E[TB]. */
    public Fraction tb = Fraction.ZERO;
    /** E[N], the expected free games awarded. */
    public Fraction n = Fraction.ZERO;
    /** E[N(N-1)]. */
    public Fraction nn1 = Fraction.ZERO;
    /** E[TN]. */
    public Fraction tn = Fraction.ZERO;
    /** E[BN]. */
    public Fraction bn = Fraction.ZERO;
    /** Expected line (or ways) and scatter wins after the cap's cut, before any multiplier. */
    public Fraction line = Fraction.ZERO;
    /** The expected scatter win after the cap's cut, before any multiplier. */
    public Fraction scatter = Fraction.ZERO;
    /** Expected amount the cap takes off. */
    public Fraction cut = Fraction.ZERO;
    /** P(B &gt; 0): the probability that the spin starts a bonus. */
    public Fraction bonusTriggered = Fraction.ZERO;
    /** P(N &gt; 0): the probability that the spin awards free games. */
    public Fraction freeTriggered = Fraction.ZERO;
    /** P(T = 0 and B = 0 and N = k), by k. */
    public final Map<Long, Fraction> silentByAward = new TreeMap<>();
    /** P(B = 0 and N = k), by k. */
    public final Map<Long, Fraction> noBonusByAward = new TreeMap<>();
    /** Per scatter (by index) and count: probability. */
    public final List<Map<Integer, Fraction>> scatterCounts = new ArrayList<>();
    /** The largest T of any outcome; -1 when random reel heights' search for it passed its budget. */
    public long maxT;
    /**
     * The probability of the largest T; null when random reel heights' search found the largest T but its count of
     * the windows that win it passed the budget ({@link WaysMaxWin}).
     */
    public Fraction maxTProbability = Fraction.ZERO;
    /**
     * The largest T by (bonus rounds, free games awarded), for the largest round win; for random reel heights past
     * {@link #HEIGHTS_BUDGET}, found by a search ({@link WaysMaxWin}), and empty when that passes its budget.
     */
    public final MaxWin.Outcomes outcomes = new MaxWin.Outcomes();

    /**
     * The moments of a spin played on {@code choice}'s reel sets.
     *
     * @param multiplier      applied to line and scatter wins
     * @param awardsFreeGames whether the spin's scatters award free games (false: N is always 0)
     * @param game the slot game
     * @param choice the reel sets and their weights
     * @return the sums
     */
    public static SpinMoments of(SlotGame game, Choice choice, long multiplier, boolean awardsFreeGames) {
        if (game.model.heights() != null) {
            // Counted outcome by outcome when that fits the budget (which gives the largest win, and is what a cap
            // needs); else, without a cap, by moments (WaysMoments); with a cap, refused (TooLarge): not exact.
            // Without a cap, the win distribution's smaller budget: a large game is refused within a fraction of a
            // second and analysed by moments.
            long budget = game.model.maxWin() > 0 ? HEIGHTS_BUDGET : RoundWins.HEIGHTS_BUDGET;
            try {
                return new AnalysisBudget(budget).run(() -> counted(game, choice, multiplier, awardsFreeGames));
            } catch (AnalysisBudget.TooLarge e) {
                if (game.model.maxWin() > 0) {
                    throw new NotCounted(e.getMessage());
                }
                return WaysMoments.of(game, choice, multiplier, awardsFreeGames);
            }
        }
        return counted(game, choice, multiplier, awardsFreeGames);
    }

    /**
     * The most (state, column) steps the count of one spin of a capped game with random reel heights may take,
     * outcome by outcome (its ways give many states): 3 x 10^6, a few seconds; past it, the game has no exact figures
     * (a simulated sheet). A game without a cap is counted so within {@link RoundWins#HEIGHTS_BUDGET}, and past that
     * analysed by moments (exact, but without its largest win).
     */
    public static final long HEIGHTS_BUDGET = 3_000_000L;

    /**
     * A capped game with random reel heights whose spin cannot be counted within {@link #HEIGHTS_BUDGET}: it has no
     * exact figures (unlike {@link AnalysisBudget.TooLarge}, the limit a caller sets, which refuses the analysis).
     */
    public static final class NotCounted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotCounted(String message) {
            super(message);
        }
    }

    private static SpinMoments counted(SlotGame game, Choice choice, long multiplier, boolean awardsFreeGames) {
        SpinMoments moments = new SpinMoments();
        long total = choice.total();
        for (int i = 0; i < choice.sets().length; i++) {
            SpinDistribution distribution = SpinDistribution.of(game, game.reelSets[choice.sets()[i]]);
            Fraction chance = Fraction.of(BigInteger.valueOf(choice.weights()[i]),
                    BigInteger.valueOf(total).multiply(BigInteger.valueOf(distribution.cycle)));
            moments.add(game, distribution, chance, multiplier, awardsFreeGames);
        }
        return moments;
    }

    private void add(SlotGame game, SpinDistribution distribution, Fraction chance, long multiplier,
            boolean awardsFreeGames) {
        SlotModel model = game.model;
        int lines = model.lines();
        Sums sums = new Sums();
        for (Map.Entry<IntArrayKey, LongLongMap> entry : distribution.entries()) {
            int[] counts = entry.getKey().values();
            long sp = 0;
            for (int i = 0; i < counts.length; i++) {
                Scatter scatter = model.scatters().get(i);
                sp += scatter.pay(counts[i]) * lines;
            }
            long awarded = awardsFreeGames && model.freeGames() != null
                    ? model.freeGames().spins(counts[model.freeGames().scatter()]) : 0;
            long scatterPay = sp;
            entry.getValue().forEach((key, weight) -> sums.add(game, key >>> 8, key & 0xFF, scatterPay, awarded,
                    multiplier, weight));
            for (int i = 0; i < counts.length; i++) {
                while (scatterCounts.size() <= i) {
                    scatterCounts.add(new TreeMap<>());
                }
                Fraction p = chance.multiply(Fraction.of(BigInteger.valueOf(entry.getValue().total()), BigInteger.ONE));
                scatterCounts.get(i).merge(counts[i], p, Fraction::add);
            }
        }
        t = t.add(sums.t.times(chance));
        t2 = t2.add(sums.t2.times(chance));
        b = b.add(sums.b.times(chance));
        bb1 = bb1.add(sums.bb1.times(chance));
        tb = tb.add(sums.tb.times(chance));
        n = n.add(sums.n.times(chance));
        nn1 = nn1.add(sums.nn1.times(chance));
        tn = tn.add(sums.tn.times(chance));
        bn = bn.add(sums.bn.times(chance));
        line = line.add(sums.line.times(chance));
        scatter = scatter.add(sums.scatter.times(chance));
        cut = cut.add(sums.cut.times(chance));
        outcomes.addAll(sums.outcomes);
        bonusTriggered = bonusTriggered.add(sums.bonusTriggered.times(chance));
        freeTriggered = freeTriggered.add(sums.freeTriggered.times(chance));
        sums.silent.forEach((k, w) -> silentByAward.merge(k, w.times(chance), Fraction::add));
        sums.noBonus.forEach((k, w) -> noBonusByAward.merge(k, w.times(chance), Fraction::add));
        if (sums.maxT > maxT) {
            maxT = sums.maxT;
            maxTProbability = Fraction.ZERO;
        }
        if (sums.maxT == maxT) {
            maxTProbability = maxTProbability.add(sums.maxTWeight.times(chance));
        }
    }

    /** A running integer sum. */
    private static final class Sum {
        private BigInteger value = BigInteger.ZERO;

        void add(long a, long weight) {
            if (a != 0) {
                value = value.add(BigInteger.valueOf(a).multiply(BigInteger.valueOf(weight)));
            }
        }

        void add(BigInteger a, long weight) {
            value = value.add(a.multiply(BigInteger.valueOf(weight)));
        }

        Fraction times(Fraction chance) {
            return chance.multiply(Fraction.of(value, BigInteger.ONE));
        }
    }

    /** Integer sums over one reel set's outcomes. */
    private static final class Sums {
        final Sum t = new Sum();
        final Sum t2 = new Sum();
        final Sum b = new Sum();
        final Sum bb1 = new Sum();
        final Sum tb = new Sum();
        final Sum n = new Sum();
        final Sum nn1 = new Sum();
        final Sum tn = new Sum();
        final Sum bn = new Sum();
        final Sum line = new Sum();
        final Sum scatter = new Sum();
        final Sum cut = new Sum();
        final Sum bonusTriggered = new Sum();
        final Sum freeTriggered = new Sum();
        final Map<Long, Sum> silent = new TreeMap<>();
        final Map<Long, Sum> noBonus = new TreeMap<>();
        long maxT = -1;
        final Sum maxTWeight = new Sum();
        final MaxWin.Outcomes outcomes = new MaxWin.Outcomes();

        void add(SlotGame game, long a, long bonuses, long sp, long awarded, long multiplier, long weight) {
            long raw = multiplier * (a + sp);
            long excess = game.excess(raw, game.model.lines());
            long tValue = raw - excess;
            long lineCut = Math.min(excess, multiplier * a);
            t.add(tValue, weight);
            if (weight > 0) {
                outcomes.add(tValue, bonuses, awarded);
            }
            t2.add(BigInteger.valueOf(tValue).pow(2), weight);
            b.add(bonuses, weight);
            bb1.add(bonuses * (bonuses - 1), weight);
            tb.add(BigInteger.valueOf(tValue).multiply(BigInteger.valueOf(bonuses)), weight);
            n.add(awarded, weight);
            nn1.add(awarded * (awarded - 1), weight);
            tn.add(BigInteger.valueOf(tValue).multiply(BigInteger.valueOf(awarded)), weight);
            bn.add(bonuses * awarded, weight);
            line.add(multiplier * a - lineCut, weight);
            scatter.add(multiplier * sp - (excess - lineCut), weight);
            cut.add(excess, weight);
            bonusTriggered.add(bonuses > 0 ? 1 : 0, weight);
            freeTriggered.add(awarded > 0 ? 1 : 0, weight);
            if (tValue == 0 && bonuses == 0) {
                silent.computeIfAbsent(awarded, k -> new Sum()).add(1, weight);
            }
            if (bonuses == 0) {
                noBonus.computeIfAbsent(awarded, k -> new Sum()).add(1, weight);
            }
            if (tValue > maxT) {
                maxT = tValue;
                maxTWeight.value = BigInteger.ZERO;
            }
            if (tValue == maxT) {
                maxTWeight.add(1, weight);
            }
        }
    }
}

package io.fairspin.math.slot.analysis;

import io.fairspin.math.AnalysisBudget;
import io.fairspin.math.Fraction;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.evaluation.IntArrayKey;
import io.fairspin.math.slot.evaluation.LongLongMap;
import io.fairspin.math.slot.model.SlotModel;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The exact distribution of a slot round's total win at the standard wager, from the same counting as the
 * PAR sheet ({@link SpinDistribution}): a round that triggers no feature is its base spin alone, so its
 * win is the spin's line (or ways) and scatter win after the cap, times the bet per line. Rounds that
 * trigger a feature (free games or a pick bonus) have wins the counting does not enumerate (retriggers
 * make their support unbounded); they are one category of their own, with its exact probability.
 *
 * @param wins          each win of a round without a feature, in minor units, with P(no feature and that
 *                      win); the probabilities sum to 1 − featureRounds
 * @param featureRounds the probability that a round triggers a feature
 */
public record RoundWins(SortedMap<Long, Fraction> wins, Fraction featureRounds) {
    /**
     * The most (state, column) steps the count of a game with random reel heights may take (its ways give many
     * states): 2 x 10^5, well under a second, refused up front at the reel that would pass it. Small games fit;
     * Mega Dragon (6 reels of 240 (height, stop) pairs) is refused at its third reel in about 0.3 s (counted
     * without a bound it takes about 5 minutes), so it keeps the two z-tests.
     */
    public static final long HEIGHTS_BUDGET = 200_000L;

    /**
     * The distribution as given, its wins copied into an unmodifiable map in order of win.
     *
     * @param wins          each win of a round without a feature, in minor units, with P(no feature and that win)
     * @param featureRounds the probability that a round triggers a feature
     */
    public RoundWins {
        wins = Collections.unmodifiableSortedMap(new TreeMap<>(wins));
    }

    /**
     * The round win distribution of {@code game}, or null when it has random reel heights (whose figures
     * are analysed by moments) and its count would take more than {@link #HEIGHTS_BUDGET} steps.
     *
     * @param game the slot game, played at its standard wager
     * @return the exact distribution of its round win, or null for random reel heights over the budget
     */
    public static RoundWins of(SlotGame game) {
        if (game.model.heights() != null) {
            try {
                return new AnalysisBudget(HEIGHTS_BUDGET).run(() -> count(game));
            } catch (AnalysisBudget.TooLarge e) {
                return null;
            }
        }
        return count(game);
    }

    private static RoundWins count(SlotGame game) {
        SlotModel model = game.model;
        SlotModel.Choice choice = model.baseReels();
        long total = choice.total();
        int lines = model.lines();
        long lineBet = model.lineBet();
        Map<Long, Fraction> byWin = new TreeMap<>();
        Fraction noFeature = Fraction.ZERO;
        for (int i = 0; i < choice.sets().length; i++) {
            SpinDistribution distribution = SpinDistribution.of(game, game.reelSets[choice.sets()[i]]);
            Fraction chance = Fraction.of(BigInteger.valueOf(choice.weights()[i]),
                    BigInteger.valueOf(total).multiply(BigInteger.valueOf(distribution.cycle)));
            Map<Long, BigInteger> combinations = new TreeMap<>();
            for (Map.Entry<IntArrayKey, LongLongMap> entry : distribution.entries()) {
                int[] counts = entry.getKey().values();
                long scatterPay = 0;
                for (int s = 0; s < counts.length; s++) {
                    scatterPay += model.scatters().get(s).pay(counts[s]) * lines;
                }
                long awarded = model.freeGames() == null ? 0 : model.freeGames().spins(counts[model.freeGames().scatter()]);
                if (awarded > 0) {
                    continue;
                }
                long scatters = scatterPay;
                entry.getValue().forEach((key, weight) -> {
                    if ((key & 0xFF) == 0) {
                        long raw = (key >>> 8) + scatters;
                        long win = Math.multiplyExact(raw - game.excess(raw, lines), lineBet);
                        combinations.merge(win, BigInteger.valueOf(weight), BigInteger::add);
                    }
                });
            }
            for (Map.Entry<Long, BigInteger> e : combinations.entrySet()) {
                Fraction p = chance.multiply(Fraction.of(e.getValue(), BigInteger.ONE));
                byWin.merge(e.getKey(), p, Fraction::add);
                noFeature = noFeature.add(p);
            }
        }
        return new RoundWins(new TreeMap<>(byWin), Fraction.ONE.subtract(noFeature));
    }
}

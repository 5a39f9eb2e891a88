package io.fairspin.sim;

import io.fairspin.math.Fraction;
import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The test of each pay-table award's simulated occurrences against its exact expected occurrences, for a game
 * that counts its base game's awards ({@link io.fairspin.math.AwardOccurrences}) but cannot state its exact win
 * distribution (a Megaways game past the counting budget, a hold-and-win game): the verdict's stand-in for the
 * chi-square test of the awards ({@link ChiSquare}), as the monitor tests a live game's awards.
 *
 * <p>Each award expected at least {@value #MIN_EXPECTED} times in the n rounds is tested on its own. With m its exact
 * expected occurrences per round and O its simulated occurrences, z = (O − nm) / sqrt(nv), v the larger of the
 * observed variance of its per-round count and m(1 − m) (no count of whole occurrences has a smaller variance). Its
 * two-sided p-value is the larger of the normal one, 2(1 − Φ(|z|)), and the Poisson one with mean nm,
 * 2·min(P(X ≥ O), P(X ≤ O)) capped at 1: for an award that occurs at most once a round (every ways award) the
 * count is binomial, whose tails the Poisson's bound, so a small expected count's skew cannot make the test reject
 * more often than it says. The test's p-value is Bonferroni's over the K awards tested, min(1, K × the smallest
 * award p-value), valid whatever the dependence between awards.
 *
 * @param statistic    the largest |z| over the awards tested
 * @param award        the award with the smallest p-value, or empty when none was tested
 * @param awardsTested K, the awards expected at least {@value #MIN_EXPECTED} times
 * @param pValue       the probability of an award this far from its expectation for a correct game (1 when none was
 *                     tested)
 */
public record AwardOccurrenceTest(double statistic, String award, int awardsTested, double pValue) {
    /** The smallest expected count of an award tested. */
    public static final double MIN_EXPECTED = 10;

    /**
     * Tests the occurrences counted in {@code rounds} rounds.
     *
     * @param rounds the number of rounds, at least 1
     * @param awards the awards' names
     * @param perRound each award's exact expected occurrences per round
     * @param occurrences each award's occurrences in the rounds
     * @param squares each award's per-round count squared, summed over the rounds
     * @return the test
     * @throws IllegalArgumentException when the lists differ in length
     */
    public static AwardOccurrenceTest of(long rounds, List<String> awards, List<Fraction> perRound,
            List<Long> occurrences, List<Long> squares) {
        int count = awards.size();
        if (perRound.size() != count || occurrences.size() != count || squares.size() != count) {
            throw new IllegalArgumentException("awards: " + count + " names, " + perRound.size() + " expectations, "
                    + occurrences.size() + " counts and " + squares.size() + " sums of squares");
        }
        double largest = 0;
        double smallestP = 1;
        String worst = "";
        int tested = 0;
        for (int a = 0; a < count; a++) {
            double m = perRound.get(a).doubleValue();
            double expected = ChiSquare.expectedCount(rounds, perRound.get(a));
            if (expected < MIN_EXPECTED) {
                continue;
            }
            tested++;
            double observed = occurrences.get(a);
            double mean = observed / rounds;
            double variance = Math.max(squares.get(a) / (double) rounds - mean * mean, m * (1 - m));
            double z = (observed - expected) / Math.sqrt(rounds * variance);
            double p = Math.max(normalTwoSided(z), poissonTwoSided(occurrences.get(a), expected));
            largest = Math.max(largest, Math.abs(z));
            if (p < smallestP || worst.isEmpty()) {
                smallestP = p;
                worst = awards.get(a);
            }
        }
        return new AwardOccurrenceTest(largest, worst, tested, tested == 0 ? 1 : Math.min(1, tested * smallestP));
    }

    private static double normalTwoSided(double z) {
        return Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }

    /**
     * 2·min(P(X ≥ k), P(X ≤ k)) for X Poisson with mean {@code mean}, capped at 1: P(X ≥ k) = P(k, mean) and
     * P(X ≤ k) = Q(k + 1, mean), the regularized incomplete gamma functions.
     */
    static double poissonTwoSided(long k, double mean) {
        double upper = k == 0 ? 1 : Gamma.regularizedGammaP(k, mean);
        double lower = Gamma.regularizedGammaQ(k + 1.0, mean);
        return Math.min(1, 2 * Math.min(upper, lower));
    }
}

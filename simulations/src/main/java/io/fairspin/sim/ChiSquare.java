package io.fairspin.sim;

import io.fairspin.math.Fraction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square test of the simulated frequency of every award (each total win a round can pay)
 * against its exact probability. As testing labs do, awards are pooled with their neighbours in order
 * of win until each pooled category expects at least {@value #MIN_EXPECTED} rounds (a last pool that
 * expects fewer joins the one before), so the chi-square approximation holds; the degrees of freedom
 * are the pooled categories less one. Rounds whose win the distribution does not list make the test
 * fail outright (p-value 0).
 *
 * @param statistic        Σ (observed − expected)² / expected over the pooled categories
 * @param degreesOfFreedom pooled categories − 1
 * @param pValue           the probability of a statistic at least this large for a correct game
 * @param awards           the awards (distinct wins) of the exact distribution
 * @param categories       the categories after pooling
 * @param unlisted         rounds whose win is not in the exact distribution
 */
public record ChiSquare(double statistic, int degreesOfFreedom, double pValue, int awards, int categories,
        long unlisted) {
    /** The smallest expected count of a category. */
    public static final double MIN_EXPECTED = 5;

    /**
     * Tests {@code counts} (rounds per win of {@code distribution}, in its order, then the unlisted
     * rounds; {@link Statistics#winCounts()}) of {@code rounds} rounds.
     *
     * @param rounds the number of rounds simulated, at least 1
     * @param counts the rounds per listed win, then the rounds whose win is not listed (one more than the
     *     distribution's size)
     * @param distribution the exact probability of each listed win (in minor units), ascending by win
     * @return the test's statistic, degrees of freedom and p-value
     */
    public static ChiSquare of(long rounds, List<Long> counts, SortedMap<Long, Fraction> distribution) {
        return of(rounds, counts, distribution, Fraction.ZERO);
    }

    /**
     * Tests {@code counts} of {@code rounds} rounds against a distribution that leaves out the rounds
     * triggering a feature, of probability {@code featureRounds} (when not zero, {@code counts} holds their
     * number after the listed wins' and before the unlisted rounds'). The feature rounds are a category of
     * their own, pooled with the last category only when they expect fewer than {@value #MIN_EXPECTED}.
     *
     * @param rounds the number of rounds simulated, at least 1
     * @param counts the rounds per listed win, then (when {@code featureRounds} is not zero) the feature rounds,
     *     then the rounds whose win is not listed
     * @param distribution the exact probability of each listed win (in minor units), ascending by win; the
     *     probabilities of rounds without a feature
     * @param featureRounds the exact probability of a round that triggers a feature, zero for none
     * @return the test's statistic, degrees of freedom and p-value
     * @throws IllegalArgumentException when {@code counts} does not have one count per category
     */
    public static ChiSquare of(long rounds, List<Long> counts, SortedMap<Long, Fraction> distribution,
            Fraction featureRounds) {
        boolean pooled = featureRounds.signum() != 0;
        int expectedSize = distribution.size() + (pooled ? 2 : 1);
        if (counts.size() != expectedSize) {
            throw new IllegalArgumentException("counts: expected " + expectedSize + ", was " + counts.size());
        }
        long unlisted = counts.get(expectedSize - 1);
        List<double[]> pools = new ArrayList<>();
        double expected = 0;
        double observed = 0;
        int index = 0;
        for (Map.Entry<Long, Fraction> award : distribution.entrySet()) {
            expected += expectedCount(rounds, award.getValue());
            observed += counts.get(index++);
            if (expected >= MIN_EXPECTED) {
                pools.add(new double[] {observed, expected});
                expected = 0;
                observed = 0;
            }
        }
        if (pooled) {
            double featureExpected = expectedCount(rounds, featureRounds);
            double featureObserved = counts.get(distribution.size());
            if (featureExpected >= MIN_EXPECTED || pools.isEmpty()) {
                pools.add(new double[] {featureObserved, featureExpected});
            } else {
                expected += featureExpected;
                observed += featureObserved;
            }
        }
        if (expected > 0 || observed > 0) {
            if (pools.isEmpty()) {
                pools.add(new double[] {observed, expected});
            } else {
                double[] last = pools.get(pools.size() - 1);
                last[0] += observed;
                last[1] += expected;
            }
        }
        int df = pools.size() - 1;
        if (unlisted > 0) {
            return new ChiSquare(Double.POSITIVE_INFINITY, df, 0, distribution.size(), pools.size(), unlisted);
        }
        double statistic = 0;
        for (double[] pool : pools) {
            double difference = pool[0] - pool[1];
            statistic += difference * difference / pool[1];
        }
        double p = df < 1 ? 1 : 1 - new ChiSquaredDistribution(df).cumulativeProbability(statistic);
        return new ChiSquare(statistic, df, Math.max(0, p), distribution.size(), pools.size(), 0);
    }

    /** rounds · probability, from the exact fraction. */
    /** n × p, exactly rounded to a double (a double product loses digits for n near 2^53 and beyond). */
    static double expectedCount(long rounds, Fraction probability) {
        return new BigDecimal(BigInteger.valueOf(rounds).multiply(probability.numerator()))
                .divide(new BigDecimal(probability.denominator()), MathContext.DECIMAL64).doubleValue();
    }
}

package io.fairspin.sim;

import io.fairspin.math.Fraction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The figures of a set of simulated rounds, held as the exact integer sums they are computed from:
 * return to player, hit frequency, standard deviation and volatility index, confidence intervals, maximum
 * win, feature frequencies, contribution by win type and the distribution of wins in multiples of the
 * stake. Every round has the game's standard stake.
 *
 * @param stake            the stake of one round, in minor units
 * @param rounds           the number of rounds
 * @param hits             the rounds that won anything
 * @param totalWin         the sum of the wins, in minor units
 * @param sumOfSquaredWins the sum of the squared wins, exact
 * @param maxWin           the largest win of one round, in minor units
 * @param winByType        the total win of each of the game's win types, in minor units
 * @param featureCounts    the rounds that triggered each of the game's features
 * @param histogram        the rounds in each bucket of the win distribution (see {@link #histogramBuckets()})
 */
public record Statistics(long stake, long rounds, long hits, long totalWin, BigInteger sumOfSquaredWins, long maxWin,
        List<Long> winByType, List<Long> featureCounts, List<Long> histogram) {

    public Statistics {
        Objects.requireNonNull(sumOfSquaredWins, "sumOfSquaredWins");
        winByType = List.copyOf(winByType);
        featureCounts = List.copyOf(featureCounts);
        histogram = List.copyOf(histogram);
    }

    /** The two-sided standard normal quantile for {@code confidence}: 2.5758 for 0.99. */
    public static double criticalValue(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: must be strictly between 0 and 1, was " + confidence);
        }
        return new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    /** The total staked: rounds times stake. */
    public BigInteger totalStake() {
        return BigInteger.valueOf(rounds).multiply(BigInteger.valueOf(stake));
    }

    /** The return to player, total win over total stake, exactly. */
    public Fraction exactRtp() {
        return Fraction.of(BigInteger.valueOf(totalWin), totalStake());
    }

    /** The return to player as a double; NaN without rounds. */
    public double rtp() {
        return rounds == 0 ? Double.NaN : exactRtp().doubleValue();
    }

    /** The fraction of rounds that won anything; NaN without rounds. */
    public double hitFrequency() {
        return rounds == 0 ? Double.NaN : (double) hits / rounds;
    }

    /**
     * The sample standard deviation of the win per round in multiples of the stake:
     * sqrt((n·Σw² − (Σw)²) / (n·(n − 1))) / stake, the numerator computed exactly; NaN below two rounds.
     */
    public double standardDeviation() {
        if (rounds < 2) {
            return Double.NaN;
        }
        BigInteger n = BigInteger.valueOf(rounds);
        BigInteger sum = BigInteger.valueOf(totalWin);
        BigInteger numerator = n.multiply(sumOfSquaredWins).subtract(sum.multiply(sum));
        BigInteger denominator = n.multiply(n.subtract(BigInteger.ONE)).multiply(BigInteger.valueOf(stake).pow(2));
        double variance = new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL64)
                .doubleValue();
        return Math.sqrt(variance);
    }

    /** The volatility index at {@code confidence}: the critical value times the standard deviation. */
    public double volatilityIndex(double confidence) {
        return criticalValue(confidence) * standardDeviation();
    }

    /** The confidence interval of the return to player: rtp ± z·sd/√n. */
    public Interval rtpInterval(double confidence) {
        return Interval.around(rtp(), criticalValue(confidence) * standardDeviation() / Math.sqrt(rounds));
    }

    /** The confidence interval of the hit frequency: p ± z·sqrt(p(1 − p)/n). */
    public Interval hitFrequencyInterval(double confidence) {
        return proportionInterval(hits, confidence);
    }

    /** The fraction of rounds that triggered feature {@code feature}. */
    public double featureFrequency(int feature) {
        return rounds == 0 ? Double.NaN : (double) featureCounts.get(feature) / rounds;
    }

    /** The confidence interval of feature {@code feature}'s frequency, as for the hit frequency. */
    public Interval featureFrequencyInterval(int feature, double confidence) {
        return proportionInterval(featureCounts.get(feature), confidence);
    }

    /** The contribution of win type {@code winType} to the return to player: its total win over the total stake. */
    public double rtpOfWinType(int winType) {
        return rounds == 0 ? Double.NaN
                : Fraction.of(BigInteger.valueOf(winByType.get(winType)), totalStake()).doubleValue();
    }

    /** The largest win of one round in multiples of the stake. */
    public double maxWinMultiple() {
        return (double) maxWin / stake;
    }

    /** The win distribution's buckets with their counts. */
    public List<Bucket> histogramBuckets() {
        return WinHistogram.buckets(histogram);
    }

    private Interval proportionInterval(long count, double confidence) {
        double p = (double) count / rounds;
        return Interval.around(p, criticalValue(confidence) * Math.sqrt(p * (1 - p) / rounds));
    }

    /** A closed interval of real numbers. */
    public record Interval(double low, double high) {
        static Interval around(double centre, double halfWidth) {
            return new Interval(centre - halfWidth, centre + halfWidth);
        }

        public boolean contains(double value) {
            return low <= value && value <= high;
        }
    }

    /**
     * One bucket of the win distribution: wins from {@code from} (inclusive; exclusive for the first
     * winning bucket) to {@code to} (exclusive) times the stake; the no-win bucket has both 0.
     */
    public record Bucket(String label, double from, double to, long rounds) {
    }
}

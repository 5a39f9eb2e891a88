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
 * stake.
 *
 * <p>A round's stake s is the game's initial stake B plus any stake added during the round (a raise, a
 * double, odds); its win w is what it paid back (for table games, stakes returned included). The return
 * to player is Σw / Σs, a ratio of two random sums, so its standard error comes from the delta method;
 * the standard deviation is that of the net result (w − s) / B, as in {@link io.fairspin.math.ExactFigures}.
 * With a fixed stake both reduce to the usual figures of w / B. See docs/simulation.md for the formulas.
 *
 * @param stake                the initial stake of one round, in minor units
 * @param rounds               the number of rounds
 * @param hits                 the rounds that won anything
 * @param totalWin             Σw, the sum of the wins, in minor units
 * @param totalStake           Σs, the sum of the stakes, in minor units
 * @param sumOfSquaredWins     Σw², exact
 * @param sumOfSquaredStakes   Σs², exact
 * @param sumOfWinsTimesStakes Σw·s, exact
 * @param maxWin               the largest win of one round, in minor units
 * @param winByType            the total win of each of the game's win types, in minor units
 * @param featureCounts        the rounds that triggered each of the game's features
 * @param histogram            the rounds in each bucket of the win distribution (see {@link #histogramBuckets()})
 * @param winCounts            when the game states its exact win distribution ({@link io.fairspin.math.WinDistribution}),
 *                             the rounds per win in its order, then the rounds whose win it does not list;
 *                             otherwise empty
 * @param awardOccurrences     when the game has no exact win distribution but counts its awards
 *                             ({@link io.fairspin.math.AwardOccurrences}), each award's occurrences in the rounds;
 *                             otherwise empty
 * @param awardSquares         with {@code awardOccurrences}, per award the sum over rounds of its count in the
 *                             round squared (for the variance of its count); otherwise empty
 */
public record Statistics(long stake, long rounds, long hits, BigInteger totalWin, BigInteger totalStake,
        BigInteger sumOfSquaredWins, BigInteger sumOfSquaredStakes, BigInteger sumOfWinsTimesStakes, long maxWin,
        List<BigInteger> winByType, List<Long> featureCounts, List<Long> histogram, List<Long> winCounts,
        List<Long> awardOccurrences, List<Long> awardSquares) {

    /**
     * Figures of a game without an exact win distribution.
     *
     * @param stake the initial stake of one round, in minor units
     * @param rounds the number of rounds
     * @param hits the rounds that won anything
     * @param totalWin the sum of the wins, in minor units
     * @param totalStake the sum of the stakes, in minor units
     * @param sumOfSquaredWins the sum of the squared wins, exact
     * @param sumOfSquaredStakes the sum of the squared stakes, exact
     * @param sumOfWinsTimesStakes the sum of each round's win times its stake, exact
     * @param maxWin the largest win of one round, in minor units
     * @param winByType the total win of each of the game's win types, in minor units
     * @param featureCounts the rounds that triggered each of the game's features
     * @param histogram the rounds in each bucket of the win distribution
     */
    public Statistics(long stake, long rounds, long hits, BigInteger totalWin, BigInteger totalStake,
            BigInteger sumOfSquaredWins, BigInteger sumOfSquaredStakes, BigInteger sumOfWinsTimesStakes, long maxWin,
            List<BigInteger> winByType, List<Long> featureCounts, List<Long> histogram) {
        this(stake, rounds, hits, totalWin, totalStake, sumOfSquaredWins, sumOfSquaredStakes, sumOfWinsTimesStakes,
                maxWin, winByType, featureCounts, histogram, List.of(), List.of(), List.of());
    }

    /**
     * Figures of a game that counts no awards.
     *
     * @param stake the initial stake of one round, in minor units
     * @param rounds the number of rounds
     * @param hits the rounds that won anything
     * @param totalWin the sum of the wins, in minor units
     * @param totalStake the sum of the stakes, in minor units
     * @param sumOfSquaredWins the sum of the squared wins, exact
     * @param sumOfSquaredStakes the sum of the squared stakes, exact
     * @param sumOfWinsTimesStakes the sum of each round's win times its stake, exact
     * @param maxWin the largest win of one round, in minor units
     * @param winByType the total win of each of the game's win types, in minor units
     * @param featureCounts the rounds that triggered each of the game's features
     * @param histogram the rounds in each bucket of the win distribution
     * @param winCounts when the game states its exact win distribution, the rounds per win in its order, then the
     *     rounds whose win it does not list; otherwise empty
     */
    public Statistics(long stake, long rounds, long hits, BigInteger totalWin, BigInteger totalStake,
            BigInteger sumOfSquaredWins, BigInteger sumOfSquaredStakes, BigInteger sumOfWinsTimesStakes, long maxWin,
            List<BigInteger> winByType, List<Long> featureCounts, List<Long> histogram, List<Long> winCounts) {
        this(stake, rounds, hits, totalWin, totalStake, sumOfSquaredWins, sumOfSquaredStakes, sumOfWinsTimesStakes,
                maxWin, winByType, featureCounts, histogram, winCounts, List.of(), List.of());
    }

    /**
     * Checks the sums and copies the lists.
     *
     * @param stake the initial stake of one round, in minor units
     * @param rounds the number of rounds
     * @param hits the rounds that won anything
     * @param totalWin Σw, the sum of the wins, in minor units
     * @param totalStake Σs, the sum of the stakes, in minor units
     * @param sumOfSquaredWins Σw², exact
     * @param sumOfSquaredStakes Σs², exact
     * @param sumOfWinsTimesStakes Σw·s, exact
     * @param maxWin the largest win of one round, in minor units
     * @param winByType the total win of each of the game's win types, in minor units
     * @param featureCounts the rounds that triggered each of the game's features
     * @param histogram the rounds in each bucket of the win distribution (see {@link #histogramBuckets()})
     * @param winCounts when the game states its exact win distribution ({@link io.fairspin.math.WinDistribution}), the
     *     rounds per win in its order, then the rounds whose win it does not list; otherwise empty
     * @param awardOccurrences when the game counts its awards instead, each award's occurrences; otherwise empty
     * @param awardSquares with {@code awardOccurrences}, per award the sum of its per-round count squared
     * @throws IllegalArgumentException when the award lists differ in length
     */
    public Statistics {
        Objects.requireNonNull(totalWin, "totalWin");
        Objects.requireNonNull(totalStake, "totalStake");
        Objects.requireNonNull(sumOfSquaredWins, "sumOfSquaredWins");
        Objects.requireNonNull(sumOfSquaredStakes, "sumOfSquaredStakes");
        Objects.requireNonNull(sumOfWinsTimesStakes, "sumOfWinsTimesStakes");
        winByType = List.copyOf(winByType);
        featureCounts = List.copyOf(featureCounts);
        histogram = List.copyOf(histogram);
        winCounts = List.copyOf(winCounts);
        awardOccurrences = List.copyOf(awardOccurrences);
        awardSquares = List.copyOf(awardSquares);
        if (awardOccurrences.size() != awardSquares.size()) {
            throw new IllegalArgumentException("awardSquares: expected " + awardOccurrences.size() + " sums, was "
                    + awardSquares.size());
        }
    }

    /**
     * The two-sided standard normal quantile for {@code confidence}: 2.5758 for 0.99.
     *
     * @param confidence the two-sided confidence level, strictly between 0 and 1
     * @return z with P(|Z| &lt;= z) = confidence for a standard normal Z
     */
    public static double criticalValue(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: must be strictly between 0 and 1, was " + confidence);
        }
        return new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    /**
     * Whether every round staked exactly the initial stake: Σs = nB and Σs² = nB².
     *
     * @return true when no round added to its stake
     */
    public boolean fixedStake() {
        BigInteger nb = BigInteger.valueOf(rounds).multiply(BigInteger.valueOf(stake));
        return totalStake.equals(nb) && sumOfSquaredStakes.equals(nb.multiply(BigInteger.valueOf(stake)));
    }

    /**
     * The return to player, total win over total stake, exactly.
     *
     * @return the exact RTP; 0/1 without rounds
     */
    public Fraction exactRtp() {
        return Fraction.of(totalWin, totalStake);
    }

    /**
     * The return to player as a double; NaN without rounds.
     *
     * @return the RTP as a fraction of the stake (0.96 for 96%)
     */
    public double rtp() {
        return rounds == 0 ? Double.NaN : exactRtp().doubleValue();
    }

    /**
     * The fraction of rounds that won anything; NaN without rounds.
     *
     * @return the hit frequency, in [0, 1]
     */
    public double hitFrequency() {
        return rounds == 0 ? Double.NaN : (double) hits / rounds;
    }

    /**
     * The average stake of a round in multiples of the initial stake, Σs / (nB); NaN without rounds.
     *
     * @return the average stake, 1 when the stake is fixed
     */
    public double averageStake() {
        return rounds == 0 ? Double.NaN
                : Fraction.of(totalStake, BigInteger.valueOf(rounds).multiply(BigInteger.valueOf(stake)))
                        .doubleValue();
    }

    /**
     * The expected loss per round in multiples of the initial stake, (Σs − Σw) / (nB): the house edge as
     * blackjack and craps players quote it; 1 − RTP when the stake is fixed. NaN without rounds.
     *
     * @return the house edge as a fraction of the initial stake
     */
    public double houseEdge() {
        return rounds == 0 ? Double.NaN
                : Fraction.of(totalStake.subtract(totalWin),
                        BigInteger.valueOf(rounds).multiply(BigInteger.valueOf(stake))).doubleValue();
    }

    /**
     * The sample standard deviation of the net result per round in multiples of the initial stake,
     * d = (w − s) / B: sqrt((n·Σd² − (Σd)²) / (n·(n − 1))), computed exactly from the sums as
     * (n·(Σw² − 2Σws + Σs²) − (Σw − Σs)²) / (n·(n − 1)·B²) before the square root; NaN below two rounds.
     * With a fixed stake, the standard deviation of w / B.
     *
     * @return the standard deviation per round, in multiples of the initial stake
     */
    public double standardDeviation() {
        if (rounds < 2) {
            return Double.NaN;
        }
        BigInteger n = BigInteger.valueOf(rounds);
        BigInteger net = totalWin.subtract(totalStake);
        BigInteger squaredNets = sumOfSquaredWins.subtract(sumOfWinsTimesStakes.shiftLeft(1)).add(sumOfSquaredStakes);
        BigInteger numerator = n.multiply(squaredNets).subtract(net.multiply(net));
        BigInteger denominator = n.multiply(n.subtract(BigInteger.ONE)).multiply(BigInteger.valueOf(stake).pow(2));
        return Math.sqrt(quotient(numerator, denominator));
    }

    /**
     * The standard deviation per round behind the RTP's standard error (delta method for the ratio
     * R = Σw / Σs): the sample deviation of (w − R·s) / s̄ with s̄ = Σs / n, that is
     * sqrt(n²·(S²·Σw² − 2·W·S·Σws + W²·Σs²) / (S⁴·(n − 1))) with W = Σw and S = Σs, exact before the
     * square root. The RTP's standard error is this over √n. With a fixed stake it equals
     * {@link #standardDeviation()}. NaN below two rounds.
     *
     * @return the deviation, in multiples of the average stake
     */
    public double rtpDeviation() {
        if (rounds < 2) {
            return Double.NaN;
        }
        BigInteger n = BigInteger.valueOf(rounds);
        BigInteger w = totalWin;
        BigInteger s = totalStake;
        BigInteger residuals = s.multiply(s).multiply(sumOfSquaredWins)
                .subtract(w.multiply(s).multiply(sumOfWinsTimesStakes).shiftLeft(1))
                .add(w.multiply(w).multiply(sumOfSquaredStakes));
        return Math.sqrt(quotient(n.multiply(n).multiply(residuals), s.pow(4).multiply(n.subtract(BigInteger.ONE))));
    }

    /** numerator / denominator correctly rounded to 16 digits, then to a double. */
    private static double quotient(BigInteger numerator, BigInteger denominator) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL64).doubleValue();
    }

    /**
     * The volatility index at {@code confidence}: the critical value times the standard deviation.
     *
     * @param confidence the confidence level, strictly between 0 and 1 (0.90 and 0.95 are usual)
     * @return the volatility index, in multiples of the initial stake
     */
    public double volatilityIndex(double confidence) {
        return criticalValue(confidence) * standardDeviation();
    }

    /**
     * The confidence interval of the return to player: rtp ± z·rtpDeviation/√n.
     *
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the interval, as fractions of the stake
     */
    public Interval rtpInterval(double confidence) {
        return Interval.around(rtp(), criticalValue(confidence) * rtpDeviation() / Math.sqrt(rounds));
    }

    /**
     * The confidence interval of the house edge: houseEdge ± z·standardDeviation/√n.
     *
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the interval, in multiples of the initial stake
     */
    public Interval houseEdgeInterval(double confidence) {
        return Interval.around(houseEdge(), criticalValue(confidence) * standardDeviation() / Math.sqrt(rounds));
    }

    /**
     * The confidence interval of the hit frequency: p ± z·sqrt(p(1 − p)/n).
     *
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the interval, within [0, 1] only as far as the normal approximation allows
     */
    public Interval hitFrequencyInterval(double confidence) {
        return proportionInterval(hits, confidence);
    }

    /**
     * The fraction of rounds that triggered feature {@code feature}.
     *
     * @param feature the feature's index in the game's feature list
     * @return the feature's frequency, in [0, 1]
     */
    public double featureFrequency(int feature) {
        return rounds == 0 ? Double.NaN : (double) featureCounts.get(feature) / rounds;
    }

    /**
     * The confidence interval of feature {@code feature}'s frequency, as for the hit frequency.
     *
     * @param feature the feature's index in the game's feature list
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the interval of the feature's frequency
     */
    public Interval featureFrequencyInterval(int feature, double confidence) {
        return proportionInterval(featureCounts.get(feature), confidence);
    }

    /**
     * The contribution of win type {@code winType} to the return to player: its total win over the total stake.
     *
     * @param winType the win type's index in the game's win-type list
     * @return the win type's share of the RTP, as a fraction of the stake
     */
    public double rtpOfWinType(int winType) {
        return rounds == 0 ? Double.NaN
                : Fraction.of(winByType.get(winType), totalStake()).doubleValue();
    }

    /**
     * The largest win of one round in multiples of the initial stake.
     *
     * @return the largest win over the initial stake, 0 without wins
     */
    public double maxWinMultiple() {
        return (double) maxWin / stake;
    }

    /**
     * The win distribution's buckets with their counts.
     *
     * @return every bucket with its count, in ascending order of win
     */
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

        /**
         * Whether {@code value} lies in the interval, ends included.
         *
         * @param value the value to test
         * @return true when {@code low <= value <= high}
         */
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

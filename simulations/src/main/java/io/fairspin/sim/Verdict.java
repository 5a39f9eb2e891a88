package io.fairspin.sim;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.WinDistribution;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * Whether a simulation agrees with the game's exact figures. Up to three tests: the z-scores of the
 * simulated return to player and hit frequency, each measured in standard errors, and, when the game
 * states its exact win distribution, a chi-square test of every award's frequency ({@link ChiSquare}), or,
 * when it counts its pay-table awards instead, the test of their occurrences ({@link AwardOccurrenceTest}).
 * The stated confidence is family-wise: Holm's step-down procedure over the tests' p-values at level
 * α = 1 − confidence, so a correct game fails (any test rejected) with probability at most α, whatever
 * the dependence between the tests. A test is rejected when its Holm-adjusted p-value is at most α;
 * the verdict passes when none is.
 *
 * <p>The standard errors come from the exact figures where those give them: always for the hit
 * frequency, and for the RTP when every round staked the initial stake. When stakes varied, the exact
 * variance (of the net result) is not the variance the RTP's error needs, so the RTP's z-score is the
 * self-normalized sum Σ(w − ρ·s) / sqrt(Σ(w − ρ·s)²), which is standard normal for large n when the
 * exact RTP ρ is right (the delta method for the ratio Σw / Σs, with the variance estimated under ρ).
 *
 * @param rtpZ          with a fixed stake, (simulated RTP − ρ) / sqrt(exact variance / n); otherwise
 *                      Σ(w − ρ·s) / sqrt(Σ(w − ρ·s)²), computed exactly from the sums
 * @param hitFrequencyZ (simulated hit frequency − exact) / sqrt(p(1 − p) / n) with the exact p
 * @param confidence    the confidence level of the verdict as a whole (family-wise)
 * @param critical      the largest |z| that passes whatever the other tests give: the normal quantile at
 *                      1 − α / (2m) for m tests (Holm's first step)
 * @param passed        whether no test is rejected
 * @param tests         each test with its p-value, Holm-adjusted p-value and outcome
 * @param chiSquare     the chi-square test of the awards, when the game states its win distribution
 * @param awardOccurrences the test of the awards' occurrences, when the game counts them instead
 */
public record Verdict(double rtpZ, double hitFrequencyZ, double confidence, double critical, boolean passed,
        List<Test> tests, Optional<ChiSquare> chiSquare, Optional<AwardOccurrenceTest> awardOccurrences) {

    /**
     * Checks the verdict and copies its tests.
     *
     * @param rtpZ with a fixed stake, (simulated RTP − ρ) / sqrt(exact variance / n); otherwise Σ(w − ρ·s) / sqrt(Σ(w −
     *     ρ·s)²), computed exactly from the sums
     * @param hitFrequencyZ (simulated hit frequency − exact) / sqrt(p(1 − p) / n) with the exact p
     * @param confidence the confidence level of the verdict as a whole (family-wise)
     * @param critical the largest |z| that passes whatever the other tests give: the normal quantile at 1 − α / (2m)
     *     for m tests (Holm's first step)
     * @param passed whether no test is rejected
     * @param tests each test with its p-value, Holm-adjusted p-value and outcome
     * @param chiSquare the chi-square test of the awards, when the game states its win distribution
     * @param awardOccurrences the test of the awards' occurrences, when the game counts them instead
     */
    public Verdict {
        tests = List.copyOf(tests);
    }

    /** One test of the family: its name, statistic, p-value, Holm-adjusted p-value, and whether rejected. */
    public record Test(String name, double statistic, double pValue, double adjustedPValue, boolean rejected) {
    }

    /**
     * Judges {@code statistics} (at least one round) against {@code exact} at {@code confidence}.
     *
     * @param statistics the simulated figures
     * @param exact the game's exact figures
     * @param confidence the family-wise confidence level, strictly between 0 and 1 (0.99 by default)
     * @return the verdict of the two z-tests
     */
    public static Verdict judge(Statistics statistics, ExactFigures exact, double confidence) {
        return judge(statistics, exact, Optional.empty(), confidence);
    }

    /**
     * Judges {@code statistics} (at least one round) against {@code exact} and, when present (and
     * {@link Statistics#winCounts()} were kept), the exact win distribution, at {@code confidence}.
     *
     * @param statistics the simulated figures
     * @param exact the game's exact figures
     * @param distribution the exact win distribution, or empty
     * @param confidence the family-wise confidence level, strictly between 0 and 1 (0.99 by default)
     * @return the verdict of the z-tests and, with a distribution, the awards' chi-square test
     */
    public static Verdict judge(Statistics statistics, ExactFigures exact,
            Optional<SortedMap<Long, Fraction>> distribution, double confidence) {
        return judge(statistics, exact, distribution, Fraction.ZERO, confidence);
    }

    /**
     * Judges {@code statistics} as {@link #judge(Statistics, ExactFigures, Optional, double)} does, against a
     * distribution that leaves out the rounds that trigger a feature, which have probability
     * {@code featureRounds} and are one category of the chi-square test ({@link WinDistribution#featureRounds}).
     *
     * @param statistics the simulated figures
     * @param exact the game's exact figures
     * @param distribution the exact win distribution of the rounds without a feature, or empty
     * @param featureRounds the exact probability of a round that triggers a feature, zero for none
     * @param confidence the family-wise confidence level, strictly between 0 and 1
     * @return the verdict of the z-tests and, with a distribution, the awards' chi-square test
     * @throws IllegalArgumentException when {@code confidence} is not strictly between 0 and 1
     */
    public static Verdict judge(Statistics statistics, ExactFigures exact,
            Optional<SortedMap<Long, Fraction>> distribution, Fraction featureRounds, double confidence) {
        return judge(statistics, exact, distribution, featureRounds, Optional.empty(), confidence);
    }

    /**
     * Judges {@code statistics} as {@link #judge(Statistics, ExactFigures, Optional, Fraction, double)} does, with the
     * test of the awards' occurrences as one more test of the family when present (for a game without an exact win
     * distribution).
     *
     * @param statistics the simulated figures
     * @param exact the game's exact figures
     * @param distribution the exact win distribution of the rounds without a feature, or empty
     * @param featureRounds the exact probability of a round that triggers a feature, zero for none
     * @param awardOccurrences the test of the awards' occurrences, or empty
     * @param confidence the family-wise confidence level, strictly between 0 and 1
     * @return the verdict of the z-tests and of the awards' test present
     * @throws IllegalArgumentException when {@code confidence} is not strictly between 0 and 1
     */
    public static Verdict judge(Statistics statistics, ExactFigures exact,
            Optional<SortedMap<Long, Fraction>> distribution, Fraction featureRounds,
            Optional<AwardOccurrenceTest> awardOccurrences, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: must be strictly between 0 and 1, was " + confidence);
        }
        long n = statistics.rounds();
        Fraction hitFrequency = Fraction.of(statistics.hits(), n);
        double rtpZ = statistics.fixedStake()
                ? z(statistics.exactRtp().subtract(exact.rtp()), exact.variance(), n)
                : selfNormalizedZ(statistics, exact.rtp());
        Fraction p = exact.hitFrequency();
        double hitZ = z(hitFrequency.subtract(p), p.multiply(Fraction.ONE.subtract(p)), n);

        List<String> names = new ArrayList<>(List.of("rtp", "hitFrequency"));
        List<Double> statisticValues = new ArrayList<>(List.of(rtpZ, hitZ));
        List<Double> pValues = new ArrayList<>(List.of(twoSided(rtpZ), twoSided(hitZ)));
        Optional<ChiSquare> chiSquare = distribution.filter(d -> !statistics.winCounts().isEmpty())
                .map(d -> ChiSquare.of(n, statistics.winCounts(), d, featureRounds));
        chiSquare.ifPresent(test -> {
            names.add("winDistribution");
            statisticValues.add(test.statistic());
            pValues.add(test.pValue());
        });
        Optional<AwardOccurrenceTest> occurrences = awardOccurrences.filter(test -> test.awardsTested() > 0);
        occurrences.ifPresent(test -> {
            names.add("awardOccurrences");
            statisticValues.add(test.statistic());
            pValues.add(test.pValue());
        });

        double alpha = 1 - confidence;
        int m = pValues.size();
        double[] adjusted = holm(pValues);
        List<Test> tests = new ArrayList<>();
        boolean passed = true;
        for (int i = 0; i < m; i++) {
            boolean rejected = adjusted[i] <= alpha;
            passed &= !rejected;
            tests.add(new Test(names.get(i), statisticValues.get(i), pValues.get(i), adjusted[i], rejected));
        }
        double critical = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - alpha / (2 * m));
        return new Verdict(rtpZ, hitZ, confidence, critical, passed, tests, chiSquare, occurrences);
    }

    /**
     * Holm's adjusted p-values: in increasing order of p, the i-th (from 0) is max over j ≤ i of
     * min(1, (m − j)·p_j). A test is rejected at family-wise level α when its adjusted p-value is at most α.
     */
    static double[] holm(List<Double> pValues) {
        int m = pValues.size();
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(pValues::get));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues.get(i)));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** The two-sided p-value of a standard normal z-score, P(|Z| ≥ |z|) = erfc(|z| / √2). */
    static double twoSided(double z) {
        return Double.isInfinite(z) ? 0 : Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** Σ(w − ρs) / sqrt(Σ(w − ρs)²), with Σ(w − ρs)² = Σw² − 2ρΣws + ρ²Σs². */
    private static double selfNormalizedZ(Statistics s, Fraction rho) {
        Fraction residual = whole(s.totalWin()).subtract(rho.multiply(whole(s.totalStake())));
        Fraction squares = whole(s.sumOfSquaredWins())
                .subtract(rho.multiply(whole(s.sumOfWinsTimesStakes())).multiply(2))
                .add(rho.multiply(rho).multiply(whole(s.sumOfSquaredStakes())));
        return z(residual, squares, 1);
    }

    private static Fraction whole(BigInteger value) {
        return Fraction.of(value, BigInteger.ONE);
    }

    /**
     * The difference in standard errors; with a variance of zero, 0 when the difference is zero and
     * infinite otherwise (a game without randomness must match exactly).
     */
    private static double z(Fraction difference, Fraction variance, long n) {
        if (variance.signum() == 0) {
            return difference.signum() == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference.signum());
        }
        return difference.doubleValue() / Math.sqrt(variance.doubleValue() / n);
    }
}

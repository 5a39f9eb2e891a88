package io.fairspin.sim;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import java.math.BigInteger;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Whether a simulation agrees with the game's exact figures: the z-scores of the simulated return to
 * player and hit frequency, each measured in standard errors, against one critical value. The two tests
 * share the chosen confidence (Bonferroni), so a correct game fails with probability at most
 * 1 − confidence.
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
 * @param confidence    the confidence level of the verdict as a whole
 * @param critical      the largest |z| that passes: the normal quantile at 1 − (1 − confidence) / 4
 * @param passed        whether both |z| are at most {@code critical}
 */
public record Verdict(double rtpZ, double hitFrequencyZ, double confidence, double critical, boolean passed) {

    /** Judges {@code statistics} (at least one round) against {@code exact} at {@code confidence}. */
    public static Verdict judge(Statistics statistics, ExactFigures exact, double confidence) {
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
        double critical = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 4);
        boolean passed = Math.abs(rtpZ) <= critical && Math.abs(hitZ) <= critical;
        return new Verdict(rtpZ, hitZ, confidence, critical, passed);
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

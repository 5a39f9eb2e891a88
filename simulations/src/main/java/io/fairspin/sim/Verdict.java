package io.fairspin.sim;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import java.math.BigInteger;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Whether a simulation agrees with the game's exact figures: the z-scores of the simulated return to
 * player and hit frequency, each measured in standard errors computed from the exact figures, against one
 * critical value. The two tests share the chosen confidence (Bonferroni), so a correct game fails with
 * probability at most 1 − confidence.
 *
 * @param rtpZ          (simulated RTP − exact RTP) / sqrt(exact variance / n)
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
        Fraction rtp = Fraction.of(BigInteger.valueOf(statistics.totalWin()), statistics.totalStake());
        Fraction hitFrequency = Fraction.of(statistics.hits(), n);
        double rtpZ = z(rtp.subtract(exact.rtp()), exact.variance(), n);
        Fraction p = exact.hitFrequency();
        double hitZ = z(hitFrequency.subtract(p), p.multiply(Fraction.ONE.subtract(p)), n);
        double critical = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 4);
        boolean passed = Math.abs(rtpZ) <= critical && Math.abs(hitZ) <= critical;
        return new Verdict(rtpZ, hitZ, confidence, critical, passed);
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

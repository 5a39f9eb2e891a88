package io.fairspin.cert.game;

import org.apache.commons.math3.special.Erf;

/**
 * Runs up and down, counted as turning points (a value strictly above or strictly below both neighbours;
 * for distinct values the number of runs up and down is the number of turning points plus one). The
 * mean and variance of the count are exact for independent uniform outcomes on [0, d), ties included:
 * the indicators at positions i and j are dependent only for |i - j| <= 2, and their moments are sums of
 * polynomials over the d values, evaluated with the power sums S_k = sum of c^k for c < d. As d grows
 * they tend to the classical 2(n-2)/3 and (16n-29)/90 for continuous data. The z statistic is
 * compared with the normal distribution, two-sided.
 */
final class TurningPointTest implements OutcomeTest {
    private final long range;
    private long count;
    private long turns;
    private long previous = -1;
    private long beforePrevious = -1;

    TurningPointTest(long range) {
        this.range = range;
    }

    @Override
    public void accept(long value) {
        if (beforePrevious >= 0) {
            boolean peak = previous > beforePrevious && previous > value;
            boolean trough = previous < beforePrevious && previous < value;
            if (peak || trough) {
                turns++;
            }
        }
        beforePrevious = previous;
        previous = value;
        count++;
    }

    /** The exact mean and variance of the number of turning points among n uniform outcomes on [0, d). */
    static double[] moments(long n, long range) {
        double d = range;
        double q = 1 / d;
        double s0 = d;
        double s1 = d * (d - 1) / 2;
        double s2 = (d - 1) * d * (2 * d - 1) / 6;
        double s3 = s1 * s1;
        double e = d - 1;
        double s4 = e * d * (2 * d - 1) * (3 * e * e + 3 * e - 1) / 30;
        double p = 2 * q * q * q * s2;
        // P(turning points at i and i+1) = 2 q^4 sum_c (D - c)(S1 - c(c+1)/2), D = d - 1.
        double lag1 = 2 * Math.pow(q, 4) * (e * s1 * s0 + (-e / 2 - s1) * s1 + (0.5 - e / 2) * s2 + 0.5 * s3);
        // P(turning points at i and i+2) = q^5 sum_c (S1 + D c - c^2)^2.
        double lag2 = Math.pow(q, 5) * (s1 * s1 * s0 + 2 * s1 * e * s1 + (e * e - 2 * s1) * s2 - 2 * e * s3 + s4);
        double indicators = n - 2;
        double mean = indicators * p;
        double variance = indicators * p * (1 - p) + 2 * (indicators - 1) * (lag1 - p * p)
                + 2 * (indicators - 2) * (lag2 - p * p);
        return new double[] {mean, variance};
    }

    @Override
    public GameTestResult result() {
        String name = "runs up and down";
        if (range < 2 || count < 100) {
            return GameTestResult.notApplicable(name, range < 3 ? "a range of " + range + " has no turning"
                    + " points; needs d >= 2" : "too little data: " + count + " outcomes, needs 100");
        }
        double[] m = moments(count, range);
        double z = (turns - m[0]) / Math.sqrt(m[1]);
        return GameTestResult.of(name, z, 0, Erf.erfc(Math.abs(z) / Math.sqrt(2)),
                String.format(java.util.Locale.ROOT, "%,d turning points in %,d outcomes, %.1f expected", turns, count,
                        m[0]));
    }
}

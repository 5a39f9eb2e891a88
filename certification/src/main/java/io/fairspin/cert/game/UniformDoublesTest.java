package io.fairspin.cert.game;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/** Kolmogorov-Smirnov test of doubles against the uniform distribution on [0, 1). Keeps the values (8 bytes each). */
public final class UniformDoublesTest {
    private double[] values = new double[1024];
    private int count;

    /**
     * Adds one value, which must be in [0, 1).
     *
     * @param value the double, in [0, 1)
     */
    public void accept(double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException("value " + count + " is " + value + ", outside [0, 1)");
        }
        if (count == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[count++] = value;
    }

    /**
     * The Kolmogorov-Smirnov test of the values against the uniform distribution on [0, 1).
     *
     * @return the test's result
     */
    public GameTestResult result() {
        String name = "Kolmogorov-Smirnov";
        if (count < 10) {
            return GameTestResult.notApplicable(name, "too little data: " + count + " values, needs 10");
        }
        double[] data = Arrays.copyOf(values, count);
        UniformRealDistribution uniform = new UniformRealDistribution(null, 0, 1);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double d = ks.kolmogorovSmirnovStatistic(uniform, data);
        double p = ks.kolmogorovSmirnovTest(uniform, data, false);
        return GameTestResult.of(name, d, 0, p, String.format(Locale.ROOT, "%,d doubles, D = %.6f", count, d));
    }
}

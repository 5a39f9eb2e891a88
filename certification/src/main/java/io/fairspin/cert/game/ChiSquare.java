package io.fairspin.cert.game;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * Pearson's chi-square goodness of fit over categories with known probabilities, with adjacent
 * categories pooled until every expected count is at least {@value #MIN_EXPECTED}.
 */
final class ChiSquare {
    static final double MIN_EXPECTED = 5;

    private ChiSquare() {
    }

    /** The upper tail P-value of chi-square with {@code df} degrees of freedom. */
    static double pValue(double chi2, int df) {
        return Gamma.regularizedGammaQ(df / 2.0, chi2 / 2.0);
    }

    /**
     * The test of {@code observed} counts against {@code probabilities} (summing to 1), pooling adjacent
     * categories in order until each expected count reaches the minimum.
     */
    static GameTestResult test(String name, long[] observed, double[] probabilities, String what) {
        long total = 0;
        for (long o : observed) {
            total += o;
        }
        List<double[]> pooled = new ArrayList<>();
        double obs = 0;
        double exp = 0;
        for (int i = 0; i < observed.length; i++) {
            obs += observed[i];
            exp += probabilities[i] * total;
            if (exp >= MIN_EXPECTED) {
                pooled.add(new double[] {obs, exp});
                obs = 0;
                exp = 0;
            }
        }
        if (exp > 0 || obs > 0) {
            if (pooled.isEmpty()) {
                pooled.add(new double[] {obs, exp});
            } else {
                double[] last = pooled.get(pooled.size() - 1);
                last[0] += obs;
                last[1] += exp;
            }
        }
        if (pooled.size() < 2) {
            return GameTestResult.notApplicable(name, "too little data: fewer than 2 categories with an expected count"
                    + " of " + (int) MIN_EXPECTED + " (" + total + " " + what + ")");
        }
        double chi2 = 0;
        for (double[] cell : pooled) {
            double d = cell[0] - cell[1];
            chi2 += d * d / cell[1];
        }
        int df = pooled.size() - 1;
        return GameTestResult.of(name, chi2, df, pValue(chi2, df),
                String.format(java.util.Locale.ROOT, "%,d %s in %d categories", total, what, pooled.size()));
    }
}

package io.fairspin.cert.nist;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/** The special functions the tests share, named as in NIST's code (which takes them from Cephes). */
final class Special {
    private static final double SQRT2 = Math.sqrt(2);

    private Special() {
    }

    /** The regularized upper incomplete gamma function Q(a, x), NIST's {@code cephes_igamc}. */
    static double igamc(double a, double x) {
        return Gamma.regularizedGammaQ(a, x);
    }

    static double erfc(double x) {
        return Erf.erfc(x);
    }

    /** The standard normal distribution function, NIST's {@code cephes_normal}. */
    static double normal(double x) {
        return 0.5 * Erf.erfc(-x / SQRT2);
    }

    static double lgam(double x) {
        return Gamma.logGamma(x);
    }

    /** Pearson's chi-square of observed counts against expected ones. */
    static double chiSquare(double[] observed, double[] expected) {
        double chi2 = 0;
        for (int i = 0; i < observed.length; i++) {
            double d = observed[i] - expected[i];
            chi2 += d * d / expected[i];
        }
        return chi2;
    }
}

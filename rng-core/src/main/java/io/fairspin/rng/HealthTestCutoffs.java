package io.fairspin.rng;

/** The cutoffs of the SP 800-90B continuous health tests, computed from the standard's formulas. */
final class HealthTestCutoffs {
    /** The adaptive proportion test's window for non-binary samples (SP 800-90B section 4.4.2). */
    static final int WINDOW = 512;

    private HealthTestCutoffs() {
    }

    /** Repetition count test, section 4.4.1: C = 1 + ceil(-log2(alpha) / H). */
    static int repetitionCount(double minEntropyPerSample, int alphaExponent) {
        return 1 + (int) Math.ceil(alphaExponent / minEntropyPerSample);
    }

    /**
     * Adaptive proportion test, section 4.4.2: C = 1 + CRITBINOM(W, 2^-H, 1 - alpha), where CRITBINOM
     * is the smallest k whose binomial cumulative probability reaches 1 - alpha, capped at W.
     */
    static int adaptiveProportion(double minEntropyPerSample, int alphaExponent) {
        double alpha = Math.pow(2, -alphaExponent);
        double p = Math.pow(2, -minEntropyPerSample);
        double[] upperTail = binomialUpperTails(WINDOW, p);
        for (int k = 0; k <= WINDOW; k++) {
            // P(X <= k) >= 1 - alpha  <=>  P(X > k) <= alpha; the tail avoids cancellation near 1.
            if (upperTail[k] <= alpha) {
                return Math.min(WINDOW, 1 + k);
            }
        }
        return WINDOW;
    }

    /** tails[k] = P(X > k) for X ~ Binomial(n, p), summed from the top so small terms are not lost. */
    static double[] binomialUpperTails(int n, double p) {
        double[] logPmf = new double[n + 1];
        double logC = 0;
        for (int i = 0; i <= n; i++) {
            if (i > 0) {
                logC += Math.log((double) (n - i + 1) / i);
            }
            logPmf[i] = logC + i * Math.log(p) + (n - i) * Math.log1p(-p);
        }
        double[] tails = new double[n + 1];
        double sum = 0;
        for (int k = n; k >= 0; k--) {
            tails[k] = sum;
            sum += Math.exp(logPmf[k]);
        }
        return tails;
    }
}

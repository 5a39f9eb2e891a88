package io.fairspin.cert.entropy;


/**
 * The restart tests of SP 800-90B section 3.1.4: a 1000 x 1000 matrix of samples, row i holding the
 * first 1000 samples after the i-th restart of the source, checks an initial entropy estimate H_I.
 *
 * <p>The sanity check (3.1.4.3) counts the most common value in each row and each column; it fails
 * when the largest count exceeds the critical value of a binomial(1000, 2^-H_I) at the level
 * alpha = 1 - 0.99^(1/2000), computed exactly (NIST's {@code ea_restart} estimates this bound by
 * simulation). Then the row dataset and the column dataset are assessed (the non-IID estimators on
 * the literal samples, or the most common value estimate on the IID track); the validation passes
 * when min(H_r, H_c) is at least H_I / 2.
 *
 * @param hInitial     the initial entropy estimate H_I checked
 * @param alpha        the sanity check's level
 * @param cutoff       the sanity check's critical value
 * @param maxCount     the largest count of one value in a row or a column
 * @param sanityPassed whether maxCount is at most cutoff
 * @param rows         the row dataset's assessment (null when the sanity check failed)
 * @param columns      the column dataset's assessment (null when the sanity check failed)
 * @param hRows        H_r
 * @param hColumns     H_c
 * @param passed       whether the restart tests validate H_I
 */
public record RestartAssessment(double hInitial, double alpha, int cutoff, int maxCount, boolean sanityPassed,
                                NonIidAssessment rows, NonIidAssessment columns, double hRows, double hColumns,
                                boolean passed) {
    /** The side of the restart matrix: 1000 restarts of 1000 samples each (SP 800-90B 3.1.4). */
    public static final int SIDE = 1000;

    /**
     * Runs the restart tests on {@code matrix} (1,000,000 samples, row by row) for H_I; the IID
     * track ({@code iid}) assesses rows and columns by the most common value only.
     *
     * @param matrix 1,000,000 samples, one per byte, row i the first 1000 samples after restart i
     * @param bitsPerSample the sample width in bits, 1 to 8
     * @param hInitial H_I, the min-entropy per sample the initial assessment gave
     * @param iid whether the source was assessed on the IID track
     * @param threads worker threads, at least 1
     * @return the sanity check, H_r, H_c and whether H_I is validated
     * @throws IllegalArgumentException when the matrix does not hold exactly 1,000,000 samples
     */
    public static RestartAssessment run(byte[] matrix, int bitsPerSample, double hInitial, boolean iid, int threads) {
        if (matrix.length != SIDE * SIDE) {
            throw new IllegalArgumentException("a restart matrix holds 1000 x 1000 = 1,000,000 samples, this one "
                    + matrix.length);
        }
        EntropySamples rowSamples = EntropySamples.of(matrix, bitsPerSample);
        byte[] columns = new byte[matrix.length];
        for (int i = 0; i < SIDE; i++) {
            for (int j = 0; j < SIDE; j++) {
                columns[j * SIDE + i] = matrix[i * SIDE + j];
            }
        }
        EntropySamples columnSamples = EntropySamples.of(columns, bitsPerSample);
        double alpha = 1 - Math.exp(Math.log(0.99) / (2 * SIDE));
        int cutoff = criticalValue(SIDE, Math.pow(2, -hInitial), alpha);
        int max = Math.max(maxCount(rowSamples.symbols()), maxCount(columnSamples.symbols()));
        if (max > cutoff) {
            return new RestartAssessment(hInitial, alpha, cutoff, max, false, null, null, Double.NaN, Double.NaN, false);
        }
        NonIidAssessment rows;
        NonIidAssessment cols;
        double hr;
        double hc;
        if (iid) {
            Estimate r = StatisticEstimators.mostCommonValue(rowSamples.symbols(), rowSamples.alphabetSize(), "Literal");
            Estimate c = StatisticEstimators.mostCommonValue(columnSamples.symbols(), columnSamples.alphabetSize(),
                    "Literal");
            hr = Math.min(bitsPerSample, r.minEntropy());
            hc = Math.min(bitsPerSample, c.minEntropy());
            rows = new NonIidAssessment(rowSamples, java.util.List.of(r), hr, Double.NaN, hr);
            cols = new NonIidAssessment(columnSamples, java.util.List.of(c), hc, Double.NaN, hc);
        } else {
            rows = NonIidAssessment.literal(rowSamples, threads);
            cols = NonIidAssessment.literal(columnSamples, threads);
            hr = rows.hOriginal();
            hc = cols.hOriginal();
        }
        boolean passed = Math.min(hr, hc) >= hInitial / 2;
        return new RestartAssessment(hInitial, alpha, cutoff, max, true, rows, cols, hr, hc, passed);
    }

    private static int maxCount(byte[] s) {
        int max = 0;
        for (int i = 0; i < SIDE; i++) {
            int[] counts = new int[256];
            for (int j = 0; j < SIDE; j++) {
                max = Math.max(max, ++counts[s[i * SIDE + j] & 0xFF]);
            }
        }
        return max;
    }

    /** The smallest u with P(X > u) <= alpha for X ~ binomial(n, p). */
    static int criticalValue(int n, double p, double alpha) {
        if (p >= 1.0) {
            return n;
        }
        double[] logPmf = new double[n + 1];
        double logC = 0;
        for (int i = 0; i <= n; i++) {
            if (i > 0) {
                logC += Math.log((double) (n - i + 1) / i);
            }
            logPmf[i] = logC + i * Math.log(p) + (n - i) * Math.log1p(-p);
        }
        double tail = 0;
        for (int u = n; u >= 0; u--) {
            // tail = P(X > u)
            if (tail > alpha) {
                return u + 1;
            }
            tail += Math.exp(logPmf[u]);
        }
        return 0;
    }

}

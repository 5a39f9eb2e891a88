package io.fairspin.cert.game;

import java.util.List;
import java.util.Locale;

/**
 * Samples of k distinct values from [0, n) with k < n (keno's 20 of 80): the k x n table of value by
 * draw position. Under uniform sampling each cell expects S/n for S samples, and Pearson's X^2 splits
 * into two independent parts. The column totals (how often each value was drawn) give Q1 = sum (T_v -
 * kS/n)^2 / (kS/n), and Q1 (n-1)/(n-k) follows chi-square with n-1 degrees of freedom (the finite
 * population correction: a value appears at most once per sample). The rest, Q2 = X^2 - Q1 (does a
 * value's chance depend on its position), times (n-1)/n follows chi-square with (k-1)(n-1) degrees of
 * freedom. For k = n the first part vanishes and the second is {@link PermutationTest}'s statistic.
 */
final class SampleTest {
    static final int MAX_N = 4096;

    private final int n;
    private final int k;
    private final long[] counts;
    private long samples;

    SampleTest(int n, int k) {
        if (k < 1 || k >= n || n > MAX_N) {
            throw new IllegalArgumentException("sample: need 1 <= k < n <= " + MAX_N + ", were k = " + k + ", n = " + n);
        }
        this.n = n;
        this.k = k;
        this.counts = new long[k * n];
    }

    /** Adds one sample: {@code drawn[i]} is the value drawn at position i. */
    void accept(long[] drawn, int from) {
        for (int i = 0; i < k; i++) {
            counts[i * n + (int) drawn[from + i]]++;
        }
        samples++;
    }

    List<GameTestResult> results() {
        double expected = (double) samples / n;
        if (expected < ChiSquare.MIN_EXPECTED) {
            String reason = "too little data: " + samples + " samples, needs " + (long) Math.ceil(ChiSquare.MIN_EXPECTED * n);
            return List.of(GameTestResult.notApplicable("value frequency", reason),
                    GameTestResult.notApplicable("value positions", reason));
        }
        double x2 = 0;
        double q1 = 0;
        for (int v = 0; v < n; v++) {
            long total = 0;
            for (int i = 0; i < k; i++) {
                long c = counts[i * n + v];
                x2 += (c - expected) * (c - expected) / expected;
                total += c;
            }
            q1 += (total - k * expected) * (total - k * expected) / (k * expected);
        }
        double frequency = q1 * (n - 1) / (n - k);
        double positions = (x2 - q1) * (n - 1) / n;
        String detail = String.format(Locale.ROOT, "%,d samples of %d from %d", samples, k, n);
        GameTestResult first = GameTestResult.of("value frequency", frequency, n - 1, ChiSquare.pValue(frequency, n - 1),
                detail + ", finite population correction");
        if (k == 1) {
            return List.of(first);
        }
        int df = (k - 1) * (n - 1);
        return List.of(first, GameTestResult.of("value positions", positions, df, ChiSquare.pValue(positions, df),
                detail + String.format(Locale.ROOT, ", %d x %d position-value table", k, n)));
    }
}

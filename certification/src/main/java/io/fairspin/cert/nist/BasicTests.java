package io.fairspin.cert.nist;

/**
 * The tests of ones and runs: frequency (2.1), block frequency (2.2), runs (2.3), longest run of ones
 * in a block (2.4) and cumulative sums (2.13), computed as in NIST's reference program.
 */
final class BasicTests {
    private static final int[] BYTE_DELTA = new int[256];
    private static final int[] BYTE_MAX = new int[256];
    private static final int[] BYTE_MIN = new int[256];

    static {
        for (int b = 0; b < 256; b++) {
            int s = 0;
            int max = Integer.MIN_VALUE;
            int min = Integer.MAX_VALUE;
            for (int k = 7; k >= 0; k--) {
                s += ((b >>> k) & 1) == 1 ? 1 : -1;
                max = Math.max(max, s);
                min = Math.min(min, s);
            }
            BYTE_DELTA[b] = s;
            BYTE_MAX[b] = max;
            BYTE_MIN[b] = min;
        }
    }

    private BasicTests() {
    }

    static TestResult frequency(BitSequence e) {
        int n = e.length();
        double sum = 2.0 * e.ones(0, n) - n;
        return TestResult.of(NistTest.FREQUENCY, Special.erfc(Math.abs(sum) / Math.sqrt(n) / Math.sqrt(2)));
    }

    static TestResult blockFrequency(BitSequence e, int m) {
        int blocks = e.length() / m;
        if (blocks == 0) {
            return TestResult.notApplicable(NistTest.BLOCK_FREQUENCY, "n < M = " + m);
        }
        double sum = 0;
        for (int i = 0; i < blocks; i++) {
            double v = (double) e.ones(i * m, i * m + m) / m - 0.5;
            sum += v * v;
        }
        double chi2 = 4.0 * m * sum;
        return TestResult.of(NistTest.BLOCK_FREQUENCY, Special.igamc(blocks / 2.0, chi2 / 2.0));
    }

    static TestResult runs(BitSequence e) {
        int n = e.length();
        double pi = (double) e.ones(0, n) / n;
        if (Math.abs(pi - 0.5) > 2.0 / Math.sqrt(n)) {
            return TestResult.of(NistTest.RUNS, 0.0);
        }
        long changes = 0;
        int i = 0;
        for (; n - 1 - i >= 64; i += 64) {
            changes += Long.bitCount(e.word64(i) ^ e.word64(i + 1));
        }
        if (i < n - 1) {
            changes += Long.bitCount((e.word64(i) ^ e.word64(i + 1)) >>> (64 - (n - 1 - i)));
        }
        double v = changes + 1;
        double arg = Math.abs(v - 2.0 * n * pi * (1 - pi)) / (2.0 * pi * (1 - pi) * Math.sqrt(2.0 * n));
        return TestResult.of(NistTest.RUNS, Special.erfc(arg));
    }

    static TestResult longestRun(BitSequence e) {
        int n = e.length();
        if (n < 128) {
            return TestResult.notApplicable(NistTest.LONGEST_RUN, "n < 128");
        }
        int m;
        int[] v;
        double[] pi;
        if (n < 6272) {
            m = 8;
            v = new int[] {1, 2, 3, 4};
            pi = new double[] {0.21484375, 0.3671875, 0.23046875, 0.1875};
        } else if (n < 750000) {
            m = 128;
            v = new int[] {4, 5, 6, 7, 8, 9};
            pi = new double[] {0.1174035788, 0.242955959, 0.249363483, 0.17517706, 0.102701071, 0.112398847};
        } else {
            m = 10000;
            v = new int[] {10, 11, 12, 13, 14, 15, 16};
            pi = new double[] {0.0882, 0.2092, 0.2483, 0.1933, 0.1208, 0.0675, 0.0727};
        }
        int k = v.length - 1;
        int blocks = n / m;
        double[] nu = new double[k + 1];
        for (int b = 0; b < blocks; b++) {
            int longest = longestRunOfOnes(e, b * m, m);
            nu[Math.max(0, Math.min(k, longest - v[0]))]++;
        }
        double[] expected = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            expected[i] = blocks * pi[i];
        }
        return TestResult.of(NistTest.LONGEST_RUN, Special.igamc(k / 2.0, Special.chiSquare(nu, expected) / 2.0));
    }

    /** The longest run of ones among the {@code length} bits from {@code start}. */
    static int longestRunOfOnes(BitSequence e, int start, int length) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < length; i += 64) {
            int take = Math.min(64, length - i);
            long x = e.word64(start + i);
            if (take < 64) {
                x &= -1L << (64 - take);
            }
            if (x == -1L) {
                run += 64;
                continue;
            }
            run += Long.numberOfLeadingZeros(~x);
            longest = Math.max(longest, run);
            int inside = 0;
            for (long y = x; y != 0; y &= y << 1) {
                inside++;
            }
            longest = Math.max(longest, inside);
            run = take < 64 ? 0 : Long.numberOfTrailingZeros(~x);
        }
        return Math.max(longest, run);
    }

    /** Forward and backward P-values. */
    static TestResult cumulativeSums(BitSequence e) {
        int n = e.length();
        int s = 0;
        int sup = 0;
        int inf = 0;
        int i = 0;
        for (; n - i >= 8; i += 8) {
            int b = e.window(i, 8);
            sup = Math.max(sup, s + BYTE_MAX[b]);
            inf = Math.min(inf, s + BYTE_MIN[b]);
            s += BYTE_DELTA[b];
        }
        for (; i < n; i++) {
            s += e.bit(i) == 1 ? 1 : -1;
            sup = Math.max(sup, s);
            inf = Math.min(inf, s);
        }
        int z = Math.max(sup, -inf);
        int zrev = Math.max(sup - s, s - inf);
        return TestResult.of(NistTest.CUMULATIVE_SUMS, cusumP(n, z), cusumP(n, zrev));
    }

    private static double cusumP(int n, int z) {
        double sqrtN = Math.sqrt(n);
        double sum1 = 0;
        for (int k = (-n / z + 1) / 4; k <= (n / z - 1) / 4; k++) {
            sum1 += Special.normal(((4 * k + 1) * z) / sqrtN);
            sum1 -= Special.normal(((4 * k - 1) * z) / sqrtN);
        }
        double sum2 = 0;
        for (int k = (-n / z - 3) / 4; k <= (n / z - 1) / 4; k++) {
            sum2 += Special.normal(((4 * k + 3) * z) / sqrtN);
            sum2 -= Special.normal(((4 * k + 1) * z) / sqrtN);
        }
        return 1.0 - sum1 + sum2;
    }
}

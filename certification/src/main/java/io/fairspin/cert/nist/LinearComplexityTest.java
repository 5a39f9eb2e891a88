package io.fairspin.cert.nist;

/**
 * The linear complexity test (2.10): the Berlekamp-Massey linear complexity of each block of M bits,
 * classified by NIST's statistic T into seven classes.
 *
 * <p>Berlekamp-Massey here never forms the connection polynomial C, only its length L. The discrepancy
 * at step N is the coefficient of x^N in C(x) S(x), so the algorithm keeps the products P = C S and
 * Q = B S (bit-packed, mod x^M) instead of C and B: the discrepancy is one bit of P, and the update
 * C += x^(N-m) B becomes P += x^(N-m) Q, a shifted XOR of the words above bit N.
 */
final class LinearComplexityTest {
    private static final int K = 6;
    private static final double[] PI = {0.01047, 0.03125, 0.12500, 0.50000, 0.25000, 0.06250, 0.020833};

    private LinearComplexityTest() {
    }

    static TestResult run(BitSequence e, int m) {
        int blocks = e.length() / m;
        if (blocks == 0) {
            return TestResult.notApplicable(NistTest.LINEAR_COMPLEXITY, "n < M = " + m);
        }
        double sign1 = (m + 1) % 2 == 0 ? -1 : 1;
        double mean = m / 2.0 + (9.0 + sign1) / 36.0 - 1.0 / Math.pow(2, m) * (m / 3.0 + 2.0 / 9.0);
        double sign2 = m % 2 == 0 ? 1 : -1;
        double[] nu = new double[K + 1];
        Berlekamp bm = new Berlekamp(m);
        for (int b = 0; b < blocks; b++) {
            int l = bm.complexity(e, b * m);
            double t = sign2 * (l - mean) + 2.0 / 9.0;
            nu[classOf(t)]++;
        }
        double[] expected = new double[K + 1];
        for (int i = 0; i <= K; i++) {
            expected[i] = blocks * PI[i];
        }
        return TestResult.of(NistTest.LINEAR_COMPLEXITY,
                Special.igamc(K / 2.0, Special.chiSquare(nu, expected) / 2.0));
    }

    private static int classOf(double t) {
        if (t <= -2.5) {
            return 0;
        } else if (t <= -1.5) {
            return 1;
        } else if (t <= -0.5) {
            return 2;
        } else if (t <= 0.5) {
            return 3;
        } else if (t <= 1.5) {
            return 4;
        } else if (t <= 2.5) {
            return 5;
        }
        return 6;
    }

    /** Berlekamp-Massey's linear complexity for blocks of a fixed length, with reusable word buffers. */
    static final class Berlekamp {
        private final int m;
        private final int words;
        private long[] p;
        private long[] q;
        private long[] t;

        Berlekamp(int m) {
            this.m = m;
            this.words = (m + 63) / 64;
            this.p = new long[words];
            this.q = new long[words];
            this.t = new long[words];
        }

        /**
         * The linear complexity of the {@code m} bits of {@code e} from {@code start}. Vectors hold bit i
         * of a polynomial (the coefficient of x^i) as bit i % 64 of word i / 64.
         */
        int complexity(BitSequence e, int start) {
            for (int k = 0; k < words; k++) {
                int take = Math.min(64, m - 64 * k);
                long chunk = Long.reverse(e.word64(start + 64 * k));
                p[k] = take == 64 ? chunk : chunk & ((1L << take) - 1);
            }
            System.arraycopy(p, 0, q, 0, words);
            int l = 0;
            int lastChange = -1;
            for (int n = 0; n < m; n++) {
                if ((p[n >>> 6] >>> n & 1) != 0) {
                    int from = (n + 1) >>> 6;
                    boolean lengthChanges = l <= n / 2;
                    if (lengthChanges) {
                        System.arraycopy(p, from, t, from, words - from);
                    }
                    xorShifted(n - lastChange, from);
                    if (lengthChanges) {
                        l = n + 1 - l;
                        lastChange = n;
                        long[] swap = q;
                        q = t;
                        t = swap;
                    }
                }
            }
            return l;
        }

        /**
         * p ^= q << shift, for the words from {@code from} on: bits below N + 1 are never read again,
         * and bits at M or above are dropped, as NIST keeps only M coefficients.
         */
        private void xorShifted(int shift, int from) {
            int wordShift = shift >>> 6;
            int bitShift = shift & 63;
            long[] target = p;
            long[] source = q;
            for (int k = Math.max(from, wordShift); k < words; k++) {
                long v = source[k - wordShift] << bitShift;
                if (bitShift != 0 && k - wordShift > 0) {
                    v |= source[k - wordShift - 1] >>> (64 - bitShift);
                }
                target[k] ^= v;
            }
        }
    }
}

package io.fairspin.cert.nist;

/**
 * The linear complexity test (2.10): the Berlekamp-Massey linear complexity of each block of M bits,
 * classified by NIST's statistic T into seven classes.
 *
 * <p>Berlekamp-Massey here works on bit-packed words: with the block stored reversed, the discrepancy
 * at step N is the parity of the connection polynomial AND a 64-bit-aligned window of the reversed
 * block, and the update C += x^(N-m) B is a shifted XOR of words.
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

    /** Berlekamp-Massey over GF(2) for blocks of a fixed length, with reusable word buffers. */
    static final class Berlekamp {
        private final int m;
        private final int words;
        private final long[] reversed;
        private long[] c;
        private long[] b;
        private long[] t;

        Berlekamp(int m) {
            this.m = m;
            this.words = (m + 63) / 64;
            this.reversed = new long[words + 1];
            this.c = new long[words];
            this.b = new long[words];
            this.t = new long[words];
        }

        /**
         * The linear complexity of the {@code m} bits of {@code e} from {@code start}. Bit i of a vector
         * is bit (i % 64) of word i / 64 (least significant first).
         */
        int complexity(BitSequence e, int start) {
            loadReversed(e, start);
            java.util.Arrays.fill(c, 0L);
            java.util.Arrays.fill(b, 0L);
            java.util.Arrays.fill(t, 0L);
            c[0] = 1;
            b[0] = 1;
            int l = 0;
            int bDegree = 0;
            int lastChange = -1;
            for (int n = 0; n < m; n++) {
                if (discrepancy(m - 1 - n, l) != 0) {
                    boolean lengthChanges = l <= n / 2;
                    if (lengthChanges) {
                        System.arraycopy(c, 0, t, 0, (l >>> 6) + 1);
                    }
                    xorShifted(n - lastChange, bDegree);
                    if (lengthChanges) {
                        bDegree = l;
                        l = n + 1 - l;
                        lastChange = n;
                        long[] swap = b;
                        b = t;
                        t = swap;
                    }
                }
            }
            return l;
        }

        /** reversed bit j = block bit m - 1 - j. */
        private void loadReversed(BitSequence e, int start) {
            java.util.Arrays.fill(reversed, 0L);
            for (int j = 0; j < m; j += 64) {
                int take = Math.min(64, m - j);
                // Block bits m - j - take .. m - j - 1, right-aligned: the chunk's bit k is block bit
                // m - j - 1 - k, which is reversed bit j + k.
                long rev = e.word64(start + m - j - take) >>> (64 - take);
                reversed[j >>> 6] |= rev << (j & 63);
                if ((j & 63) != 0) {
                    reversed[(j >>> 6) + 1] |= rev >>> (64 - (j & 63));
                }
            }
        }

        /** Parity of sum over i = 0 .. l of c_i * reversed_(offset + i), i.e. c_i * s_(N - i). */
        private int discrepancy(int offset, int l) {
            int last = l >>> 6;
            long acc = 0;
            int w = offset >>> 6;
            int shift = offset & 63;
            long[] r = reversed;
            long[] cc = c;
            if (shift == 0) {
                for (int k = 0; k < last; k++) {
                    acc ^= cc[k] & r[w + k];
                }
            } else {
                for (int k = 0; k < last; k++) {
                    acc ^= cc[k] & ((r[w + k] >>> shift) | (r[w + k + 1] << (64 - shift)));
                }
            }
            long window = r[w + last] >>> shift;
            if (shift != 0 && w + last + 1 < r.length) {
                window |= r[w + last + 1] << (64 - shift);
            }
            int bits = (l & 63) + 1;
            long mask = bits == 64 ? -1L : (1L << bits) - 1;
            acc ^= cc[last] & window & mask;
            return Long.bitCount(acc) & 1;
        }

        /** c ^= b << shift, truncated to m bits; b has no bits above {@code degree}. */
        private void xorShifted(int shift, int degree) {
            int wordShift = shift >>> 6;
            int bitShift = shift & 63;
            int top = Math.min(words - 1, wordShift + (degree >>> 6) + 1);
            long[] source = b;
            long[] target = c;
            for (int k = top; k >= wordShift; k--) {
                long v = source[k - wordShift] << bitShift;
                if (bitShift != 0 && k - wordShift - 1 >= 0) {
                    v |= source[k - wordShift - 1] >>> (64 - bitShift);
                }
                target[k] ^= v;
            }
            if ((m & 63) != 0) {
                target[words - 1] &= (1L << (m & 63)) - 1;
            }
        }
    }
}

package io.fairspin.cert.nist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The packed linear complexity against a bit-by-bit port of NIST's Berlekamp-Massey loop. */
class BerlekampMasseyTest {

    /** NIST's loop, one byte per bit, C and B as arrays of M coefficients. */
    private static int nist(byte[] s, int start, int m) {
        byte[] c = new byte[m];
        byte[] b = new byte[m];
        byte[] t = new byte[m];
        c[0] = 1;
        b[0] = 1;
        int l = 0;
        int last = -1;
        for (int n = 0; n < m; n++) {
            int d = s[start + n];
            for (int i = 1; i <= l; i++) {
                d += c[i] * s[start + n - i];
            }
            if (d % 2 == 1) {
                System.arraycopy(c, 0, t, 0, m);
                for (int j = 0; j + n - last < m; j++) {
                    c[j + n - last] ^= b[j];
                }
                if (l <= n / 2) {
                    l = n + 1 - l;
                    last = n;
                    System.arraycopy(t, 0, b, 0, m);
                }
            }
        }
        return l;
    }

    @Property(tries = 300)
    void packedMatchesNistsLoop(@ForAll @IntRange(min = 2, max = 700) int m, @ForAll long seed,
                                @ForAll @IntRange(min = 0, max = 3) int sparsity) {
        SplittableRandom random = new SplittableRandom(seed);
        int blocks = 3;
        byte[] bits = new byte[m * blocks + 5];
        for (int i = 0; i < bits.length; i++) {
            // Sparse sequences too, whose complexity is far from m/2.
            bits[i] = (byte) (random.nextInt(1 << sparsity) == 0 ? 1 : 0);
        }
        BitSequence sequence = BitSequence.fromBits(bits);
        LinearComplexityTest.Berlekamp packed = new LinearComplexityTest.Berlekamp(m);
        for (int b = 0; b < blocks; b++) {
            int start = 5 + b * m;
            assertEquals(nist(bits, start, m), packed.complexity(sequence, start), "block " + b);
        }
    }
}

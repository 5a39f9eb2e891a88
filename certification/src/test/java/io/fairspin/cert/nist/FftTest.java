package io.fairspin.cert.nist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mixed-radix and Bluestein transforms against a direct O(n^2) DFT, and the real-input moduli of the spectral test. */
class FftTest {

    private static double[][] direct(double[] re, double[] im) {
        int n = re.length;
        double[][] out = new double[2][n];
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                double angle = -2 * Math.PI * ((long) j * k % n) / n;
                sr += re[j] * Math.cos(angle) - im[j] * Math.sin(angle);
                si += re[j] * Math.sin(angle) + im[j] * Math.cos(angle);
            }
            out[0][k] = sr;
            out[1][k] = si;
        }
        return out;
    }

    /** Lengths with radices 4, 2, 3, 5, a generic prime (7, 11, 61) and Bluestein (67, 1009, 2 * 401). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 12, 30, 60, 77, 250, 1000, 3 * 61, 67, 1009, 802, 1024})
    void matchesTheDirectTransform(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = random.nextDouble(-1, 1);
            im[i] = random.nextDouble(-1, 1);
        }
        double[][] want = direct(re, im);
        new Fft(n).transform(re, im, new double[n], new double[n]);
        for (int k = 0; k < n; k++) {
            assertEquals(want[0][k], re[k], 1e-9 * n, "re " + k);
            assertEquals(want[1][k], im[k], 1e-9 * n, "im " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 101, 128, 1000, 1001, 2026})
    void spectralModuliMatchTheDirectTransformOfRealInput(int n) {
        SplittableRandom random = new SplittableRandom(n);
        byte[] bits = new byte[n];
        double[] re = new double[n];
        for (int i = 0; i < n; i++) {
            bits[i] = (byte) random.nextInt(2);
            re[i] = 2 * bits[i] - 1;
        }
        double[][] want = direct(re, new double[n]);
        double[] got = SpectralTest.moduli(BitSequence.fromBits(bits));
        assertEquals(n / 2, got.length);
        for (int k = 0; k < n / 2; k++) {
            assertEquals(Math.hypot(want[0][k], want[1][k]), got[k], 1e-9 * n, "k " + k);
        }
    }
}

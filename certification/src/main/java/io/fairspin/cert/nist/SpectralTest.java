package io.fairspin.cert.nist;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The discrete Fourier transform (spectral) test (2.6). NIST transforms the n values 2e - 1 with a real
 * FFT of length n exactly and counts the moduli |X_k|, k = 0 .. n/2 - 1, below sqrt(n ln(1/0.05)). For
 * even n the real input is packed into a complex transform of length n/2 and unpacked (the usual
 * real-FFT identity); for odd n it is transformed as complex data of length n.
 */
final class SpectralTest {
    private static final Map<Integer, Fft> PLANS = new ConcurrentHashMap<>();
    private static final Map<Integer, double[][]> UNPACK_TWIDDLES = new ConcurrentHashMap<>();
    /** Each thread's transform buffers, reused from sequence to sequence (four arrays of n/2 doubles). */
    private static final ThreadLocal<double[][]> WORKSPACE = ThreadLocal.withInitial(() -> new double[4][0]);

    private SpectralTest() {
    }

    static TestResult run(BitSequence e) {
        int n = e.length();
        if (n < 2) {
            return TestResult.notApplicable(NistTest.FFT, "n < 2");
        }
        double[] moduli = moduli(e);
        double upperBound = Math.sqrt(2.995732274 * n);
        int count = 0;
        for (int i = 0; i < n / 2; i++) {
            if (moduli[i] < upperBound) {
                count++;
            }
        }
        double expected = 0.95 * n / 2.0;
        double d = (count - expected) / Math.sqrt(n / 4.0 * 0.95 * 0.05);
        return TestResult.of(NistTest.FFT, Special.erfc(Math.abs(d) / Math.sqrt(2.0)));
    }

    /** |X_k| for k = 0 .. n/2 - 1 of the transform of 2e - 1. */
    static double[] moduli(BitSequence e) {
        int n = e.length();
        int half = n / 2;
        double[] moduli = new double[half];
        if (n % 2 == 1) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = 2 * e.bit(i) - 1;
            }
            PLANS.computeIfAbsent(n, Fft::new).transform(re, im, new double[n], new double[n]);
            for (int k = 0; k < half; k++) {
                moduli[k] = Math.hypot(re[k], im[k]);
            }
            return moduli;
        }
        double[][] buffers = workspace(half);
        double[] re = buffers[0];
        double[] im = buffers[1];
        for (int j = 0; j < half; j++) {
            int two = e.window(2 * j, 2);
            re[j] = (two >>> 1) * 2 - 1;
            im[j] = (two & 1) * 2 - 1;
        }
        PLANS.computeIfAbsent(half, Fft::new).transform(re, im, buffers[2], buffers[3]);
        double[][] twiddles = UNPACK_TWIDDLES.computeIfAbsent(n, SpectralTest::unpackTwiddles);
        double[] wre = twiddles[0];
        double[] wim = twiddles[1];
        // X_k = E_k + w^k O_k, E_k = (Z_k + conj Z_{N-k}) / 2, O_k = (Z_k - conj Z_{N-k}) / 2i, w = exp(-2 pi i / n).
        for (int k = 0; k < half; k++) {
            int mirror = k == 0 ? 0 : half - k;
            double zr = re[k];
            double zi = im[k];
            double cr = re[mirror];
            double ci = -im[mirror];
            double er = (zr + cr) / 2;
            double ei = (zi + ci) / 2;
            double dr = (zr - cr) / 2;
            double di = (zi - ci) / 2;
            double or = di;
            double oi = -dr;
            double wr = wre[k];
            double wi = wim[k];
            double xr = er + or * wr - oi * wi;
            double xi = ei + or * wi + oi * wr;
            moduli[k] = Math.sqrt(xr * xr + xi * xi);
        }
        return moduli;
    }

    /** exp(-2 pi i k / n) for k = 0 .. n/2 - 1. */
    private static double[][] unpackTwiddles(int n) {
        double[] re = new double[n / 2];
        double[] im = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            re[k] = Math.cos(-2 * Math.PI * k / n);
            im[k] = Math.sin(-2 * Math.PI * k / n);
        }
        return new double[][] {re, im};
    }

    private static double[][] workspace(int length) {
        double[][] buffers = WORKSPACE.get();
        if (buffers[0].length != length) {
            for (int i = 0; i < buffers.length; i++) {
                buffers[i] = new double[length];
            }
        }
        return buffers;
    }
}

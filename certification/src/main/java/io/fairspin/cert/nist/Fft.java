package io.fairspin.cert.nist;

import java.util.ArrayList;
import java.util.List;

/**
 * A forward discrete Fourier transform of complex data of any length: mixed-radix Stockham (radices
 * 4, 2, 3, 5 and any other prime up to {@value #MAX_DIRECT_PRIME}) and, for lengths with a larger
 * prime factor, Bluestein's chirp-z algorithm over a power-of-two transform. X[k] = sum x[j]
 * exp(-2 pi i jk / n), unscaled. A plan is immutable and may be shared between threads.
 */
final class Fft {
    static final int MAX_DIRECT_PRIME = 61;

    private final int n;
    private final int[] radices;
    /** Per stage, w^(jk) for j in [0, m) and k in [1, p), at j * (p - 1) + k - 1. */
    private final double[][] twiddleRe;
    private final double[][] twiddleIm;
    private final Bluestein bluestein;

    Fft(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("transform length must be positive, was " + n);
        }
        this.n = n;
        List<Integer> factors = factor(n);
        if (!factors.isEmpty() && factors.get(factors.size() - 1) > MAX_DIRECT_PRIME) {
            this.radices = new int[0];
            this.twiddleRe = new double[0][];
            this.twiddleIm = new double[0][];
            this.bluestein = new Bluestein(n);
            return;
        }
        this.bluestein = null;
        this.radices = radices(n, factors);
        this.twiddleRe = new double[radices.length][];
        this.twiddleIm = new double[radices.length][];
        int length = n;
        for (int stage = 0; stage < radices.length; stage++) {
            int p = radices[stage];
            int m = length / p;
            double[] re = new double[m * (p - 1)];
            double[] im = new double[m * (p - 1)];
            for (int j = 0; j < m; j++) {
                for (int k = 1; k < p; k++) {
                    double angle = -2 * Math.PI * ((long) j * k % length) / length;
                    re[j * (p - 1) + k - 1] = Math.cos(angle);
                    im[j * (p - 1) + k - 1] = Math.sin(angle);
                }
            }
            twiddleRe[stage] = re;
            twiddleIm[stage] = im;
            length = m;
        }
    }

    int length() {
        return n;
    }

    private static List<Integer> factor(int n) {
        List<Integer> factors = new ArrayList<>();
        int rest = n;
        for (int p = 2; (long) p * p <= rest; p++) {
            while (rest % p == 0) {
                factors.add(p);
                rest /= p;
            }
        }
        if (rest > 1) {
            factors.add(rest);
        }
        return factors;
    }

    /** Fours first (fewest passes), then the remaining primes. */
    private static int[] radices(int n, List<Integer> primes) {
        List<Integer> out = new ArrayList<>();
        int twos = (int) primes.stream().filter(p -> p == 2).count();
        for (int i = 0; i < twos / 2; i++) {
            out.add(4);
        }
        if (twos % 2 == 1) {
            out.add(2);
        }
        primes.stream().filter(p -> p != 2).forEach(out::add);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Transforms {@code re, im} (length n) in place; {@code workRe, workIm} are scratch of length n. */
    void transform(double[] re, double[] im, double[] workRe, double[] workIm) {
        if (bluestein != null) {
            bluestein.transform(re, im);
            return;
        }
        double[] xr = re;
        double[] xi = im;
        double[] yr = workRe;
        double[] yi = workIm;
        int length = n;
        int stride = 1;
        for (int stage = 0; stage < radices.length; stage++) {
            int p = radices[stage];
            int m = length / p;
            switch (p) {
                case 2 -> radix2(xr, xi, yr, yi, m, stride, twiddleRe[stage], twiddleIm[stage]);
                case 3 -> radix3(xr, xi, yr, yi, m, stride, twiddleRe[stage], twiddleIm[stage]);
                case 4 -> radix4(xr, xi, yr, yi, m, stride, twiddleRe[stage], twiddleIm[stage]);
                case 5 -> radix5(xr, xi, yr, yi, m, stride, twiddleRe[stage], twiddleIm[stage]);
                default -> radixGeneric(p, xr, xi, yr, yi, m, stride, twiddleRe[stage], twiddleIm[stage]);
            }
            double[] t = xr;
            xr = yr;
            yr = t;
            t = xi;
            xi = yi;
            yi = t;
            length = m;
            stride *= p;
        }
        if (xr != re) {
            System.arraycopy(xr, 0, re, 0, n);
            System.arraycopy(xi, 0, im, 0, n);
        }
    }

    // Each stage reads x[q + s(j + r m)], r < p, and writes y[q + s(p j + k)] = w^(jk) * DFT_p(...)[k].

    private static void radix2(double[] xr, double[] xi, double[] yr, double[] yi, int m, int s,
                               double[] wr, double[] wi) {
        for (int j = 0; j < m; j++) {
            double cr = wr[j];
            double ci = wi[j];
            int in0 = s * j;
            int in1 = s * (j + m);
            int out0 = s * 2 * j;
            int out1 = out0 + s;
            for (int q = 0; q < s; q++) {
                double ar = xr[in0 + q];
                double ai = xi[in0 + q];
                double br = xr[in1 + q];
                double bi = xi[in1 + q];
                yr[out0 + q] = ar + br;
                yi[out0 + q] = ai + bi;
                double dr = ar - br;
                double di = ai - bi;
                yr[out1 + q] = dr * cr - di * ci;
                yi[out1 + q] = dr * ci + di * cr;
            }
        }
    }

    private static void radix3(double[] xr, double[] xi, double[] yr, double[] yi, int m, int s,
                               double[] wr, double[] wi) {
        final double sin60 = Math.sqrt(3) / 2;
        for (int j = 0; j < m; j++) {
            double w1r = wr[2 * j];
            double w1i = wi[2 * j];
            double w2r = wr[2 * j + 1];
            double w2i = wi[2 * j + 1];
            int in0 = s * j;
            int in1 = s * (j + m);
            int in2 = s * (j + 2 * m);
            int out0 = s * 3 * j;
            for (int q = 0; q < s; q++) {
                double a0r = xr[in0 + q];
                double a0i = xi[in0 + q];
                double tr = xr[in1 + q] + xr[in2 + q];
                double ti = xi[in1 + q] + xi[in2 + q];
                double dr = xr[in1 + q] - xr[in2 + q];
                double di = xi[in1 + q] - xi[in2 + q];
                double ur = a0r - 0.5 * tr;
                double ui = a0i - 0.5 * ti;
                yr[out0 + q] = a0r + tr;
                yi[out0 + q] = a0i + ti;
                double b1r = ur + sin60 * di;
                double b1i = ui - sin60 * dr;
                double b2r = ur - sin60 * di;
                double b2i = ui + sin60 * dr;
                yr[out0 + s + q] = b1r * w1r - b1i * w1i;
                yi[out0 + s + q] = b1r * w1i + b1i * w1r;
                yr[out0 + 2 * s + q] = b2r * w2r - b2i * w2i;
                yi[out0 + 2 * s + q] = b2r * w2i + b2i * w2r;
            }
        }
    }

    private static void radix4(double[] xr, double[] xi, double[] yr, double[] yi, int m, int s,
                               double[] wr, double[] wi) {
        for (int j = 0; j < m; j++) {
            double w1r = wr[3 * j];
            double w1i = wi[3 * j];
            double w2r = wr[3 * j + 1];
            double w2i = wi[3 * j + 1];
            double w3r = wr[3 * j + 2];
            double w3i = wi[3 * j + 2];
            int in0 = s * j;
            int in1 = s * (j + m);
            int in2 = s * (j + 2 * m);
            int in3 = s * (j + 3 * m);
            int out0 = s * 4 * j;
            for (int q = 0; q < s; q++) {
                double a0r = xr[in0 + q];
                double a0i = xi[in0 + q];
                double a1r = xr[in1 + q];
                double a1i = xi[in1 + q];
                double a2r = xr[in2 + q];
                double a2i = xi[in2 + q];
                double a3r = xr[in3 + q];
                double a3i = xi[in3 + q];
                double s02r = a0r + a2r;
                double s02i = a0i + a2i;
                double d02r = a0r - a2r;
                double d02i = a0i - a2i;
                double s13r = a1r + a3r;
                double s13i = a1i + a3i;
                double d13r = a1r - a3r;
                double d13i = a1i - a3i;
                yr[out0 + q] = s02r + s13r;
                yi[out0 + q] = s02i + s13i;
                // b1 = d02 - i d13, b2 = s02 - s13, b3 = d02 + i d13
                double b1r = d02r + d13i;
                double b1i = d02i - d13r;
                double b2r = s02r - s13r;
                double b2i = s02i - s13i;
                double b3r = d02r - d13i;
                double b3i = d02i + d13r;
                yr[out0 + s + q] = b1r * w1r - b1i * w1i;
                yi[out0 + s + q] = b1r * w1i + b1i * w1r;
                yr[out0 + 2 * s + q] = b2r * w2r - b2i * w2i;
                yi[out0 + 2 * s + q] = b2r * w2i + b2i * w2r;
                yr[out0 + 3 * s + q] = b3r * w3r - b3i * w3i;
                yi[out0 + 3 * s + q] = b3r * w3i + b3i * w3r;
            }
        }
    }

    private static void radix5(double[] xr, double[] xi, double[] yr, double[] yi, int m, int s,
                               double[] wr, double[] wi) {
        final double c1 = Math.cos(2 * Math.PI / 5);
        final double c2 = Math.cos(4 * Math.PI / 5);
        final double s1 = Math.sin(2 * Math.PI / 5);
        final double s2 = Math.sin(4 * Math.PI / 5);
        for (int j = 0; j < m; j++) {
            int t = 4 * j;
            int in0 = s * j;
            int in1 = s * (j + m);
            int in2 = s * (j + 2 * m);
            int in3 = s * (j + 3 * m);
            int in4 = s * (j + 4 * m);
            int out0 = s * 5 * j;
            for (int q = 0; q < s; q++) {
                double a0r = xr[in0 + q];
                double a0i = xi[in0 + q];
                double t1r = xr[in1 + q] + xr[in4 + q];
                double t1i = xi[in1 + q] + xi[in4 + q];
                double t2r = xr[in2 + q] + xr[in3 + q];
                double t2i = xi[in2 + q] + xi[in3 + q];
                double d1r = xr[in1 + q] - xr[in4 + q];
                double d1i = xi[in1 + q] - xi[in4 + q];
                double d2r = xr[in2 + q] - xr[in3 + q];
                double d2i = xi[in2 + q] - xi[in3 + q];
                yr[out0 + q] = a0r + t1r + t2r;
                yi[out0 + q] = a0i + t1i + t2i;
                double u1r = a0r + c1 * t1r + c2 * t2r;
                double u1i = a0i + c1 * t1i + c2 * t2i;
                double u2r = a0r + c2 * t1r + c1 * t2r;
                double u2i = a0i + c2 * t1i + c1 * t2i;
                double v1r = s1 * d1r + s2 * d2r;
                double v1i = s1 * d1i + s2 * d2i;
                double v2r = s2 * d1r - s1 * d2r;
                double v2i = s2 * d1i - s1 * d2i;
                store(yr, yi, out0 + s + q, u1r + v1i, u1i - v1r, wr[t], wi[t]);
                store(yr, yi, out0 + 2 * s + q, u2r + v2i, u2i - v2r, wr[t + 1], wi[t + 1]);
                store(yr, yi, out0 + 3 * s + q, u2r - v2i, u2i + v2r, wr[t + 2], wi[t + 2]);
                store(yr, yi, out0 + 4 * s + q, u1r - v1i, u1i + v1r, wr[t + 3], wi[t + 3]);
            }
        }
    }

    private static void store(double[] yr, double[] yi, int at, double br, double bi, double wr, double wi) {
        yr[at] = br * wr - bi * wi;
        yi[at] = br * wi + bi * wr;
    }

    private static void radixGeneric(int p, double[] xr, double[] xi, double[] yr, double[] yi, int m, int s,
                                     double[] wr, double[] wi) {
        double[] cos = new double[p];
        double[] sin = new double[p];
        for (int r = 0; r < p; r++) {
            cos[r] = Math.cos(-2 * Math.PI * r / p);
            sin[r] = Math.sin(-2 * Math.PI * r / p);
        }
        double[] ar = new double[p];
        double[] ai = new double[p];
        for (int j = 0; j < m; j++) {
            for (int q = 0; q < s; q++) {
                for (int r = 0; r < p; r++) {
                    ar[r] = xr[s * (j + r * m) + q];
                    ai[r] = xi[s * (j + r * m) + q];
                }
                for (int k = 0; k < p; k++) {
                    double br = 0;
                    double bi = 0;
                    for (int r = 0, e = 0; r < p; r++, e = (e + k) % p) {
                        br += ar[r] * cos[e] - ai[r] * sin[e];
                        bi += ar[r] * sin[e] + ai[r] * cos[e];
                    }
                    int at = s * (p * j + k) + q;
                    if (k == 0) {
                        yr[at] = br;
                        yi[at] = bi;
                    } else {
                        store(yr, yi, at, br, bi, wr[j * (p - 1) + k - 1], wi[j * (p - 1) + k - 1]);
                    }
                }
            }
        }
    }

    /** Bluestein's algorithm: a length-n transform as a convolution done with a power-of-two transform. */
    private static final class Bluestein {
        private final int n;
        private final Fft inner;
        private final double[] chirpRe;
        private final double[] chirpIm;
        private final double[] filterRe;
        private final double[] filterIm;

        Bluestein(int n) {
            this.n = n;
            int size = Integer.highestOneBit(2 * n - 1);
            if (size < 2 * n - 1) {
                size <<= 1;
            }
            inner = new Fft(size);
            chirpRe = new double[n];
            chirpIm = new double[n];
            for (int j = 0; j < n; j++) {
                double angle = -Math.PI * ((long) j * j % (2L * n)) / n;
                chirpRe[j] = Math.cos(angle);
                chirpIm[j] = Math.sin(angle);
            }
            filterRe = new double[size];
            filterIm = new double[size];
            filterRe[0] = chirpRe[0];
            filterIm[0] = -chirpIm[0];
            for (int j = 1; j < n; j++) {
                filterRe[j] = chirpRe[j];
                filterIm[j] = -chirpIm[j];
                filterRe[size - j] = chirpRe[j];
                filterIm[size - j] = -chirpIm[j];
            }
            inner.transform(filterRe, filterIm, new double[size], new double[size]);
        }

        void transform(double[] re, double[] im) {
            int size = inner.length();
            double[] ar = new double[size];
            double[] ai = new double[size];
            for (int j = 0; j < n; j++) {
                ar[j] = re[j] * chirpRe[j] - im[j] * chirpIm[j];
                ai[j] = re[j] * chirpIm[j] + im[j] * chirpRe[j];
            }
            double[] workRe = new double[size];
            double[] workIm = new double[size];
            inner.transform(ar, ai, workRe, workIm);
            // Inverse by conjugation: ifft(C) = conj(fft(conj(C))) / size.
            for (int k = 0; k < size; k++) {
                double cr = ar[k] * filterRe[k] - ai[k] * filterIm[k];
                double ci = ar[k] * filterIm[k] + ai[k] * filterRe[k];
                ar[k] = cr;
                ai[k] = -ci;
            }
            inner.transform(ar, ai, workRe, workIm);
            for (int k = 0; k < n; k++) {
                double cr = ar[k] / size;
                double ci = -ai[k] / size;
                re[k] = cr * chirpRe[k] - ci * chirpIm[k];
                im[k] = cr * chirpIm[k] + ci * chirpRe[k];
            }
        }
    }
}

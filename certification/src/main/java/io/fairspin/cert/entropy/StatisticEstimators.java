package io.fairspin.cert.entropy;

import java.util.ArrayList;
import java.util.List;

/**
 * The estimators of SP 800-90B sections 6.3.1 to 6.3.4: most common value, collision, Markov and
 * compression, with the figures NIST's tool prints.
 */
final class StatisticEstimators {
    private StatisticEstimators() {
    }

    /** 6.3.1: the most common value's proportion, its 99% upper bound p_u, -log2 p_u. */
    static Estimate mostCommonValue(byte[] s, int alphabet, String input) {
        long[] counts = new long[256];
        for (byte b : s) {
            counts[b & 0xFF]++;
        }
        long mode = 0;
        for (int i = 0; i < alphabet; i++) {
            mode = Math.max(mode, counts[i]);
        }
        double pmax = mode / (double) s.length;
        double pu = Numerics.upperBound(pmax, s.length);
        return new Estimate("Most Common Value", input, List.of(
                Figure.count("Mode count", "modeCount", mode),
                Figure.real("p-hat", "pHat", pmax),
                Figure.real("p_u", "pU", pu)), List.of(), -Numerics.log2(pu), null);
    }

    /** 6.3.2 on bits: mean time to the first collision, bounded below, solved for p in closed form. */
    static Estimate collision(byte[] s, String input) {
        int len = s.length;
        long i = 0;
        long v = 0;
        double sumSquares = 0.0;
        while (i < len - 1) {
            int t;
            if (s[(int) i] == s[(int) i + 1]) {
                t = 2;
            } else if (i < len - 2) {
                t = 3;
            } else {
                break;
            }
            v++;
            sumSquares += t * t;
            i += t;
        }
        double mean = i / (double) v;
        double sigma = Math.sqrt((sumSquares - (i * mean)) / (v - 1));
        double bound = mean - Numerics.Z_ALPHA * sigma / Math.sqrt(v);
        if (bound < 2.0) {
            bound = 2.0;
        }
        List<Figure> figures = List.of(
                Figure.count("v", "v", v),
                Figure.count("Sum t_i", "sumT", i),
                Figure.real("X-bar", "xBar", mean),
                Figure.real("sigma-hat", "sigmaHat", sigma),
                Figure.real("X-bar'", "xBarPrime", bound));
        double p;
        double h;
        String note;
        if (bound < 2.5) {
            p = 0.5 + Math.sqrt(1.25 - 0.5 * bound);
            h = -Numerics.log2(p);
            note = "Found p.";
        } else {
            p = 0.5;
            h = 1.0;
            note = "Could Not Find p. Proceeding with the lower bound for p.";
        }
        List<Figure> all = new ArrayList<>(figures);
        all.add(Figure.real("p", "p", p));
        return new Estimate("Collision", input, all, List.of(note), h, null);
    }

    /** 6.3.3 on bits: a first-order Markov model's most likely 128-bit sequence. */
    static Estimate markov(byte[] s, String input) {
        int len = s.length;
        long c0 = 0;
        long c00 = 0;
        long c10 = 0;
        for (int i = 0; i < len - 1; i++) {
            if (s[i] == 0) {
                c0++;
                if (s[i + 1] == 0) {
                    c00++;
                }
            } else if (s[i + 1] == 0) {
                c10++;
            }
        }
        long c1 = len - 1 - c0;
        double p00;
        double p01;
        double p10;
        double p11;
        if (c0 > 0) {
            p00 = (double) c00 / (double) c0;
            p01 = 1.0 - p00;
        } else {
            p00 = 0.0;
            p01 = 0.0;
        }
        if (c1 > 0) {
            p10 = (double) c10 / (double) c1;
            p11 = 1.0 - p10;
        } else {
            p10 = 0.0;
            p11 = 0.0;
        }
        if (s[len - 1] == 0) {
            c0++;
        }
        double p0 = c0 / (double) len;
        double p1 = 1.0 - p0;
        double h = 128.0;
        if (p00 > 0.0) {
            h = Math.min(h, -Numerics.log2(p0) - 127.0 * Numerics.log2(p00));
        }
        if (p01 > 0.0 && p10 > 0.0) {
            h = Math.min(h, -Numerics.log2(p0) - 64.0 * Numerics.log2(p01) - 63.0 * Numerics.log2(p10));
        }
        if (p01 > 0.0 && p11 > 0.0) {
            h = Math.min(h, -Numerics.log2(p0) - Numerics.log2(p01) - 126.0 * Numerics.log2(p11));
        }
        if (p10 > 0.0 && p00 > 0.0) {
            h = Math.min(h, -Numerics.log2(p1) - Numerics.log2(p10) - 126.0 * Numerics.log2(p00));
        }
        if (p10 > 0.0 && p01 > 0.0) {
            h = Math.min(h, -Numerics.log2(p1) - 64.0 * Numerics.log2(p10) - 63.0 * Numerics.log2(p01));
        }
        if (p11 > 0.0) {
            h = Math.min(h, -Numerics.log2(p1) - 127.0 * Numerics.log2(p11));
        }
        return new Estimate("Markov", input, List.of(
                Figure.real("P_0", "p0", p0),
                Figure.real("P_1", "p1", p1),
                Figure.real("P_{0,0}", "p00", p00),
                Figure.real("P_{0,1}", "p01", p01),
                Figure.real("P_{1,0}", "p10", p10),
                Figure.real("P_{1,1}", "p11", p11),
                Figure.real("p-hat_max", "pHatMax", Math.pow(2.0, -h))), List.of(), Math.min(h / 128.0, 1.0), null);
    }

    private static final int BLOCK_BITS = 6;
    private static final int DICTIONARY_BLOCKS = 1000;

    /** 6.3.4 on bits: Maurer's universal statistic on 6-bit blocks, solved for p by bisection. */
    static Estimate compression(byte[] s, String input) {
        int b = BLOCK_BITS;
        int alphabet = 1 << b;
        int d = DICTIONARY_BLOCKS;
        int blocks = s.length / b;
        if (blocks <= d) {
            return Estimate.failed("Compression", input, "not enough samples (needs more than " + d + " blocks of "
                    + b + " bits)");
        }
        int[] dict = new int[alphabet];
        for (int i = 0; i < d; i++) {
            dict[block(s, i, b)] = i + 1;
        }
        double[] log2 = new double[blocks + 1];
        for (int i = 1; i <= blocks; i++) {
            log2[i] = Numerics.log2(i);
        }
        long v = blocks - d;
        double x = 0.0;
        double xComp = 0.0;
        double sigma = 0.0;
        double sigmaComp = 0.0;
        for (int i = d; i < blocks; i++) {
            int blk = block(s, i, b);
            double l = log2[i + 1 - dict[blk]];
            double y = l - xComp;
            double t = x + y;
            xComp = (t - x) - y;
            x = t;
            y = l * l - sigmaComp;
            t = sigma + y;
            sigmaComp = (t - sigma) - y;
            sigma = t;
            dict[blk] = i + 1;
        }
        x /= v;
        sigma = 0.5907 * Math.sqrt(sigma / (v - 1.0) - x * x);
        double bound = x - Numerics.Z_ALPHA * sigma / Math.sqrt(v);
        Numerics.Decreasing expected = p -> expectation(p, alphabet, d, blocks, log2);
        double p;
        if (expected.at(1.0 / alphabet) > bound) {
            p = Numerics.bisect(expected, bound, 1.0 / alphabet, 1.0 / alphabet);
        } else {
            p = -1.0;
        }
        String note;
        double h;
        if (p > 1.0 / alphabet) {
            h = -Numerics.log2(p) / b;
            note = "Found p.";
        } else {
            p = 1.0 / alphabet;
            h = 1.0;
            note = "Could Not Find p. Proceeding with the lower bound for p.";
        }
        return new Estimate("Compression", input, List.of(
                Figure.real("X-bar", "xBar", x),
                Figure.real("sigma-hat", "sigmaHat", sigma),
                Figure.real("X-bar'", "xBarPrime", bound),
                Figure.real("p", "p", p)), List.of(note), h, null);
    }

    private static int block(byte[] s, int i, int b) {
        int v = 0;
        int o = i * b;
        for (int j = 0; j < b; j++) {
            v = (v << 1) | (s[o + j] & 1);
        }
        return v;
    }

    private static double expectation(double p, int alphabet, int d, int blocks, double[] log2) {
        double q = (1.0 - p) / (alphabet - 1.0);
        return g(p, d, blocks, log2) + (alphabet - 1.0) * g(q, d, blocks, log2);
    }

    /**
     * SP 800-90B's G(z) for the expected statistic, summed as NIST's tool does (Appendix G.1.1): the
     * terms log2(i) (1-z)^(i-1) accumulate once into both sums, with compensated summation, and the
     * tail stops where the terms are negligible.
     */
    private static double g(double z, int d, int blocks, double[] log2) {
        double ai = 0.0;
        double aiComp = 0.0;
        double first = 0.0;
        double firstComp = 0.0;
        long v = blocks - d;
        double bterm = 1.0 - z;
        double bi = bterm;
        for (int i = 2; i <= d; i++) {
            double y = log2[i] * bi - aiComp;
            double t = ai + y;
            aiComp = (t - ai) - y;
            ai = t;
            bi *= bterm;
        }
        double ad1 = ai;
        boolean truncated = false;
        for (int i = d + 1; i <= blocks - 1; i++) {
            double term = log2[i] * bi;
            double y = term - aiComp;
            double t = ai + y;
            aiComp = (t - ai) - y;
            ai = t;
            double scaled = (blocks - i) * term;
            // NIST's tool stops where a term vanishes in double precision (its terms are long double);
            // here the terms would stick at the smallest subnormal, so the tail stops below 1e-300,
            // which changes the sums by less than 1e-300
            if (scaled > 1e-300) {
                y = scaled - firstComp;
                t = first + y;
                firstComp = (t - first) - y;
                first = t;
            } else {
                truncated = true;
                break;
            }
            bi *= bterm;
        }
        double y = ((double) (blocks - d)) * ad1 - firstComp;
        double t = first + y;
        first = t;
        if (!truncated) {
            double term = log2[blocks] * bi;
            y = term - aiComp;
            ai = ai + y;
        }
        return 1 / (double) v * z * (z * first + (ai - ad1));
    }
}

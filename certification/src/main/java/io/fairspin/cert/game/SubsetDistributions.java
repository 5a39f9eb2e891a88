package io.fairspin.cert.game;

/**
 * Exact distributions of draws from categories with probabilities p (not necessarily equal), by
 * dynamic programming over the set of categories seen so far (at most 16 categories).
 */
final class SubsetDistributions {
    private SubsetDistributions() {
    }

    /** P(exactly r distinct categories among k draws), r = 0 .. min(k, categories). */
    static double[] distinct(double[] p, int k) {
        double[] state = new double[1 << p.length];
        state[0] = 1;
        for (int draw = 0; draw < k; draw++) {
            state = step(state, p);
        }
        double[] out = new double[Math.min(k, p.length) + 1];
        for (int set = 0; set < state.length; set++) {
            if (state[set] != 0) {
                out[Integer.bitCount(set)] += state[set];
            }
        }
        return out;
    }

    /**
     * The coupon collector's lengths: P(all categories are first seen on draw k) for k = 0 .. t-1,
     * and P(more than t-1 draws) at index t.
     */
    static double[] collectionLengths(double[] p, int t) {
        int full = (1 << p.length) - 1;
        double[] state = new double[full + 1];
        state[0] = 1;
        double[] out = new double[t + 1];
        double done = 0;
        for (int k = 1; k < t; k++) {
            state = step(state, p);
            out[k] = state[full];
            done += state[full];
            state[full] = 0;
        }
        out[t] = Math.max(0, 1 - done);
        return out;
    }

    private static double[] step(double[] state, double[] p) {
        double[] next = new double[state.length];
        for (int set = 0; set < state.length; set++) {
            double s = state[set];
            if (s == 0) {
                continue;
            }
            for (int c = 0; c < p.length; c++) {
                next[set | (1 << c)] += s * p[c];
            }
        }
        return next;
    }
}

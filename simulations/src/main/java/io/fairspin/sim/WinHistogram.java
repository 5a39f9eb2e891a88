package io.fairspin.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The buckets of the distribution of wins in multiples of the stake: no win, then (0, 0.5), [0.5, 1),
 * [1, 2), [2, 5) and so on along the 1-2-5 series up to [5000, 10000), then 10000 and more. A round is
 * counted in a bucket by integer comparison with the smallest win at or above each edge.
 */
final class WinHistogram {
    /** The bucket edges in tenths of the stake. */
    private static final long[] EDGE_TENTHS = {5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000,
        50_000, 100_000};

    /** The number of buckets: no win, below the first edge, between edges, from the last edge. */
    static final int BUCKETS = EDGE_TENTHS.length + 2;

    private WinHistogram() {
    }

    /** The smallest win, in minor units, at or above each edge: ceil(edge * stake). */
    static long[] thresholds(long stake) {
        long[] thresholds = new long[EDGE_TENTHS.length];
        for (int i = 0; i < thresholds.length; i++) {
            long tenths = Math.multiplyExact(EDGE_TENTHS[i], stake);
            thresholds[i] = (tenths + 9) / 10;
        }
        return thresholds;
    }

    /** The buckets with their counts, {@code counts} in bucket order. */
    static List<Statistics.Bucket> buckets(List<Long> counts) {
        List<Statistics.Bucket> buckets = new ArrayList<>(BUCKETS);
        buckets.add(new Statistics.Bucket("0", 0, 0, counts.get(0)));
        double from = 0;
        for (int i = 0; i <= EDGE_TENTHS.length; i++) {
            double to = i < EDGE_TENTHS.length ? EDGE_TENTHS[i] / 10.0 : Double.POSITIVE_INFINITY;
            String label = (i == 0 ? "(0" : "[" + format(from)) + ", " + (i < EDGE_TENTHS.length ? format(to) : "∞") + ")";
            buckets.add(new Statistics.Bucket(label, from, to, counts.get(i + 1)));
            from = to;
        }
        return buckets;
    }

    private static String format(double multiple) {
        return multiple == Math.rint(multiple) ? Long.toString((long) multiple) : Double.toString(multiple);
    }
}

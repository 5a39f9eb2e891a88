package io.fairspin.cert.game;

/**
 * Knuth's coupon collector test: successive segments of outcomes, each as long as it takes to see every
 * value (binned to at most 8 groups of consecutive values for larger ranges), classified by length
 * against the exact distribution; segments of t or more are pooled, t chosen from the planned count.
 */
final class CouponCollectorTest implements OutcomeTest {
    private static final int MAX_GROUPS = 8;
    private static final int MAX_T = 200;
    private final Bins bins;
    private final int full;
    private final long[] counts;
    private int seen;
    private int length;

    CouponCollectorTest(long range, long plannedCount) {
        this.bins = new Bins(range, MAX_GROUPS);
        this.full = (1 << bins.count()) - 1;
        double[] p = bins.probabilities();
        double expectedLength = 0;
        for (double v : p) {
            expectedLength += 1 / v;
        }
        double segments = plannedCount / Math.max(1, expectedLength);
        double[] lengths = SubsetDistributions.collectionLengths(p, MAX_T);
        int t = bins.count() + 1;
        double tail = 1;
        for (int k = 0; k <= t; k++) {
            tail -= lengths[k];
        }
        // Raise t while the pooled tail P(length > t) still expects at least 5 segments.
        while (t < MAX_T - 1 && segments * tail >= ChiSquare.MIN_EXPECTED) {
            t++;
            tail -= lengths[t];
        }
        this.counts = new long[t + 1];
    }

    @Override
    public void accept(long value) {
        seen |= 1 << bins.of(value);
        length++;
        if (seen == full) {
            counts[Math.min(length, counts.length - 1)]++;
            seen = 0;
            length = 0;
        }
    }

    @Override
    public GameTestResult result() {
        if (bins.count() < 2) {
            return GameTestResult.notApplicable("coupon collector", "a range of 1 has nothing to collect");
        }
        int t = counts.length - 1;
        double[] probabilities = SubsetDistributions.collectionLengths(bins.probabilities(), t);
        // The last segment, unfinished, is left out.
        return ChiSquare.test("coupon collector", counts, probabilities,
                "segments collecting " + bins.count() + " value groups");
    }
}

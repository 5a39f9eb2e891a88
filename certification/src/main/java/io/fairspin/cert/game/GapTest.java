package io.fairspin.cert.game;

/**
 * Knuth's gap test: the outcomes below floor(d/2) are marked (probability p = floor(d/2)/d); the gap
 * between two marked outcomes (the number of unmarked ones in between) is geometric, P(r) = p (1-p)^r.
 * Gaps of length 0 .. t-1 and t or more are counted and compared by chi-square, t chosen from the
 * planned count so the tail category expects at least 5 gaps.
 */
final class GapTest implements OutcomeTest {
    private static final int MAX_T = 64;
    private final long marked;
    private final double p;
    private final long[] counts;
    private boolean started;
    private int gap;

    GapTest(long range, long plannedCount) {
        this.marked = range / 2;
        this.p = (double) marked / range;
        double gaps = plannedCount * p;
        int t = 1;
        while (t < MAX_T && gaps * Math.pow(1 - p, t + 1) >= ChiSquare.MIN_EXPECTED) {
            t++;
        }
        this.counts = new long[t + 1];
    }

    @Override
    public void accept(long value) {
        if (value < marked) {
            if (started) {
                counts[Math.min(gap, counts.length - 1)]++;
            }
            started = true;
            gap = 0;
        } else if (gap < Integer.MAX_VALUE) {
            gap++;
        }
    }

    @Override
    public GameTestResult result() {
        if (marked == 0) {
            return GameTestResult.notApplicable("gap", "a range of 1 has nothing to mark");
        }
        int t = counts.length - 1;
        double[] probabilities = new double[t + 1];
        for (int r = 0; r < t; r++) {
            probabilities[r] = p * Math.pow(1 - p, r);
        }
        probabilities[t] = Math.pow(1 - p, t);
        return ChiSquare.test("gap", counts, probabilities, "gaps between outcomes below " + marked);
    }
}

package io.fairspin.cert.game;

/**
 * Knuth's poker test: non-overlapping hands of 5 successive outcomes, classified by the number of
 * distinct values (binned to at most 16 groups of consecutive values for large ranges), against the
 * exact distribution of that number.
 */
final class PokerTest implements OutcomeTest {
    private static final int HAND = 5;
    private final Bins bins;
    private final long[] counts = new long[HAND + 1];
    private int seen;
    private int filled;

    PokerTest(long range) {
        this.bins = new Bins(range, 16);
    }

    @Override
    public void accept(long value) {
        seen |= 1 << bins.of(value);
        if (++filled == HAND) {
            counts[Integer.bitCount(seen)]++;
            seen = 0;
            filled = 0;
        }
    }

    @Override
    public GameTestResult result() {
        double[] distinct = SubsetDistributions.distinct(bins.probabilities(), HAND);
        double[] probabilities = new double[HAND + 1];
        System.arraycopy(distinct, 0, probabilities, 0, distinct.length);
        return ChiSquare.test("poker", counts, probabilities, "hands of 5 (" + bins.count() + " value groups)");
    }
}

package io.fairspin.cert.game;

/** Chi-square goodness of fit of the outcome frequencies to the uniform distribution on [0, d), binned for large d. */
final class FrequencyTest implements OutcomeTest {
    private final Bins bins;
    private final long[] counts;

    FrequencyTest(long range, long plannedCount) {
        this.bins = new Bins(range, (int) Math.max(2, Math.min(1 << 16, plannedCount / 5)));
        this.counts = new long[bins.count()];
    }

    @Override
    public void accept(long value) {
        counts[bins.of(value)]++;
    }

    @Override
    public GameTestResult result() {
        return ChiSquare.test("frequency", counts, bins.probabilities(), "outcomes");
    }
}

package io.fairspin.cert.game;

import java.util.List;

/**
 * The game-level tests of integer outcomes in a range [0, d), as the game uses them: frequency
 * (chi-square), serial pairs and triples, runs up and down, gap, poker and coupon collector. Streaming:
 * feed every outcome with {@link #accept}, then read {@link #results}. The planned number of outcomes
 * sizes the categories (bins, tails) so every expected count is at least 5.
 */
public final class OutcomeBattery {
    private final long range;
    private final List<OutcomeTest> tests;
    private long count;

    /**
     * @param range        d, the number of possible outcomes (2 to 2^32)
     * @param plannedCount how many outcomes will be fed
     */
    public OutcomeBattery(long range, long plannedCount) {
        if (range < 2 || range > 1L << 32) {
            throw new IllegalArgumentException("range: must be in [2, 2^32], was " + range);
        }
        this.range = range;
        this.tests = List.of(new FrequencyTest(range, plannedCount), new SerialTest(range, plannedCount, 2),
                new SerialTest(range, plannedCount, 3), new TurningPointTest(range), new GapTest(range, plannedCount),
                new PokerTest(range), new CouponCollectorTest(range, plannedCount));
    }

    /**
     * Adds the next outcome, which must be in [0, range).
     *
     * @param value the outcome, in [0, range)
     */
    public void accept(long value) {
        if (value < 0 || value >= range) {
            throw new IllegalArgumentException("outcome " + count + " is " + value + ", outside [0, " + range + ")");
        }
        for (OutcomeTest test : tests) {
            test.accept(value);
        }
        count++;
    }

    /**
     * Each test's result, in a fixed order.
     *
     * @return the results of frequency, serial, runs, gap, poker and coupon collector
     */
    public List<GameTestResult> results() {
        return tests.stream().map(OutcomeTest::result).toList();
    }
}

package io.fairspin.sim;

import io.fairspin.math.Game;

/**
 * The acceptance check of the simulation issue: over 20 seeds, how often the 99% interval of the RTP
 * of a 10^7-round simulation contains a given value.
 */
final class Coverage {
    static final int SEEDS = 20;
    static final long ROUNDS = 10_000_000;
    /** The bar: at least 18 of 20. */
    static final int REQUIRED = 18;

    private Coverage() {
    }

    /** The intervals of the 20 runs (seeds 1 to 20) of {@code game}. */
    static Statistics.Interval[] intervals(Game game) throws InterruptedException {
        Statistics.Interval[] intervals = new Statistics.Interval[SEEDS];
        int threads = Runtime.getRuntime().availableProcessors();
        for (int seed = 1; seed <= SEEDS; seed++) {
            SimulationPlan plan = new SimulationPlan(ROUNDS, seed, RandomMode.FAST, 0.99);
            intervals[seed - 1] = new Simulation(game, plan).run(threads).statistics().rtpInterval(0.99);
        }
        return intervals;
    }

    /** How many of {@code intervals} contain {@code value}. */
    static int containing(Statistics.Interval[] intervals, double value) {
        int count = 0;
        for (Statistics.Interval interval : intervals) {
            count += interval.contains(value) ? 1 : 0;
        }
        return count;
    }
}

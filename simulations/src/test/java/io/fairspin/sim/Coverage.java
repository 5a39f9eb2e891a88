package io.fairspin.sim;

import io.fairspin.math.Game;
import java.util.ArrayList;
import java.util.List;

/**
 * The acceptance check of the simulation issue: over 20 seeds, how often the 99% interval of the RTP
 * of a 10^7-round simulation contains a given value, and how often the verdict passes.
 */
final class Coverage {
    static final int SEEDS = 20;
    static final long ROUNDS = 10_000_000;
    /** The bar: at least 18 of 20. */
    static final int REQUIRED = 18;

    private Coverage() {
    }

    /** The reports of the 20 runs (seeds 1 to 20) of {@code game}, at 99% confidence. */
    static List<SimulationReport> runs(Game game) throws InterruptedException {
        List<SimulationReport> reports = new ArrayList<>(SEEDS);
        int threads = Runtime.getRuntime().availableProcessors();
        for (int seed = 1; seed <= SEEDS; seed++) {
            SimulationPlan plan = new SimulationPlan(ROUNDS, seed, RandomMode.FAST, 0.99);
            reports.add(new Simulation(game, plan).run(threads));
        }
        return reports;
    }

    /** How many of the runs' RTP intervals contain {@code value}. */
    static int containing(List<SimulationReport> runs, double value) {
        int count = 0;
        for (SimulationReport run : runs) {
            count += run.statistics().rtpInterval(0.99).contains(value) ? 1 : 0;
        }
        return count;
    }

    /** How many of the runs' verdicts passed. */
    static int passed(List<SimulationReport> runs) {
        return (int) runs.stream().filter(run -> run.verdict().orElseThrow().passed()).count();
    }
}

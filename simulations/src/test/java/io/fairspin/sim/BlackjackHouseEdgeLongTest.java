package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Analyzable;
import io.fairspin.math.Game;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Blackjack's house edge under the derived basic strategy, from a simulation of 10^8 rounds of the
 * example model through the engine (what {@code fairspin simulate examples/blackjack.json --rounds 100M
 * --confidence 0.95} prints), with its 95% confidence interval. The model states no exact figures, so
 * the check is against the analysis's own estimate: the expected value of a round with the best first
 * decision, which values splits without resplitting (docs/model-format.md); the two may differ by a
 * little beyond the interval, hence the 0.001 allowance. Run with {@code mvn -Plong}.
 */
@Tag("long")
class BlackjackHouseEdgeLongTest {
    private static final long ROUNDS = 100_000_000L;
    private static final long SEED = 1;

    @Test
    void houseEdgeOfTheExampleRules() throws Exception {
        Game game = ExampleModels.load("blackjack.json");
        long start = System.nanoTime();
        SimulationReport report = new Simulation(game, new SimulationPlan(ROUNDS, SEED, RandomMode.FAST, 0.95))
                .run(Runtime.getRuntime().availableProcessors());
        Statistics s = report.statistics();
        Statistics.Interval edge = s.houseEdgeInterval(0.95);
        Statistics.Interval rtp = s.rtpInterval(0.95);
        double computed = bestFirstDecisionValue((Analyzable) game);
        System.out.printf("%s: %,d rounds (seed %d, fast, %.0f s): house edge %.6f [%.6f, %.6f] (95%%) per initial"
                + " stake, RTP %.6f [%.6f, %.6f] per unit staked; computed best-first-decision value %.6f%n",
                game.id(), s.rounds(), SEED, (System.nanoTime() - start) / 1e9, s.houseEdge(), edge.low(),
                edge.high(), s.rtp(), rtp.low(), rtp.high(), computed);

        assertEquals(ROUNDS, s.rounds());
        assertFalse(s.fixedStake(), "doubles and splits add stakes");
        assertTrue(report.verdict().isEmpty());
        double halfWidth = (edge.high() - edge.low()) / 2;
        assertTrue(Math.abs(-s.houseEdge() - computed) <= halfWidth + 0.001,
                "simulated " + -s.houseEdge() + " vs computed " + computed);
    }

    /** The analysis's "expected value per unit bet, best first decision" from its summary table. */
    private static double bestFirstDecisionValue(Analyzable game) {
        for (AnalysisReport.Table table : game.analyze().tables()) {
            for (var row : table.rows()) {
                if (row.get(0) instanceof AnalysisReport.Cell.Text label
                        && label.value().startsWith("expected value per unit bet, best first decision")) {
                    return ((AnalysisReport.Cell.Approximate) row.get(1)).value();
                }
            }
        }
        throw new AssertionError("no best-first-decision value in the analysis of " + game);
    }
}

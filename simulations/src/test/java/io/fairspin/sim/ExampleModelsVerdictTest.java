package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example model with exact figures passes its verdict at 99% on short runs: the quick, default-run
 * version of {@link ExampleModelsAcceptanceTest}, so that a model or engine change that breaks the
 * agreement shows at once. Each model runs 5 seeds of 200,000 rounds; a correct model fails a run with
 * probability at most 0.01, so 2 or more failures in 5 has probability below 0.001 (binomial).
 */
class ExampleModelsVerdictTest {
    private static final int SEEDS = 5;
    private static final long ROUNDS = 200_000;

    @TestFactory
    List<DynamicTest> everyExampleWithExactFiguresPassesItsVerdict() throws IOException {
        return ExampleModels.withExactFigures().stream().map(game -> DynamicTest.dynamicTest(game.id(), () -> {
            int failed = 0;
            for (int seed = 1; seed <= SEEDS; seed++) {
                SimulationPlan plan = new SimulationPlan(ROUNDS, seed, RandomMode.FAST, 0.99);
                failed += new Simulation(game, plan).run(2).verdict().orElseThrow().passed() ? 0 : 1;
            }
            assertTrue(failed <= 1, game.id() + ": " + failed + " of " + SEEDS + " verdicts failed");
        })).toList();
    }
}

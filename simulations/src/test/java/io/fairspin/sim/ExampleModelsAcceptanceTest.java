package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * The acceptance check on every example model with exact figures: over 20 seeds, the 99% interval
 * of a 10^7-round simulation contains the exact RTP at least 18 times, and the verdict at 99% passes at
 * least 18 times (3 or more failures in 20 has probability below 0.0011 for a correct model). Long: 2·10^8 rounds per model,
 * about half an hour for all of them on 2 cores (the video poker games play about 0.5M rounds/s);
 * {@link ExampleModelsVerdictTest} is the quick version in the default run.
 */
@Tag("long")
class ExampleModelsAcceptanceTest {

    @TestFactory
    List<DynamicTest> everyExampleWithExactFiguresCoversItsRtp() throws IOException {
        return ExampleModels.withExactFigures().stream().map(game -> DynamicTest.dynamicTest(game.id(), () -> {
            long start = System.nanoTime();
            double rtp = game.exactFigures().orElseThrow().rtp().doubleValue();
            List<SimulationReport> runs = Coverage.runs(game);
            int covered = Coverage.containing(runs, rtp);
            int passed = Coverage.passed(runs);
            Verdict first = runs.get(0).verdict().orElseThrow();
            System.out.printf("%s: %d of %d intervals contain the exact RTP %.6f, %d verdicts passed (seed 1: %s, z %+.2f"
                    + " and %+.2f) (%.1f s)%n", game.id(), covered, Coverage.SEEDS, rtp, passed,
                    first.passed() ? "PASS" : "FAIL", first.rtpZ(), first.hitFrequencyZ(),
                    (System.nanoTime() - start) / 1e9);
            assertTrue(covered >= Coverage.REQUIRED, game.id() + ": " + covered + " of " + Coverage.SEEDS);
            assertTrue(passed >= Coverage.REQUIRED, game.id() + ": " + passed + " verdicts of " + Coverage.SEEDS);
        })).toList();
    }
}

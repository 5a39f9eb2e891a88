package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The acceptance check on the test game: over 20 seeds, the 99% interval of a 10^7-round
 * simulation contains the exact RTP at least 18 times, and, as a negative control on the same runs,
 * does not contain a value 10 standard errors away. {@link ExampleModelsAcceptanceTest} runs the same
 * check on the example models.
 */
class AcceptanceTest {

    @Test
    void the99PercentIntervalContainsTheExactRtpAtLeast18TimesIn20() throws Exception {
        List<SimulationReport> runs = Coverage.runs(DiceGame.honest());
        int covered = Coverage.containing(runs, DiceGame.EXACT.rtp().doubleValue());
        assertTrue(covered >= Coverage.REQUIRED, covered + " of " + Coverage.SEEDS + " intervals contain 9/10");
        // One standard error after 10^7 rounds is sqrt(1.65 / 10^7) = 0.000406; 0.904 is 9.8 of them away.
        int control = Coverage.containing(runs, 0.904);
        assertTrue(control < Coverage.REQUIRED, control + " of " + Coverage.SEEDS + " intervals contain 0.904");
    }
}

package io.fairspin.audit.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Game;
import io.fairspin.math.OutcomeCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The control limits at the default settings, judged over 20 seeds: an honest game raises no alert (the
 * boundary's false-alarm probability is at most 0.001 per limit over all rounds, so 20 runs with no alert are
 * expected; the test allows one) and a game paying from an altered pay table is flagged in every run. The
 * negative control is the altered game itself. The long versions (10^7 honest rounds per seed, a 3.4% RTP
 * change) are in {@link ControlLimitsLongTest}.
 */
class ControlLimitsTest {
    static final int SEEDS = 20;

    @Test
    void honestRoundsRaiseNoAlertInAtLeast19Of20Seeds() throws Exception {
        Game game = ControlLimitRuns.certified();
        ExactFigures figures = game.exactFigures().orElseThrow();
        OutcomeCheck check = OutcomeCheck.of(game).orElseThrow();
        int alerted = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            if (ControlLimitRuns.firstAlert(game, figures, check, 200_000, seed, new ArrayList<>()) >= 0) {
                alerted++;
            }
        }
        assertTrue(alerted <= 1, alerted + " of " + SEEDS + " honest runs of 200,000 rounds raised an alert");
    }

    @Test
    void aPayTableWithoutTheTwoCherryPayIsFlaggedInEverySeed() throws Exception {
        Game certified = ControlLimitRuns.certified();
        Game altered = ControlLimitRuns.altered(0); // RTP 95.66% -> 87.59%
        ExactFigures figures = certified.exactFigures().orElseThrow();
        List<Long> detected = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            List<String> types = new ArrayList<>();
            long at = ControlLimitRuns.firstAlert(altered, figures, OutcomeCheck.of(certified).orElseThrow(), 2_000_000,
                    seed, types);
            assertTrue(at > 0, "seed " + seed + ": not flagged within 2,000,000 rounds");
            detected.add(at);
        }
        assertEquals(SEEDS, detected.size());
        System.out.println("cherry x2 pays 0 (RTP -8.06 points, hit frequency -0.081): flagged after " + detected + " rounds");
    }

    /**
     * A reel strip changed (one lemon of the third reel an orange, with the same pay table: RTP 95.66% to 95.27%, far
     * inside the RTP band for hundreds of thousands of rounds) is flagged by the award test first, in every seed;
     * without the award test (no outcome check) the same rounds raise nothing within 200,000 rounds.
     */
    @Test
    void aChangedReelStripIsFlaggedByTheAwardTestInEverySeed() throws Exception {
        Game certified = ControlLimitRuns.certified();
        Game changed = ControlLimitRuns.lemonToOrangeOnReel3();
        ExactFigures figures = certified.exactFigures().orElseThrow();
        OutcomeCheck check = OutcomeCheck.of(certified).orElseThrow();
        List<Long> detected = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            List<String> types = new ArrayList<>();
            long at = ControlLimitRuns.firstAlert(changed, figures, check, 2_000_000, 3000 + seed, types);
            assertTrue(at > 0, "seed " + seed + ": not flagged within 2,000,000 rounds");
            assertEquals(List.of("award-frequency"), types, "seed " + seed);
            detected.add(at);
            if (seed <= 3) {
                assertEquals(-1, ControlLimitRuns.firstAlert(changed, figures, null, 200_000, 3000 + seed,
                        new ArrayList<>()), "seed " + seed + ": flagged without the award test");
            }
        }
        System.out.printf(java.util.Locale.ROOT, "one lemon of reel 3 an orange (exact RTP %.4f%%, certified %.4f%%):"
                + " flagged by the award test after %s rounds%n", 100 * changed.exactFigures().orElseThrow().rtp()
                .doubleValue(), 100 * figures.rtp().doubleValue(), detected);
    }
}

package io.fairspin.audit.monitor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Game;
import io.fairspin.math.OutcomeCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The figures of docs/monitoring.md, over 20 seeds at the default settings (mvn -B verify -Plong), with all three
 * limits (RTP, hit frequency, award frequencies): 10^7 honest rounds raise an alert of any kind in at most one seed,
 * and a pay table paying 3 instead of 5 for two cherries (RTP 95.66% -> 92.43%, 3.4% of the RTP) is flagged in every
 * seed; the rounds it took are printed.
 */
@Tag("long")
class ControlLimitsLongTest {
    @Test
    void tenMillionHonestRoundsRaiseAnAlertOfAnyKindInAtMostOneOf20Seeds() throws Exception {
        Game game = ControlLimitRuns.certified();
        ExactFigures figures = game.exactFigures().orElseThrow();
        OutcomeCheck check = OutcomeCheck.of(game).orElseThrow();
        List<String> alerted = new ArrayList<>();
        int anyAlerts = 0;
        for (int seed = 1; seed <= 20; seed++) {
            List<String> types = new ArrayList<>();
            long at = ControlLimitRuns.firstAlert(game, figures, check, 10_000_000, 1000 + seed, types);
            if (at >= 0) {
                anyAlerts++;
                alerted.add("seed " + (1000 + seed) + ": " + types + " after " + at + " rounds");
            }
        }
        System.out.println("honest, 10^7 rounds x 20 seeds, RTP, hit-frequency and award tests: " + anyAlerts
                + " runs with an alert " + alerted);
        // Each run false-alarms with probability at most 3 alpha = 0.003: two or more of 20 has probability below 0.002.
        assertTrue(anyAlerts <= 1, anyAlerts + " of 20 honest runs raised an alert: " + alerted);
    }

    @Test
    void aPayTableThreePercentLowIsFlaggedInEverySeed() throws Exception {
        Game certified = ControlLimitRuns.certified();
        Game altered = ControlLimitRuns.altered(3);
        ExactFigures figures = certified.exactFigures().orElseThrow();
        OutcomeCheck check = OutcomeCheck.of(certified).orElseThrow();
        List<Long> detected = new ArrayList<>();
        for (int seed = 1; seed <= 20; seed++) {
            long at = ControlLimitRuns.firstAlert(altered, figures, check, 20_000_000, 2000 + seed, new ArrayList<>());
            assertTrue(at > 0, "seed " + seed + ": not flagged within 20,000,000 rounds");
            detected.add(at);
        }
        List<Long> sorted = new ArrayList<>(detected);
        Collections.sort(sorted);
        System.out.println("cherry x2 pays 3 (RTP -3.23 points): flagged after " + detected + " rounds; median "
                + sorted.get(9) + ", max " + sorted.get(19));
    }
}

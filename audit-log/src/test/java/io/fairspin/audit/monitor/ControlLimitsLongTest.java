package io.fairspin.audit.monitor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Game;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The figures of docs/monitoring.md, over 20 seeds at the default settings (mvn -B verify -Plong): 10^7 honest
 * rounds raise no RTP alert in at least 19 seeds, and a pay table paying 3 instead of 5 for two cherries
 * (RTP 95.66% -> 92.43%, 3.4% of the RTP) is flagged in every seed; the rounds it took are printed.
 */
@Tag("long")
class ControlLimitsLongTest {
    @Test
    void tenMillionHonestRoundsRaiseNoRtpAlertInAtLeast19Of20Seeds() throws Exception {
        Game game = ControlLimitRuns.certified();
        ExactFigures figures = game.exactFigures().orElseThrow();
        int rtpAlerts = 0;
        int anyAlerts = 0;
        for (int seed = 1; seed <= 20; seed++) {
            List<String> types = new ArrayList<>();
            if (ControlLimitRuns.firstAlert(game, figures, 10_000_000, 1000 + seed, types) >= 0) {
                anyAlerts++;
                rtpAlerts += types.contains("rtp-drift") ? 1 : 0;
            }
        }
        System.out.println("honest, 10^7 rounds x 20 seeds: " + rtpAlerts + " RTP alerts, " + anyAlerts + " runs with any");
        assertTrue(rtpAlerts <= 1, rtpAlerts + " of 20 honest runs raised an RTP alert");
    }

    @Test
    void aPayTableThreePercentLowIsFlaggedInEverySeed() throws Exception {
        Game certified = ControlLimitRuns.certified();
        Game altered = ControlLimitRuns.altered(3);
        ExactFigures figures = certified.exactFigures().orElseThrow();
        List<Long> detected = new ArrayList<>();
        for (int seed = 1; seed <= 20; seed++) {
            long at = ControlLimitRuns.firstAlert(altered, figures, 20_000_000, 2000 + seed, new ArrayList<>());
            assertTrue(at > 0, "seed " + seed + ": not flagged within 20,000,000 rounds");
            detected.add(at);
        }
        List<Long> sorted = new ArrayList<>(detected);
        Collections.sort(sorted);
        System.out.println("cherry x2 pays 3 (RTP -3.23 points): flagged after " + detected + " rounds; median "
                + sorted.get(9) + ", max " + sorted.get(19));
    }
}

package io.fairspin.audit.monitor;

import io.fairspin.math.AwardOccurrences;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.math.OutcomeCheck;
import io.fairspin.math.RoundOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs of the control limits of {@link GameTally} on rounds played straight from a game (no log): the certified
 * model's figures against rounds of the certified model (honest) or of a model with an altered pay table. All three
 * limits run, as in the monitor: RTP, hit frequency and the award test, whose counts the played game makes itself
 * ({@link RoundOutcome#countAwards}, the awards {@link OutcomeCheck} counts from a logged outcome), judged against the
 * certified model's exact occurrences; when the played game's awards are not the certified one's (a pay removed),
 * the award test is off.
 */
final class ControlLimitRuns {
    /** Where the examples are, from the module folder. */
    static final Path SIZZLING_HOT = Path.of("../examples/sizzling-hot.json");

    private ControlLimitRuns() {
    }

    static Game certified() throws IOException {
        return GameModels.load(SIZZLING_HOT);
    }

    /** Sizzling Hot paying {@code cherryX2} instead of 5 for two cherries. */
    static Game altered(long cherryX2) throws IOException {
        String json = Files.readString(SIZZLING_HOT, StandardCharsets.UTF_8);
        String changed = json.replace("{\"symbol\": \"cherry\", \"pays\": [0, 5, 20, 50, 200]}",
                "{\"symbol\": \"cherry\", \"pays\": [0, " + cherryX2 + ", 20, 50, 200]}");
        if (changed.equals(json)) {
            throw new IllegalStateException("the cherry pays of the example changed; update this test");
        }
        return GameModels.load("altered-sizzling-hot.json", changed.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sizzling Hot with the third reel's last lemon changed to an orange: the same pay table, and lemons and oranges pay
     * alike, so the RTP barely moves, but "lemon x3" and up occur less often and "orange x3" and up more.
     */
    static Game lemonToOrangeOnReel3() throws IOException {
        String json = Files.readString(SIZZLING_HOT, StandardCharsets.UTF_8);
        String changed = json.replace("\"lemon\", \"lemon\", \"lemon\"],", "\"lemon\", \"lemon\", \"orange\"],");
        if (changed.equals(json)) {
            throw new IllegalStateException("the reels of the example changed; update this test");
        }
        return GameModels.load("reel-changed-sizzling-hot.json", changed.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The rounds after which the first statistics alert fired, or -1 when none did within {@code rounds}.
     *
     * @param check the certified model's outcome check (its awards and their exact occurrences), or null: no award test
     */
    static long firstAlert(Game played, ExactFigures certified, OutcomeCheck check, long rounds, long seed,
                           List<String> types) {
        List<Alert> alerts = new ArrayList<>();
        boolean awardTest = check != null && played instanceof AwardOccurrences
                && ((AwardOccurrences) played).awards().equals(check.awards());
        GameTally tally = new GameTally(played.id(), "test", "XXX", played.stake(), certified,
                awardTest ? check : null, ControlLimits.DEFAULT, alerts::add);
        SeededStream stream = new SeededStream(seed);
        RoundOutcome outcome = RoundOutcome.forGame(played);
        long[] roundAwards = tally.roundAwards();
        if (awardTest) {
            outcome.countAwards(roundAwards.length);
        }
        for (long n = 1; n <= rounds; n++) {
            played.play(stream, outcome);
            if (awardTest) {
                for (int i = 0; i < outcome.countedAwards(); i++) {
                    int award = outcome.countedAward(i);
                    roundAwards[award] = outcome.awards(award);
                }
            }
            tally.add(outcome.stake(), outcome.win());
            if (!alerts.isEmpty()) {
                alerts.forEach(a -> types.add(a.type()));
                return n;
            }
        }
        if (awardTest && java.util.Arrays.stream(tally.awardCounts()).sum() == 0) {
            throw new IllegalStateException("the award test counted no award in " + rounds + " rounds");
        }
        return -1;
    }
}

package io.fairspin.audit.monitor;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.math.RoundOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs of the RTP and hit-frequency control limits of {@link GameTally} on rounds played straight from a game
 * (no log): the certified model's figures against rounds of the certified model (honest) or of a model with an
 * altered pay table. The award test needs logged outcomes and is left out here (it is off without an
 * {@link io.fairspin.math.OutcomeCheck}).
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

    /** The rounds after which the first statistics alert fired, or -1 when none did within {@code rounds}. */
    static long firstAlert(Game played, ExactFigures certified, long rounds, long seed, List<String> types) {
        List<Alert> alerts = new ArrayList<>();
        GameTally tally = new GameTally(played.id(), "test", played.stake(), certified, null, ControlLimits.DEFAULT,
                alerts::add);
        SeededStream stream = new SeededStream(seed);
        RoundOutcome outcome = RoundOutcome.forGame(played);
        for (long n = 1; n <= rounds; n++) {
            played.play(stream, outcome);
            tally.add(outcome.stake(), outcome.win());
            if (!alerts.isEmpty()) {
                alerts.forEach(a -> types.add(a.type()));
                return n;
            }
        }
        return -1;
    }
}

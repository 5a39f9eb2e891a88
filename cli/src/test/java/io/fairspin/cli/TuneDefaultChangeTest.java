package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.Fraction;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code fairspin tune} with no {@code --change} (auto) reaches the target on every kind of example slot: the RTP of
 * the written file, as {@code fairspin par} analyses it (not the tuner's own figure), is within 0.0005 of 0.94. The
 * kinds whose tuning and analysis take more than about 20 s on the shared machine run in the long profile.
 */
class TuneDefaultChangeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Fraction TARGET = Fraction.of(94, 100);
    private static final Fraction TOLERANCE = Fraction.of(5, 10_000);

    /** A line slot, a ways game and a Megaways game (reels of random height). */
    @ParameterizedTest
    @ValueSource(strings = {"sizzling-hot.json", "ways-243.json", "mega-dragon.json"})
    void theDefaultReachesTheTarget(String example, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        tuneAndCheck(example, dir);
    }

    /** A cascading game, a hold-and-win game and a line slot with free games. */
    @Tag("long")
    @ParameterizedTest
    @ValueSource(strings = {"tumbling-ways.json", "coin-rush.json", "lucky-wilds.json"})
    void theDefaultReachesTheTargetOnSlowerModels(String example, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        tuneAndCheck(example, dir);
    }

    private static void tuneAndCheck(String example, Path dir) throws Exception {
        Path out = dir.resolve(example);
        CommandRun tune = CommandRun.of("tune", Path.of(System.getProperty("fairspin.root", "."), "examples", example)
                .toString(), "--target-rtp", "0.94", "--format", "json", "--out", out.toString());
        assertEquals(0, tune.exitCode(), tune.stderr());
        JsonNode report = JSON.readTree(tune.stdout());
        assertTrue(report.get("tuning").asText().equals("stripCounts") != report.has("countsMissed"), report.toString());
        CommandRun par = CommandRun.of("par", out.toString(), "--format", "json");
        assertEquals(0, par.exitCode(), par.stderr());
        Fraction rtp = Fraction.parse(JSON.readTree(par.stdout()).get("rtp").get("fraction").asText());
        Fraction distance = rtp.subtract(TARGET);
        assertTrue((distance.signum() < 0 ? distance.negate() : distance).compareTo(TOLERANCE) <= 0,
                example + ": par's RTP " + rtp.toDecimalString(10));
    }
}

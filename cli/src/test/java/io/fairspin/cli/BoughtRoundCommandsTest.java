package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bought rounds from the command line: {@code play --bet '{"lines": 10, "lineBet": 2, "bonusBuy": true}'} logs the
 * bought free games of examples/lucky-wilds.json, {@code audit replay} reproduces one from escrow, {@code monitor}
 * tallies them apart against the buy's exact RTP; a buy the model does not sell, or at a bet outside its limits, is a
 * usage error naming the field, and nothing is created.
 */
class BoughtRoundCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = Path.of("..", "examples", "lucky-wilds.json").toString();

    @TempDir
    static Path dir;
    static JsonNode played;

    private static String path(String name) {
        return dir.resolve(name).toString();
    }

    @BeforeAll
    static void play() throws Exception {
        assertEquals(0, CommandRun.of("keys", "escrow", "--out", path("auditor")).exitCode());
        assertEquals(0, CommandRun.of("keys", "signing", "--out", path("operator")).exitCode());
        CommandRun play = CommandRun.of("play", "--format", "json", MODEL, "--rounds", "40", "--threads", "1",
                "--bet", "{\"lines\": 10, \"lineBet\": 2, \"bonusBuy\": true}", "--log", path("log"),
                "--escrow-key", path("auditor.pub"), "--signing-key", path("operator.key"));
        assertEquals(0, play.exitCode(), play.stderr());
        played = JSON.readTree(play.stdout());
    }

    @Test
    void aBoughtRoundReplaysFromEscrow() {
        String round = played.get("game").asText() + "/" + played.get("drbg").asText() + "/7";
        CommandRun replay = CommandRun.of("audit", "replay", path("log"), "--round", round, "--auditor-key",
                path("auditor.key"), "--model", MODEL);
        assertEquals(0, replay.exitCode(), replay.stderr());
        String text = replay.text();
        assertTrue(text.contains("\"bonusBuy\":true"), text);
        assertTrue(text.contains("bet         logged 520, replayed 520"), text);
        assertTrue(text.contains("MATCH"), text);
    }

    @Test
    void theMonitorTalliesBoughtRoundsAgainstTheBuy() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.copy(Path.of(MODEL), models.resolve("lucky-wilds.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CommandRun monitor = CommandRun.of("monitor", path("log"), "--models", models.toString(), "--format", "json");
        assertEquals(0, monitor.exitCode(), monitor.stderr());
        JsonNode games = JSON.readTree(monitor.stdout()).get("games");
        assertEquals(1, games.size(), games.toString());
        assertEquals("lucky-wilds (bonus buy)", games.get(0).get("game").asText());
        assertEquals(40, games.get(0).get("rounds").asLong());
        assertEquals(40 * 520, games.get(0).get("stake").asLong());
        // Judged against the buy at the 10 lines it was bought at, which returns less than the standard 20 lines' buy.
        io.fairspin.math.Game game = io.fairspin.math.GameModels.load(Path.of(MODEL));
        io.fairspin.math.Bet bet = io.fairspin.math.Bet.lines(10, 2, 1).withBonusBuy();
        assertEquals(game.exactFigures(bet).orElseThrow().rtp().toString(),
                games.get(0).get("rtp").get("fraction").asText(), games.toString());
        assertTrue(games.get(0).get("rtp").get("decimal").asDouble() < game.exactFigures(
                game.standardBet().withBonusBuy()).orElseThrow().rtp().doubleValue());
    }

    @Test
    void aBuyTheModelRefusesIsAUsageErrorAndCreatesNothing() {
        String[][] cases = {
            {Path.of("..", "examples", "sizzling-hot.json").toString(), "{\"bonusBuy\": true}", "--bet: $.bonusBuy:"},
            {MODEL, "{\"lines\": 10, \"lineBet\": 3, \"bonusBuy\": true}", "--bet: $.lineBet:"},
            {MODEL, "{\"bonusBuy\": 1}", "--bet: $.bonusBuy:"},
        };
        for (String[] c : cases) {
            String log = path("refused-log");
            CommandRun run = CommandRun.of("play", c[0], "--rounds", "5", "--bet", c[1], "--log", log, "--escrow-key",
                    path("auditor.pub"), "--signing-key", path("operator.key"));
            assertEquals(2, run.exitCode(), c[1] + ": " + run.stderr());
            assertTrue(run.stderr().contains(c[2]), run.stderr());
            assertFalse(Files.exists(Path.of(log)), "nothing is created for a refused bet");
            assertFalse(Files.exists(Path.of(log + ".escrow")), "nothing is escrowed for a refused bet");
        }
    }
}

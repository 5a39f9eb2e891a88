package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code fairspin monitor} tells its user: each tally's currency, award counts and the generator's reseeds in the
 * text summary as in JSON; a metrics port in use named with its option; with {@code --follow}, a rate over the time
 * spent reading and checking, not over the waits for the log to grow.
 */
class MonitorOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "../examples/sizzling-hot.json";

    @TempDir
    static Path dir;

    static String path(String name) {
        return dir.resolve(name).toString();
    }

    @BeforeAll
    static void play() throws Exception {
        assertEquals(0, CommandRun.of("keys", "escrow", "--out", path("auditor")).exitCode());
        assertEquals(0, CommandRun.of("keys", "signing", "--out", path("operator")).exitCode());
        Files.createDirectories(dir.resolve("models"));
        Files.copy(Path.of(MODEL), dir.resolve("models/sizzling-hot.json"));
        CommandRun play = CommandRun.of("play", MODEL, "--rounds", "400", "--log", path("log"), "--escrow-key",
                path("auditor.pub"), "--signing-key", path("operator.key"), "--currency", "EUR",
                "--checkpoint-every", "200");
        assertEquals(0, play.exitCode(), play.stderr());
    }

    @Test
    void theTextSummaryShowsTheCurrencyEachAwardsCountsAndTheReseedsAsJsonDoes() throws Exception {
        CommandRun text = CommandRun.of("monitor", path("log"), "--models", path("models"));
        assertEquals(0, text.exitCode(), text.stderr());
        CommandRun json = CommandRun.of("monitor", "--format", "json", path("log"), "--models", path("models"));
        JsonNode summary = JSON.readTree(json.stdout());
        JsonNode game = summary.get("games").get(0);
        assertEquals("EUR", game.get("currency").asText());
        assertTrue(text.text().contains("game          sizzling-hot in EUR (model "), text.text());
        JsonNode award = game.get("awards").get(0);
        String line = String.format(java.util.Locale.ROOT, "    %-18s %,d observed, %,.1f expected",
                award.get("award").asText(), award.get("observed").asLong(), award.get("expected").asDouble());
        assertTrue(text.text().contains(line), "no line '" + line + "' in\n" + text.text());
        // 400 rounds need no reseed: JSON's rngReseeds is empty, and the text says so rather than nothing.
        assertEquals(0, summary.get("rngReseeds").size(), summary.toString());
        assertTrue(text.text().contains("generator     no reseed or health record in the log"), text.text());
        assertEquals(summary.get("seconds").asDouble(), summary.get("busySeconds").asDouble(),
                "a batch run is busy all the time");
    }

    @Test
    void aMetricsPortInUseIsNamedWithItsOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            CommandRun run = CommandRun.of("monitor", path("log"), "--models", path("models"), "--metrics-port",
                    String.valueOf(port));
            assertEquals(1, run.exitCode(), run.stderr());
            assertTrue(run.stderr().contains("fairspin: --metrics-port " + port + ": cannot listen on 127.0.0.1:"
                    + port + ": "), run.stderr());
        }
    }

    @Test
    void followingReportsItsRateOverTheTimeSpentReadingNotWaiting() throws Exception {
        CommandRun run = CommandRun.of("monitor", "--format", "json", path("log"), "--models", path("models"),
                "--follow", "--exit-when-idle", "2", "--poll", "50");
        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode summary = JSON.readTree(run.stdout());
        double seconds = summary.get("seconds").asDouble();
        double busy = summary.get("busySeconds").asDouble();
        assertTrue(seconds >= 2 && busy < seconds - 1, "seconds " + seconds + ", busy " + busy);
        assertEquals(summary.get("entries").asDouble() / busy, summary.get("entriesPerSecond").asDouble(),
                summary.get("entriesPerSecond").asDouble() * 1e-9);
        assertTrue(run.stderr().contains("s of reading and checking in "), run.stderr());
    }
}

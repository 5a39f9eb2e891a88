package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fairspin certify game, run in-process on the example models. The generator is seeded from the OS, so a
 * run's verdict is random: these tests check the output and that the exit code matches the verdict; the
 * verdict's statistics are tested with seeded streams in certification's GameDrawsTest.
 */
class CertifyGameCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String example(String name) {
        return Path.of("..", "examples", name).toString();
    }

    private static void assertExitMatchesVerdict(CommandRun run, boolean passed) {
        assertEquals(passed ? ExitCode.OK : ExitCode.BATTERY_FAILED, run.exitCode(), run.stderr());
    }

    @Test
    void rouletteInJsonWithAReport(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("roulette.html");
        CommandRun run = CommandRun.of("certify", "game", "--format", "json", example("roulette-european.json"),
                "--rounds", "20K", "--report", html.toString());
        JsonNode result = JSON.readTree(run.stdout());
        assertExitMatchesVerdict(run, result.get("passed").asBoolean());
        assertEquals("roulette-european", result.get("game").asText());
        assertEquals(20_000, result.get("rounds").asLong());
        List<String> names = new ArrayList<>();
        result.get("summary").get("results").forEach(r -> names.add(r.get("name").asText()));
        assertEquals(List.of("draw 1 in [0, 37): frequency", "draw 1 in [0, 37): serial pairs",
                "draw 1 in [0, 37): serial triples", "draw 1 in [0, 37): runs up and down", "draw 1 in [0, 37): gap",
                "draw 1 in [0, 37): poker", "draw 1 in [0, 37): coupon collector"), names);
        assertTrue(result.get("summary").get("results").get(0).get("detail").asText().startsWith("20,000 outcomes"));
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("draw 1 in [0, 37): gap"), page);
    }

    @Test
    void kenoFromRoundStreamsReadFromStdin() throws Exception {
        byte[] model = Files.readAllBytes(Path.of(example("keno.json")));
        CommandRun run = CommandRun.withInput(model, "certify", "game", "-", "--rounds", "2000", "--round-streams",
                "--mechanism", "hmac-sha256");
        String text = run.text();
        assertTrue(text.startsWith("- (") && text.contains("2,000 rounds from hmac-sha256 round streams"), text);
        // Keno deals its 20 balls one by one: draw k is in [0, 81 - k).
        assertTrue(text.contains("draw 1 in [0, 80): frequency") && text.contains("draw 20 in [0, 61): frequency"), text);
        assertExitMatchesVerdict(run, text.contains("\nPASS at level 0.01"));
    }

    @Test
    void crapsGroupsTheRollsAfterTheComeOut() {
        CommandRun run = CommandRun.of("certify", "game", example("craps.json"), "--rounds", "5000");
        String text = run.text();
        assertTrue(text.contains("draw 2 in [0, 6): frequency") && text.contains("other draws in [0, 6): frequency")
                && !text.contains("draw 3 in"), text);
        assertExitMatchesVerdict(run, text.contains("\nPASS at level 0.01"));
    }

    @Test
    void tooFewRoundsForAnyTestIsAFailWithExitCodeThree() {
        CommandRun run = CommandRun.of("certify", "game", example("roulette-european.json"), "--rounds", "3");
        assertEquals(ExitCode.BATTERY_FAILED, run.exitCode(), run.text());
        assertTrue(run.text().contains("draw 1 in [0, 37): frequency") && run.text().contains("not applied: too little data")
                && run.text().contains("FAIL at level 0.01 with Holm's correction over 0 tests"), run.text());
    }

    @Test
    void badInputIsNamed(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("bad.json");
        Files.writeString(model, "{\"type\": \"roulette\"}");
        CommandRun bad = CommandRun.of("certify", "game", model.toString(), "--rounds", "10");
        assertEquals(ExitCode.ERROR, bad.exitCode());
        assertTrue(bad.stderr().startsWith("fairspin: ") && bad.stderr().contains(model.toString()), bad.stderr());

        CommandRun missing = CommandRun.of("certify", "game", dir.resolve("none.json").toString(), "--rounds", "10");
        assertEquals(ExitCode.ERROR, missing.exitCode());
        assertTrue(missing.stderr().contains("no such file"), missing.stderr());

        CommandRun zero = CommandRun.of("certify", "game", example("craps.json"), "--rounds", "0");
        assertEquals(ExitCode.USAGE, zero.exitCode());
        assertTrue(zero.stderr().contains("--rounds: must be in [1, 2^31 - 1], was 0"), zero.stderr());
        assertTrue(CommandRun.of("certify", "game", "--help").text().contains("Exits with 3"));
    }
}

package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fairspin simulate} through {@link Main#run}: help, usage errors and model errors. */
class SimulateCommandLineTest {

    @Test
    void helpListsTheOptionsAndTheExitCodes() {
        CommandRun run = CommandRun.of("simulate", "--help");
        assertEquals(0, run.exitCode());
        for (String option : new String[] {"--rounds", "--threads", "--seed", "--rng", "--confidence", "--report"}) {
            assertTrue(run.text().contains(option), option);
        }
        assertTrue(run.text().contains("5   the simulation disagrees with the exact figures"), run.text());
    }

    @Test
    void badOptionsAreUsageErrors() {
        CommandRun rng = CommandRun.of("simulate", "m.json", "--rounds", "1M", "--rng", "slow");
        assertEquals(ExitCode.USAGE, rng.exitCode());
        assertTrue(rng.stderr().contains("'slow' is not a random mode: expected fast or certified"), rng.stderr());
        CommandRun confidence = CommandRun.of("simulate", "m.json", "--rounds", "1M", "--confidence", "1.5");
        assertEquals(ExitCode.USAGE, confidence.exitCode());
        assertTrue(confidence.stderr().startsWith(
                "fairspin: Invalid value for option '--confidence': '1.5' must be strictly between 0 and 1"),
                confidence.stderr());
        CommandRun rounds = CommandRun.of("simulate", "m.json", "--rounds", "0");
        assertEquals(ExitCode.USAGE, rounds.exitCode());
        CommandRun threads = CommandRun.of("simulate", "m.json", "--rounds", "1K", "--threads", "0");
        assertEquals(ExitCode.USAGE, threads.exitCode());
        assertEquals(ExitCode.USAGE, CommandRun.of("simulate", "m.json").exitCode(), "--rounds is required");
    }

    @Test
    void aMissingOrInvalidModelIsAnErrorNamingTheFileAndField(@TempDir Path dir) throws Exception {
        String missing = dir.resolve("missing.json").toString();
        CommandRun run = CommandRun.of("simulate", missing, "--rounds", "1M");
        assertEquals(ExitCode.ERROR, run.exitCode());
        assertEquals("fairspin: no such file: " + missing + "\n", run.stderr());

        Path untyped = dir.resolve("untyped.json");
        Files.writeString(untyped, "{\"name\": \"x\"}");
        CommandRun noType = CommandRun.of("simulate", untyped.toString(), "--rounds", "1M");
        assertEquals(ExitCode.ERROR, noType.exitCode());
        assertTrue(noType.stderr().startsWith("fairspin: " + untyped + ": $.type: missing"), noType.stderr());

        CommandRun stdin = CommandRun.withInput("[1, 2".getBytes(StandardCharsets.UTF_8), "simulate", "-", "--rounds",
                "1M");
        assertEquals(ExitCode.ERROR, stdin.exitCode());
        assertTrue(stdin.stderr().startsWith("fairspin: -: $: "), stdin.stderr());
        assertTrue(!stdin.stderr().contains("\tat "), "no stack trace");
    }
}

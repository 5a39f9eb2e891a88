package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output lost to a full device ({@code /dev/full}) is an error on every command: exit code 1 and one
 * line saying so, never a success. A reader that went away (broken pipe) stays quiet.
 */
class FullOutputTest {

    /** Standard output that fails like /dev/full, or like a closed pipe. */
    private static OutputStream failing(String message) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(message);
            }
        };
    }

    private static int[] run(String message, ByteArrayOutputStream err, String... args) {
        Io io = new Io(new ByteArrayInputStream(new byte[0]), failing(message),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new int[] {Main.run(io, args)};
    }

    @Test
    void everyCommandThatPrintsFailsOnAFullDevice(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data.bin");
        Files.write(data, new byte[4096]);
        assertEquals(0, CommandRun.of("keys", "signing", "--out", dir.resolve("operator").toString()).exitCode());
        Path log = dir.resolve("log");
        assertEquals(0, CommandRun.of("audit", "demo", log.toString(), "--signing-key", dir.resolve("operator.key")
                .toString(), "--rounds", "20").exitCode());
        String model = Path.of("..", "examples", "roulette-european.json").toString();
        String[][] commands = {
            {"--help"},
            {"rng", "bytes", "--count", "1000"},
            {"rng", "ints", "--bound", "37", "--count", "100"},
            {"rng", "stats", data.toString()},
            {"par", model},
            {"par", "--format", "json", model},
            {"keys", "escrow", "--out", dir.resolve("auditor").toString()},
            {"audit", "verify", log.toString(), "--operator-key", dir.resolve("operator.pub").toString()},
            {"audit", "inspect", log.toString()},
            {"audit", "prove", log.toString(), "--round", "demo-3"},
            {"generate-completion"},
        };
        for (String[] command : commands) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = run("No space left on device", err, command)[0];
            String stderr = err.toString(StandardCharsets.UTF_8);
            assertEquals(ExitCode.ERROR, code, String.join(" ", command) + ": " + stderr);
            assertTrue(stderr.contains("fairspin: standard output: write error: No space left on device"),
                    String.join(" ", command) + ": " + stderr);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run("Broken pipe", err, "rng", "bytes", "--count", "1000")[0]);
        assertEquals("", err.toString(StandardCharsets.UTF_8), "a reader that went away is no error");
    }

    @Test
    void aReportThatCannotBeWrittenLeavesNoPartialFile(@TempDir Path dir) throws Exception {
        String model = Path.of("..", "examples", "roulette-european.json").toString();
        Path missing = dir.resolve("no-such-folder").resolve("sheet.html");
        CommandRun run = CommandRun.of("par", model, "--report", missing.toString());
        assertEquals(ExitCode.ERROR, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains(missing + ": cannot write the report"), run.stderr());
        Path ok = dir.resolve("sheet.html");
        assertEquals(0, CommandRun.of("par", model, "--report", ok.toString()).exitCode());
        assertTrue(Files.readString(ok).contains("</html>"));
        try (var left = Files.list(dir)) {
            assertEquals(java.util.List.of(ok), left.toList(), "no temporary file is left");
        }
    }
}

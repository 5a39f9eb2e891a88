package io.fairspin.cli.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.cli.ExitCode;
import io.fairspin.cli.Io;
import io.fairspin.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate --resume DIR}: a run killed midway (SIGKILL, so no shutdown hook runs) and rerun with
 * the same arguments reports exactly what an uninterrupted run does.
 */
class ResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 77 chunk ranges of one chunk each. */
    private static final String ROUNDS = "5M";

    private static String model() {
        return Path.of(System.getProperty("fairspin.root", ".."), "examples", "sizzling-hot.json").toString();
    }

    private static List<String> arguments(String... more) {
        List<String> args = new ArrayList<>(List.of("simulate", "--format", "json", model(), "--rounds", ROUNDS,
                "--seed", "15", "--threads", "1"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void aRunKilledMidwayAndResumedReportsWhatAnUninterruptedRunDoes(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("run");
        Path ranges = checkpoint.resolve("ranges.bin");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(arguments("--resume", checkpoint.toString()));
        Process child = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        boolean aliveWhenKilled;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // Three or more ranges saved (a saved range is about 200 bytes), then SIGKILL.
            while (child.isAlive() && System.nanoTime() < deadline
                    && !(Files.exists(ranges) && Files.size(ranges) >= 600)) {
                Thread.sleep(2);
            }
            aliveWhenKilled = child.isAlive();
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        String childErr = Files.readString(dir.resolve("err.txt"));
        assertTrue(aliveWhenKilled, "the run ended before it was killed: " + childErr);
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        assertEquals("", Files.readString(dir.resolve("out.txt")), "a killed run prints no report");

        Run resumed = run(arguments("--resume", checkpoint.toString()));
        Run uninterrupted = run(arguments());
        assertEquals(ExitCode.OK, uninterrupted.exitCode, uninterrupted.err);
        assertEquals(ExitCode.OK, resumed.exitCode, resumed.err);
        assertTrue(resumed.err.startsWith("resuming from " + checkpoint + ": "), resumed.err);
        // The report header (command line, date) differs between the runs; the results may not.
        JsonNode expected = ((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(uninterrupted.out))
                .without("report");
        assertEquals(5_000_000, expected.get("rounds").asLong());
        assertEquals(expected, ((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(resumed.out))
                .without("report"));

        // A third run finds every range saved and plays nothing; without --seed it takes the saved seed.
        List<String> noSeed = arguments("--resume", checkpoint.toString());
        int seedAt = noSeed.indexOf("--seed");
        noSeed.remove(seedAt);
        noSeed.remove(seedAt);
        Run again = run(noSeed);
        assertTrue(again.err.startsWith("resuming from " + checkpoint + ": 77 of 77 chunk ranges done"), again.err);
        assertEquals(expected, ((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(again.out))
                .without("report"));
    }

    @Test
    void aCheckpointOfAnotherRunIsAUsageErrorNamingWhatDiffers(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("run");
        assertEquals(ExitCode.OK, run(List.of("simulate", model(), "--rounds", "70K", "--seed", "1", "--resume",
                checkpoint.toString())).exitCode);
        Run other = run(List.of("simulate", model(), "--rounds", "70K", "--seed", "2", "--resume",
                checkpoint.toString()));
        assertEquals(ExitCode.USAGE, other.exitCode);
        assertTrue(other.err.contains("--resume: " + checkpoint + ": saved by a run with seed 1, not 2"), other.err);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        int code = Main.run(io, args.toArray(String[]::new));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fairspin tune}: the written model has the reported RTP; targets out of reach and bad options are refused. */
class TuneCommandTest {
    @TempDir
    Path dir;

    private static String model() {
        return Path.of(System.getProperty("fairspin.root", "."), "examples", "fruit-mix.json").toString();
    }

    @Test
    void theWrittenModelHasTheReportedRtp() throws Exception {
        Path out = dir.resolve("tuned.json");
        CommandRun run = CommandRun.of("tune", model(), "--target-rtp", "0.945", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        Fraction rtp = GameModels.load(out).exactFigures().orElseThrow().rtp();
        assertTrue(run.text().contains("RTP now      " + rtp.toDecimalString(10) + " = " + rtp), run.text());
        assertTrue(Math.abs(rtp.doubleValue() - 0.945) <= 0.0005);
    }

    @Test
    void refusesTargetsOutOfReachAndBadOptions() {
        Path out = dir.resolve("x.json");
        CommandRun far = CommandRun.of("tune", model(), "--target-rtp", "0.97", "--out", out.toString());
        assertEquals(1, far.exitCode());
        assertTrue(far.stderr().contains("$.baseReels: the target RTP 0.970000 is outside what these reel sets reach"),
                far.stderr());
        assertTrue(Files.notExists(out), "nothing written");
        assertEquals(2, CommandRun.of("tune", model(), "--out", out.toString()).exitCode());
        assertEquals(2, CommandRun.of("tune", model(), "--target-rtp", "0.94", "--variants", "0.92", "--out",
                out.toString()).exitCode());
        assertEquals(2, CommandRun.of("tune", model(), "--target-rtp", "96%", "--out", out.toString()).exitCode());
    }

    @Test
    void itsAnalysesAreBoundedByMaxCycle() {
        Path out = dir.resolve("x.json");
        CommandRun run = CommandRun.of("tune", model(), "--target-rtp", "0.94", "--max-cycle", "1K", "--out",
                out.toString());
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("more than 1,000 combinations") && run.stderr().contains("raise --max-cycle"),
                run.stderr());
        assertTrue(Files.notExists(out), "nothing written");
        assertEquals(2, CommandRun.of("tune", model(), "--target-rtp", "0.94", "--max-cycle", "0", "--out",
                out.toString()).exitCode());
    }
}

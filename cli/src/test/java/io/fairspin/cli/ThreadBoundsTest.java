package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --threads is 1 to 4 x the processors on every command that has it; anything else is a usage error. */
class ThreadBoundsTest {

    @Test
    void outOfRangeAndMalformedThreadCountsAreUsageErrors() {
        int max = ThreadCount.max();
        List<String> bad = new ArrayList<>(List.of("0", "-1", "-100", "100000", "2147483648", "1.5", "x", "",
                String.valueOf(max + 1), String.valueOf(Integer.MAX_VALUE), String.valueOf(Integer.MIN_VALUE)));
        String model = java.nio.file.Path.of("..", "examples", "roulette-european.json").toString();
        for (String value : bad) {
            for (String[] command : new String[][] {
                {"simulate", model, "--rounds", "1K", "--threads", value},
                {"certify", "nist", "-", "--threads", value}}) {
                CommandRun run = CommandRun.of(command);
                assertEquals(ExitCode.USAGE, run.exitCode(), String.join(" ", command) + ": " + run.stderr());
                assertTrue(run.stderr().startsWith("fairspin: Invalid value for option '--threads': "), run.stderr());
            }
        }
        ThreadCount converter = new ThreadCount();
        for (int n = 1; n <= max; n++) {
            assertEquals(n, converter.convert(String.valueOf(n)));
        }
    }
}

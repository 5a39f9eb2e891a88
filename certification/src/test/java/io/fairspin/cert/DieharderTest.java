package io.fairspin.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fairspin.rng.DrbgMechanism;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Raw DRBG bytes piped into Dieharder (as {@code fairspin rng bytes | dieharder -g 200} does), through
 * four of its tests: birthdays, count the 1s (stream), runs, STS monobit. The judge is Dieharder's own
 * verdict per P-value: PASSED, WEAK (a P-value outside [0.005, 0.995], 1% of the time for a good
 * generator) or FAILED. Every verdict must be PASSED or WEAK, with at most one WEAK. Skipped when
 * {@code dieharder} is not installed (CI installs it: {@code .ci/run}).
 */
class DieharderTest {
    private static final int[] TESTS = {0, 8, 15, 100};
    private static final Pattern RESULT = Pattern.compile("^\\s*(\\S+)\\|\\s*\\d+\\|\\s*\\d+\\|\\s*\\d+\\|([0-9.]+)\\|\\s*(PASSED|WEAK|FAILED)\\s*$");

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void dieharderPassesCtrDrbgOutput() throws Exception {
        requireDieharder();
        List<String> verdicts = new ArrayList<>();
        StringBuilder transcript = new StringBuilder();
        for (int test : TESTS) {
            String output = run(test, TestGenerators.good(DrbgMechanism.CTR_AES256, 2026 + test));
            transcript.append(output);
            int found = 0;
            for (String line : output.split("\n")) {
                Matcher m = RESULT.matcher(line);
                if (m.matches()) {
                    verdicts.add(m.group(3));
                    found++;
                }
            }
            assertTrue(found > 0, "dieharder -d " + test + " printed no result:\n" + output);
        }
        assertEquals(0, verdicts.stream().filter("FAILED"::equals).count(), transcript.toString());
        assertTrue(verdicts.stream().filter("WEAK"::equals).count() <= 1, transcript.toString());
    }

    /** The negative control: the same harness sees Dieharder fail a biased coin (P(1) = 0.51). */
    @Test
    void dieharderFailsABiasedCoin() throws Exception {
        requireDieharder();
        String output = run(100, TestGenerators.biasedCoin(0.51, 1));
        assertTrue(output.contains("sts_monobit") && output.contains("FAILED"), output);
    }

    /** How long one Dieharder test may run before it is killed and the test fails. */
    private static final long TIMEOUT_MINUTES = 5;

    /**
     * Runs {@code dieharder -g 200 -d test}, feeding it bytes until it has read enough. Its output is read
     * on another thread, so the timeout applies to a process that hangs without closing its output: it is
     * killed (with its children) and the test fails.
     */
    private static String run(int test, TestGenerators.Source source) throws Exception {
        Process process = new ProcessBuilder("dieharder", "-g", "200", "-d", Integer.toString(test))
                .redirectErrorStream(true).start();
        Thread feeder = new Thread(() -> {
            byte[] chunk = new byte[1 << 20];
            try (OutputStream in = process.getOutputStream()) {
                while (process.isAlive()) {
                    source.nextBytes(chunk);
                    in.write(chunk);
                }
            } catch (IOException e) {
                // Dieharder closed its input: it has what it needs.
            }
        });
        feeder.setDaemon(true);
        feeder.start();
        java.util.concurrent.CompletableFuture<byte[]> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        assertTrue(finished, "dieharder -d " + test + " did not finish in " + TIMEOUT_MINUTES + " minutes; killed it");
        feeder.join(10_000);
        return new String(output.get(1, TimeUnit.MINUTES), StandardCharsets.UTF_8);
    }

    /**
     * Skips without Dieharder, unless the environment says it must be there (FAIRSPIN_REQUIRE_DIEHARDER=1,
     * which .ci/run sets once it has installed it): then its absence fails the test.
     */
    private static void requireDieharder() {
        boolean present = onPath("dieharder");
        if (!present && "1".equals(System.getenv("FAIRSPIN_REQUIRE_DIEHARDER"))) {
            org.junit.jupiter.api.Assertions.fail("dieharder is not on PATH but FAIRSPIN_REQUIRE_DIEHARDER=1");
        }
        assumeTrue(present, "dieharder is not on PATH; install it (Debian: apt-get install dieharder) to"
                + " run the Dieharder test");
    }
}

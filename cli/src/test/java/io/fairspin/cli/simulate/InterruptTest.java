package io.fairspin.cli.simulate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terminating a running simulation (SIGTERM here; Ctrl-C's SIGINT runs the same shutdown hooks) prints
 * the results so far, marked partial.
 */
class InterruptTest {

    @Test
    void aSignalPrintsThePartialResults(@TempDir Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                InterruptHarness.class.getName()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(err).startsWith("started\n") && process.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            String early = process.isAlive() ? "" : read(err);
            assertTrue(process.isAlive(), () -> "the harness ended early: " + early);
            Thread.sleep(1500);
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process ends");
            String stdout = read(out);
            String stderr = read(err);
            assertTrue(stdout.contains(" of 1,000,000,000,000: PARTIAL, the run was interrupted"), stdout + stderr);
            assertTrue(stdout.contains("verdict             PASS"), stdout);
            assertTrue(stderr.startsWith("started\ninterrupted after "), stderr);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String read(Path file) throws java.io.IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}

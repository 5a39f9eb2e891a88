package io.fairspin.audit.log;

import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.RoundRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.keys.KeyFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM appends from four threads and is killed with SIGKILL at random moments, again and again on
 * the same log: every round it acknowledged is in the log afterwards, nothing but a torn tail is ever
 * found, the log verifies right after each kill (its writer kept the bound it declares) and after recovery.
 */
class CrashTest {
    /** The checkpoint bound of the killed writer's log. */
    static final long CHECKPOINT_EVERY = 25;

    @Test
    void aFewKillsLoseNoAcknowledgedRound(@TempDir Path tmp) throws Exception {
        killRepeatedly(tmp, 3, 11);
    }

    @Test
    @Tag("long")
    void manyKillsLoseNoAcknowledgedRound(@TempDir Path tmp) throws Exception {
        killRepeatedly(tmp, 40, 12);
    }

    private static void killRepeatedly(Path tmp, int kills, long seed) throws Exception {
        Path dir = tmp.resolve("log");
        Path keyBase = tmp.resolve("operator");
        KeyPair key = KeyFiles.generate("Ed25519");
        KeyFiles.write(key, keyBase);
        Random random = new Random(seed);
        Set<String> acknowledged = new HashSet<>();
        for (int k = 0; k < kills; k++) {
            List<String> acks = runAndKill(dir, keyBase.resolveSibling(keyBase.getFileName() + ".key"), "run" + k, random);
            assertTrue(!acks.isEmpty(), "run " + k + " acknowledged nothing before the kill");
            acknowledged.addAll(acks);
            LogReport afterCrash = LogVerifier.verify(dir, key.getPublic());
            assertEquals(List.of(), afterCrash.problems(), "a crash leaves at most a torn tail, which is no problem,"
                    + " and at most the declared bound of unsigned entries");
            afterCrash.tornTails().forEach(p -> assertTrue(p.message().startsWith("torn tail"), p.toString()));
            assertAllPresent(dir, acknowledged);
        }
        try (AuditLog log = AuditLog.open(dir, key)) {
            assertTrue(log.size() > acknowledged.size());
        }
        assertEquals(List.of(), LogVerifier.verify(dir, key.getPublic()).problems());
        assertAllPresent(dir, acknowledged);
    }

    private static void assertAllPresent(Path dir, Set<String> acknowledged) throws IOException {
        Set<String> logged = new HashSet<>();
        for (LogEntry e : TestLogs.entries(dir)) {
            if (e.event() instanceof RoundRecord) {
                logged.add(((RoundRecord) e.event()).roundId());
            }
        }
        Set<String> missing = new HashSet<>(acknowledged);
        missing.removeAll(logged);
        assertEquals(Set.of(), missing, "acknowledged rounds missing from the log");
    }

    /** Starts the writer, waits for its first acknowledgements, kills it at a random moment. */
    private static List<String> runAndKill(Path dir, Path keyFile, String tag, Random random) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dir.toString(), keyFile.toString(), tag)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> acks = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("ack ") && line.endsWith(" ok")) {
                        synchronized (acks) {
                            acks.add(line.substring(4, line.length() - 3));
                            acks.notifyAll();
                        }
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child is killed
            }
        });
        reader.start();
        synchronized (acks) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acks.isEmpty() && System.nanoTime() < deadline && child.isAlive()) {
                acks.wait(100);
            }
        }
        Thread.sleep(random.nextInt(400));
        child.destroyForcibly();
        child.waitFor();
        reader.join();
        synchronized (acks) {
            return new ArrayList<>(acks);
        }
    }
}

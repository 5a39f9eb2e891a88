package io.fairspin.audit.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.audit.record.LogEntry;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The follower (what {@code monitor} reads with) judges the end of a log as {@code audit verify} does: a torn tail
 * after the signed entries is a crash, not a fault; a torn frame that a signed checkpoint covers is missing signed
 * entries. And it holds a log to its declared checkpoint bound while following it: deleted checkpoints are found at
 * the next poll, and a writer signing as it goes is never mistaken for one.
 */
class FollowerAgreesWithVerifyTest {
    private final KeyPair operator = KeyFiles.generate("Ed25519");

    private Path log(Path dir, int rounds) throws IOException {
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator,
                AuditLog.Options.defaults().checkpointEvery(10))) {
            for (int i = 0; i < rounds; i++) {
                log.append(TestLogs.round(i));
            }
        }
        return dir;
    }

    /** The problems a follower reports, as "KIND message", after one poll and (with {@code finish}) its end. */
    private static List<String> follow(Path dir, boolean finish) throws IOException {
        List<String> problems = new ArrayList<>();
        LogFollower follower = new LogFollower(dir, listener(problems));
        follower.poll();
        if (finish) {
            follower.finish();
        }
        return problems;
    }

    private static LogFollower.Listener listener(List<String> problems) {
        return new LogFollower.Listener() {
            @Override
            public void entry(LogEntry entry) {
            }

            @Override
            public void problem(LogFollower.Problem kind, long index, LogProblem problem) {
                synchronized (problems) {
                    problems.add(kind + " " + problem.message());
                }
            }
        };
    }

    private static Path segment(Path dir) {
        return dir.resolve(LogFiles.segmentName(0));
    }

    @Test
    void aTornTailAfterTheSignedEntriesIsACrashForBoth(@TempDir Path tmp) throws IOException {
        Path dir = log(tmp.resolve("log"), 25);
        // the start of a 100-byte frame: what a writer killed mid-write leaves
        byte[] start = java.nio.ByteBuffer.allocate(28).putInt(100).array();
        Files.write(segment(dir), start, StandardOpenOption.APPEND);
        LogReport report = LogVerifier.verify(dir, operator.getPublic());
        assertEquals(List.of(), report.problems());
        assertEquals(1, report.tornTails().size());
        assertEquals(List.of("TORN_TAIL the newest segment ends inside a frame: a torn tail, half-written when the"
                + " writer stopped (a crash, not tampering; the next open cuts and logs it)"), follow(dir, true));
    }

    @Test
    void aTornFrameUnderASignedCheckpointIsMissingSignedEntriesForBoth(@TempDir Path tmp) throws IOException {
        Path dir = log(tmp.resolve("log"), 25); // the last checkpoint, signed by close, covers all 26 entries
        byte[] bytes = Files.readAllBytes(segment(dir));
        Files.write(segment(dir), java.util.Arrays.copyOf(bytes, bytes.length - 10));
        List<String> verify = new ArrayList<>();
        LogVerifier.verify(dir, operator.getPublic()).problems().forEach(p -> verify.add(p.message()));
        assertEquals(List.of("a signed checkpoint covers 26 entries but only 25 are intact: signed entries are missing"
                + " or damaged"), verify);
        assertEquals(List.of("CHECKPOINT a signed checkpoint covers 26 entries but only 25 are intact: signed entries"
                + " are missing or damaged (a writer's open refuses the log)"), follow(dir, true));
    }

    @Test
    void deletedCheckpointsAreFoundWhileFollowing(@TempDir Path tmp) throws IOException {
        Path dir = log(tmp.resolve("log"), 45);
        TestLogs.keepCheckpoints(dir, 1);
        List<String> problems = new ArrayList<>();
        LogFollower follower = new LogFollower(dir, listener(problems));
        follower.poll();
        follower.poll(); // the entries of the last poll against the checkpoints read after them
        assertEquals(List.of("UNSIGNED_ENTRIES 45 entries follow the last signed checkpoint (size 1), more than the 10"
                + " the log declares (max_unsigned, which its writer keeps even across a crash): checkpoints were deleted"),
                problems);
        follower.poll();
        follower.finish();
        assertEquals(1, problems.size(), "reported once");
    }

    @Test
    void aWriterSigningAsItGoesIsNeverMistakenForDeletion(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("log");
        List<String> problems = new ArrayList<>();
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator,
                AuditLog.Options.defaults().checkpointEvery(5))) {
            AtomicBoolean done = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < 3000; i++) {
                        log.submit(TestLogs.round(i));
                    }
                    log.append(TestLogs.round(3000));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } finally {
                    done.set(true);
                }
            });
            LogFollower follower = new LogFollower(dir, listener(problems));
            writer.start();
            int polls = 0;
            while (!done.get()) {
                follower.poll();
                polls++;
            }
            writer.join();
            follower.poll();
            follower.finish();
            assertTrue(polls > 1, "polled while the log grew");
            assertEquals(3002, follower.entries());
        }
        assertEquals(List.of(), problems);
    }
}

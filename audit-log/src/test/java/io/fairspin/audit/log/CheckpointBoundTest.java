package io.fairspin.audit.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.audit.record.KeyAnnouncement;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.MalformedRecordException;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint bound a log declares in its key announcements ({@code max_unsigned}): the writer keeps it by splitting
 * batches at it; {@code verify} holds every gap between checkpoints and the entries after the last to it; a writer's
 * open refuses a log whose checkpoints were deleted beyond it; a log that declares none keeps the inferred interval;
 * the announcement's bytes are the documented ones.
 */
class CheckpointBoundTest {
    private final KeyPair operator = KeyFiles.generate("Ed25519");

    private static AuditLog.Options every(long n) {
        return AuditLog.Options.defaults().checkpointEvery(n);
    }

    private static List<Long> checkpointSizes(Path dir) throws IOException {
        List<Long> sizes = new ArrayList<>();
        LogScanner.scan(dir, e -> { }).checkpoints.forEach(c -> sizes.add(c.checkpoint().size()));
        return sizes;
    }

    private static List<String> problems(LogReport report) {
        List<String> out = new ArrayList<>();
        report.problems().forEach(p -> out.add(p.message()));
        return out;
    }

    /** A log of {@code rounds} rounds with bound {@code n}, all submitted at once (one batch for the writer). */
    private Path log(Path dir, long n, int rounds) throws IOException {
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator, every(n))) {
            List<CompletableFuture<Receipt>> acks = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                acks.add(log.submit(TestLogs.round(i)));
            }
            acks.forEach(CompletableFuture::join);
        }
        return dir;
    }

    @Test
    void theWriterSignsExactlyEveryNEntriesSplittingBatches(@TempDir Path tmp) throws IOException {
        Path dir = log(tmp.resolve("log"), 7, 50);
        // entry 0 (the announcement) under the first checkpoint; then one every 7 entries; close signs the rest
        assertEquals(List.of(1L, 8L, 15L, 22L, 29L, 36L, 43L, 50L, 51L), checkpointSizes(dir));
        LogReport report = LogVerifier.verify(dir, operator.getPublic());
        assertEquals(List.of(), problems(report));
        assertEquals(7, report.maxUnsigned());
        assertEquals(7, report.keys().get(0).maxUnsigned());
    }

    @Test
    void deletedCheckpointsBeyondTheBoundFailVerify(@TempDir Path tmp) throws IOException {
        Path dir = log(tmp.resolve("log"), 10, 45); // checkpoints 1, 11, 21, 31, 41, 46
        Path copy = TestLogs.crashImage(dir, tmp.resolve("copy"));
        TestLogs.keepCheckpoints(dir, 1);
        assertEquals(List.of("45 entries follow the last signed checkpoint (size 1), more than the 10 the log declares"
                + " (max_unsigned, which its writer keeps even across a crash): checkpoints were deleted"),
                problems(LogVerifier.verify(dir, operator.getPublic())));
        assertEquals(List.of(), problems(LogVerifier.verify(dir, operator.getPublic(), 45)), "--allow-unsigned 45");

        dropCheckpoint(copy, 2); // the one of size 21: 11 and 31 are 20 apart
        assertEquals(List.of("the checkpoints of size 11 and 31 are 20 entries apart, more than the 10 the log declares"
                + " (max_unsigned): checkpoints between them were deleted"),
                problems(LogVerifier.verify(copy, operator.getPublic())));
    }

    @Test
    void deletingFewerEntriesThanTheBoundIsLeftToAWitness(@TempDir Path tmp) throws IOException {
        Path dir = log(tmp.resolve("log"), 10, 45);
        TestLogs.keepCheckpoints(dir, 5); // up to size 41: 5 unsigned, within the bound
        LogReport report = LogVerifier.verify(dir, operator.getPublic());
        assertEquals(List.of(), problems(report));
        assertEquals(5, report.unsignedEntries());
    }

    @Test
    void aWritersOpenRefusesALogWhoseCheckpointsWereDeleted(@TempDir Path tmp) throws IOException {
        Path dir = log(tmp.resolve("log"), 10, 45);
        TestLogs.keepCheckpoints(dir, 1);
        byte[] segment = Files.readAllBytes(dir.resolve(LogFiles.segmentName(0)));
        byte[] checkpoints = Files.readAllBytes(dir.resolve(LogFiles.CHECKPOINTS));
        LogCorruptedException refused = assertThrows(LogCorruptedException.class,
                () -> AuditLog.open(dir, operator, every(10)));
        assertTrue(refused.getMessage().contains("45 entries follow the last signed checkpoint (size 1)"),
                refused.getMessage());
        assertArrayEquals(segment, Files.readAllBytes(dir.resolve(LogFiles.segmentName(0))), "nothing appended");
        assertArrayEquals(checkpoints, Files.readAllBytes(dir.resolve(LogFiles.CHECKPOINTS)), "nothing signed");
    }

    @Test
    void aWriterWithAnotherBoundDeclaresItOnOpen(@TempDir Path tmp) throws IOException {
        Path dir = log(tmp.resolve("log"), 10, 15); // checkpoints 1, 11, 16
        try (AuditLog log = AuditLog.open(dir, operator, every(4))) {
            assertEquals(17, log.size(), "the key announced again, with the new bound");
            for (int i = 0; i < 9; i++) {
                log.append(TestLogs.round(100 + i));
            }
        }
        assertEquals(List.of(1L, 11L, 16L, 17L, 21L, 25L, 26L), checkpointSizes(dir));
        LogReport report = LogVerifier.verify(dir, operator.getPublic());
        assertEquals(List.of(), problems(report));
        assertEquals(4, report.maxUnsigned());
        assertEquals(List.of(10L, 4L), report.keys().stream().map(LogReport.Key::maxUnsigned).toList());
    }

    @Test
    void aLogThatDeclaresNoBoundKeepsTheInferredInterval(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("log");
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator, AuditLog.Options.defaults().undeclared())) {
            for (int i = 0; i < 30; i++) {
                log.append(TestLogs.round(i));
            }
        }
        assertEquals(List.of(1L, 31L), checkpointSizes(dir), "no bound: signed only when asked");
        assertEquals(List.of(), problems(LogVerifier.verify(dir, operator.getPublic())));
        TestLogs.keepCheckpoints(dir, 1);
        LogReport report = LogVerifier.verify(dir, operator.getPublic());
        assertEquals(0, report.maxUnsigned());
        assertTrue(problems(report).get(0).startsWith("30 entries follow the last signed checkpoint (size 1), more than"
                + " the 1 that the log's inferred checkpoint interval allows"), problems(report).toString());
        // Its writer's open signs over it, as before, and declares the bound from then on.
        try (AuditLog log = AuditLog.open(dir, operator, every(5))) {
            assertEquals(32, log.size());
        }
        assertEquals(List.of(1L, 32L), checkpointSizes(dir));
        assertEquals(5, LogVerifier.verify(dir, operator.getPublic()).maxUnsigned());
    }

    @Test
    void theAnnouncementEndsWithTheBoundOrWithoutIt() throws MalformedRecordException {
        KeyAnnouncement plain = new KeyAnnouncement("o", operator.getPublic(), 1_790_000_000_000L);
        KeyAnnouncement bound = new KeyAnnouncement("o", operator.getPublic(), 1_790_000_000_000L, 100_000);
        byte[] before = LogEntry.create(0, LogEntry.genesisLink(), plain, io.fairspin.audit.merkle.MerkleTree.sha256())
                .encoded();
        byte[] after = LogEntry.create(0, LogEntry.genesisLink(), bound, io.fairspin.audit.merkle.MerkleTree.sha256())
                .encoded();
        byte[] der = operator.getPublic().getEncoded();
        // header 42 bytes, key_name 4 + 1, public_key 4 + DER, announced_at 8
        assertEquals(42 + 5 + 4 + der.length + 8, before.length);
        assertEquals(before.length + 8, after.length);
        assertArrayEquals(before, java.util.Arrays.copyOf(after, before.length), "the same bytes, then max_unsigned");
        assertEquals(100_000, ByteBuffer.wrap(after, before.length, 8).getLong());
        assertEquals(OptionalLong.of(100_000), ((KeyAnnouncement) LogEntry.decode(after).event()).maxUnsigned());
        assertEquals(OptionalLong.empty(), ((KeyAnnouncement) LogEntry.decode(before).event()).maxUnsigned());
        byte[] zero = after.clone();
        java.util.Arrays.fill(zero, before.length, after.length, (byte) 0);
        assertThrows(MalformedRecordException.class, () -> LogEntry.decode(zero), "a bound of 0 is no bound");
        byte[] four = java.util.Arrays.copyOf(after, before.length + 4);
        assertThrows(MalformedRecordException.class, () -> LogEntry.decode(four), "a partial field");
    }

    /** Removes checkpoint {@code i} (0-based) of the checkpoints file. */
    private static void dropCheckpoint(Path dir, int i) throws IOException {
        Path file = dir.resolve(LogFiles.CHECKPOINTS);
        List<LogScanner.StoredCheckpoint> all = LogScanner.scan(dir, e -> { }).checkpoints;
        byte[] bytes = Files.readAllBytes(file);
        int from = (int) all.get(i).offset();
        int to = (int) all.get(i + 1).offset();
        byte[] out = new byte[bytes.length - (to - from)];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(bytes, to, out, from, bytes.length - to);
        Files.write(file, out);
    }
}

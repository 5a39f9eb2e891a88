package io.fairspin.audit.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.LogEvent;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.audit.witness.Witness;
import io.fairspin.audit.witness.WitnessException;
import io.fairspin.audit.witness.WitnessStore;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile operator's attacks on a signed log, each detected with its own message: deleting the checkpoints
 * file; deleting checkpoints and rewriting rounds with recomputed hashes; rolling the log back; showing two
 * parties two histories that share a prefix (split view). {@code verify} alone catches the first two; a
 * witness (or a monitor that follows the log) catches all four.
 */
class AttackTest {
    private final KeyPair operator = KeyFiles.generate("Ed25519");
    private final KeyPair witnessKey = KeyFiles.generate("Ed25519");

    /** The writers' options: the log declares a checkpoint bound of 10, which {@link #append} keeps too. */
    private static final AuditLog.Options EVERY_10 = AuditLog.Options.defaults().checkpointEvery(10);

    /** A log of {@code rounds} rounds with a checkpoint every 10 (the log's bound), starting at {@code from}. */
    private void append(AuditLog log, long from, long rounds) throws IOException {
        for (long n = from; n < from + rounds; n++) {
            log.append(TestLogs.round(n));
            if ((n + 1) % 10 == 0) {
                log.checkpoint();
            }
        }
    }

    /** A log of {@code first} rounds copied to {@code copy}, then {@code more} rounds appended to the original. */
    private void logWithCopy(Path dir, long first, Path copy, long more) throws IOException {
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator, EVERY_10)) {
            append(log, 0, first);
            TestLogs.crashImage(dir, copy);
            append(log, first, more);
        }
    }

    private Path log(Path dir, long rounds) throws IOException {
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator, EVERY_10)) {
            append(log, 0, rounds);
        }
        return dir;
    }

    private static List<String> problems(LogReport report) {
        List<String> out = new ArrayList<>();
        report.problems().forEach(p -> out.add(p.message()));
        return out;
    }

    private Witness witness(Path store) throws IOException {
        return new Witness(new WitnessStore(store), "witness.test/w1", witnessKey);
    }

    /** What 'audit witness LOG' does: the log's latest checkpoint, proven consistent from the stored size. */
    private Witness.Result witnessLog(Witness witness, Path dir) throws Exception {
        LogScanner.Result scan = LogScanner.scan(dir, e -> { });
        SignedNote note = scan.lastCheckpoint().note();
        Checkpoint head = Checkpoint.parse(note.text());
        long old = Math.min(witness.latestSize(head.origin()), head.size());
        return witness.witness(note, NoteVerifier.of(TestLogs.ORIGIN, operator.getPublic()), old,
                ConsistencyProof.of(dir, old, head.size()).proof(), 1_790_000_000L);
    }

    @Test
    void deletedCheckpointsFileFailsVerify(@TempDir Path tmp) throws Exception {
        Path dir = log(tmp.resolve("log"), 45);
        assertEquals(List.of(), problems(LogVerifier.verify(dir, operator.getPublic())));
        Files.delete(dir.resolve(LogFiles.CHECKPOINTS));
        assertEquals(List.of("no signed checkpoint"), problems(LogVerifier.verify(dir, operator.getPublic())));
    }

    @Test
    void deletedLaterCheckpointsExceedTheBoundUnlessAllowed(@TempDir Path tmp) throws Exception {
        Path dir = log(tmp.resolve("log"), 45);
        TestLogs.keepCheckpoints(dir, 1); // only the one signed at creation, of entry 0
        List<String> found = problems(LogVerifier.verify(dir, operator.getPublic()));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("45 entries follow the last signed checkpoint (size 1), more than the 10"
                + " the log declares"), found.get(0));
        assertEquals(List.of(), problems(LogVerifier.verify(dir, operator.getPublic(), 100)), "--allow-unsigned 100");
    }

    @Test
    void aLogWrittenNormallyStaysWithinItsBound(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("log");
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator, EVERY_10)) {
            append(log, 0, 30);
            for (long n = 30; n < 38; n++) {
                log.append(TestLogs.round(n)); // a crash before the next checkpoint: 8 unsigned, interval 10
            }
            Files.copy(dir.resolve(LogFiles.CHECKPOINTS), tmp.resolve("checkpoints.at-crash"));
        }
        Files.copy(tmp.resolve("checkpoints.at-crash"), dir.resolve(LogFiles.CHECKPOINTS),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        LogReport report = LogVerifier.verify(dir, operator.getPublic());
        assertEquals(List.of(), problems(report));
        assertEquals(8, report.unsignedEntries());
    }

    /** The follower decoding on 1 thread and on 3 (entries handed over in log order either way). */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void rewrittenRoundsWithRecomputedHashesAreCaught(int threads, @TempDir Path tmp) throws Exception {
        Path dir = log(tmp.resolve("log"), 45);
        Witness witness = witness(tmp.resolve("store"));
        witnessLog(witness, dir);
        List<LogEntry> seen = new ArrayList<>();
        try (LogFollower follower = new LogFollower(dir, listener(seen, new ArrayList<>()), threads)) {
            rewrittenRoundsAreCaught(dir, witness, seen, follower);
        }
    }

    private void rewrittenRoundsAreCaught(Path dir, Witness witness, List<LogEntry> seen, LogFollower follower)
            throws Exception {
        follower.poll();
        long checkpointsLength = Files.size(dir.resolve(LogFiles.CHECKPOINTS));

        rewriteRound(dir, 7, 1_000_000); // round 6 at entry 7 now wins a million; chain and tree recomputed
        TestLogs.keepCheckpoints(dir, 1);

        List<String> verify = problems(LogVerifier.verify(dir, operator.getPublic()));
        assertEquals(1, verify.size(), verify.toString());
        assertTrue(verify.get(0).startsWith("45 entries follow the last signed checkpoint (size 1), more than the 10 "),
                verify.toString());
        WitnessException refused = assertThrows(WitnessException.class, () -> witnessLog(witness, dir));
        assertEquals(WitnessException.Kind.ROLLBACK, refused.kind());
        assertTrue(refused.getMessage().contains("ROLLBACK: the checkpoint has size 1, smaller than the 46"),
                refused.getMessage());
        kinds.clear();
        follower.poll();
        assertEquals(46, seen.size());
        assertTrue(kinds.contains("ROLLBACK: the checkpoints file shrank from " + checkpointsLength + " to "
                + Files.size(dir.resolve(LogFiles.CHECKPOINTS)) + " bytes: checkpoints were deleted"), kinds.toString());
    }

    private final List<String> kinds = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void rollbackIsRefusedByTheWitnessAndSeenByAFollower(int threads, @TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("log");
        Path old = tmp.resolve("old");
        logWithCopy(dir, 30, old, 20);
        Witness witness = witness(tmp.resolve("store"));
        witnessLog(witness, dir);
        try (LogFollower follower = new LogFollower(dir, listener(new ArrayList<>(), new ArrayList<>()), threads)) {
            rollbackIsSeen(dir, old, witness, follower);
        }
    }

    private void rollbackIsSeen(Path dir, Path old, Witness witness, LogFollower follower) throws Exception {
        follower.poll();
        assertEquals(List.of(), problems(LogVerifier.verify(old, operator.getPublic())), "verify alone cannot tell");

        WitnessException refused = assertThrows(WitnessException.class, () -> witnessLog(witness, old));
        assertEquals(WitnessException.Kind.ROLLBACK, refused.kind());
        assertTrue(refused.getMessage().contains("ROLLBACK: the checkpoint has size 31, smaller than the 51"),
                refused.getMessage());

        replaceLog(old, dir);
        kinds.clear();
        follower.poll();
        assertTrue(kinds.stream().anyMatch(k -> k.startsWith("ROLLBACK")), kinds.toString());
    }

    @Test
    void splitViewSharingAPrefixIsRefused(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        logWithCopy(a, 20, b, 10);
        try (AuditLog log = AuditLog.open(b, operator, EVERY_10)) {
            append(log, 120, 10); // other rounds after the shared prefix of 21 entries
        }
        assertEquals(List.of(), problems(LogVerifier.verify(b, operator.getPublic())), "each view verifies alone");
        Witness witness = witness(tmp.resolve("store"));
        assertTrue(witnessLog(witness, a).first());
        WitnessException sameSize = assertThrows(WitnessException.class, () -> witnessLog(witness, b));
        assertEquals(WitnessException.Kind.SPLIT_VIEW, sameSize.kind());
        assertTrue(sameSize.getMessage().contains("SPLIT VIEW: a checkpoint of size 31 with another root"),
                sameSize.getMessage());
        try (AuditLog log = AuditLog.open(b, operator, EVERY_10)) {
            append(log, 130, 10);
        }
        WitnessException larger = assertThrows(WitnessException.class, () -> witnessLog(witness, b));
        assertEquals(WitnessException.Kind.SPLIT_VIEW, larger.kind());
        assertTrue(larger.getMessage().contains("does not extend the one of size 31"), larger.getMessage());
        try (AuditLog log = AuditLog.open(a, operator, EVERY_10)) {
            append(log, 30, 10);
        }
        assertEquals(31, witnessLog(witness, a).previous().size(), "the honest view keeps being cosigned");
    }

    // ------------------------------------------------------------------ helpers

    private LogFollower.Listener listener(List<LogEntry> entries, List<String> problems) {
        return new LogFollower.Listener() {
            @Override
            public void entry(LogEntry entry) {
                entries.add(entry);
            }

            @Override
            public void problem(LogFollower.Problem kind, long index, LogProblem problem) {
                problems.add(kind + ": " + problem.message());
                kinds.add(kind + ": " + problem.message());
            }
        };
    }

    /** Rewrites the round at {@code index} with another win and recomputes every later link: one new segment. */
    private static void rewriteRound(Path dir, long index, long win) throws IOException {
        List<LogEntry> entries = TestLogs.entries(dir);
        MessageDigest digest = MerkleTree.sha256();
        ByteBuffer out = ByteBuffer.allocate(1 << 20);
        out.put(Frames.header(Frames.SEGMENT_MAGIC, TestLogs.ORIGIN, 0));
        CRC32C crc = new CRC32C();
        byte[] link = LogEntry.genesisLink();
        for (LogEntry e : entries) {
            LogEvent event = e.event();
            if (e.index() == index) {
                RoundRecord r = (RoundRecord) event;
                event = RoundRecord.builder().roundId(r.roundId()).gameId(r.gameId()).modelHash(r.modelHash())
                        .startedAtMillis(r.startedAtMillis()).settledAtMillis(r.settledAtMillis())
                        .sessionId(r.sessionId()).traceId(r.traceId()).currency(r.currency()).bet(r.bet()).win(win)
                        .playerChoices(r.playerChoices()).seedCommitment(r.seedCommitment())
                        .escrowReference(r.escrowReference()).outcome(r.outcome()).build();
            }
            LogEntry rewritten = LogEntry.create(e.index(), link, event, digest);
            link = rewritten.leafHash();
            Frames.put(out, rewritten.encoded(), crc);
        }
        for (Path segment : LogFiles.segments(dir)) {
            Files.delete(segment);
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        Files.write(dir.resolve(LogFiles.segmentName(0)), bytes);
    }

    /** Puts the files of {@code from} in place of the log in {@code dir}. */
    private static void replaceLog(Path from, Path dir) throws IOException {
        for (Path segment : LogFiles.segments(dir)) {
            Files.delete(segment);
        }
        Files.delete(dir.resolve(LogFiles.CHECKPOINTS));
        TestLogs.crashImage(from, dir);
    }
}

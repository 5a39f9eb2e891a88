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
import io.fairspin.audit.monitor.MonitorStore;
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
import org.junit.jupiter.params.provider.CsvSource;
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
        return witness.witness(note, NoteVerifier.of(TestLogs.ORIGIN, operator.getPublic()), false, old,
                ConsistencyProof.of(dir, old, head.size()).proof(), 1_790_000_000L);
    }

    /** What 'audit witness LOG --origin ORIGIN --operator-key KEY [--add-log]' does. */
    private Witness.Result witnessLog(Witness witness, Path dir, String origin, KeyPair key, boolean addLog)
            throws Exception {
        SignedNote note = LogScanner.scan(dir, e -> { }).lastCheckpoint().note();
        Checkpoint head = Checkpoint.parse(note.text());
        long old = Math.min(witness.latestSize(head.origin()), head.size());
        return witness.witness(note, NoteVerifier.of(origin, key.getPublic()), addLog, old,
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

    /**
     * A log of 39 entries that a crash left with 8 unsigned ones: 30 rounds with a checkpoint every 10 (the last of size
     * 31), then 8 rounds, and the checkpoints file as it was then (the writer's close signs no more).
     */
    private Path crashedLog(Path tmp) throws IOException {
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
        return dir;
    }

    @Test
    void aLogWrittenNormallyStaysWithinItsBound(@TempDir Path tmp) throws Exception {
        Path dir = crashedLog(tmp);
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
    /** Each problem with its kind, file and offset. */
    private final List<String> located = new ArrayList<>();

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

    /** Two signed histories of 31 entries that share their first 21: {@code a}'s rounds, then other rounds in {@code b}. */
    private void twoViews(Path a, Path b) throws IOException {
        logWithCopy(a, 20, b, 10);
        try (AuditLog log = AuditLog.open(b, operator, EVERY_10)) {
            append(log, 120, 10); // other rounds after the shared prefix of 21 entries
        }
    }

    @Test
    void splitViewSharingAPrefixIsRefused(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        twoViews(a, b);
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

    /**
     * The operator shows history A under one origin and history B under another, signed by the same key: a witness
     * configured for one log refuses the other, whichever origin it is asked for, and a client pinning the origin
     * refuses a packet of the other.
     */
    @Test
    void aWitnessWitnessesOnlyTheLogItIsConfiguredFor(@TempDir Path tmp) throws Exception {
        Path a = log(tmp.resolve("a"), 30);
        Path b = tmp.resolve("b");
        try (AuditLog log = AuditLog.create(b, TestLogs.ORIGIN + "-b", operator)) {
            append(log, 100, 30);
        }
        Witness witness = witness(tmp.resolve("store"));
        assertTrue(witnessLog(witness, a).first(), "the first run configures the store for the log");

        WitnessException otherOrigin = assertThrows(WitnessException.class,
                () -> witnessLog(witness, b, TestLogs.ORIGIN + "-b", operator, false));
        assertEquals(WitnessException.Kind.WRONG_LOG, otherOrigin.kind());
        assertEquals(TestLogs.ORIGIN + "-b: WRONG LOG: this witness witnesses " + TestLogs.ORIGIN + ", not this origin"
                + " (a log is added to a witness deliberately)", otherOrigin.getMessage());

        WitnessException asked = assertThrows(WitnessException.class,
                () -> witnessLog(witness, b, TestLogs.ORIGIN, operator, false));
        assertEquals(WitnessException.Kind.WRONG_LOG, asked.kind());
        assertEquals("WRONG LOG: the checkpoint is of origin '" + TestLogs.ORIGIN + "-b', not of the log this witness"
                + " was asked to witness, '" + TestLogs.ORIGIN + "'", asked.getMessage());

        KeyPair other = KeyFiles.generate("Ed25519");
        WitnessException otherKey = assertThrows(WitnessException.class,
                () -> witnessLog(witness, a, TestLogs.ORIGIN, other, true));
        assertEquals(WitnessException.Kind.WRONG_LOG, otherKey.kind());
        assertEquals(TestLogs.ORIGIN + ": WRONG LOG: this witness witnesses that origin with the operator key "
                + KeyFiles.keyId(operator.getPublic()) + ", not with " + KeyFiles.keyId(other.getPublic())
                + " (nor does the log prove it a key of its own before or after that one)", otherKey.getMessage());

        assertTrue(witnessLog(witness, b, TestLogs.ORIGIN + "-b", operator, true).first(), "added deliberately");
        assertEquals(List.of(TestLogs.ORIGIN, TestLogs.ORIGIN + "-b"), new WitnessStore(tmp.resolve("store")).origins());

        var packet = io.fairspin.audit.round.DisputePacket.parse(
                io.fairspin.audit.round.DisputePacket.forIndex(b, 5).toJson());
        assertEquals(TestLogs.ORIGIN + "-b", packet.verify(operator.getPublic()).checkpoint().origin());
        io.fairspin.audit.merkle.ProofException refused = assertThrows(io.fairspin.audit.merkle.ProofException.class,
                () -> packet.verify(operator.getPublic(), TestLogs.ORIGIN));
        assertEquals("$.checkpoint: its origin is '" + TestLogs.ORIGIN + "-b', not the expected '" + TestLogs.ORIGIN
                + "'", refused.getMessage());
    }

    /** A store kept before logs were recorded (checkpoints only) is configured by its next run, for its own log only. */
    @Test
    void aStoreWithoutRecordedLogsIsConfiguredByItsNextRun(@TempDir Path tmp) throws Exception {
        Path a = log(tmp.resolve("a"), 30);
        Path store = tmp.resolve("store");
        witnessLog(witness(store), a);
        try (var keys = Files.newDirectoryStream(store, "*.vkey")) {
            for (Path vkey : keys) {
                Files.delete(vkey); // as the store was before
            }
        }
        KeyPair other = KeyFiles.generate("Ed25519");
        WitnessException refused = assertThrows(WitnessException.class,
                () -> witnessLog(witness(store), a, TestLogs.ORIGIN, other, false));
        assertEquals(WitnessException.Kind.WRONG_LOG, refused.kind());
        assertTrue(refused.getMessage().startsWith(TestLogs.ORIGIN + ": WRONG LOG: the checkpoint this witness"
                + " cosigned before for that origin is not signed by the operator key " + KeyFiles.keyId(other.getPublic())),
                refused.getMessage());
        assertEquals(List.of(), new WitnessStore(store).origins(), "nothing recorded by a refusal");
        assertEquals(31, witnessLog(witness(store), a).previous().size());
        assertEquals(List.of(TestLogs.ORIGIN), new WitnessStore(store).origins());
    }

    /**
     * A split view shown to a follower in place of the history it read, with nothing appended: the last checkpoint
     * re-signed with another root, the entries after the shared prefix other rounds, of the same size (rounds 60..69
     * encode to as many bytes as 20..29) or larger ("round-120" is longer than "round-20"). Both are split views at the
     * next poll (not a rollback, not damage).
     */
    @ParameterizedTest
    @CsvSource({"1, 60", "3, 60", "1, 120", "3, 120"})
    void aFollowerSeesASplitViewAtItsNextPoll(int threads, long otherRounds, @TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("log");
        Path other = tmp.resolve("other");
        logWithCopy(dir, 20, other, 10);
        try (AuditLog log = AuditLog.open(other, operator, EVERY_10)) {
            append(log, otherRounds, 10);
        }
        long size = Files.size(dir.resolve(LogFiles.segmentName(0)));
        long otherSize = Files.size(other.resolve(LogFiles.segmentName(0)));
        assertTrue(otherRounds == 60 ? otherSize == size : otherSize > size, size + " and " + otherSize);
        long lastCheckpoint = frameOffsets(dir.resolve(LogFiles.CHECKPOINTS)).get(3);
        try (LogFollower follower = new LogFollower(dir, listener(new ArrayList<>(), new ArrayList<>()), threads)) {
            follower.poll();
            long lastEntry = lastFrameOffset(dir);
            replaceLog(other, dir);
            follower.poll();
            assertEquals(List.of("SPLIT_VIEW at checkpoints:" + lastCheckpoint + ": checkpoints already read were"
                    + " changed: the checkpoints file was rewritten", "SPLIT_VIEW at " + LogFiles.segmentName(0) + ":"
                    + lastEntry + ": entry 30 changed since it was read: the entries already read were rewritten"),
                    located);
        }
    }

    /**
     * The last checkpoint deleted and the rounds after the one left rewritten, within the log's interval: verify passes
     * (nothing in the log holds the deleted checkpoint); the witness that cosigned it and a follower that read it do not.
     */
    @Test
    void aDeletionWithinOneIntervalPassesVerifyButNotTheWitnessNorAFollower(@TempDir Path tmp) throws Exception {
        Path dir = log(tmp.resolve("log"), 45); // checkpoints of sizes 1, 11, 21, 31, 41 and 46 (at close)
        Witness witness = witness(tmp.resolve("store"));
        witnessLog(witness, dir);
        List<String> problems = new ArrayList<>();
        try (LogFollower follower = new LogFollower(dir, listener(new ArrayList<>(), problems))) {
            follower.poll();
            long checkpoints = Files.size(dir.resolve(LogFiles.CHECKPOINTS));
            TestLogs.keepCheckpoints(dir, frameOffsets(dir.resolve(LogFiles.CHECKPOINTS)).size() - 1);
            rewriteRound(dir, 43, 1_000_000);

            assertEquals(List.of(), problems(LogVerifier.verify(dir, operator.getPublic())), "verify cannot tell");
            WitnessException refused = assertThrows(WitnessException.class, () -> witnessLog(witness, dir));
            assertTrue(refused.getMessage().contains("ROLLBACK: the checkpoint has size 41, smaller than the 46"),
                    refused.getMessage());
            follower.poll();
            long left = Files.size(dir.resolve(LogFiles.CHECKPOINTS));
            assertEquals(List.of("ROLLBACK: the checkpoints file shrank from " + checkpoints + " to " + left
                    + " bytes: checkpoints were deleted", "SPLIT_VIEW: entry 45 changed since it was read: the entries"
                    + " already read were rewritten"), problems);
        }
    }

    /** A follower names a checkpoint by the offset of its frame's start, as verify does. */
    @Test
    void aFollowerAndVerifyNameACheckpointByTheStartOfItsFrame(@TempDir Path tmp) throws Exception {
        Path dir = log(tmp.resolve("log"), 30);
        Path file = dir.resolve(LogFiles.CHECKPOINTS);
        long start = Files.size(file);
        KeyPair stranger = KeyFiles.generate("Ed25519");
        LogScanner.Result scan = LogScanner.scan(dir, e -> { });
        Checkpoint head = Checkpoint.parse(scan.lastCheckpoint().note().text());
        SignedNote forged = SignedNote.sign(head.text(), new io.fairspin.audit.checkpoint.NoteSigner(TestLogs.ORIGIN,
                stranger));
        ByteBuffer frame = ByteBuffer.allocate(1 << 12);
        Frames.put(frame, forged.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8), new CRC32C());
        Files.write(file, java.util.Arrays.copyOf(frame.array(), frame.position()),
                java.nio.file.StandardOpenOption.APPEND);

        List<Long> verified = new ArrayList<>();
        LogVerifier.verify(dir, operator.getPublic()).problems().forEach(p -> verified.add(p.offset()));
        assertEquals(List.of(start), verified);
        try (LogFollower follower = new LogFollower(dir, listener(new ArrayList<>(), new ArrayList<>()))) {
            follower.poll();
        }
        assertEquals(List.of("CHECKPOINT at checkpoints:" + start + ": the checkpoint of size 31 is not signed by the key"
                + " the log's key chain puts in force: the note has no signature by key "
                + io.fairspin.audit.checkpoint.NoteVerifier.of(TestLogs.ORIGIN, operator.getPublic()).encode()), located);
    }

    // ------------------------------------------------------------------ helpers

    /** The offset of each frame of a checkpoints file. */
    // ------------------------------------------------------------------ a monitor restarted with a store

    /**
     * One run of a monitor with the store in {@code store} (what 'monitor LOG --store STORE' does in a batch run): the
     * problems it reports.
     */
    private List<String> monitorRun(Path dir, Path store) throws IOException {
        List<String> problems = new ArrayList<>();
        try (LogFollower follower = new LogFollower(dir, listener(new ArrayList<>(), problems))) {
            MonitorStore memory = new MonitorStore(store);
            memory.resume(follower, false);
            follower.poll();
            follower.finish();
            memory.save(follower);
        }
        return problems;
    }

    /** A store that a first monitor run over the log in {@code dir}, as it is now, filled without a problem. */
    private Path storeOfAFirstRun(Path dir, Path tmp) throws IOException {
        Path store = tmp.resolve("store");
        assertEquals(List.of(), monitorRun(dir, store), "the log as it is before the attack");
        return store;
    }

    /** The state the store holds of the test log. */
    private static WitnessStore.Followed stored(Path store) throws IOException {
        return new WitnessStore(store).followed(TestLogs.ORIGIN);
    }

    @Test
    void aLogRolledBackWhileNoMonitorRanIsARollbackWhenOneStartsWithItsStore(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("log");
        Path old = tmp.resolve("old");
        Path store = tmp.resolve("store");
        logWithCopy(dir, 30, old, 20);
        assertEquals(List.of(), monitorRun(dir, store), "the log as it is before the attack");
        assertEquals(51, stored(store).tree().size());

        replaceLog(old, dir); // while no monitor runs
        assertEquals(List.of(), monitorRun(dir, tmp.resolve("fresh-store")), "without the store it passes");
        String rollback = "ROLLBACK: the log has 31 entries, fewer than the 51 an earlier reading verified: the log was"
                + " rolled back since";
        assertEquals(List.of(rollback), monitorRun(dir, store));
        assertEquals(51, stored(store).tree().size(), "the store keeps what was verified");
        assertEquals(List.of(rollback), monitorRun(dir, store), "and every run alerts again");
    }

    @Test
    void checkpointsDeletedWhileNoMonitorRanAreARollbackWhenOneStarts(@TempDir Path tmp) throws Exception {
        Path dir = log(tmp.resolve("log"), 45);
        Path store = storeOfAFirstRun(dir, tmp);
        TestLogs.keepCheckpoints(dir, 5); // the last, of size 46 (signed on closing), deleted: 5 entries follow 41
        assertEquals(List.of(), monitorRun(dir, tmp.resolve("fresh-store")), "within the bound, it passes without");
        assertEquals(List.of("ROLLBACK: the log's last signed checkpoint has size 41, but an earlier reading verified"
                + " one of size 46: checkpoints were deleted since"), monitorRun(dir, store));
        assertEquals(46, stored(store).signedHead().size());
    }

    /**
     * History rewritten while no monitor ran, with recomputed hashes: the last checkpoint deleted (within the bound) and
     * the entries after the one left rewritten, which no signature then covers.
     */
    @Test
    void entriesRewrittenAfterTheLastCheckpointLeftAreASplitViewWhenAMonitorStarts(@TempDir Path tmp) throws Exception {
        Path dir = log(tmp.resolve("log"), 45);
        Path store = storeOfAFirstRun(dir, tmp);
        WitnessStore.Followed before = stored(store);

        rewriteRound(dir, 44, 1_000_000);
        TestLogs.keepCheckpoints(dir, 5); // the checkpoint of size 46, which covered entry 44, deleted
        assertEquals(List.of(), monitorRun(dir, tmp.resolve("fresh-store")), "without the store it passes");
        assertEquals(List.of("SPLIT_VIEW: the first 46 entries have another root hash than the 46 an earlier reading"
                + " verified: the entries were rewritten since", "ROLLBACK: the log's last signed checkpoint has size"
                + " 41, but an earlier reading verified one of size 46: checkpoints were deleted since"),
                monitorRun(dir, store));
        assertEquals(before.tree(), stored(store).tree(), "the store keeps what was verified");
    }

    /** Checkpoints deleted down to the first and rounds rewritten from entry 7, while no monitor ran. */
    @Test
    void checkpointsDeletedAndRoundsRewrittenAreASplitViewAndARollbackWhenAMonitorStarts(@TempDir Path tmp)
            throws Exception {
        Path dir = log(tmp.resolve("log"), 45);
        Path store = storeOfAFirstRun(dir, tmp);
        rewriteRound(dir, 7, 1_000_000);
        TestLogs.keepCheckpoints(dir, 1);
        List<String> problems = monitorRun(dir, store);
        assertEquals(List.of("SPLIT_VIEW: the first 46 entries have another root hash than the 46 an earlier reading"
                + " verified: the entries were rewritten since", "ROLLBACK: the log's last signed checkpoint has size 1,"
                + " but an earlier reading verified one of size 46: checkpoints were deleted since"),
                problems.subList(0, 2), problems.toString());
    }

    /**
     * A log that a crash left with unsigned entries (39, the last checkpoint of size 31), then rewritten while no
     * monitor ran from entry 25 with checkpoints deleted down to size 21: the first difference is at the stored
     * checkpoint's size, and again at the size of everything read.
     */
    @Test
    void checkpointsDeletedAndEntriesRewrittenAreASplitViewAtEachSizeVerified(@TempDir Path tmp) throws Exception {
        Path dir = crashedLog(tmp);
        Path store = storeOfAFirstRun(dir, tmp);
        assertEquals(39, stored(store).tree().size());
        assertEquals(31, stored(store).signedHead().size());

        rewriteRound(dir, 25, 1_000_000);
        TestLogs.keepCheckpoints(dir, 3); // sizes 1, 11, 21
        List<String> problems = monitorRun(dir, store);
        assertEquals(List.of("SPLIT_VIEW: the first 31 entries have another root hash than the 31 an earlier reading"
                + " verified: the entries were rewritten since", "SPLIT_VIEW: the first 39 entries have another root"
                + " hash than the 39 an earlier reading verified: the entries were rewritten since", "ROLLBACK: the"
                + " log's last signed checkpoint has size 21, but an earlier reading verified one of size 31:"
                + " checkpoints were deleted since"), problems.subList(0, 3));
    }

    /** Another history sharing a prefix, as long, shown in place of the one a monitor read before it stopped. */
    @Test
    void aSplitViewShownWhileNoMonitorRanIsASplitViewWhenOneStarts(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        twoViews(a, b);
        Path store = storeOfAFirstRun(a, tmp);
        replaceLog(b, a);
        assertEquals(List.of(), monitorRun(a, tmp.resolve("fresh-store")), "each view passes alone");
        assertEquals(List.of("SPLIT_VIEW: the first 31 entries have another root hash than the 31 an earlier reading"
                + " verified: the entries were rewritten since"), monitorRun(a, store));
    }

    @Test
    void aCheckpointsFileDeletedWhileNoMonitorRanIsARollbackWhenOneStarts(@TempDir Path tmp) throws Exception {
        Path dir = log(tmp.resolve("log"), 25);
        Path store = storeOfAFirstRun(dir, tmp);
        Files.delete(dir.resolve(LogFiles.CHECKPOINTS));
        assertEquals(List.of("ROLLBACK: the log has no signed checkpoint, but an earlier reading verified one of size"
                + " 26: checkpoints were deleted since", "CHECKPOINT: the checkpoints file is missing: no signed"
                + " checkpoint"), monitorRun(dir, store));
    }

    @Test
    void honestGrowthWhileNoMonitorRanAdvancesTheStore(@TempDir Path tmp) throws Exception {
        Path dir = log(tmp.resolve("log"), 30);
        Path store = storeOfAFirstRun(dir, tmp);
        assertEquals(31, stored(store).tree().size());
        try (AuditLog log = AuditLog.open(dir, operator, EVERY_10)) {
            append(log, 30, 25);
        }
        assertEquals(List.of(), monitorRun(dir, store));
        WitnessStore.Followed now = stored(store);
        List<byte[]> leaves = new ArrayList<>();
        TestLogs.entries(dir).forEach(e -> leaves.add(e.leafHash()));
        assertEquals(new Checkpoint(TestLogs.ORIGIN, 56, MerkleTree.root(leaves)), now.tree(),
                "the root of every entry, by MerkleTree.root over the scanner's leaves");
        assertEquals(LogScanner.scan(dir, e -> { }).lastCheckpoint().note().encode(), now.checkpoint().encode());
        assertEquals(56, now.signedHead().size(), "signed on closing");
    }

    @Test
    void aStoreOfAnotherLogIsRefusedUnlessTheLogIsAdded(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path other = tmp.resolve("other");
        try (AuditLog log = AuditLog.create(other, TestLogs.ORIGIN + "-b", operator, EVERY_10)) {
            append(log, 0, 5);
        }
        assertEquals(List.of(), monitorRun(other, store));
        Path dir = log(tmp.resolve("log"), 5);
        IOException refused = assertThrows(IOException.class, () -> monitorRun(dir, store));
        assertEquals(store + ": origin: this store follows " + TestLogs.ORIGIN + "-b, not the log's origin '"
                + TestLogs.ORIGIN + "' (--add-log to follow another log with this store)", refused.getMessage());
        try (LogFollower follower = new LogFollower(dir, listener(new ArrayList<>(), new ArrayList<>()))) {
            MonitorStore memory = new MonitorStore(store);
            assertEquals(null, memory.resume(follower, true));
            follower.poll();
            assertEquals(6, memory.save(follower).tree().size());
        }
        assertEquals(List.of(TestLogs.ORIGIN, TestLogs.ORIGIN + "-b"), new WitnessStore(store).followedOrigins());
    }

    @Test
    void aDamagedOrMisplacedStateIsAnErrorNamingTheFileAndField(@TempDir Path tmp) throws Exception {
        Path dir = log(tmp.resolve("log"), 15);
        Path store = storeOfAFirstRun(dir, tmp);
        Path tree;
        Path checkpoint;
        try (java.util.stream.Stream<Path> files = Files.list(store)) {
            List<Path> all = files.sorted().toList();
            tree = all.stream().filter(f -> f.toString().endsWith(".monitor-tree")).findFirst().orElseThrow();
            checkpoint = all.stream().filter(f -> f.toString().endsWith(".monitor-checkpoint")).findFirst().orElseThrow();
        }
        String good = Files.readString(tree);
        String goodCheckpoint = Files.readString(checkpoint);

        Files.writeString(tree, good.replace("\n16\n", "\n1x\n"));
        assertEquals(tree + ": not a tree head (origin, size and base64 root hash lines): checkpoint size '1x' is not a"
                + " decimal number", assertThrows(IOException.class, () -> monitorRun(dir, store)).getMessage());

        Files.writeString(tree, good.replace(TestLogs.ORIGIN, TestLogs.ORIGIN + "-b"));
        assertEquals(tree + ": origin: '" + TestLogs.ORIGIN + "-b', but the file is kept for '" + TestLogs.ORIGIN + "'",
                assertThrows(IOException.class, () -> monitorRun(dir, store)).getMessage());

        Files.writeString(tree, good.replace("\n16\n", "\n3\n"));
        assertEquals(checkpoint + ": size: 16, more than the 3 entries of " + tree.getFileName(),
                assertThrows(IOException.class, () -> monitorRun(dir, store)).getMessage());

        Files.writeString(tree, good);
        Files.writeString(checkpoint, goodCheckpoint.substring(0, goodCheckpoint.indexOf("\n\n") + 1));
        assertTrue(assertThrows(IOException.class, () -> monitorRun(dir, store)).getMessage().startsWith(checkpoint
                + ": not a signed checkpoint: the note has no blank line before its signatures"));

        Files.writeString(checkpoint, goodCheckpoint);
        assertEquals(List.of(), monitorRun(dir, store));
    }

    @Test
    void aStoreSharedWithAWitnessLeavesTheWitnessFilesAlone(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("log");
        Path store = tmp.resolve("store");
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator, EVERY_10)) {
            append(log, 0, 20);
            Witness witness = witness(store);
            witnessLog(witness, dir);
            java.util.Map<String, String> witnessFiles = new java.util.TreeMap<>();
            try (java.util.stream.Stream<Path> files = Files.list(store)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    witnessFiles.put(f.getFileName().toString(), Files.readString(f));
                }
            }
            assertEquals(List.of(), monitorRun(dir, store));
            for (java.util.Map.Entry<String, String> f : witnessFiles.entrySet()) {
                Path file = store.resolve(f.getKey());
                assertTrue(Files.exists(file), f.getKey() + " is still there");
                assertEquals(f.getValue(), Files.readString(file), f.getKey());
            }
            assertEquals(List.of(TestLogs.ORIGIN), new WitnessStore(store).origins());
            append(log, 20, 10);
            Witness.Result next = witnessLog(witness, dir);
            assertEquals(31, next.checkpoint().size());
            assertEquals(21, next.previous().size(), "the witness goes on from its own checkpoint");
            assertEquals(List.of(), monitorRun(dir, store));
            assertEquals(31, stored(store).tree().size());
        }
    }

    private static List<Long> frameOffsets(Path file) throws IOException {
        ByteBuffer bytes = LogFiles.read(file);
        List<Long> offsets = new ArrayList<>();
        for (long at = TestLogs.checkpointsHeader(bytes).length(); at < bytes.limit(); at += Frames.FRAME_OVERHEAD
                + Frames.payloadLength(bytes, at)) {
            offsets.add(at);
        }
        return offsets;
    }

    /** The offset of the last frame of the log's only segment. */
    private static long lastFrameOffset(Path dir) throws IOException {
        ByteBuffer bytes = LogFiles.read(dir.resolve(LogFiles.segmentName(0)));
        long at;
        try {
            at = Frames.readHeader(bytes, Frames.SEGMENT_MAGIC).length();
        } catch (io.fairspin.audit.record.MalformedRecordException e) {
            throw new IOException(e);
        }
        long last = at;
        for (; at < bytes.limit(); at += Frames.FRAME_OVERHEAD + Frames.payloadLength(bytes, at)) {
            last = at;
        }
        return last;
    }

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
                located.add(kind + " at " + problem.file() + ":" + problem.offset() + ": " + problem.message());
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

package io.fairspin.audit.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.NoteSigner;
import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.record.KeyAnnouncement;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.witness.Witness;
import io.fairspin.audit.witness.WitnessException;
import io.fairspin.audit.witness.WitnessStore;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A witness across operator key rotations ({@link AuditLog#rotateKey}): a rotation the log proves (the new key's
 * announcement covered by a checkpoint of the key the witness holds, in the history of the new checkpoint) is followed
 * and the store's key replaced; a new key the log does not prove is refused with its own message, the store unchanged.
 */
class KeyRotationWitnessTest {
    private static final AuditLog.Options EVERY_10 = AuditLog.Options.defaults().checkpointEvery(10);
    private final KeyPair operator = KeyFiles.generate("Ed25519");
    private final KeyPair k1 = KeyFiles.generate("Ed25519");
    private final KeyPair k2 = KeyFiles.generate("Ed25519");
    private final KeyPair attacker = KeyFiles.generate("Ed25519");
    private final KeyPair witnessKey = KeyFiles.generate("Ed25519");

    private static NoteVerifier vkey(KeyPair key) {
        return NoteVerifier.of(TestLogs.ORIGIN, key.getPublic());
    }

    private static void append(AuditLog log, long from, long rounds) throws IOException {
        for (long n = from; n < from + rounds; n++) {
            log.append(TestLogs.round(n));
            if ((n + 1) % 10 == 0) {
                log.checkpoint();
            }
        }
    }

    /** A log of 30 rounds signed by the operator's key, witnessed once (size 31) into {@code store}. */
    private Path witnessedLog(Path tmp, Path store) throws Exception {
        Path dir = tmp.resolve("log");
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator, EVERY_10)) {
            append(log, 0, 30);
        }
        assertTrue(witnessLog(store, dir, operator).first());
        return dir;
    }

    /** {@link #witnessedLog}, then rotated to k1 (its announcement at entry 31, vouched for at size 32) and 10 rounds. */
    private Path rotatedLog(Path tmp, Path store) throws Exception {
        Path dir = witnessedLog(tmp, store);
        try (AuditLog log = AuditLog.open(dir, operator, EVERY_10)) {
            log.rotateKey(k1);
            append(log, 30, 10);
        }
        return dir;
    }

    /** Runs {@code witnessing}: refused as {@code kind} with a message that starts with {@code message}, the store unchanged. */
    private static void assertRefused(Path store, WitnessException.Kind kind, String message,
            org.junit.jupiter.api.function.Executable witnessing) throws IOException {
        Map<String, String> before = files(store);
        WitnessException refused = assertThrows(WitnessException.class, witnessing);
        assertEquals(kind, refused.kind(), refused.getMessage());
        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
        assertEquals(before, files(store), "the store unchanged");
    }

    /** What 'audit witness LOG --operator-key KEY' does: the latest checkpoint, its consistency and rotation proofs. */
    private Witness.Result witnessLog(Path store, Path dir, KeyPair key) throws Exception {
        SignedNote note = LogScanner.scan(dir, e -> { }).lastCheckpoint().note();
        return witness(store, note, key, KeyRotationProof.of(dir, Checkpoint.parse(note.text()).size()), dir);
    }

    /** Witnesses {@code note} with {@code rotations}, the consistency proof from the stored size taken from {@code dir}. */
    private Witness.Result witness(Path store, SignedNote note, KeyPair key, KeyRotationProof rotations, Path dir)
            throws Exception {
        Witness witness = new Witness(new WitnessStore(store), "witness.test/w1", witnessKey);
        long size = Checkpoint.parse(note.text()).size();
        long old = Math.min(witness.latestSize(TestLogs.ORIGIN), size);
        return witness.witness(note, vkey(key), rotations, false, old, ConsistencyProof.of(dir, old, size).proof(),
                1_790_000_000L);
    }

    @Test
    void aRotationTheLogProvesIsFollowedAndTheStoresKeyReplaced(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path dir = rotatedLog(tmp, store);
        Witness.Result once = witnessLog(store, dir, operator);
        assertEquals(vkey(operator), once.retiredKey());
        assertEquals(vkey(k1), once.operatorKey());
        assertEquals(vkey(k1), new WitnessStore(store).log(TestLogs.ORIGIN), "the store's key replaced");
        assertEquals(31, once.previous().size());

        try (AuditLog log = AuditLog.open(dir, k1, EVERY_10)) {
            log.rotateKey(k2);
            append(log, 40, 5);
        }
        Witness.Result again = witnessLog(store, dir, k2);
        assertEquals(vkey(k1), again.retiredKey());
        assertEquals(vkey(k2), new WitnessStore(store).log(TestLogs.ORIGIN));
        Witness.Result unchanged = witnessLog(store, dir, operator);
        assertNull(unchanged.retiredKey(), "the key the store holds signed it");
        assertEquals(vkey(k2), unchanged.operatorKey(), "--operator-key: a key the log proves before the held one");
    }

    @Test
    void twoRotationsBetweenTwoRunsAreFollowedInOneStep(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path dir = witnessedLog(tmp, store);
        try (AuditLog log = AuditLog.open(dir, operator, EVERY_10)) {
            log.rotateKey(k1);
            append(log, 30, 10);
            log.rotateKey(k2); // vouched for by k1's checkpoint, which the witness never saw
            append(log, 40, 10);
        }
        assertEquals(List.of(), problems(LogVerifier.verify(dir, operator.getPublic())), "verify from the first key");
        Witness.Result result = witnessLog(store, dir, operator);
        assertEquals(vkey(operator), result.retiredKey());
        assertEquals(vkey(k2), new WitnessStore(store).log(TestLogs.ORIGIN));
    }

    /** The witness asked with the new key before any checkpoint is signed by it: the vouching checkpoint proves it. */
    @Test
    void theNewKeyIsAcceptedAsOperatorKeyOnceTheLogVouchesForIt(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path dir = witnessedLog(tmp, store);
        KeyPair stranger = KeyFiles.generate("Ed25519");
        assertRefused(store, WitnessException.Kind.WRONG_LOG, TestLogs.ORIGIN + ": WRONG LOG: this witness witnesses"
                + " that origin with the operator key " + KeyFiles.keyId(operator.getPublic()) + ", not with "
                + KeyFiles.keyId(stranger.getPublic()) + " (nor does the log prove it a key of its own before or after"
                + " that one)", () -> witnessLog(store, dir, stranger));
        try (AuditLog log = AuditLog.open(dir, operator, EVERY_10)) {
            log.rotateKey(k1); // the log's latest checkpoint is the operator's, covering k1's announcement
        }
        Witness.Result result = witnessLog(store, dir, k1);
        assertNull(result.retiredKey(), "the checkpoint is signed by the key held");
        assertEquals(vkey(operator), new WitnessStore(store).log(TestLogs.ORIGIN));
    }

    /**
     * An attacker with a key of their own appends its announcement and signs checkpoints with it: the checkpoint that
     * covers the announcement is not the held key's. The log passes neither verify, nor the witness, nor a follower.
     */
    @Test
    void aNewKeyCoveredOnlyByItsOwnCheckpointsIsRefused(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path dir = witnessedLog(tmp, store);
        forgedRotation(dir);
        String unproven = TestLogs.ORIGIN + ": UNPROVEN KEY: the checkpoint that vouches for entry 31 (size 41) is not"
                + " signed by the key before it, " + KeyFiles.keyId(operator.getPublic()) + ": the new key is not vouched"
                + " for (the note has no signature by key " + vkey(operator).encode() + "); this witness holds the"
                + " operator key " + KeyFiles.keyId(operator.getPublic()) + " for that origin and accepts another only"
                + " when the log proves it";
        assertRefused(store, WitnessException.Kind.UNPROVEN_KEY, unproven, () -> witnessLog(store, dir, operator));
        assertRefused(store, WitnessException.Kind.UNPROVEN_KEY, unproven, () -> witnessLog(store, dir, attacker));
        String notOperators = " is not signed by the key the log's key chain puts in force: the note has no signature"
                + " by key " + vkey(operator).encode();
        assertEquals(List.of("CHECKPOINT: the checkpoint of size 41" + notOperators,
                "CHECKPOINT: the checkpoint of size 51" + notOperators,
                "UNSIGNED_ENTRIES: 20 entries follow the last signed checkpoint (size 31), more than the 10 the log"
                        + " declares (max_unsigned, which its writer keeps even across a crash): checkpoints were deleted"),
                followerProblems(dir));
    }

    /**
     * The operator of log A, witnessed in a store with log B, announces in A a key named for B's origin, vouches for it
     * with a checkpoint of A's key and signs A's next checkpoint with it: the store files a key under its name, so
     * accepting it would replace B's key. Refused: a log's keys are named for its origin.
     */
    @Test
    void aKeyNamedForAnotherOriginIsRefused(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path dir = witnessedLog(tmp, store);
        String other = "other.example/log";
        KeyPair otherKey = KeyFiles.generate("Ed25519");
        Witness witness = new Witness(new WitnessStore(store), "witness.test/w1", witnessKey);
        Checkpoint otherHead = new Checkpoint(other, 1, MerkleTree.leafHash(new byte[] {1}));
        witness.witness(SignedNote.sign(otherHead.text(), new NoteSigner(other, otherKey)),
                NoteVerifier.of(other, otherKey.getPublic()), true, 0, List.of(), 1_790_000_000L);

        List<LogEntry> entries = TestLogs.entries(dir);
        List<byte[]> leaves = new ArrayList<>();
        entries.forEach(e -> leaves.add(e.leafHashUnsafe()));
        LogEntry announcement = LogEntry.create(leaves.size(), entries.get(entries.size() - 1).leafHash(),
                new KeyAnnouncement(other, attacker.getPublic(), 1_790_000_000_000L), MerkleTree.sha256());
        leaves.add(announcement.leafHashUnsafe());
        long vouchingSize = leaves.size();
        leaves.add(MerkleTree.leafHash(new byte[] {9}));
        long headSize = leaves.size();
        MerkleTree.SubtreeHashes hashes = MerkleTree.hashOfLeaves(leaves);
        Checkpoint vouching = new Checkpoint(TestLogs.ORIGIN, vouchingSize,
                MerkleTree.root(leaves.subList(0, (int) vouchingSize)));
        Checkpoint head = new Checkpoint(TestLogs.ORIGIN, headSize, MerkleTree.root(leaves));
        KeyRotationProof proof = new KeyRotationProof(List.of(new KeyRotationProof.Link(announcement,
                MerkleTree.inclusionProof(announcement.index(), vouchingSize, hashes),
                SignedNote.sign(vouching.text(), new NoteSigner(TestLogs.ORIGIN, operator)),
                MerkleTree.consistencyProof(vouchingSize, headSize, hashes))));
        SignedNote signed = SignedNote.sign(head.text(), new NoteSigner(other, attacker));
        long stored = witness.latestSize(TestLogs.ORIGIN);

        assertRefused(store, WitnessException.Kind.UNPROVEN_KEY, TestLogs.ORIGIN + ": UNPROVEN KEY: the announcement of"
                + " key " + KeyFiles.keyId(attacker.getPublic()) + " at entry 31 names the key '" + other + "', not the"
                + " log's origin '" + TestLogs.ORIGIN + "'", () -> witness.witness(signed,
                vkey(operator), proof, false, stored, MerkleTree.consistencyProof(stored, headSize, hashes),
                1_790_000_001L));
        assertEquals(NoteVerifier.of(other, otherKey.getPublic()), new WitnessStore(store).log(other));
    }

    /**
     * A key announced in the log under another origin's name is not one of the log's keys: verify and a follower report
     * it, and neither takes it into the key chain.
     */
    @Test
    void verifyAndAFollowerReportAKeyNamedForAnotherOrigin(@TempDir Path tmp) throws Exception {
        Path dir = witnessedLog(tmp, tmp.resolve("store"));
        List<LogEntry> entries = TestLogs.entries(dir);
        LogEntry announcement = LogEntry.create(entries.size(), entries.get(entries.size() - 1).leafHash(),
                new KeyAnnouncement("other.example/log", attacker.getPublic(), 1_790_000_000_000L), MerkleTree.sha256());
        Path segment = LogFiles.segments(dir).get(LogFiles.segments(dir).size() - 1);
        long offset = Files.size(segment);
        ByteBuffer frame = ByteBuffer.allocate(1 << 12);
        Frames.put(frame, announcement.encoded(), new java.util.zip.CRC32C());
        Files.write(segment, java.util.Arrays.copyOf(frame.array(), frame.position()),
                java.nio.file.StandardOpenOption.APPEND);

        String foreign = "entry 31 announces a key named 'other.example/log', not for the log's origin '"
                + TestLogs.ORIGIN + "': it is not one of the log's keys";
        List<LogProblem> verified = LogVerifier.verify(dir, operator.getPublic()).problems();
        assertTrue(verified.stream().anyMatch(p -> p.message().equals(foreign) && p.offset() == offset),
                verified.toString());
        assertTrue(followerProblems(dir).contains("CORRUPT: " + foreign), followerProblems(dir).toString());
    }

    /**
     * A checkpoint of size 0 placed first in the checkpoints file is checked before any entry, so before entry 0
     * announces the first key: a follower reports it (it threw IndexOutOfBoundsException, which stopped a monitor).
     */
    @Test
    void aCheckpointBeforeAnyKeyIsReportedByAFollower(@TempDir Path tmp) throws Exception {
        Path dir = witnessedLog(tmp, tmp.resolve("store"));
        Path file = dir.resolve(LogFiles.CHECKPOINTS);
        ByteBuffer bytes = LogFiles.read(file);
        int header = (int) TestLogs.checkpointsHeader(bytes).length();
        byte[] all = new byte[bytes.limit()];
        bytes.get(0, all);
        SignedNote zero = SignedNote.sign(new Checkpoint(TestLogs.ORIGIN, 0, MerkleTree.emptyRoot()).text(),
                new NoteSigner(TestLogs.ORIGIN, operator));
        ByteBuffer frame = ByteBuffer.allocate(1 << 12);
        Frames.put(frame, zero.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8), new java.util.zip.CRC32C());
        ByteBuffer out = ByteBuffer.allocate(all.length + frame.position());
        out.put(all, 0, header).put(frame.array(), 0, frame.position()).put(all, header, all.length - header);
        Files.write(file, out.array());

        assertEquals(List.of("CHECKPOINT: the checkpoint of size 0 comes before any key of the log is announced (entry 0"
                + " announces the first)"), followerProblems(dir));
    }

    /** A follower reads a log rotated twice, each new key vouched for by the key before it: no problem. */
    @Test
    void aFollowerAcceptsTheCheckpointsOfARotationTheLogProves(@TempDir Path tmp) throws Exception {
        Path dir = rotatedLog(tmp, tmp.resolve("store"));
        try (AuditLog log = AuditLog.open(dir, k1, EVERY_10)) {
            log.rotateKey(k2);
            append(log, 40, 15);
        }
        assertEquals(List.of(), followerProblems(dir));
    }

    /** What a {@link LogFollower} reports reading {@code dir} to its end. */
    private static List<String> followerProblems(Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        try (LogFollower follower = new LogFollower(dir, new LogFollower.Listener() {
            @Override
            public void entry(LogEntry entry) {
            }

            @Override
            public void problem(LogFollower.Problem kind, long index, LogProblem problem) {
                problems.add(kind + ": " + problem.message());
            }
        })) {
            follower.poll();
            follower.finish();
        }
        return problems;
    }

    /**
     * The announcement named with a checkpoint of the held key that does not cover it (the attacker's log above, the
     * operator's checkpoint of size 31 offered as the voucher of the announcement at entry 31).
     */
    @Test
    void anAnnouncementTheVouchingCheckpointDoesNotCoverIsRefused(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path dir = witnessedLog(tmp, store);
        forgedRotation(dir);
        LogScanner.Result scan = LogScanner.scan(dir, e -> { });
        SignedNote head = scan.lastCheckpoint().note();
        long size = scan.lastCheckpoint().checkpoint().size();
        LogEntry announcement = TestLogs.entries(dir).get(31);
        KeyRotationProof uncovered = new KeyRotationProof(List.of(new KeyRotationProof.Link(announcement, List.of(),
                checkpointOfSize(scan, 31), ConsistencyProof.of(dir, 31, size).proof())));
        assertRefused(store, WitnessException.Kind.UNPROVEN_KEY, TestLogs.ORIGIN + ": UNPROVEN KEY: the announcement"
                + " of key " + KeyFiles.keyId(attacker.getPublic()) + " at entry 31 is not covered by the checkpoint of"
                + " size 31 that should vouch for it", () -> witness(store, head, operator, uncovered, dir));
    }

    /**
     * The operator rotates honestly; an attacker offers the operator's genuine vouching checkpoint with an announcement
     * of their own key in place of the real one (same index, the real entry's inclusion path), and the log's latest
     * checkpoint signed with their key.
     */
    @Test
    void aForgedAnnouncementIsRefused(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path dir = rotatedLog(tmp, store);
        Checkpoint head = LogScanner.scan(dir, e -> { }).lastCheckpoint().checkpoint();
        KeyRotationProof.Link real = KeyRotationProof.of(dir, head.size()).links().get(0);
        LogEntry genuine = real.announcement();
        LogEntry forged = LogEntry.create(genuine.index(), genuine.previousHash(),
                new KeyAnnouncement(TestLogs.ORIGIN, attacker.getPublic(), 1_790_000_000_000L), MerkleTree.sha256());
        KeyRotationProof proof = new KeyRotationProof(List.of(new KeyRotationProof.Link(forged, real.inclusion(),
                real.vouching(), real.consistency())));
        SignedNote signedByAttacker = SignedNote.sign(head.text(), new NoteSigner(TestLogs.ORIGIN, attacker));
        assertRefused(store, WitnessException.Kind.UNPROVEN_KEY, TestLogs.ORIGIN + ": UNPROVEN KEY: the announcement"
                + " of key " + KeyFiles.keyId(attacker.getPublic()) + " at entry 31 is not in the tree of the checkpoint"
                + " of size 32 that vouches for it", () -> witness(store, signedByAttacker, operator, proof, dir));
        assertRefused(store, WitnessException.Kind.BAD_SIGNATURE, TestLogs.ORIGIN + ": the note has no signature by key "
                + vkey(k1).encode(), () -> witness(store, signedByAttacker, operator, KeyRotationProof.of(dir,
                head.size()), dir)); // the real proof proves k1, not the attacker's key
    }

    /**
     * A new key announced in another history: the operator shows history B, which shares a prefix of 21 entries with
     * the history A the witness cosigned and rotates to k1 there (vouched for in B). Witnessing B is a split view; and
     * B's vouching checkpoint offered for a checkpoint of A's tree signed by k1 is not in A's history.
     */
    @Test
    void aNewKeyAnnouncedInARewrittenHistoryIsRefused(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        try (AuditLog log = AuditLog.create(a, TestLogs.ORIGIN, operator, EVERY_10)) {
            append(log, 0, 20);
            TestLogs.crashImage(a, b);
            append(log, 20, 20);
        }
        try (AuditLog log = AuditLog.open(b, operator, EVERY_10)) {
            append(log, 120, 5);
            log.rotateKey(k1);
            append(log, 125, 30);
        }
        assertTrue(witnessLog(store, a, operator).first());
        assertRefused(store, WitnessException.Kind.SPLIT_VIEW, TestLogs.ORIGIN + ": SPLIT VIEW: the checkpoint of size"
                + " 57 does not extend the one of size 41", () -> witnessLog(store, b, operator));

        Checkpoint headA = LogScanner.scan(a, e -> { }).lastCheckpoint().checkpoint();
        SignedNote aSignedByK1 = SignedNote.sign(headA.text(), new NoteSigner(TestLogs.ORIGIN, k1));
        KeyRotationProof fromB = KeyRotationProof.of(b, LogScanner.scan(b, e -> { }).lastCheckpoint().checkpoint().size());
        assertRefused(store, WitnessException.Kind.UNPROVEN_KEY, TestLogs.ORIGIN + ": UNPROVEN KEY: the checkpoint that"
                + " vouches for entry 26 (size 27) is not in the history of the checkpoint of size 41",
                () -> witness(store, aSignedByK1, operator, fromB, a));
    }

    /** A checkpoint signed by a new key offered with no proof (as from --checkpoint) is refused as a bad signature. */
    @Test
    void aRotatedCheckpointWithoutTheLogsProofIsRefused(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path dir = rotatedLog(tmp, store);
        SignedNote note = LogScanner.scan(dir, e -> { }).lastCheckpoint().note();
        assertRefused(store, WitnessException.Kind.BAD_SIGNATURE, TestLogs.ORIGIN + ": the note has no signature by key "
                + vkey(operator).encode() + " (the operator key this witness holds for that origin, or the last one the"
                + " log proves after it, is " + KeyFiles.keyId(operator.getPublic()) + ")",
                () -> witness(store, note, operator, KeyRotationProof.NONE, dir));
    }

    /**
     * The attacker's log: 30 rounds by the operator (checkpoints 1 to 31), then the attacker's key announced at entry
     * 31 and 19 rounds under checkpoints signed by the attacker's key alone (sizes 41 and 51).
     */
    private void forgedRotation(Path dir) throws IOException {
        try (AuditLog log = AuditLog.open(dir, operator, EVERY_10)) {
            log.rotateKey(attacker); // the operator's checkpoint of size 32 vouches for it: deleted below
            append(log, 31, 19);
        }
        dropCheckpoint(dir, 4);
        assertTrue(problems(LogVerifier.verify(dir, operator.getPublic())).stream()
                .anyMatch(p -> p.contains("checkpoint of size 41")), "verify refuses it");
    }

    private static SignedNote checkpointOfSize(LogScanner.Result scan, long size) {
        return scan.checkpoints.stream().filter(c -> c.checkpoint().size() == size).findFirst().orElseThrow().note();
    }

    /** Deletes checkpoint number {@code drop} (from 0) of the checkpoints file. */
    private static void dropCheckpoint(Path dir, int drop) throws IOException {
        Path file = dir.resolve(LogFiles.CHECKPOINTS);
        ByteBuffer bytes = LogFiles.read(file);
        List<long[]> frames = new ArrayList<>();
        long offset = TestLogs.checkpointsHeader(bytes).length();
        while (offset < bytes.limit()) {
            long end = offset + Frames.FRAME_OVERHEAD + Frames.payloadLength(bytes, offset);
            frames.add(new long[] {offset, end});
            offset = end;
        }
        byte[] all = new byte[bytes.limit()];
        bytes.get(0, all);
        int from = (int) frames.get(drop)[0];
        int to = (int) frames.get(drop)[1];
        byte[] kept = new byte[all.length - (to - from)];
        System.arraycopy(all, 0, kept, 0, from);
        System.arraycopy(all, to, kept, from, all.length - to);
        Files.write(file, kept);
    }

    private static List<String> problems(LogReport report) {
        List<String> out = new ArrayList<>();
        report.problems().forEach(p -> out.add(p.message()));
        return out;
    }

    /** Every file of the store but its lock, by name. */
    private static Map<String, String> files(Path store) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(store)) {
            for (Path f : list.filter(f -> !f.getFileName().toString().equals("lock")).toList()) {
                files.put(f.getFileName().toString(), HexFormat.of().formatHex(Files.readAllBytes(f)));
            }
        }
        return files;
    }
}

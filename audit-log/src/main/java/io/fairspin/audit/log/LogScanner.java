package io.fairspin.audit.log;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.merkle.CompactRange;
import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.merkle.ProofException;
import io.fairspin.audit.record.KeyAnnouncement;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.MalformedRecordException;
import io.fairspin.audit.record.RngHealthRecord;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.audit.record.TailCut;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Reads a log folder read-only and checks everything that needs no key: headers, every frame's CRC32C,
 * the canonical encoding, index continuity, the hash chain, and every checkpoint's root against the tree
 * recomputed from the entries. The writer's recovery and the verifier both start here.
 */
public final class LogScanner {
    /** A checkpoint as stored: where, the signed note, and the tree head it holds. */
    public record StoredCheckpoint(long offset, SignedNote note, Checkpoint checkpoint) {
    }

    /** A key announcement and the index of its entry. */
    record Announcement(long index, KeyAnnouncement key) {
    }

    /** One segment file as found. */
    record Segment(Path file, long firstIndex, long entries, long validEnd, long size) {
    }

    /**
     * The end of the last file that a crash left half-written: cut on the next open. {@code truncated}:
     * the file ends inside the frame (what a killed writer leaves); otherwise the last frame is whole but
     * its length or CRC32C is wrong (a torn write after a power loss, or damage).
     */
    record TornTail(Path file, long offset, long length, boolean truncated) {
    }

    /** Everything a scan found. */
    public static final class Result {
        String origin;
        final List<Segment> segments = new ArrayList<>();
        final List<StoredCheckpoint> checkpoints = new ArrayList<>();
        final List<Announcement> announcements = new ArrayList<>();
        final List<TailCut> tailCuts = new ArrayList<>();
        final List<LogProblem> problems = new ArrayList<>();
        final List<TornTail> tornTails = new ArrayList<>();
        long checkpointsValidEnd;
        long entries;
        long rounds;
        long healthEvents;
        byte[] chainHead = LogEntry.genesisLink();
        final CompactRange tree = new CompactRange();
        CompactRange treeAtLastCheckpoint = new CompactRange();
        final List<byte[]> leavesSinceLastCheckpoint = new ArrayList<>();

        boolean clean() {
            return problems.isEmpty() && tornTails.isEmpty();
        }

        /**
         * The last checkpoint found, checked or not.
         *
         * @return the checkpoint, or null when there is none
         */
        public StoredCheckpoint lastCheckpoint() {
            return checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
        }
    }

    private final Path dir;
    private final Consumer<LogEntry> listener;
    private final Result result = new Result();
    private final CRC32C crc = new CRC32C();
    private final MessageDigest digest = MerkleTree.sha256();
    private int nextCheckpoint;

    private LogScanner(Path dir, Consumer<LogEntry> listener) {
        this.dir = dir;
        this.listener = listener;
    }

    /** Scans {@code dir}, handing every good entry, in order, to {@code listener}. */
    static Result scan(Path dir, Consumer<LogEntry> listener) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new java.nio.file.NotDirectoryException(dir.toString());
        }
        if (!Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(dir.toString(), null, "no such log folder");
        }
        LogScanner scanner = new LogScanner(dir, listener);
        scanner.scanCheckpoints();
        scanner.scanSegments();
        scanner.checkCheckpointsCovered();
        return scanner.result;
    }

    // ------------------------------------------------------------------ checkpoints

    private void scanCheckpoints() throws IOException {
        Path file = dir.resolve(LogFiles.CHECKPOINTS);
        if (!Files.exists(file)) {
            return;
        }
        ByteBuffer bytes = LogFiles.read(file);
        Frames.Header header = header(file, bytes, Frames.CHECKPOINT_MAGIC);
        if (header == null) {
            return;
        }
        long offset = header.length();
        long lastSize = -1;
        while (true) {
            Frames.Kind kind = Frames.check(bytes, offset, crc);
            if (kind != Frames.Kind.FRAME) {
                endOfFile(file, bytes, offset, kind, true);
                break;
            }
            StoredCheckpoint stored = parseCheckpoint(file, offset, Frames.payload(bytes, offset));
            if (stored == null) {
                break;
            }
            if (stored.checkpoint().size() < lastSize) {
                problem(file, offset, "checkpoint of size " + stored.checkpoint().size()
                        + " follows a larger one (" + lastSize + "): the log went backwards");
                break;
            }
            lastSize = stored.checkpoint().size();
            result.checkpoints.add(stored);
            offset += Frames.FRAME_OVERHEAD + Frames.payloadLength(bytes, offset);
        }
        result.checkpointsValidEnd = offset;
    }

    private StoredCheckpoint parseCheckpoint(Path file, long offset, byte[] payload) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload)).toString();
            SignedNote note = SignedNote.parse(text);
            Checkpoint checkpoint = Checkpoint.parse(note.text());
            if (!checkpoint.origin().equals(result.origin)) {
                problem(file, offset, "checkpoint origin '" + checkpoint.origin() + "' is not the log's, '"
                        + result.origin + "'");
                return null;
            }
            return new StoredCheckpoint(offset, note, checkpoint);
        } catch (CharacterCodingException e) {
            problem(file, offset, "checkpoint is not UTF-8");
        } catch (ProofException e) {
            problem(file, offset, "malformed checkpoint: " + e.getMessage());
        }
        return null;
    }

    // ------------------------------------------------------------------ segments

    private void scanSegments() throws IOException {
        List<Path> files = LogFiles.segments(dir);
        if (files.isEmpty()) {
            problem(dir, 0, "no segment files: not an audit log, or its segments were deleted");
            return;
        }
        boolean intact = true;
        for (int i = 0; i < files.size(); i++) {
            boolean last = i == files.size() - 1;
            intact = scanSegment(files.get(i), last, intact) && intact;
        }
    }

    /** Scans one segment; entries reach the tree only while everything before them was intact. */
    private boolean scanSegment(Path file, boolean last, boolean intact) throws IOException {
        ByteBuffer bytes = LogFiles.read(file);
        int problems = result.problems.size();
        Frames.Header header = header(file, bytes, Frames.SEGMENT_MAGIC);
        if (header == null) {
            if (result.problems.size() == problems) {
                if (last && intact) {
                    result.tornTails.add(new TornTail(file, 0, bytes.limit(), true));
                } else {
                    problem(file, 0, "the segment header is incomplete");
                }
            }
            return false;
        }
        String expectedName = LogFiles.segmentName(header.firstIndex());
        if (!file.getFileName().toString().equals(expectedName)) {
            problem(file, 0, "the header says the first entry is " + header.firstIndex() + ", the name disagrees");
            return false;
        }
        if (intact && header.firstIndex() != result.entries) {
            problem(file, 0, "index gap: the segment starts at entry " + header.firstIndex() + ", expected "
                    + result.entries);
            intact = false;
        }
        long offset = header.length();
        long entries = 0;
        while (true) {
            Frames.Kind kind = Frames.check(bytes, offset, crc);
            if (kind != Frames.Kind.FRAME) {
                long next = endOfFile(file, bytes, offset, kind, last && intact);
                if (next < 0) {
                    break;
                }
                // Damage with valid frames after it: count and check those frames too, for the report.
                intact = false;
                offset = next;
                continue;
            }
            if (intact) {
                intact = accept(file, offset, Frames.payload(bytes, offset));
            }
            entries++;
            offset += Frames.FRAME_OVERHEAD + Frames.payloadLength(bytes, offset);
        }
        result.segments.add(new Segment(file, header.firstIndex(), entries, offset, bytes.limit()));
        return intact && offset == bytes.limit();
    }

    /** Checks one entry and adds it to the tree; false when it breaks the log. */
    private boolean accept(Path file, long offset, byte[] payload) {
        LogEntry entry;
        try {
            entry = LogEntry.decode(payload, digest);
        } catch (MalformedRecordException e) {
            problem(file, offset, "malformed entry: " + e.getMessage());
            return false;
        }
        if (entry.index() != result.entries) {
            problem(file, offset, "entry " + entry.index() + " where entry " + result.entries
                    + " belongs: an entry was deleted, duplicated or moved");
            return false;
        }
        if (!Arrays.equals(entry.previousHashUnsafe(), result.chainHead)) {
            problem(file, offset, "entry " + entry.index() + " does not link to the entry before it: the chain is broken");
            return false;
        }
        if (entry.event() instanceof KeyAnnouncement a && !a.keyName().equals(result.origin)) {
            problem(file, offset, KeyChain.foreignKey(entry.index(), a, result.origin));
        }
        addToTree(file, entry);
        listener.accept(entry);
        return true;
    }

    private void addToTree(Path file, LogEntry entry) {
        byte[] leaf = entry.leafHashUnsafe();
        result.tree.append(leaf);
        result.entries++;
        result.chainHead = leaf;
        result.leavesSinceLastCheckpoint.add(leaf);
        if (entry.event() instanceof RoundRecord) {
            result.rounds++;
        } else if (entry.event() instanceof KeyAnnouncement a && a.keyName().equals(result.origin)) {
            result.announcements.add(new Announcement(entry.index(), a));
        } else if (entry.event() instanceof TailCut) {
            result.tailCuts.add((TailCut) entry.event());
        } else if (entry.event() instanceof RngHealthRecord) {
            result.healthEvents++;
        }
        while (nextCheckpoint < result.checkpoints.size()
                && result.checkpoints.get(nextCheckpoint).checkpoint().size() == result.entries) {
            StoredCheckpoint stored = result.checkpoints.get(nextCheckpoint++);
            if (!MessageDigest.isEqual(stored.checkpoint().rootHash(), result.tree.root())) {
                problem(dir.resolve(LogFiles.CHECKPOINTS), stored.offset(), "the checkpoint of size "
                        + stored.checkpoint().size() + " does not match the entries: its root hash differs");
            }
            result.treeAtLastCheckpoint = result.tree.copy();
            result.leavesSinceLastCheckpoint.clear();
        }
    }

    private void checkCheckpointsCovered() {
        for (int i = nextCheckpoint; i < result.checkpoints.size(); i++) {
            StoredCheckpoint stored = result.checkpoints.get(i);
            problem(dir.resolve(LogFiles.CHECKPOINTS), stored.offset(), "a signed checkpoint covers "
                    + stored.checkpoint().size() + " entries but only " + result.entries
                    + " are intact: signed entries are missing or damaged");
        }
    }

    // ------------------------------------------------------------------ shared

    private Frames.Header header(Path file, ByteBuffer bytes, byte[] magic) {
        try {
            Frames.Header header = Frames.readHeader(bytes, magic);
            if (header != null && result.origin == null) {
                result.origin = header.origin();
            } else if (header != null && !header.origin().equals(result.origin)) {
                problem(file, 0, "origin '" + header.origin() + "' is not the log's, '" + result.origin + "'");
                return null;
            }
            return header;
        } catch (MalformedRecordException e) {
            problem(file, 0, e.getMessage());
            return null;
        }
    }

    /**
     * What a bad or truncated frame at the end of the good ones means: a torn tail (the crash case) when
     * {@code mayBeTorn} and no valid frame follows, else damage. Returns the offset of the next valid
     * frame after damage, or -1.
     */
    private long endOfFile(Path file, ByteBuffer bytes, long offset, Frames.Kind kind, boolean mayBeTorn) {
        if (kind == Frames.Kind.END) {
            return -1;
        }
        long next = Frames.nextValidFrame(bytes, offset, crc);
        if (mayBeTorn && next < 0) {
            result.tornTails.add(new TornTail(file, offset, bytes.limit() - offset, kind == Frames.Kind.TRUNCATED));
            return -1;
        }
        problem(file, offset, (kind == Frames.Kind.BAD ? "damaged frame (length or CRC32C wrong)"
                : "incomplete frame") + (next >= 0 ? ", followed by a valid frame at offset " + next : ""));
        return next;
    }

    private void problem(Path file, long offset, String message) {
        result.problems.add(new LogProblem(dir.relativize(file).toString(), offset, message));
    }
}

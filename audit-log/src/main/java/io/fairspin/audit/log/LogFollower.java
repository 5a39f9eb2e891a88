package io.fairspin.audit.log;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.merkle.CompactRange;
import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.merkle.ProofException;
import io.fairspin.audit.record.KeyAnnouncement;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.MalformedRecordException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32C;

/**
 * Reads a log folder from the start and, polled again, what has been appended since: the reader behind
 * {@code fairspin monitor}. Read-only; it never takes the writer's lock, so it can follow a log that a
 * server is writing.
 *
 * <p>It checks, as it goes, every frame's CRC32C, the canonical encoding, index continuity across
 * segments and the hash chain, and each signed checkpoint: its root against the tree recomputed from the
 * entries, its signature by the key the log's key chain puts in force (as {@code audit verify}), that it is not smaller than one seen before
 * (rollback) nor of the same size with another root (split view). Between polls it notices a file that
 * shrank, checkpoints already read that changed (split view), the last entry read changed (its frame is read again
 * at each poll: a log rewritten with recomputed hashes, a split view), and new entries that do not link to the
 * entries read before. What it read is kept in memory: a new follower trusts the log as it finds it, unless it is told
 * what an earlier reading verified ({@link #expectExtending}), which the log must then extend. Each finding goes to the
 * {@link Listener} with its {@link Problem kind}; after a finding that breaks the chain it stops reading entries.
 *
 * <p>A frame still being written (incomplete, or with a CRC32C that does not match yet) at the end of the
 * newest segment is left for the next poll; {@link #finish()} reports it as a torn tail, as {@code audit verify}
 * does: a crash when the file ends inside the frame, damage when the frame is whole but wrong, and missing signed
 * entries when a checkpoint covers it.
 *
 * <p>A log that declares its checkpoint bound ({@code max_unsigned} in its key announcements) is held to it as it is
 * read: more entries between two checkpoints, or after the last one at the end of a poll, are
 * {@link Problem#UNSIGNED_ENTRIES}. A log that declares none is judged at {@link #finish()} by the interval inferred
 * from its checkpoints.
 */
public final class LogFollower implements AutoCloseable {
    /** What kind of problem the follower found. */
    public enum Problem {
        /** A damaged frame, an entry that does not decode or does not link, a bad file header. */
        CORRUPT,
        /** A missing segment or entry index. */
        GAP,
        /** A file shrank, or a checkpoint is smaller than one seen before: the log went back. */
        ROLLBACK,
        /**
         * A checkpoint of a size seen before with another root, checkpoints already read changed, or entries rewritten
         * after being read.
         */
        SPLIT_VIEW,
        /** A checkpoint whose root differs from the entries, or whose signature does not verify. */
        CHECKPOINT,
        /** An incomplete frame at the end of the log when reading finished. */
        TORN_TAIL,
        /** More entries after a checkpoint than the log's checkpoint bound allows: checkpoints were deleted. */
        UNSIGNED_ENTRIES
    }

    /** Receives what the follower reads, in log order. */
    public interface Listener {
        /**
         * An intact entry, chained to the one before it.
         *
         * @param entry the entry
         */
        void entry(LogEntry entry);

        /**
         * Work on an entry that depends on no other entry (parsing a round's outcome, checking it against its
         * model), done before the entry is {@linkplain #entry(LogEntry, Object) delivered}: possibly on another
         * thread, concurrently with other entries, in any order, and also for entries that then turn out not to
         * link. Must be thread-safe. Returns what {@link #entry(LogEntry, Object)} gets; by default nothing.
         *
         * @param entry a decoded entry, not yet checked against the chain (it may turn out not to link)
         * @return what to hand to {@link #entry(LogEntry, Object)} with the entry; null for nothing
         */
        default Object prepare(LogEntry entry) {
            return null;
        }

        /**
         * An intact entry, in log order, with what {@link #prepare} returned for it; by default {@link #entry(LogEntry)}.
         *
         * @param entry the entry, chained to the one before it
         * @param prepared what {@link #prepare} returned for this entry; may be null
         */
        default void entry(LogEntry entry, Object prepared) {
            entry(entry);
        }

        /**
         * A signed checkpoint whose root matches the entries and whose signature verifies.
         *
         * @param checkpoint the checkpoint's tree size and root
         * @param note the signed note it came in
         */
        default void checkpoint(Checkpoint checkpoint, SignedNote note) {
        }

        /**
         * A problem; {@code index} is the entry index concerned, or -1.
         *
         * @param kind the kind of problem
         * @param index the entry's index, or -1
         * @param problem the problem with its file and offset
         */
        void problem(Problem kind, long index, LogProblem problem);

        /**
         * The end of a {@link LogFollower#poll()}: everything read so far was delivered. A listener that deferred work
         * on what it was given finishes it here, so that after a poll it has taken in all of it; by default nothing.
         */
        default void polled() {
        }
    }

    private static final int MAX_READ = 16 << 20;
    /** Frames decoded together, as one task. */
    private static final int BATCH = 256;
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(MerkleTree::sha256);

    private final Path dir;
    private final Listener listener;
    private final CRC32C crc = new CRC32C();
    private final ExecutorService pool;
    private final int threads;
    private final int chunkBytes;

    private String origin;
    private Path segment;
    private long segmentFirst = -1;
    private long segmentOffset;
    private long entries;
    /** Bytes of the segments read before the current one (headers and whole frames). */
    private long bytesOfSegmentsDone;
    private byte[] chainHead = LogEntry.genesisLink();
    private final CompactRange tree = new CompactRange();
    private CompactRange treeAtCheckpoint = new CompactRange();
    private final List<byte[]> leavesSinceCheckpoint = new ArrayList<>();
    private boolean broken;
    /** Where the last entry accepted lies: its segment and the offset of its frame, checked again at each poll. */
    private Path lastFrameSegment;
    private long lastFrameOffset;
    private int lastFrameLength;
    private boolean tailPending;
    private boolean tailTruncated;
    private long tailOffset;
    /** The key announcements read, in order: where each checkpoint bound is declared. */
    private final List<LogScanner.Announcement> announcements = new ArrayList<>();
    /** The bound in force after the last checkpoint; 0 when the log declares none. */
    private long boundInForce;
    private long allowUnsigned;
    /** The size of the last checkpoint after which too many entries were reported; -1 when none was. */
    private long unsignedReportedAfter = -1;

    private byte[] checkpointBytes = new byte[0];
    private long checkpointOffset;
    private boolean checkpointsBroken;
    private final Deque<Pending> pendingCheckpoints = new ArrayDeque<>();
    private Checkpoint lastCheckpoint;
    private SignedNote lastCheckpointNote;
    /** Checkpoints that checked out, of different sizes. */
    private long checkpointsRead;
    /** The most entries between two checkpoints that checked out (the first from size 0): a log's inferred interval. */
    private long inferredInterval;
    private boolean hadCheckpointsFile;

    /** Tree heads an earlier reading verified ({@link #expectExtending}) that the entries have not reached, smallest first. */
    private final Deque<Checkpoint> expected = new ArrayDeque<>();
    /** The size of the first of {@link #expected}; -1 when none is left. */
    private long nextExpectedSize = -1;
    /** The last signed checkpoint an earlier reading verified, or null. */
    private Checkpoint expectedCheckpoint;
    /** An expected tree head was not met: the log does not extend what an earlier reading verified. */
    private boolean expectedFailed;
    private boolean polledOnce;

    /**
     * A follower of the log in {@code dir}; nothing is read before {@link #poll()}.
     *
     * @param dir the log's folder
     * @param listener told of every entry, checkpoint and problem
     */
    public LogFollower(Path dir, Listener listener) {
        this(dir, listener, 1);
    }

    /**
     * A follower that decodes and hashes entries, and runs the listener's {@link Listener#prepare}, on
     * {@code threads} threads (1: on the calling thread alone), while the calling thread checks the chain, the
     * tree and the checkpoints and hands the entries to the listener in log order. {@link #close()} stops the
     * threads.
     *
     * @param dir the log's folder
     * @param listener told of every entry, checkpoint and problem; its {@link Listener#prepare} must be thread-safe
     *     when {@code threads} is more than 1
     * @param threads the decoding threads, at least 1
     * @throws IllegalArgumentException when {@code threads} is less than 1
     */
    public LogFollower(Path dir, Listener listener, int threads) {
        this(dir, listener, threads, MAX_READ);
    }

    /**
     * A follower that reads segments in chunks of at most {@code chunkBytes} (tests: small chunks, so that a small log
     * has frames split between chunks and chunks read ahead); each must hold the largest frame of the log.
     */
    LogFollower(Path dir, Listener listener, int threads, int chunkBytes) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + ", at least 1");
        }
        this.chunkBytes = chunkBytes;
        this.dir = dir;
        this.listener = listener;
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "fairspin-log-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Stops the decoding threads, if any. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /**
     * Entries read so far.
     *
     * @return the number of entries read
     */
    public long entries() {
        return entries;
    }

    /**
     * The log's origin, once a header was read; else null.
     *
     * @return the origin, or null
     */
    public String origin() {
        return origin;
    }

    /**
     * The last checkpoint that checked out, or null.
     *
     * @return the checkpoint, or null
     */
    public Checkpoint lastCheckpoint() {
        return lastCheckpoint;
    }

    /**
     * The signed note of {@link #lastCheckpoint()}, as the log holds it, or null.
     *
     * @return the note, or null
     */
    public SignedNote lastCheckpointNote() {
        return lastCheckpointNote;
    }

    /**
     * The log's origin as its files' headers name it (the checkpoints file's, else the first segment's), read before the
     * first poll so that what an earlier reading of this log verified can be looked up; null when neither file has a
     * readable header (missing, empty, or damaged: the poll reports the damage as it does without a store). The files
     * read later must name the same origin.
     *
     * @return the origin, or null
     * @throws java.io.IOException when a file cannot be read
     */
    public String readOrigin() throws IOException {
        if (origin == null) {
            Path checkpoints = dir.resolve(LogFiles.CHECKPOINTS);
            List<Path> segments = Files.isDirectory(dir) ? LogFiles.segments(dir) : List.of();
            origin = headerOrigin(checkpoints, Frames.CHECKPOINT_MAGIC);
            if (origin == null && !segments.isEmpty()) {
                origin = headerOrigin(segments.get(0), Frames.SEGMENT_MAGIC);
            }
        }
        return origin;
    }

    /** The origin in {@code file}'s header; null when the file is missing, empty or its header damaged (poll says so). */
    private static String headerOrigin(Path file, byte[] magic) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Frames.Header header = Frames.readHeader(head(channel), magic);
            return header == null ? null : header.origin();
        } catch (MalformedRecordException e) {
            return null;
        }
    }

    /** The first bytes of a log file, enough for its header (the file itself can be a segment of many megabytes). */
    private static ByteBuffer head(FileChannel channel) throws IOException {
        return read(channel, 0, (int) Math.min(channel.size(), 4096));
    }

    /**
     * Tells the follower what an earlier reading of this log verified, which the log must extend: {@code tree}, the
     * tree head (size and root) of every entry it read, and {@code checkpoint}, the last signed checkpoint it verified
     * (null when none). When the entries read reach either's size, their root must be its root, else
     * {@link Problem#SPLIT_VIEW} (the entries were rewritten); a first poll that ends with fewer entries than
     * {@code tree}'s size, or whose signed checkpoints end before {@code checkpoint}'s size, is a
     * {@link Problem#ROLLBACK}. Call it before the first poll.
     *
     * @param tree the tree head of the entries an earlier reading read
     * @param checkpoint the last signed checkpoint it verified, not larger than {@code tree}; or null
     * @throws IllegalStateException after the first poll
     * @throws IllegalArgumentException when the checkpoint is larger than the tree
     */
    public void expectExtending(Checkpoint tree, Checkpoint checkpoint) {
        if (polledOnce) {
            throw new IllegalStateException("expectExtending: the follower has polled already");
        }
        if (checkpoint != null && checkpoint.size() > tree.size()) {
            throw new IllegalArgumentException("a checkpoint of size " + checkpoint.size() + " beyond the tree's "
                    + tree.size() + " entries");
        }
        expected.clear();
        if (checkpoint != null && checkpoint.size() < tree.size()) {
            expected.add(checkpoint);
        }
        expected.add(tree);
        expectedCheckpoint = checkpoint;
        nextExpectedSize = expected.peek().size();
        checkExpected(null, 0);
    }

    /**
     * Whether the entries read extend what {@link #expectExtending} said an earlier reading verified (true when it was
     * not called): they reached its size with its root, and the signed checkpoints reached its checkpoint. Only then is
     * what was read a state to keep in its place.
     *
     * @return true when the log extends the earlier reading
     */
    public boolean extendsExpected() {
        return expected.isEmpty() && !expectedFailed;
    }

    /**
     * The tree head of the entries read so far: the log's origin, {@link #entries()} and {@link #rootHash()}.
     *
     * @return the tree head
     * @throws IllegalStateException when no header was read yet (no origin)
     */
    public Checkpoint treeHead() {
        if (origin == null) {
            throw new IllegalStateException("no log header read yet");
        }
        return new Checkpoint(origin, entries, tree.root());
    }

    /**
     * Accepts up to {@code n} entries after the last checkpoint even beyond the log's bound (a log still being written by
     * a writer that declares none); 0 by default. Set it before polling.
     *
     * @param n the unsigned entries accepted, at least 0
     * @return this follower
     */
    public LogFollower allowUnsigned(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("allowUnsigned: " + n + ", at least 0");
        }
        allowUnsigned = n;
        return this;
    }

    /**
     * The bytes of the segment files read so far: their headers and the whole frames of the entries read.
     *
     * @return the bytes read and checked
     */
    public long segmentBytes() {
        return bytesOfSegmentsDone + (segment == null ? 0 : segmentOffset);
    }

    /**
     * The root hash (RFC 9162) of the Merkle tree of the entries read so far: it commits to every entry's bytes.
     *
     * @return the 32-byte root hash of the {@link #entries()} entries read
     */
    public byte[] rootHash() {
        return tree.root();
    }

    /**
     * The log's checkpoints file (which may not exist).
     *
     * @return the path of the checkpoints file in the log's folder
     */
    public Path checkpointsFile() {
        return dir.resolve(LogFiles.CHECKPOINTS);
    }

    /**
     * Whether what was read ends cleanly: no problem stopped the reading and no incomplete or damaged frame is left at
     * the end, so the segment files hold exactly the {@link #segmentBytes()} bytes read.
     *
     * @return true when the segments were read to their end
     */
    public boolean endsCleanly() {
        return !broken && !tailPending;
    }

    /**
     * Reads everything appended since the last poll. Returns whether anything new was read.
     *
     * @return true when anything new was read
     * @throws NoSuchFileException when the folder does not exist
     * @throws java.io.IOException when the log cannot be read
     */
    public boolean poll() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no such log folder");
        }
        long before = entries;
        long checkpointsBefore = checkpointsRead;
        // Checkpoints first: every checkpoint read now covers only entries already durable, so it is
        // checked at the latest when this poll's entries are in.
        readCheckpoints();
        checkLastEntryUnchanged();
        // The entries read by the last poll against the checkpoints read now: every checkpoint their writer had to
        // sign before writing them is durable, and read.
        checkPendingCheckpoints();
        checkUnsigned(false);
        readSegments();
        checkPendingCheckpoints();
        if (!polledOnce) {
            polledOnce = true;
            checkExpectedReached();
        }
        listener.polled();
        return entries != before || checkpointsRead != checkpointsBefore;
    }

    /**
     * Ends reading, as {@code audit verify} judges the end of a log: signed checkpoints that cover more entries than
     * are intact; a frame left at the end of the newest segment, a torn tail when the file ends inside it, else damage;
     * for a log that declares no checkpoint bound, more entries after the last checkpoint than its inferred interval.
     */
    public void finish() {
        Pending uncovered = pendingCheckpoints.peek();
        try {
            readCheckpoints(); // the checkpoints a writer signed while the segments were read
        } catch (IOException e) {
            // judged by the checkpoints read before
        }
        checkPendingCheckpoints();
        boolean signedMissing = uncovered != null && uncovered.checkpoint() != null && !broken && !checkpointsBroken;
        if (signedMissing) {
            problem(Problem.CHECKPOINT, entries, dir.resolve(LogFiles.CHECKPOINTS), checkpointOffset, "a signed"
                    + " checkpoint covers " + uncovered.checkpoint().size() + " entries but only " + entries
                    + " are intact: signed entries are missing or damaged (a writer's open refuses the log)");
        }
        if (tailPending && !broken && !tailTruncated) {
            problem(Problem.CORRUPT, entries, segment, tailOffset, "the last frame of the newest segment is whole but"
                    + " its length or CRC32C is wrong: damage, or a torn write after a power loss (the next open cuts"
                    + " and logs it)");
        } else if (tailPending && !broken && !signedMissing) {
            problem(Problem.TORN_TAIL, entries, segment, tailOffset, "the newest segment ends inside a frame: a torn"
                    + " tail, half-written when the writer stopped (a crash, not tampering; the next open cuts and logs"
                    + " it)");
        }
        checkUnsigned(true);
        if (hadCheckpointsFile && checkpointsRead == 0 && pendingCheckpoints.isEmpty() && entries > 0) {
            problem(Problem.CHECKPOINT, -1, dir.resolve(LogFiles.CHECKPOINTS), 0, "no signed checkpoint");
        }
        if (!hadCheckpointsFile && entries > 0) {
            problem(Problem.CHECKPOINT, -1, dir.resolve(LogFiles.CHECKPOINTS), 0,
                    "the checkpoints file is missing: no signed checkpoint");
        }
    }

    // ------------------------------------------------------------------ segments

    /**
     * The frame of the last entry read must still hold that entry: a log whose entries were rewritten with recomputed
     * hashes (another history, of any length) changes it, since every later link changes. One frame read per poll.
     */
    private void checkLastEntryUnchanged() throws IOException {
        if (broken || lastFrameSegment == null || !Files.exists(lastFrameSegment)) {
            return; // a deleted segment is reported where it is read
        }
        try (FileChannel channel = FileChannel.open(lastFrameSegment, StandardOpenOption.READ)) {
            long size = channel.size();
            int frameLength = Frames.FRAME_OVERHEAD + lastFrameLength;
            if (size < lastFrameOffset + frameLength) {
                brokenProblem(Problem.ROLLBACK, entries - 1, lastFrameSegment, Math.min(size, lastFrameOffset),
                        "the segment shrank: entry " + (entries - 1) + ", read earlier at offset " + lastFrameOffset
                        + ", is gone: the log was rolled back");
                return;
            }
            ByteBuffer frame = read(channel, lastFrameOffset, frameLength);
            boolean same = Frames.check(frame, 0, crc) == Frames.Kind.FRAME && MessageDigest.isEqual(chainHead,
                    MerkleTree.leafHash(DIGEST.get(), frame.array(), Frames.FRAME_OVERHEAD, lastFrameLength));
            if (!same) {
                brokenProblem(Problem.SPLIT_VIEW, entries - 1, lastFrameSegment, lastFrameOffset, "entry "
                        + (entries - 1) + " changed since it was read: the entries already read were rewritten");
            }
        }
    }

    private void readSegments() throws IOException {
        while (!broken) {
            if (segment == null) {
                if (!openNextSegment()) {
                    return;
                }
            }
            if (!Files.exists(segment)) {
                brokenProblem(Problem.ROLLBACK, entries, segment, 0, "the segment being read was deleted");
                return;
            }
            boolean complete = readSegment();
            if (broken || !complete) {
                return;
            }
            // The segment ended cleanly: move on when the next one exists.
            Path next = dir.resolve(LogFiles.segmentName(entries));
            if (!Files.exists(next)) {
                checkForGap();
                return;
            }
            bytesOfSegmentsDone += segmentOffset;
            segment = null;
        }
    }

    private boolean openNextSegment() throws IOException {
        Path next = dir.resolve(LogFiles.segmentName(entries));
        if (!Files.exists(next)) {
            checkForGap();
            return false;
        }
        segment = next;
        segmentFirst = entries;
        segmentOffset = 0;
        return true;
    }

    /** A segment that starts after the entries read so far, with none at the next index: entries are missing. */
    private void checkForGap() throws IOException {
        for (Path file : LogFiles.segments(dir)) {
            long first = Long.parseLong(file.getFileName().toString().substring(0, 20));
            if (first > entries && !tailPending) {
                brokenProblem(Problem.GAP, entries, file, 0, "index gap: the segment starts at entry " + first
                        + ", expected " + entries);
                return;
            }
        }
        if (entries == 0 && LogFiles.segments(dir).isEmpty() && Files.exists(dir.resolve(LogFiles.CHECKPOINTS))
                && checkpointsRead > 0) {
            brokenProblem(Problem.ROLLBACK, 0, dir, 0, "no segment files, but the log has signed checkpoints");
        }
    }

    /** Reads the current segment from where the last poll stopped; true when it ends on a frame boundary. */
    private boolean readSegment() throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            try {
                return readSegment(channel);
            } finally {
                // A chunk read ahead is used by the next turn of the loop or settled where the loop stops; this is for
                // an exception thrown in between: no read of this channel outlives it.
                if (aheadRead != null) {
                    settle(aheadRead);
                    aheadRead = null;
                }
            }
        }
    }

    /** {@link #readSegment()} on the segment's open channel. */
    private boolean readSegment(FileChannel channel) throws IOException {
        long size = channel.size();
        if (segmentOffset == 0) {
            ByteBuffer head = head(channel);
            Frames.Header header;
            try {
                header = Frames.readHeader(head, Frames.SEGMENT_MAGIC);
            } catch (MalformedRecordException e) {
                brokenProblem(Problem.CORRUPT, entries, segment, 0, e.getMessage());
                return false;
            }
            if (header == null) {
                tailPending = true;
                tailTruncated = true;
                tailOffset = 0;
                return false;
            }
            if (!checkOrigin(header.origin(), segment)) {
                return false;
            }
            if (header.firstIndex() != segmentFirst) {
                brokenProblem(Problem.CORRUPT, entries, segment, 0, "the header says the first entry is "
                        + header.firstIndex() + ", the name disagrees");
                return false;
            }
            segmentOffset = header.length();
        }
        if (size < segmentOffset) {
            brokenProblem(Problem.ROLLBACK, entries, segment, size, "the segment shrank from " + segmentOffset
                    + " to " + size + " bytes after entries were read: the log was rolled back");
            return false;
        }
        while (segmentOffset < size) {
            long chunkStart = segmentOffset;
            ByteBuffer bytes = nextChunk(channel, chunkStart, (int) Math.min(size - chunkStart, chunkBytes));
            // The whole frames of the chunk, up to the first that is not; their CRC32Cs are checked as they are
            // decoded, and the first that does not match ends the frames as a damaged frame here did.
            int[] starts = frameStarts;
            int frames = 0;
            int at = 0;
            Frames.Kind kind;
            while ((kind = Frames.span(bytes, at)) == Frames.Kind.FRAME) {
                if (frames == starts.length) {
                    starts = Arrays.copyOf(starts, frames * 2);
                }
                starts[frames++] = at;
                at += Frames.FRAME_OVERHEAD + Frames.payloadLength(bytes, at);
            }
            frameStarts = starts;
            // Where the next chunk starts when this one ends on a frame boundary or inside a whole frame: it is
            // read on a decoding thread while this chunk's last batches are decoded.
            long next = chunkStart + at;
            boolean more = at > 0 && next < size && (kind == Frames.Kind.END
                    || kind == Frames.Kind.TRUNCATED && chunkStart + bytes.limit() < size);
            Callable<ByteBuffer> readAhead = more && pool != null
                    ? () -> fill(spare, channel, next, (int) Math.min(size - next, chunkBytes)) : null;
            int accepted = acceptAll(bytes, starts, frames, chunkStart, readAhead);
            if (accepted != frames) {
                if (accepted < 0) {
                    return false;
                }
                kind = Frames.Kind.BAD; // a frame whose CRC32C does not match
                at = starts[accepted];
            }
            if (kind != Frames.Kind.END) {
                boolean splitFrame = kind == Frames.Kind.TRUNCATED && chunkStart + bytes.limit() < size && at > 0;
                if (!splitFrame) {
                    return pendingTail(bytes, at, chunkStart, kind == Frames.Kind.TRUNCATED);
                }
                // the chunk ended inside a frame: read on from it
            }
            segmentOffset = chunkStart + at;
            if (at == 0) {
                return pendingTail(bytes, 0, chunkStart, true);
            }
        }
        tailPending = false;
        return true;
    }

    /**
     * An entry decoded from its frame (or why it does not decode), with what the listener prepared for it and what
     * the decoding thread found out for the reading thread, which then reads this one object rather than the entry's
     * arrays and event.
     */
    private static final class Decoded {
        LogEntry entry;
        MalformedRecordException malformed;
        Object prepared;
        /** The frame's CRC32C does not match: nothing was decoded. */
        boolean damaged;
        /** The entry's previous hash equals the leaf hash of the entry decoded before it in the same batch. */
        boolean linksToNeighbour;
        /** The entry announces a key. */
        boolean announcesKey;
    }

    private static final ThreadLocal<CRC32C> CRC = ThreadLocal.withInitial(CRC32C::new);

    /**
     * Decodes the frames at {@code starts} (payload copy, strict decoding, leaf hash, the listener's
     * {@link Listener#prepare}) in batches, on the pool's threads when there is one, and accepts them in log order
     * on this thread as the batches complete. False when an entry broke the chain.
     */
    private int acceptAll(ByteBuffer chunk, int[] starts, int frames, long chunkStart, Callable<ByteBuffer> readAhead) {
        if (pool == null) {
            for (int from = 0; from < frames; from += BATCH) {
                Decoded[] batch = decode(chunk, starts, from, Math.min(frames, from + BATCH));
                int accepted = acceptBatch(batch, starts, from, chunkStart);
                if (accepted != batch.length) {
                    return accepted < 0 ? accepted : from + accepted;
                }
            }
            return frames;
        }
        // A window of batches in flight (a few per thread), not the whole chunk: the decoded entries waiting to be
        // accepted stay few, so the heap and the collector stay small while every thread is kept busy.
        int batchCount = (frames + BATCH - 1) / BATCH;
        int window = Math.max(2, 4 * threads);
        Deque<Future<Decoded[]>> inFlight = new ArrayDeque<>();
        int submitted = 0;
        boolean done = false;
        try {
            for (int b = 0; b < batchCount; b++) {
                while (submitted < batchCount && submitted < b + window) {
                    int first = submitted * BATCH;
                    int end = Math.min(frames, first + BATCH);
                    inFlight.add(pool.submit(() -> decode(chunk, starts, first, end)));
                    submitted++;
                    if (submitted == batchCount && readAhead != null) {
                        aheadRead = pool.submit(readAhead);
                    }
                }
                Decoded[] batch = await(inFlight.poll());
                int accepted = acceptBatch(batch, starts, b * BATCH, chunkStart);
                if (accepted != batch.length) {
                    return accepted < 0 ? accepted : b * BATCH + accepted;
                }
            }
            done = true;
            return frames;
        } finally {
            // Batches still in flight read the chunk's buffer, which the next read reuses: wait for them, and for a
            // read ahead that will not be used (it fills the other buffer).
            inFlight.forEach(LogFollower::settle);
            if (!done && aheadRead != null) {
                settle(aheadRead);
                aheadRead = null;
            }
        }
    }

    /** Waits for a task no longer needed, whatever it ends with; an interrupt is kept for the caller. */
    private static void settle(Future<?> batch) {
        try {
            await(batch);
        } catch (RuntimeException | Error ignored) {
            // the batch is dropped: the first failure was already thrown, or the reading stopped before it
        }
    }

    /** What a task returns; an interrupt waits for it (entries are never half read) and is kept for the caller. */
    private static <T> T await(Future<T> batch) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return batch.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException failed) {
                    throw rethrow(failed);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException rethrow(ExecutionException failed) {
        Throwable cause = failed.getCause();
        if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new IllegalStateException(cause);
    }

    /**
     * Accepts the batch's entries in order: how many were accepted, up to the first damaged frame; -1 when an entry
     * broke the chain.
     */
    private int acceptBatch(Decoded[] batch, int[] starts, int first, long chunkStart) {
        for (int i = 0; i < batch.length; i++) {
            if (batch[i].damaged) {
                return i;
            }
            if (!accept(batch[i], i > 0, chunkStart + starts[first + i])) {
                return -1;
            }
        }
        return batch.length;
    }

    /**
     * Runs on any thread: decodes the frames {@code from} to {@code to} of the chunk, each from a copy of its payload
     * (its CRC32C, decoding and leaf hash read the copy while it is in the cache), and checks whether each links to the
     * one before it in the batch; the reading thread checks the first against the chain's head.
     */
    private Decoded[] decode(ByteBuffer chunk, int[] starts, int from, int to) {
        MessageDigest sha = DIGEST.get();
        CRC32C crc = CRC.get();
        Decoded[] out = new Decoded[to - from];
        byte[] neighbourLeaf = null;
        for (int i = from; i < to; i++) {
            Decoded d = new Decoded();
            out[i - from] = d;
            int start = starts[i];
            int length = chunk.getInt(start);
            byte[] payload = new byte[length];
            chunk.get(start + Frames.FRAME_OVERHEAD, payload);
            if (!Frames.crcMatches(length, payload, chunk.getInt(start + 4), crc)) {
                d.damaged = true;
                neighbourLeaf = null;
                continue;
            }
            try {
                LogEntry entry = LogEntry.decode(payload, sha);
                d.entry = entry;
                d.linksToNeighbour = neighbourLeaf != null && Arrays.equals(entry.previousHashUnsafe(), neighbourLeaf);
                d.announcesKey = entry.event() instanceof KeyAnnouncement;
                neighbourLeaf = entry.leafHashUnsafe();
                d.prepared = listener.prepare(entry);
            } catch (MalformedRecordException e) {
                d.malformed = e;
                neighbourLeaf = null;
            }
        }
        return out;
    }

    /**
     * A bad or incomplete frame: damage when a valid frame follows it, else a write in progress ({@code truncated}: the
     * file ends inside it).
     */
    private boolean pendingTail(ByteBuffer bytes, int at, long chunkStart, boolean truncated) {
        segmentOffset = chunkStart + at;
        long next = Frames.nextValidFrame(bytes, at, crc);
        if (next >= 0) {
            brokenProblem(Problem.CORRUPT, entries, segment, chunkStart + at,
                    "damaged frame, followed by a valid frame at offset " + (chunkStart + next));
            return false;
        }
        tailPending = true;
        tailTruncated = truncated;
        tailOffset = chunkStart + at;
        return false;
    }

    /**
     * The chunk's buffer and a spare one, reused from chunk to chunk and swapped when the next chunk was read ahead
     * into the spare: direct, so that the file is read straight into them (a heap buffer is read through a temporary
     * direct buffer and copied). Every entry decoded from a chunk is copied out, and every batch reading it has ended,
     * before its buffer is read into again.
     */
    private ByteBuffer chunk;
    private ByteBuffer spare;
    /** The next chunk, being read into the spare buffer on a decoding thread; null when none is. */
    private Future<ByteBuffer> aheadRead;
    private int[] frameStarts = new int[64];

    /** The chunk at {@code position}: the one read ahead when there is one (always the next), else read now. */
    private ByteBuffer nextChunk(FileChannel channel, long position, int length) throws IOException {
        if (aheadRead != null) {
            Future<ByteBuffer> read = aheadRead;
            aheadRead = null;
            ByteBuffer ahead;
            try {
                ahead = await(read);
            } catch (IllegalStateException e) {
                if (e.getCause() instanceof IOException) {
                    throw (IOException) e.getCause();
                }
                throw e;
            }
            spare = chunk;
            chunk = ahead;
            return ahead;
        }
        chunk = fill(chunk, channel, position, length);
        return chunk;
    }

    /** Reads {@code length} bytes at {@code position} into {@code buffer}, or into a larger one when it is too small. */
    private ByteBuffer fill(ByteBuffer buffer, FileChannel channel, long position, int length) throws IOException {
        if (buffer == null || buffer.capacity() < length) {
            int capacity = buffer == null ? length : Math.min(chunkBytes, Math.max(length, 2 * buffer.capacity()));
            buffer = ByteBuffer.allocateDirect(capacity);
        }
        ByteBuffer out = buffer.clear().limit(length);
        while (out.hasRemaining()) {
            if (channel.read(out, position + out.position()) < 0) {
                break;
            }
        }
        return out.flip();
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.flip();
    }

    /**
     * Checks an entry against the chain and appends it to the tree; {@code afterNeighbour} when the entry accepted
     * just before it is the one decoded before it in its batch, so that its link was checked there.
     */
    private boolean accept(Decoded decoded, boolean afterNeighbour, long offset) {
        if (decoded.malformed != null) {
            brokenProblem(Problem.CORRUPT, entries, segment, offset, "malformed entry: "
                    + decoded.malformed.getMessage());
            return false;
        }
        LogEntry entry = decoded.entry;
        if (entry.index() != entries) {
            brokenProblem(entry.index() > entries ? Problem.GAP : Problem.CORRUPT, entries, segment, offset, "entry "
                    + entry.index() + " where entry " + entries + " belongs: an entry was deleted, duplicated or moved");
            return false;
        }
        boolean links = afterNeighbour ? decoded.linksToNeighbour : Arrays.equals(entry.previousHashUnsafe(), chainHead);
        if (!links) {
            boolean firstOfPoll = offset == segmentOffset;
            brokenProblem(firstOfPoll && entries > 0 ? Problem.SPLIT_VIEW : Problem.CORRUPT, entries, segment, offset,
                    "entry " + entry.index() + " does not link to the entry before it"
                    + (firstOfPoll && entries > 0 ? " as read earlier: the entries already read were rewritten"
                    : ": the chain is broken"));
            return false;
        }
        byte[] leaf = entry.leafHashUnsafe();
        tree.append(leaf);
        leavesSinceCheckpoint.add(leaf);
        chainHead = leaf;
        lastFrameSegment = segment;
        lastFrameOffset = offset;
        lastFrameLength = entry.encodedLength();
        entries++;
        if (decoded.announcesKey) {
            KeyAnnouncement announcement = (KeyAnnouncement) entry.event();
            if (!announcement.keyName().equals(origin)) {
                problem(Problem.CORRUPT, entry.index(), segment, offset,
                        KeyChain.foreignKey(entry.index(), announcement, origin));
            } else {
                announcements.add(new LogScanner.Announcement(entry.index(), announcement));
            }
        }
        if (entries == nextExpectedSize) {
            checkExpected(segment, offset);
        }
        listener.entry(entry, decoded.prepared);
        checkPendingCheckpoints();
        return true;
    }

    // ------------------------------------------------------------------ what an earlier reading verified

    /** Checks the expected tree heads of the size just reached; the entry that reached it is at {@code offset}. */
    private void checkExpected(Path file, long offset) {
        while (!expected.isEmpty() && expected.peek().size() == entries) {
            Checkpoint head = expected.poll();
            if (!MessageDigest.isEqual(head.rootHash(), tree.root())) {
                expectedFailed = true;
                problem(Problem.SPLIT_VIEW, entries - 1, file == null ? dir : file, offset, "the first " + entries
                        + " entries have another root hash than the " + entries + " an earlier reading verified: the"
                        + " entries were rewritten since");
            }
        }
        nextExpectedSize = expected.isEmpty() ? -1 : expected.peek().size();
    }

    /**
     * At the end of the first poll, which read every entry on disk: fewer entries than an earlier reading verified, or
     * a last signed checkpoint smaller than the one it verified, is a rollback (unless a problem stopped the reading).
     */
    private void checkExpectedReached() {
        if (broken) {
            return;
        }
        if (!expected.isEmpty()) {
            long verified = expected.peekLast().size();
            expected.clear();
            nextExpectedSize = -1;
            expectedFailed = true;
            // where the log now ends: the end of the last whole frame of the segment read last
            problem(Problem.ROLLBACK, entries, segment == null ? dir : segment, segmentOffset, "the log has " + entries
                    + " entries, fewer than the "
                    + verified + " an earlier reading verified: the log was rolled back since");
        } else if (expectedCheckpoint != null && (lastCheckpoint == null
                || lastCheckpoint.size() < expectedCheckpoint.size())) {
            expectedFailed = true;
            problem(Problem.ROLLBACK, expectedCheckpoint.size(), dir.resolve(LogFiles.CHECKPOINTS), 0,
                    (lastCheckpoint == null ? "the log has no signed checkpoint" : "the log's last signed checkpoint"
                    + " has size " + lastCheckpoint.size()) + ", but an earlier reading verified one of size "
                    + expectedCheckpoint.size() + ": checkpoints were deleted since");
        }
    }

    // ------------------------------------------------------------------ checkpoints

    private void readCheckpoints() throws IOException {
        if (checkpointsBroken) {
            return;
        }
        Path file = dir.resolve(LogFiles.CHECKPOINTS);
        if (!Files.exists(file)) {
            if (hadCheckpointsFile) {
                checkpointsBroken = true;
                problem(Problem.ROLLBACK, -1, file, 0, "the checkpoints file was deleted after checkpoints were read");
            }
            return;
        }
        hadCheckpointsFile = true;
        ByteBuffer bytes = LogFiles.read(file);
        byte[] all = new byte[bytes.limit()];
        bytes.get(0, all);
        int seen = (int) Math.min(checkpointOffset, checkpointBytes.length);
        int common = Math.min(all.length, seen);
        int differs = Arrays.mismatch(all, 0, common, checkpointBytes, 0, common);
        if (all.length < seen || differs >= 0) {
            checkpointsBroken = true;
            long at = frameAt(differs >= 0 ? differs : all.length);
            if (differs < 0) {
                problem(Problem.ROLLBACK, -1, file, at, "the checkpoints file shrank from " + seen + " to "
                        + all.length + " bytes: checkpoints were deleted");
            } else {
                problem(Problem.SPLIT_VIEW, -1, file, at, "checkpoints already read were changed: the checkpoints file"
                        + " was rewritten");
            }
            return;
        }
        checkpointBytes = all;
        long offset = checkpointOffset;
        if (offset == 0) {
            Frames.Header header;
            try {
                header = Frames.readHeader(bytes, Frames.CHECKPOINT_MAGIC);
            } catch (MalformedRecordException e) {
                checkpointsBroken = true;
                problem(Problem.CORRUPT, -1, file, 0, e.getMessage());
                return;
            }
            if (header == null || !checkOrigin(header.origin(), file)) {
                return;
            }
            offset = header.length();
        }
        while (Frames.check(bytes, offset, crc) == Frames.Kind.FRAME) {
            byte[] payload = Frames.payload(bytes, offset);
            try {
                String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload)).toString();
                pendingCheckpoints.add(Pending.of(SignedNote.parse(text), offset));
            } catch (CharacterCodingException | ProofException e) {
                checkpointsBroken = true;
                problem(Problem.CHECKPOINT, -1, file, offset, "malformed checkpoint: " + e.getMessage());
                return;
            }
            offset += Frames.FRAME_OVERHEAD + Frames.payloadLength(bytes, offset);
        }
        checkpointOffset = offset;
    }

    /** The offset of the frame (of the checkpoints read) that holds byte {@code position}; 0 within the header. */
    private long frameAt(long position) {
        ByteBuffer read = ByteBuffer.wrap(checkpointBytes, 0, (int) checkpointOffset);
        long at;
        try {
            at = Frames.readHeader(read, Frames.CHECKPOINT_MAGIC).length();
        } catch (MalformedRecordException | RuntimeException e) {
            return 0;
        }
        if (position < at) {
            return 0;
        }
        while (at < checkpointOffset) {
            long next = at + Frames.FRAME_OVERHEAD + Frames.payloadLength(read, at);
            if (position < next) {
                return at;
            }
            at = next;
        }
        return at;
    }

    /**
     * A checkpoint read but not checked yet: its note, parsed once (or why it does not parse), and the offset of its
     * frame in the checkpoints file (where problems with it are reported, as {@code audit verify} does).
     */
    private record Pending(SignedNote note, Checkpoint checkpoint, ProofException malformed, long offset) {
        static Pending of(SignedNote note, long offset) {
            try {
                return new Pending(note, Checkpoint.parse(note.text()), null, offset);
            } catch (ProofException e) {
                return new Pending(note, null, e, offset);
            }
        }
    }

    /** Checks every pending checkpoint whose size the entries have reached. */
    private void checkPendingCheckpoints() {
        while (!pendingCheckpoints.isEmpty()) {
            Pending pending = pendingCheckpoints.peek();
            if (pending.malformed() != null) {
                pendingCheckpoints.clear();
                checkpointsBroken = true;
                problem(Problem.CHECKPOINT, -1, dir.resolve(LogFiles.CHECKPOINTS), pending.offset(),
                        "malformed checkpoint: " + pending.malformed().getMessage());
                return;
            }
            if (pending.checkpoint().size() > entries) {
                return;
            }
            pendingCheckpoints.poll();
            check(pending.checkpoint(), pending.note(), pending.offset());
        }
    }

    private void check(Checkpoint checkpoint, SignedNote note, long frameOffset) {
        Path file = dir.resolve(LogFiles.CHECKPOINTS);
        long size = checkpoint.size();
        if (!checkpoint.origin().equals(origin)) {
            problem(Problem.CHECKPOINT, size, file, frameOffset, "checkpoint origin '" + checkpoint.origin()
                    + "' is not the log's, '" + origin + "'");
            return;
        }
        if (lastCheckpoint != null && size < lastCheckpoint.size()) {
            problem(Problem.ROLLBACK, size, file, frameOffset, "checkpoint of size " + size
                    + " after one of size " + lastCheckpoint.size() + ": the log went backwards");
            return;
        }
        long base = treeAtCheckpoint.size();
        if (size < base) {
            return; // unreachable after the check above; kept for safety
        }
        CompactRange at;
        if (size == tree.size()) {
            at = tree.copy(); // the tree of the entries read is the checkpoint's: its nodes are not hashed again
        } else {
            at = treeAtCheckpoint.copy();
            for (long i = base; i < size; i++) {
                at.append(leavesSinceCheckpoint.get((int) (i - base)));
            }
        }
        byte[] root = at.root();
        if (!MessageDigest.isEqual(root, checkpoint.rootHash())) {
            boolean sameSize = lastCheckpoint != null && size == lastCheckpoint.size();
            problem(sameSize ? Problem.SPLIT_VIEW : Problem.CHECKPOINT, size, file, frameOffset,
                    "the checkpoint of size " + size + " does not match the entries: its root hash differs"
                    + (sameSize ? " from the checkpoint of the same size seen before (split view)" : ""));
            return;
        }
        if (announcements.isEmpty()) {
            problem(Problem.CHECKPOINT, size, file, frameOffset, "the checkpoint of size " + size
                    + " comes before any key of the log is announced (entry 0 announces the first)");
            return;
        }
        NoteVerifier signer = signerInForce();
        try {
            note.verify(signer);
        } catch (ProofException e) {
            problem(Problem.CHECKPOINT, size, file, frameOffset, "the checkpoint of size " + size
                    + " is not signed by the key the log's key chain puts in force: " + e.getMessage());
            return;
        }
        leavesSinceCheckpoint.subList(0, (int) (size - base)).clear();
        treeAtCheckpoint = at;
        long previous = lastCheckpoint == null ? 0 : lastCheckpoint.size();
        String gap = CheckpointBound.gap(previous, size, lastCheckpoint == null ? 0 : boundInForce);
        if (gap != null) {
            problem(Problem.UNSIGNED_ENTRIES, size, file, checkpointOffset, gap);
        }
        lastCheckpoint = checkpoint;
        lastCheckpointNote = note;
        boundInForce = CheckpointBound.inForce(announcements, size);
        if (checkpointsRead == 0 || size != previous) {
            checkpointsRead++;
            inferredInterval = Math.max(inferredInterval, size - previous);
        }
        listener.checkpoint(checkpoint, note);
    }

    /**
     * More entries after the last checkpoint than the log's bound (or {@link #allowUnsigned}) allows, reported once per
     * checkpoint: called with the checkpoints read after the entries (a writer signs before it passes its bound, so the
     * entries read are never more than the bound past the checkpoints read after them). A declared bound is checked at
     * every poll; with {@code atEnd}, a log that declares none is judged by its inferred interval.
     */
    private void checkUnsigned(boolean atEnd) {
        if (broken || lastCheckpoint == null || boundInForce == 0 && !atEnd
                || unsignedReportedAfter == lastCheckpoint.size()) {
            return;
        }
        String unsigned = CheckpointBound.unsigned(lastCheckpoint.size(), entries, boundInForce,
                boundInForce > 0 ? 0 : inferredInterval, allowUnsigned);
        if (unsigned != null) {
            unsignedReportedAfter = lastCheckpoint.size();
            problem(Problem.UNSIGNED_ENTRIES, lastCheckpoint.size(), dir.resolve(LogFiles.CHECKPOINTS), 0, unsigned);
        }
    }

    /**
     * The key that must sign the next checkpoint, by the log's key chain ({@link KeyChain}): entry 0's, and after each
     * checkpoint the last key announced before its size, so a key announced by anyone signs only once a checkpoint of
     * the key before it covers its announcement.
     */
    private NoteVerifier signerInForce() {
        long covered = lastCheckpoint == null ? 0 : lastCheckpoint.size();
        return KeyChain.keyAnnouncedBefore(announcements, covered, announcements.get(0).key().verifier());
    }

    // ------------------------------------------------------------------ shared

    private boolean checkOrigin(String found, Path file) {
        if (origin == null) {
            origin = found;
            return true;
        }
        if (!origin.equals(found)) {
            brokenProblem(Problem.CORRUPT, entries, file, 0, "origin '" + found + "' is not the log's, '" + origin + "'");
            return false;
        }
        return true;
    }

    private void brokenProblem(Problem kind, long index, Path file, long offset, String message) {
        broken = true;
        problem(kind, index, file, offset, message);
    }

    private void problem(Problem kind, long index, Path file, long offset, String message) {
        String name = file.equals(dir) ? "" : dir.relativize(file).toString();
        listener.problem(kind, index, new LogProblem(name, offset, message));
    }
}

package io.fairspin.audit.log;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.NoteSigner;
import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.merkle.CompactRange;
import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.merkle.ProofException;
import io.fairspin.audit.record.KeyAnnouncement;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.LogEvent;
import io.fairspin.audit.record.RngHealthRecord;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.audit.record.TailCut;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.zip.CRC32C;

/**
 * An append-only audit log of game rounds, as a game server writes it.
 *
 * <pre>{@code
 * try (AuditLog log = AuditLog.create(dir, "casino.example/tables", operatorKey)) {
 *     Receipt r = log.append(round);          // returns once the round is durable
 *     SignedNote checkpoint = log.checkpoint();
 * }
 * }</pre>
 *
 * <p>Entries are encoded and chained in the caller's thread, in submission order; one writer thread
 * writes whatever has queued up and makes it durable with one {@code force} (group commit), then
 * acknowledges every entry of the batch. Many threads calling {@link #append}, or one calling
 * {@link #submit} many times, share syncs. A failed write or sync is fatal ({@link LogFailedException}):
 * it is never retried, and the log accepts nothing more.
 *
 * <p>{@link #open} recovers: a torn tail (the crash case) is saved under {@code cut/}, cut off, and the
 * cut logged as a {@link TailCut} entry; any other damage, or a loss below the last signed checkpoint,
 * throws {@link LogCorruptedException} naming file and offset. A checkpoint is signed only after the
 * log has checked a consistency proof from the previous checkpoint to it.
 *
 * <p>The log declares its checkpoint bound ({@link Options#checkpointEvery}) in its key announcements, and the
 * writer keeps it even across a crash: it never writes an entry that would put more than that many after the last
 * durable checkpoint, but signs one first. {@link #open} refuses a log whose checkpoints do not keep the bound it
 * declares (checkpoints were deleted), and declares its own bound when the log's differs.
 */
public final class AuditLog implements AutoCloseable {
    private static final int MAX_BATCH = 65_536;
    /** The checkpoint bound of {@link Options#defaults()}. */
    public static final long DEFAULT_CHECKPOINT_EVERY = 100_000;
    /** The largest checkpoint bound {@link Options#checkpointEvery} takes. */
    public static final long MAX_CHECKPOINT_EVERY = 1_000_000_000;

    /** Settings of a log writer. */
    public static final class Options {
        private long segmentBytes = 64L << 20;
        private long checkpointEvery = DEFAULT_CHECKPOINT_EVERY;
        private FramedFile.Forcer forcer = channel -> channel.force(false);

        /** The defaults, as {@link #defaults()}. */
        public Options() {
        }

        /**
         * The default options: 64 MiB segments, a checkpoint at least every {@value #DEFAULT_CHECKPOINT_EVERY}
         * entries.
         *
         * @return new options with the defaults
         */
        public static Options defaults() {
            return new Options();
        }

        /**
         * Start a new segment file when the current one would grow beyond this (default 64 MiB).
         *
         * @param bytes the largest segment file size, in bytes
         * @return these options
         */
        public Options segmentBytes(long bytes) {
            if (bytes < 4096 || bytes > (1L << 30)) {
                throw new IllegalArgumentException("segment size must be between 4 KiB and 1 GiB");
            }
            segmentBytes = bytes;
            return this;
        }

        /**
         * Signs a checkpoint whenever this many entries follow the last one (default
         * {@value #DEFAULT_CHECKPOINT_EVERY}), before writing more: the log declares it as its bound
         * ({@code max_unsigned}), which a verifier then holds it to, even after a crash. A caller may sign more often
         * ({@link #checkpoint()}), never less.
         *
         * @param entries the most entries after the last signed checkpoint, 1 to 10^9
         * @return these options
         */
        public Options checkpointEvery(long entries) {
            if (entries < 1 || entries > MAX_CHECKPOINT_EVERY) {
                throw new IllegalArgumentException("checkpoint bound: " + entries + ", must be between 1 and "
                        + MAX_CHECKPOINT_EVERY);
            }
            checkpointEvery = entries;
            return this;
        }

        /** Declares no bound and signs only when asked, as writers did before the bound existed (tests: old logs). */
        Options undeclared() {
            checkpointEvery = 0;
            return this;
        }

        Options forcer(FramedFile.Forcer value) {
            forcer = value;
            return this;
        }
    }

    /** One queued entry and the future acknowledged when it is durable; a null entry stops the writer. */
    private record Pending(LogEntry entry, CompletableFuture<Receipt> done) {
    }

    /** The last signed checkpoint and the tree's right edge at its size. */
    private record Signed(SignedNote note, Checkpoint checkpoint, CompactRange tree) {
    }

    private final Path dir;
    private final String origin;
    private final Options options;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final MessageDigest digest = MerkleTree.sha256();
    private final CRC32C crc = new CRC32C();
    private final Thread writer;
    private final List<TailCut> recoveredCuts;
    private final int headerLength;

    // Guarded by this: submission order and the chain.
    private long nextIndex;
    private byte[] chainHead;
    private volatile boolean closed;

    // Guarded by signing, which the writer thread takes (never this, which rotateKey holds while it waits for the
    // writer): the key state. A pending key takes over after the first checkpoint that covers its announcement.
    private final Object signing = new Object();
    private NoteSigner signer;
    private NoteVerifier activeKey;
    private NoteVerifier pendingKey;
    private long pendingKeyIndex;
    // Volatile, not guarded: the writer sets it without the lock, which rotateKey may hold while it waits.
    private volatile IOException failure;

    // Guarded by tree: what is durable, and the checkpoint bound: the one in force after the last checkpoint (0: none
    // declared, the writer signs only when asked) and the latest one a durable announcement declares.
    private final CompactRange tree;
    private final List<byte[]> leavesSinceCheckpoint;
    private Signed lastSigned;
    private long boundInForce;
    private long boundDeclared;

    private FramedFile segment;
    private final FramedFile checkpoints;

    private AuditLog(Path dir, String origin, Options options, FileChannel lockChannel, FileLock lock,
                     LogScanner.Result state, FramedFile segment, FramedFile checkpoints, List<TailCut> cuts) {
        this.dir = dir;
        this.origin = origin;
        this.options = options;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.segment = segment;
        this.checkpoints = checkpoints;
        this.recoveredCuts = List.copyOf(cuts);
        this.headerLength = Frames.header(Frames.SEGMENT_MAGIC, origin, 0).length;
        this.nextIndex = state.entries;
        this.chainHead = state.chainHead;
        this.tree = state.tree;
        this.leavesSinceCheckpoint = state.leavesSinceLastCheckpoint;
        this.writer = new Thread(this::writeLoop, "fairspin-audit-writer " + dir.getFileName());
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Creates a new log in {@code dir} (absent or empty): entry 0 announces the key, checkpoint 1 is signed.
     *
     * @param dir the log's folder, absent or empty
     * @param origin the log's name, the first line of its checkpoints
     * @param operatorKey the Ed25519 key pair that signs checkpoints
     * @return the open log
     * @throws java.io.IOException when the folder cannot be written
     */
    public static AuditLog create(Path dir, String origin, KeyPair operatorKey) throws IOException {
        return create(dir, origin, operatorKey, Options.defaults());
    }

    /**
     * Creates a new log with {@code options}, as {@link #create(Path, String, KeyPair)} does.
     *
     * @param dir the log's folder, absent or empty
     * @param origin the log's name, the first line of its checkpoints
     * @param operatorKey the Ed25519 key pair that signs checkpoints
     * @param options segment size and other settings
     * @return the open log
     * @throws java.io.IOException when the folder cannot be written
     */
    public static AuditLog create(Path dir, String origin, KeyPair operatorKey, Options options) throws IOException {
        NoteSigner signer = new NoteSigner(origin, operatorKey);
        Files.createDirectories(dir);
        try (var list = Files.list(dir)) {
            if (list.findAny().isPresent()) {
                throw new java.nio.file.FileAlreadyExistsException(dir.toString(), null, "not empty");
            }
        }
        FileChannel lockChannel = lockChannel(dir);
        FileLock lock = lock(dir, lockChannel);
        FramedFile segment = FramedFile.create(dir.resolve(LogFiles.segmentName(0)),
                Frames.header(Frames.SEGMENT_MAGIC, origin, 0), options.forcer);
        FramedFile checkpoints = FramedFile.create(dir.resolve(LogFiles.CHECKPOINTS),
                Frames.header(Frames.CHECKPOINT_MAGIC, origin, 0), options.forcer);
        AuditLog log = new AuditLog(dir, origin, options, lockChannel, lock, new LogScanner.Result(), segment,
                checkpoints, List.of());
        synchronized (log.signing) {
            log.signer = signer;
            log.activeKey = signer.verifier();
        }
        log.appendEvent(log.announce(operatorKey.getPublic()));
        log.checkpoint();
        return log;
    }

    /**
     * Opens an existing log for appending, after checking it and cutting a torn tail.
     *
     * @param dir the log's folder
     * @param operatorKey the Ed25519 key pair of the log's current key
     * @return the open log
     * @throws java.io.IOException when the log cannot be read or is damaged before its tail
     */
    public static AuditLog open(Path dir, KeyPair operatorKey) throws IOException {
        return open(dir, operatorKey, Options.defaults());
    }

    /**
     * Opens an existing log with {@code options}, as {@link #open(Path, KeyPair)} does.
     *
     * @param dir the log's folder
     * @param operatorKey the Ed25519 key pair of the log's current key
     * @param options segment size and other settings
     * @return the open log
     * @throws java.io.IOException when the log cannot be read or is damaged before its tail
     */
    public static AuditLog open(Path dir, KeyPair operatorKey, Options options) throws IOException {
        FileChannel lockChannel = lockChannel(dir);
        FileLock lock = lock(dir, lockChannel);
        try {
            LogScanner.Result state = LogScanner.scan(dir, entry -> { });
            if (!state.problems.isEmpty()) {
                throw new LogCorruptedException(state.problems);
            }
            // Check the key and the bound before cutting anything, so that a cut is always logged by the open that
            // made it.
            NoteSigner signer = requireCurrentKey(state, operatorKey);
            List<LogProblem> unbound = CheckpointBound.problems(state, 0, true);
            if (!unbound.isEmpty()) {
                throw new LogCorruptedException(unbound);
            }
            List<TailCut> cuts = new ArrayList<>();
            for (LogScanner.TornTail torn : state.tornTails) {
                cuts.add(TailCutter.cut(dir, torn));
            }
            if (!cuts.isEmpty()) {
                state = LogScanner.scan(dir, entry -> { });
                if (!state.clean()) {
                    throw new LogCorruptedException(state.problems.isEmpty()
                            ? List.of(new LogProblem(dir.toString(), 0, "still torn after the cut")) : state.problems);
                }
            }
            AuditLog log = resume(dir, options, lockChannel, lock, state, cuts, signer);
            try {
                log.finishRotation();
                log.declareBound();
            } catch (IOException | RuntimeException e) {
                try {
                    log.close();
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            return log;
        } catch (IOException | RuntimeException e) {
            if (lock.isValid()) {
                lock.release();
            }
            if (lockChannel.isOpen()) {
                lockChannel.close();
            }
            throw e;
        }
    }

    /** The signer for {@code operatorKey}, if it is the key that signs this log's next checkpoint. */
    private static NoteSigner requireCurrentKey(LogScanner.Result state, KeyPair operatorKey)
            throws LogCorruptedException {
        if (state.announcements.isEmpty() || state.announcements.get(0).index() != 0 || state.lastCheckpoint() == null) {
            throw new LogCorruptedException(List.of(new LogProblem(LogFiles.segmentName(0), 0,
                    "the log has no key announcement at entry 0 or no signed checkpoint")));
        }
        KeyChain keys = KeyChain.of(state.announcements, state.checkpoints);
        NoteVerifier active = keys.active();
        NoteSigner signer = new NoteSigner(state.origin, operatorKey);
        if (!signer.verifier().equals(active)) {
            throw new IllegalArgumentException("the signing key " + signer.fileKeyId()
                    + " is not this log's current checkpoint key (" + active.encode() + ")"
                    + (signer.verifier().equals(keys.pending()) ? "; a rotation to it is pending: open the log once"
                    + " with the current key to finish the rotation" : ""));
        }
        return signer;
    }

    private static AuditLog resume(Path dir, Options options, FileChannel lockChannel, FileLock lock,
                                   LogScanner.Result state, List<TailCut> cuts, NoteSigner signer)
            throws IOException {
        KeyChain keys = KeyChain.of(state.announcements, state.checkpoints);
        LogScanner.Segment last = state.segments.get(state.segments.size() - 1);
        FramedFile segment = FramedFile.append(last.file(), last.validEnd(), options.forcer);
        FramedFile checkpoints = FramedFile.append(dir.resolve(LogFiles.CHECKPOINTS), state.checkpointsValidEnd,
                options.forcer);
        AuditLog log = new AuditLog(dir, state.origin, options, lockChannel, lock, state, segment, checkpoints, cuts);
        LogScanner.StoredCheckpoint stored = state.lastCheckpoint();
        synchronized (log.signing) {
            log.signer = signer;
            log.activeKey = keys.active();
            log.pendingKey = keys.pending();
            log.pendingKeyIndex = state.announcements.get(state.announcements.size() - 1).index();
        }
        synchronized (log.tree) {
            log.lastSigned = new Signed(stored.note(), stored.checkpoint(), state.treeAtLastCheckpoint);
            log.boundInForce = CheckpointBound.inForce(state.announcements, stored.checkpoint().size());
            log.boundDeclared = CheckpointBound.inForce(state.announcements, Long.MAX_VALUE);
        }
        for (TailCut cut : cuts) {
            log.appendEvent(cut);
        }
        return log;
    }

    /**
     * Finishes a key rotation that a crash interrupted between the new key's durable announcement and the checkpoint
     * covering it: signs that checkpoint with the old key, which vouches for the new one as {@link #rotateKey} would
     * have, then closes the log and refuses to go on, since only the new key may sign from then on. Without this the
     * log would open and fail later, mid-traffic, at its first checkpoint after the switch.
     */
    private void finishRotation() throws IOException {
        NoteVerifier next;
        synchronized (signing) {
            if (pendingKey == null || pendingKey.equals(activeKey)) {
                return;
            }
            next = pendingKey;
        }
        checkpoint();
        close();
        throw new IllegalArgumentException("the log was opened in the middle of a key rotation: the checkpoint covering"
                + " the announcement of the new key is now signed with the old one, which is retired; reopen the log"
                + " with the new key " + next.encode());
    }

    /** This writer's announcement of {@code key}, declaring its checkpoint bound. */
    private KeyAnnouncement announce(java.security.PublicKey key) {
        return options.checkpointEvery == 0 ? new KeyAnnouncement(origin, key, System.currentTimeMillis())
                : new KeyAnnouncement(origin, key, System.currentTimeMillis(), options.checkpointEvery);
    }

    /**
     * Makes this writer's bound the log's when it differs (a log that declares none, or another): announces the
     * current key again with the bound, and signs a checkpoint over it, from which on it is in force. Not while a key
     * rotation is pending: the log must be reopened with the new key, whose open declares it.
     */
    private void declareBound() throws IOException {
        NoteVerifier current;
        synchronized (signing) {
            if (pendingKey != null || signer == null || options.checkpointEvery == 0) {
                return;
            }
            current = activeKey;
        }
        boolean declared;
        boolean inForce;
        synchronized (tree) {
            declared = boundDeclared == options.checkpointEvery;
            inForce = boundInForce == options.checkpointEvery;
        }
        if (!declared) {
            appendEvent(announce(current.publicKey()));
        }
        if (!declared || !inForce) {
            checkpoint();
        }
    }

    private static FileChannel lockChannel(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(dir.toString(), null, "no such log folder");
        }
        return FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private static FileLock lock(Path dir, FileChannel channel) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException(dir + ": the log is open for writing elsewhere");
        }
        return lock;
    }

    // ------------------------------------------------------------------ appending

    /**
     * Queues a round; the future completes when it is durable, or fails with {@link LogFailedException}.
     *
     * @param round the round to log
     * @return the receipt's future
     */
    public CompletableFuture<Receipt> submit(RoundRecord round) {
        return submitEvent(round);
    }

    /**
     * Appends a round and returns once it is durable.
     *
     * @param round the round to log
     * @return the round's index and leaf hash
     * @throws java.io.IOException when the log fails; it accepts nothing more then
     */
    public Receipt append(RoundRecord round) throws IOException {
        return appendEvent(round);
    }

    /**
     * Queues an event of the certified generator (a reseed, a health-test failure), so that a monitor reading
     * the log sees it among the rounds; the future completes when it is durable.
     *
     * @param event the generator's event
     * @return the receipt's future
     */
    public CompletableFuture<Receipt> submitHealth(RngHealthRecord event) {
        return submitEvent(event);
    }

    /**
     * Logs an event of the certified generator without waiting for it to be durable: the health listener a
     * game server gives its generator ({@code CertifiedRandom.builder().healthListener(log::logHealth)}).
     *
     * @param event the generator's reseed or failure, as its health listener receives it
     */
    public void logHealth(io.fairspin.rng.RngHealthEvent event) {
        submitHealth(RngHealthRecord.of(event));
    }

    /**
     * Appends an event of the certified generator and returns once it is durable.
     *
     * @param event the generator's event
     * @return the event's index and leaf hash
     * @throws java.io.IOException when the log fails; it accepts nothing more then
     */
    public Receipt appendHealth(RngHealthRecord event) throws IOException {
        return appendEvent(event);
    }

    private Receipt appendEvent(LogEvent event) throws IOException {
        try {
            return submitEvent(event).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            throw e;
        }
    }

    private synchronized CompletableFuture<Receipt> submitEvent(LogEvent event) {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the audit log is closed"));
        }
        LogEntry entry = LogEntry.create(nextIndex, chainHead, event, digest);
        nextIndex++;
        chainHead = entry.leafHashUnsafe();
        if (event instanceof KeyAnnouncement) {
            synchronized (signing) {
                pendingKey = ((KeyAnnouncement) event).verifier();
                pendingKeyIndex = entry.index();
            }
        }
        CompletableFuture<Receipt> done = new CompletableFuture<>();
        queue.add(new Pending(entry, done));
        return done;
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        boolean stop = false;
        try {
            while (!stop) {
                batch.clear();
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH);
                stop = batch.get(batch.size() - 1).entry() == null;
                if (stop) {
                    batch.remove(batch.size() - 1);
                }
                buffer = writeWithinBound(batch, buffer);
            }
        } catch (IOException | RuntimeException e) {
            fail(batch, e);
        } catch (InterruptedException e) {
            fail(batch, new IOException("the writer was interrupted"));
        } catch (Error e) {
            // Out of memory, say: the submitters still get their answer (else a server's requests wait forever).
            fail(batch, new IOException("the writer stopped: " + e, e));
            throw e;
        }
    }

    /**
     * Writes the batch durably and acknowledges it, in parts that keep the log's bound: when the next entry would put
     * more than the bound after the last checkpoint, a checkpoint is signed (and durable) before it is written. So no
     * crash ever leaves more unsigned entries on disk than the log declares.
     */
    private ByteBuffer writeWithinBound(List<Pending> batch, ByteBuffer buffer) throws IOException {
        int from = 0;
        while (from < batch.size()) {
            long room = roomBeforeCheckpoint();
            if (room == 0) {
                synchronized (signing) {
                    sign();
                }
                continue;
            }
            int to = from + (int) Math.min(batch.size() - from, room);
            List<Pending> part = batch.subList(from, to);
            buffer = writeDurably(part, buffer);
            acknowledge(part);
            from = to;
        }
        return buffer;
    }

    /** How many more entries may be written before a checkpoint must be signed; Long.MAX_VALUE without a bound. */
    private long roomBeforeCheckpoint() {
        synchronized (tree) {
            if (boundInForce == 0 || lastSigned == null) {
                return Long.MAX_VALUE;
            }
            return Math.max(0, boundInForce - (tree.size() - lastSigned.checkpoint().size()));
        }
    }

    private ByteBuffer writeDurably(List<Pending> batch, ByteBuffer buffer) throws IOException {
        if (batch.isEmpty()) {
            return buffer;
        }
        buffer.clear();
        long segmentSize = segment.size();
        for (Pending p : batch) {
            int frame = Frames.FRAME_OVERHEAD + p.entry().encodedLength();
            long used = segmentSize + buffer.position();
            if (used + frame > options.segmentBytes && used > headerLength) {
                flush(buffer);
                segment.force();
                rollSegment(p.entry().index());
                segmentSize = segment.size();
            }
            if (buffer.remaining() < frame) {
                buffer = grow(buffer, frame);
            }
            Frames.put(buffer, p.entry().encodedUnsafe(), crc);
        }
        flush(buffer);
        segment.force();
        return buffer;
    }

    private void flush(ByteBuffer buffer) throws IOException {
        buffer.flip();
        segment.write(buffer);
        buffer.clear();
    }

    private static ByteBuffer grow(ByteBuffer buffer, int frame) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + frame));
        buffer.flip();
        return bigger.put(buffer);
    }

    private void rollSegment(long firstIndex) throws IOException {
        segment.close();
        segment = FramedFile.create(dir.resolve(LogFiles.segmentName(firstIndex)),
                Frames.header(Frames.SEGMENT_MAGIC, origin, firstIndex), options.forcer);
    }

    private void acknowledge(List<Pending> batch) {
        synchronized (tree) {
            for (Pending p : batch) {
                tree.append(p.entry().leafHashUnsafe());
                leavesSinceCheckpoint.add(p.entry().leafHashUnsafe());
                if (p.entry().event() instanceof KeyAnnouncement) {
                    ((KeyAnnouncement) p.entry().event()).maxUnsigned().ifPresent(n -> boundDeclared = n);
                }
            }
        }
        for (Pending p : batch) {
            p.done().complete(new Receipt(p.entry().index(), p.entry().leafHashUnsafe()));
        }
    }

    /** What went wrong, for a message: the cause's own message, or its type when it has none. */
    private static String describe(Exception cause) {
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private void fail(List<Pending> batch, Exception cause) {
        LogFailedException e = new LogFailedException("the audit log could not make entries durable and accepts"
                + " no more (a failed sync is never retried; reopen the log to recover): " + describe(cause), cause);
        failure = e;
        batch.forEach(p -> p.done().completeExceptionally(e));
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        rest.stream().filter(p -> p.entry() != null).forEach(p -> p.done().completeExceptionally(e));
    }

    // ------------------------------------------------------------------ checkpoints

    /**
     * Signs a checkpoint of every durable entry (or returns the last one if nothing new is durable), after
     * checking a consistency proof from the previous checkpoint; the note is durable when returned.
     *
     * <p>Submitting never waits for a checkpoint: this holds only the signing lock (as the writer does when the bound
     * makes it sign), not the log's own lock, which submitters take to chain their entries.
     *
     * @return the signed checkpoint note
     * @throws java.io.IOException when the checkpoint cannot be written durably
     */
    public SignedNote checkpoint() throws IOException {
        synchronized (this) {
            requireHealthy();
        }
        synchronized (signing) {
            if (closed) { // closed meanwhile: close has signed the last checkpoint, and its files are closing
                throw new IllegalStateException("the audit log is closed");
            }
            return sign();
        }
    }

    /**
     * {@link #checkpoint()} without the checks of a log still open (close signs its last one after the writer ends;
     * the writer signs when the bound requires it); the caller holds {@link #signing}.
     */
    private SignedNote sign() throws IOException {
        if (signer == null) {
            throw new IllegalStateException("the log's checkpoint key is now " + activeKey.encode()
                    + "; reopen the log with that key");
        }
        long size;
        byte[] root;
        CompactRange snapshot;
        List<byte[]> newLeaves;
        Signed previous;
        long declared;
        synchronized (tree) {
            size = tree.size();
            root = tree.root();
            snapshot = tree.copy();
            newLeaves = new ArrayList<>(leavesSinceCheckpoint);
            previous = lastSigned;
            declared = boundDeclared;
        }
        if (previous != null && previous.checkpoint().size() == size) {
            return previous.note();
        }
        if (previous != null) {
            requireConsistent(previous, size, root, newLeaves);
        }
        Checkpoint checkpoint = new Checkpoint(origin, size, root);
        SignedNote note = SignedNote.sign(checkpoint.text(), signer);
        writeCheckpoint(note);
        synchronized (tree) {
            leavesSinceCheckpoint.subList(0, newLeaves.size()).clear();
            lastSigned = new Signed(note, checkpoint, snapshot);
            boundInForce = declared;
        }
        if (pendingKey != null && size > pendingKeyIndex) {
            if (!pendingKey.equals(activeKey)) {
                activeKey = pendingKey;
                signer = null;
            }
            pendingKey = null;
        }
        return note;
    }

    private void requireConsistent(Signed previous, long size, byte[] root, List<byte[]> newLeaves)
            throws LogFailedException {
        long m = previous.checkpoint().size();
        MerkleTree.SubtreeHashes newPart = MerkleTree.hashOfLeaves(newLeaves);
        MerkleTree.SubtreeHashes hashes = (start, end) -> {
            if (start >= m) {
                return newPart.hash(start - m, end - m);
            }
            byte[] node = previous.tree().node(start, end);
            if (node == null) {
                throw new IllegalStateException("no hash for [" + start + ", " + end + ") at size " + m);
            }
            return node;
        };
        try {
            List<byte[]> proof = MerkleTree.consistencyProof(m, size, hashes);
            MerkleTree.verifyConsistency(m, size, proof, previous.checkpoint().rootHash(), root);
        } catch (ProofException | IllegalStateException e) {
            LogFailedException fatal = new LogFailedException("refusing to sign a checkpoint of size " + size
                    + " that is not consistent with the signed one of size " + m + ": " + e.getMessage(), e);
            failure = fatal;
            throw fatal;
        }
    }

    private void writeCheckpoint(SignedNote note) throws IOException {
        byte[] text = note.encode().getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = ByteBuffer.allocate(Frames.FRAME_OVERHEAD + text.length);
        Frames.put(frame, text, new CRC32C());
        frame.flip();
        try {
            checkpoints.write(frame);
            checkpoints.force();
        } catch (IOException e) {
            LogFailedException fatal = new LogFailedException("writing the checkpoint failed: " + describe(e), e);
            failure = fatal;
            throw fatal;
        }
    }

    /**
     * Rotates the checkpoint key: logs the new key's announcement, signs a checkpoint covering it with the
     * current key (so the old key vouches for the new one), then signs with the new key from now on.
     *
     * @param next the new Ed25519 key pair
     * @throws java.io.IOException when the announcement or the checkpoint cannot be written durably
     */
    public synchronized void rotateKey(KeyPair next) throws IOException {
        NoteSigner nextSigner = new NoteSigner(origin, next);
        appendEvent(announce(next.getPublic()));
        checkpoint();
        synchronized (signing) {
            signer = nextSigner;
            activeKey = nextSigner.verifier();
        }
    }

    private void requireHealthy() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IllegalStateException("the audit log is closed");
        }
    }

    // ------------------------------------------------------------------ state

    /**
     * The log's origin: the first line of its checkpoints and the name of its key.
     *
     * @return the origin
     */
    public String origin() {
        return origin;
    }

    /**
     * The number of durable entries.
     *
     * @return the number of entries acknowledged as durable
     */
    public long size() {
        synchronized (tree) {
            return tree.size();
        }
    }

    /**
     * The torn tails that {@link #open} cut off (and logged), if any.
     *
     * @return the cuts, empty for a clean log
     */
    public List<TailCut> recoveredCuts() {
        return recoveredCuts;
    }

    /** Stops the writer once every entry submitted before it is durable, signs a final checkpoint of them when healthy, and releases the log. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(new Pending(null, null));
        }
        boolean interrupted = joinWriter();
        // Signed once the writer has made every entry submitted before close durable, so the last checkpoint
        // covers them all.
        IOException error = null;
        synchronized (signing) {
            if (failure == null && signer != null && !writer.isAlive()) {
                try {
                    sign();
                } catch (IOException e) {
                    error = e;
                }
            }
        }
        segment.close();
        checkpoints.close();
        lock.release();
        lockChannel.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (error != null) {
            throw error;
        }
    }

    /**
     * Waits for the writer to stop, even when the closing thread is interrupted (a command stopped by Ctrl-C closes
     * its log on an interrupted thread): giving up early would close the segment under the writer and leave the
     * rounds it was writing unsigned. Returns whether the thread was interrupted, for the caller to restore.
     */
    private boolean joinWriter() {
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }
}

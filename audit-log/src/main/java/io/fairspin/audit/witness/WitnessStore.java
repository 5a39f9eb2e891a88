package io.fairspin.audit.witness;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.merkle.ProofException;
import java.io.IOException;
import java.io.Closeable;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * What a witness or a monitor verified of logs, kept across runs: a witness's logs and, for each, the latest checkpoint it
 * cosigned; a monitor's state of each log it followed. Per log origin, in {@code DIR/<hex SHA-256 of the origin>}:
 * {@code .vkey}, the log's verifier key (C2SP signed-note form, {@code origin+hex(key ID)+base64(0x01 || Ed25519 key)},
 * one line), written when the log is first witnessed and
 * replaced only when the witness accepts a key rotation the log proves; {@code .checkpoint}, the latest cosigned
 * checkpoint note; and the monitor's {@link Followed} state, {@code .monitor-tree} (the tree head of the entries it read,
 * a checkpoint's text without signature) and {@code .monitor-checkpoint} (the last signed checkpoint it verified, as the
 * log signed it). Every file is replaced atomically (written, synced, renamed, the folder synced). {@link #lock()}
 * makes a read, check and write exclusive, across threads and processes ({@code DIR/lock}).
 */
public final class WitnessStore {
    private static final String CHECKPOINT = ".checkpoint";
    private static final String VKEY = ".vkey";
    private static final String MONITOR_TREE = ".monitor-tree";
    private static final String MONITOR_CHECKPOINT = ".monitor-checkpoint";
    private static final String LOCK = "lock";
    // A FileLock is held by the process, so threads (and stores of one folder) of this JVM also take a lock per folder.
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private final Path dir;
    private final Syncs syncs;

    /**
     * A store in {@code dir}, created when absent.
     *
     * @param dir the store's folder
     * @throws java.io.IOException when the folder cannot be created
     */
    public WitnessStore(Path dir) throws IOException {
        this(dir, FORCE);
    }

    /** A store whose syncs go through {@code syncs} (tests). */
    WitnessStore(Path dir, Syncs syncs) throws IOException {
        Files.createDirectories(dir);
        this.dir = dir;
        this.syncs = syncs;
    }

    /**
     * The store's folder.
     *
     * @return the folder
     */
    public Path dir() {
        return dir;
    }

    /** The store's exclusive lock, held until closed. */
    public static final class Lock implements Closeable {
        private final ReentrantLock jvmLock;
        private final FileChannel channel;

        private Lock(ReentrantLock jvmLock, FileChannel channel) {
            this.jvmLock = jvmLock;
            this.channel = channel;
        }

        /** Releases the lock (closing the channel releases the file lock). */
        @Override
        public void close() throws IOException {
            try {
                channel.close();
            } finally {
                jvmLock.unlock();
            }
        }
    }

    /**
     * Takes the store's exclusive lock, waiting for another thread or process that holds it: whoever reads the
     * latest checkpoint, checks a new one against it and writes the new one holds it throughout, so that two
     * checkpoints that both extend the stored one but not each other are never both accepted.
     *
     * @return the held lock, to close
     * @throws java.io.IOException when the lock file cannot be opened or locked
     */
    public Lock lock() throws IOException {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(dir.toRealPath(), p -> new ReentrantLock());
        jvmLock.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            return new Lock(jvmLock, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            jvmLock.unlock();
            throw e;
        }
    }

    private Path file(String origin) {
        return file(origin, CHECKPOINT);
    }

    private Path file(String origin, String suffix) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(hash) + suffix);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The latest checkpoint witnessed for {@code origin}, or null.
     *
     * @param origin a log's origin
     * @return the note, or null
     * @throws java.io.IOException when the store cannot be read
     */
    public SignedNote latest(String origin) throws IOException {
        Path file = file(origin);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return SignedNote.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (ProofException e) {
            throw new IOException(file + ": not a signed note: " + e.getMessage());
        }
    }

    /**
     * The log this store witnesses under {@code origin} (its origin and operator key), or null when it witnesses none
     * of that origin.
     *
     * @param origin a log's origin
     * @return the log's verifier key, or null
     * @throws java.io.IOException when the store cannot be read, or its key file is damaged
     */
    public NoteVerifier log(String origin) throws IOException {
        Path file = file(origin, VKEY);
        if (!Files.exists(file)) {
            return null;
        }
        NoteVerifier log = readLog(file);
        if (!log.name().equals(origin)) {
            throw new IOException(file + ": the key is named '" + log.name() + "', not the origin '" + origin + "'");
        }
        return log;
    }

    /**
     * The origins of every log this store witnesses, sorted.
     *
     * @return the origins, empty for a store not configured yet
     * @throws java.io.IOException when the store cannot be read, or a key file is damaged
     */
    public List<String> origins() throws IOException {
        return originsOf(VKEY, file -> readLog(file).name());
    }

    /** Reads the origin a file of the store names. */
    private interface OriginOf {
        String origin(Path file) throws IOException;
    }

    /** The origins that the store's files ending in {@code suffix} name, sorted. */
    private List<String> originsOf(String suffix, OriginOf reader) throws IOException {
        List<String> origins = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                origins.add(reader.origin(file));
            }
        }
        Collections.sort(origins);
        return origins;
    }

    private static NoteVerifier readLog(Path file) throws IOException {
        try {
            return NoteVerifier.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not a verifier key (origin+keyID+base64 key): " + e.getMessage());
        }
    }

    /**
     * Records that this store witnesses {@code log} (its name is the log's origin) with its key, replacing the key it
     * held for that origin, atomically as the checkpoints are. Only under {@link #lock()}, by a caller that has read
     * the key it replaces and checked the new one (a new log, or a key rotation the log proves).
     *
     * @param log the log's verifier key
     * @throws java.io.IOException when the store cannot be written
     */
    void pin(NoteVerifier log) throws IOException {
        write(file(log.name(), VKEY), log.encode() + "\n");
    }

    /**
     * Records {@code note} as the latest checkpoint of {@code origin}.
     *
     * @param origin a log's origin
     * @param note the cosigned checkpoint
     * @throws java.io.IOException when the store cannot be written
     */
    public void put(String origin, SignedNote note) throws IOException {
        write(file(origin), note.encode());
    }

    /**
     * What a monitor verified of one log: {@code tree}, the tree head (origin, size, root) of every entry it read, signed
     * or not; {@code checkpoint}, the last signed checkpoint among them it verified, or null.
     *
     * @param tree the tree head of the entries read
     * @param checkpoint the last signed checkpoint verified, of at most {@code tree}'s size; or null
     */
    public record Followed(Checkpoint tree, SignedNote checkpoint) {
        /**
         * The tree head the checkpoint signs, or null when there is none.
         *
         * @return the checkpoint's size and root, or null
         * @throws IllegalArgumentException when the note is not a checkpoint
         */
        public Checkpoint signedHead() {
            if (checkpoint == null) {
                return null;
            }
            try {
                return Checkpoint.parse(checkpoint.text());
            } catch (ProofException e) {
                throw new IllegalArgumentException("not a checkpoint: " + e.getMessage(), e);
            }
        }
    }

    /**
     * What a monitor verified of the log {@code origin}, or null when it followed none of that origin with this store.
     *
     * @param origin a log's origin
     * @return the state, or null
     * @throws java.io.IOException when the store cannot be read, or a file of the state is not what it should be (the
     *     message names the file and the field)
     */
    public Followed followed(String origin) throws IOException {
        Path treeFile = file(origin, MONITOR_TREE);
        if (!Files.exists(treeFile)) {
            return null;
        }
        Checkpoint tree = treeHead(treeFile, origin);
        Path checkpointFile = file(origin, MONITOR_CHECKPOINT);
        if (!Files.exists(checkpointFile)) {
            return new Followed(tree, null);
        }
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(Files.readString(checkpointFile, StandardCharsets.UTF_8));
            checkpoint = Checkpoint.parse(note.text());
        } catch (ProofException | java.nio.charset.MalformedInputException e) {
            throw new IOException(checkpointFile + ": not a signed checkpoint: " + e.getMessage());
        }
        requireOrigin(checkpointFile, checkpoint, origin);
        if (checkpoint.size() > tree.size()) {
            throw new IOException(checkpointFile + ": size: " + checkpoint.size() + ", more than the " + tree.size()
                    + " entries of " + treeFile.getFileName());
        }
        return new Followed(tree, note);
    }

    private static Checkpoint treeHead(Path file, String origin) throws IOException {
        Checkpoint tree = treeHead(file);
        requireOrigin(file, tree, origin);
        return tree;
    }

    private static Checkpoint treeHead(Path file) throws IOException {
        try {
            return Checkpoint.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (ProofException | java.nio.charset.MalformedInputException e) {
            throw new IOException(file + ": not a tree head (origin, size and base64 root hash lines): "
                    + e.getMessage());
        }
    }

    private static void requireOrigin(Path file, Checkpoint head, String origin) throws IOException {
        if (!head.origin().equals(origin)) {
            throw new IOException(file + ": origin: '" + head.origin() + "', but the file is kept for '" + origin
                    + "'");
        }
    }

    /**
     * The origins of every log a monitor followed with this store, sorted.
     *
     * @return the origins, empty when none
     * @throws java.io.IOException when the store cannot be read, or a tree head file is damaged
     */
    public List<String> followedOrigins() throws IOException {
        return originsOf(MONITOR_TREE, file -> treeHead(file).origin());
    }

    /**
     * Records what a monitor verified of a log (the tree head's origin): the tree head first, then the checkpoint, so
     * that a crash between the two leaves an older checkpoint beside a newer tree, never the other way round.
     *
     * @param state the state
     * @throws java.io.IOException when the store cannot be written
     */
    public void putFollowed(Followed state) throws IOException {
        String origin = state.tree().origin();
        write(file(origin, MONITOR_TREE), state.tree().text());
        if (state.checkpoint() != null) {
            write(file(origin, MONITOR_CHECKPOINT), state.checkpoint().encode());
        }
    }

    /**
     * Replaces {@code file} with {@code text} atomically: written to a temporary file, synced, renamed, and the folder
     * synced so that the rename outlives a power loss.
     */
    private void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        syncs.force(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        syncs.force(dir);
    }

    /** Forces a file's or a folder's content to the device: the seam through which a test sees every sync. */
    interface Syncs {
        /** Forces {@code path} (a file, or a folder's entries). */
        void force(Path path) throws IOException;
    }

    private static final Syncs FORCE = path -> {
        try (FileChannel channel = FileChannel.open(path, Files.isDirectory(path) ? StandardOpenOption.READ
                : StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    };
}

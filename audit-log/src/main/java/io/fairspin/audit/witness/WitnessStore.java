package io.fairspin.audit.witness;

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
 * A witness's memory: the logs it witnesses and, for each, the latest checkpoint it cosigned. Per log origin, in
 * {@code DIR/<hex SHA-256 of the origin>}: {@code .vkey}, the log's verifier key (C2SP signed-note form,
 * {@code origin+hex(key ID)+base64(0x01 || Ed25519 key)}, one line), written when the log is first witnessed and
 * replaced only when the witness accepts a key rotation the log proves; and {@code .checkpoint}, the latest cosigned
 * checkpoint note. Both are replaced atomically (written, synced, renamed). {@link #lock()} makes a read, check and write exclusive, across threads and processes ({@code DIR/lock}).
 */
public final class WitnessStore {
    private static final String CHECKPOINT = ".checkpoint";
    private static final String VKEY = ".vkey";
    private static final String LOCK = "lock";
    // A FileLock is held by the process, so threads (and stores of one folder) of this JVM also take a lock per folder.
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private final Path dir;

    /**
     * A store in {@code dir}, created when absent.
     *
     * @param dir the store's folder
     * @throws java.io.IOException when the folder cannot be created
     */
    public WitnessStore(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.dir = dir;
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
        List<String> origins = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(VKEY)).toList()) {
                origins.add(readLog(file).name());
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

    /** Replaces {@code file} with {@code text} atomically: written to a temporary file, synced, renamed. */
    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

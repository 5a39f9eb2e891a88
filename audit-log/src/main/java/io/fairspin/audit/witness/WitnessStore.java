package io.fairspin.audit.witness;

import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.merkle.ProofException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A witness's memory: for each log origin, the latest checkpoint it cosigned, as a signed note in
 * {@code DIR/<hex SHA-256 of the origin>.checkpoint}. Replaced atomically (written, synced, renamed).
 */
public final class WitnessStore {
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

    private Path file(String origin) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(hash) + ".checkpoint");
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
     * Records {@code note} as the latest checkpoint of {@code origin}.
     *
     * @param origin a log's origin
     * @param note the cosigned checkpoint
     * @throws java.io.IOException when the store cannot be written
     */
    public void put(String origin, SignedNote note) throws IOException {
        Path file = file(origin);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, note.encode(), StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

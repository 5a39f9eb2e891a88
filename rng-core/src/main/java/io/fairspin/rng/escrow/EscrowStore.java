package io.fairspin.rng.escrow;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/**
 * Where sealed escrow records go: append-only and durable. {@link EscrowFile} is the default; a server
 * may keep records elsewhere (a replicated database, an object store) by implementing this, provided
 * it can later hand the records back, in order, in the format of {@code docs/escrow-format.md}.
 */
public interface EscrowStore extends Closeable {

    /**
     * Appends one sealed record. Returns only once the record is durable (on a file: written and forced
     * to the device); otherwise throws, and the DRBG the record belongs to produces nothing more.
     * Implementations must be safe to call from several threads.
     *
     * @param record one sealed record, as {@link SeedEscrow} frames it
     * @throws java.io.IOException when the record could not be made durable
     */
    void append(byte[] record) throws IOException;

    /**
     * The key ID of the auditor key the store's records are sealed to, when it holds records; a
     * {@link SeedEscrow} for another key refuses the store. Empty by default (a store that does not know).
     *
     * @return the auditor key ID, 16 lowercase hex digits, or empty when unknown
     */
    default Optional<String> keyId() {
        return Optional.empty();
    }

    /**
     * The store's name in messages: a file's path.
     *
     * @return a name for messages, such as the file's path
     */
    default String name() {
        return toString();
    }
}

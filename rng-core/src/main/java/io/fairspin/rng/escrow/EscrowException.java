package io.fairspin.rng.escrow;

import java.io.IOException;

/**
 * An escrow that cannot be trusted or read: a record that is truncated, altered, moved, reordered,
 * missing, or sealed to another key. The message names the source, the record's offset and what was
 * expected; it never holds plaintext.
 */
public final class EscrowException extends IOException {
    /** Whether the escrow is sealed to another auditor key than the one given (the records themselves are sound). */
    private final boolean wrongKey;

    EscrowException(String message) {
        this(message, false);
    }

    EscrowException(String message, boolean wrongKey) {
        super(message);
        this.wrongKey = wrongKey;
    }

    /**
     * Whether the escrow is sound but sealed to another auditor key than the one given.
     *
     * @return true when opening failed only because the key is another auditor's
     */
    public boolean wrongKey() {
        return wrongKey;
    }
}

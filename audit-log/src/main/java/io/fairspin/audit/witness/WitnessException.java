package io.fairspin.audit.witness;

/** A checkpoint the witness refuses, and why. */
public final class WitnessException extends Exception {
    /** Why a checkpoint was refused. */
    public enum Kind {
        /** Smaller than a checkpoint cosigned before. */
        ROLLBACK,
        /** Not an extension of the checkpoint cosigned before (same size with another root, or no valid proof). */
        SPLIT_VIEW,
        /** Not signed by the log's key, or not a checkpoint. */
        BAD_SIGNATURE,
        /** The proof starts from another size than the one stored. */
        CONFLICT,
        /** Not of the log the witness was asked for, or of a log (origin and key) its store does not witness. */
        WRONG_LOG,
        /** Signed by a new operator key whose rotation the log does not prove from the key the store holds. */
        UNPROVEN_KEY
    }

    /** Why the witness refused. */
    private final Kind kind;

    /**
     * A refusal of this kind.
     *
     * @param kind why
     * @param message what the witness found
     */
    public WitnessException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /**
     * Why the witness refused.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }
}

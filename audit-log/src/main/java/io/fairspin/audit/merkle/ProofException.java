package io.fairspin.audit.merkle;

/** A Merkle proof, a signature or a log does not check out; the message says which part and why. */
public class ProofException extends Exception {
    /**
     * A proof, checkpoint or signature that does not check out, or is malformed.
     *
     * @param message what did not check out
     */
    public ProofException(String message) {
        super(message);
    }
}

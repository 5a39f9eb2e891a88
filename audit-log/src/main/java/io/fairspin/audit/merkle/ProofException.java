package io.fairspin.audit.merkle;

/** A Merkle proof, a signature or a log does not check out; the message says which part and why. */
public class ProofException extends Exception {
    public ProofException(String message) {
        super(message);
    }
}

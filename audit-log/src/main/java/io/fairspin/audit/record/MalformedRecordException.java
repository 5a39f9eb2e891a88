package io.fairspin.audit.record;

import io.fairspin.audit.merkle.ProofException;
/** Bytes that are not the canonical encoding of a log entry; the message names the field. */
public class MalformedRecordException extends ProofException {
    /**
     * Bytes that are not a canonical record.
     *
     * @param message the field and what was wrong
     */
    public MalformedRecordException(String message) {
        super(message);
    }
}

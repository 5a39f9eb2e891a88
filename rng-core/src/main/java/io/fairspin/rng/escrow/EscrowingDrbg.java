package io.fairspin.rng.escrow;

import io.fairspin.rng.Drbg;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.RngFailureException;
import java.util.Arrays;

/**
 * A DRBG whose calls are escrowed: reseeds are recorded before they happen, generate calls other than
 * ordinary requests are recorded before their output is returned, ordinary requests are counted and the
 * count goes into the next record. A record that cannot be written closes the DRBG for good.
 */
final class EscrowingDrbg implements Drbg {
    /** Seals and appends a payload as the instance's record number {@code sequence}, or throws. */
    interface Recorder {
        void append(long sequence, Payload payload);
    }

    private final Drbg delegate;
    private final int requestBytes;
    private final Recorder recorder;
    private long sequence;
    private long requestsSinceRecord;
    /** Whether an ordinary request was made since the instantiation or the last reseed that dropped bytes. */
    private boolean requestSinceDrop;
    private boolean failed;
    private boolean closed;

    EscrowingDrbg(Drbg delegate, int requestBytes, Recorder recorder) {
        this.delegate = delegate;
        this.requestBytes = requestBytes;
        this.recorder = recorder;
    }

    @Override
    public DrbgMechanism mechanism() {
        return delegate.mechanism();
    }

    @Override
    public void generate(byte[] out, int offset, int length, byte[] additionalInput) {
        checkNotFailed();
        boolean ordinary = length == requestBytes && (additionalInput == null || additionalInput.length == 0);
        delegate.generate(out, offset, length, additionalInput);
        if (ordinary) {
            requestsSinceRecord++;
            requestSinceDrop = true;
            return;
        }
        try {
            record(Payload.generate(requestsSinceRecord, length, additionalInput));
        } catch (RngFailureException e) {
            Arrays.fill(out, offset, offset + length, (byte) 0);
            throw e;
        }
    }

    /** Makes the calls, then records them in one record before any output is returned; no calls, no record. */
    @Override
    public void generateEach(byte[][] outputs, byte[][] additionalInputs) {
        checkNotFailed();
        if (outputs.length == 0) {
            return;
        }
        int[] lengths = new int[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            delegate.generate(outputs[i], 0, outputs[i].length, additionalInputs[i]);
            lengths[i] = outputs[i].length;
        }
        try {
            record(Payload.generateBatch(requestsSinceRecord, lengths, additionalInputs));
        } catch (RngFailureException e) {
            for (byte[] output : outputs) {
                Arrays.fill(output, (byte) 0);
            }
            throw e;
        }
    }

    @Override
    public void reseed(byte[] entropyInput, byte[] additionalInput) {
        reseed(entropyInput, additionalInput, 0);
    }

    /**
     * Makes the reseed, then records it with the bytes of the latest ordinary request the caller dropped, as
     * {@link #generate} records its call: an input the DRBG refuses (an additional or entropy input of the wrong
     * length) throws before anything is written, so no RESEED record is one a replay cannot apply, and a record
     * that cannot be written closes the DRBG before any output depends on the reseed.
     */
    @Override
    public void reseed(byte[] entropyInput, byte[] additionalInput, int unreadBytes) {
        checkNotFailed();
        if (unreadBytes < 0 || unreadBytes >= requestBytes || unreadBytes > 0 && !requestSinceDrop) {
            throw new IllegalArgumentException("unreadBytes: " + unreadBytes + " bytes cannot have been dropped from"
                    + (requestSinceDrop ? " a request of " + requestBytes + " bytes" : " no request since the last drop"));
        }
        delegate.reseed(entropyInput, additionalInput);
        record(Payload.reseed(requestsSinceRecord, entropyInput, additionalInput, unreadBytes));
        if (unreadBytes > 0) {
            requestSinceDrop = false;
        }
    }

    @Override
    public long requestsBeforeReseed() {
        return delegate.requestsBeforeReseed();
    }

    /** Records the close (unless a record failed before), then wipes the state. */
    @Override
    public void close() {
        try {
            if (!failed && !closed) {
                closed = true;
                recorder.append(sequence, Payload.close(requestsSinceRecord));
            }
        } finally {
            closed = true;
            delegate.close();
        }
    }

    /** Appends the next record; on failure the DRBG is closed and produces nothing more. */
    void record(Payload payload) {
        try {
            recorder.append(sequence, payload);
        } catch (RuntimeException e) {
            failed = true;
            delegate.close();
            throw e instanceof RngFailureException ? e : new RngFailureException("escrow: " + e.getMessage(), e);
        }
        sequence++;
        requestsSinceRecord = 0;
    }

    private void checkNotFailed() {
        if (failed) {
            throw new RngFailureException("escrow: the DRBG stopped because a record could not be written");
        }
    }
}

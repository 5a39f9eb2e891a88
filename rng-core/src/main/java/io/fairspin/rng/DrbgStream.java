package io.fairspin.rng;

/**
 * A {@link RandomStream} over one DRBG instance: its byte sequence is the output of successive generate
 * requests of a fixed size, without additional input. Deterministic (the same DRBG state gives the same
 * outcomes), single-threaded and never reseeded: when the DRBG's reseed interval is used up the stream
 * throws {@link ReseedRequiredException}. Round streams and benchmarks use it; servers that share one
 * generator use {@link CertifiedRandom}.
 */
public final class DrbgStream extends RandomStream implements AutoCloseable {
    private final Drbg drbg;

    /**
     * A stream drawing {@code requestBytes} bytes per generate request.
     *
     * @param requestBytes in [1, {@link DrbgMechanism#MAX_BYTES_PER_REQUEST}]; part of what fixes the
     *                     byte sequence, so a replay must use the same value
     * @param drbg the instantiated DRBG the stream draws from; the stream closes it when closed
     */
    public DrbgStream(Drbg drbg, int requestBytes) {
        super(checkRequest(requestBytes));
        if (drbg == null) {
            throw new IllegalArgumentException("drbg: must not be null");
        }
        this.drbg = drbg;
    }

    private static int checkRequest(int requestBytes) {
        if (requestBytes < 1 || requestBytes > DrbgMechanism.MAX_BYTES_PER_REQUEST) {
            throw new IllegalArgumentException("requestBytes: must be in [1, " + DrbgMechanism.MAX_BYTES_PER_REQUEST
                    + "], was " + requestBytes);
        }
        return requestBytes;
    }

    @Override
    protected void nextBlock(byte[] destination, int offset) {
        drbg.generate(destination, offset, blockSize(), null);
    }

    /** Closes the DRBG, wiping its state. */
    @Override
    public void close() {
        discardBuffered();
        drbg.close();
    }
}

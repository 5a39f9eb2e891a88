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
    private final int requestBytes;
    /** The DRBG, when the stream reads its requests block by block ({@link #owning}); else null. */
    private final CtrDrbg blockwise;

    /**
     * A stream drawing {@code requestBytes} bytes per generate request.
     *
     * @param requestBytes in [1, {@link DrbgMechanism#MAX_BYTES_PER_REQUEST}]; part of what fixes the
     *                     byte sequence, so a replay must use the same value
     * @param drbg the instantiated DRBG the stream draws from; the stream closes it when closed
     */
    public DrbgStream(Drbg drbg, int requestBytes) {
        this(requireDrbg(drbg), checkRequest(requestBytes), requestBytes, null);
    }

    private DrbgStream(Drbg drbg, int blockSize, int requestBytes, CtrDrbg blockwise) {
        super(blockSize);
        this.drbg = drbg;
        this.requestBytes = requestBytes;
        this.blockwise = blockwise;
    }

    /**
     * A stream over a DRBG that only the stream uses (a round stream's, which {@link RoundSeed} instantiates), with
     * the same bytes as {@link #DrbgStream(Drbg, int)}. Over CTR_DRBG with requests of a multiple of 16 bytes up to
     * 1 KiB, it computes each 16-byte output block when it is read, and a request's closing update when the next
     * request starts ({@link CtrDrbg#nextRequestBlock}): a round that reads two blocks of a 256-byte request
     * encrypts two blocks, not the request's sixteen and the update's three.
     */
    static DrbgStream owning(Drbg drbg, int requestBytes) {
        if (drbg instanceof CtrDrbg && requestBytes % Aes.BLOCK == 0 && requestBytes <= CtrDrbg.JDK_OUTPUT_BYTES) {
            return new DrbgStream(drbg, Aes.BLOCK, checkRequest(requestBytes), (CtrDrbg) drbg);
        }
        return new DrbgStream(drbg, requestBytes);
    }

    private static Drbg requireDrbg(Drbg drbg) {
        if (drbg == null) {
            throw new IllegalArgumentException("drbg: must not be null");
        }
        return drbg;
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
        if (blockwise != null) {
            blockwise.nextRequestBlock(destination, offset, requestBytes);
        } else {
            drbg.generate(destination, offset, requestBytes, null);
        }
    }

    /** Closes the DRBG, wiping its state. */
    @Override
    public void close() {
        discardBuffered();
        drbg.close();
    }
}

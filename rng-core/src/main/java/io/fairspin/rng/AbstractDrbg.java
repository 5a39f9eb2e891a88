package io.fairspin.rng;

import java.util.Objects;

/**
 * What every SP 800-90A mechanism shares: the reseed counter, splitting of long requests, input checks
 * and the closed state. Subclasses hold the working state and implement the algorithms.
 */
abstract class AbstractDrbg implements Drbg {
    /** SP 800-90A's smallest security strength, 112 bits, is the shortest entropy input accepted. */
    static final int MIN_ENTROPY_BYTES = 14;

    private final DrbgMechanism mechanism;
    private final long reseedInterval;
    private long reseedCounter = 1;
    private boolean closed;

    AbstractDrbg(DrbgMechanism mechanism, long reseedInterval) {
        this.mechanism = mechanism;
        this.reseedInterval = reseedInterval;
    }

    @Override
    public final DrbgMechanism mechanism() {
        return mechanism;
    }

    @Override
    public final void generate(byte[] out, int offset, int length, byte[] additionalInput) {
        checkOpen();
        Objects.checkFromIndexSize(offset, length, out.length);
        int max = DrbgMechanism.MAX_BYTES_PER_REQUEST;
        long requests = Math.max(1, (length + (long) max - 1) / max);
        if (requests > requestsBeforeReseed()) {
            throw new ReseedRequiredException(mechanism, reseedInterval);
        }
        byte[] input = additionalInput;
        int position = offset;
        int remaining = length;
        do {
            int n = Math.min(max, remaining);
            generateRequest(out, position, n, input);
            reseedCounter++;
            input = null;
            position += n;
            remaining -= n;
        } while (remaining > 0);
    }

    @Override
    public final void reseed(byte[] entropyInput, byte[] additionalInput) {
        checkOpen();
        reseedAlgorithm(entropyInput, additionalInput);
        reseedCounter = 1;
    }

    @Override
    public final long requestsBeforeReseed() {
        return reseedInterval - reseedCounter + 1;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            wipe();
        }
    }

    /**
     * Counts one generate request without additional input that a subclass serves outside {@link #generate} (a
     * request read block by block), as {@link #generate} counts each of its requests.
     *
     * @throws ReseedRequiredException when the reseed interval is used up
     * @throws IllegalStateException   when the instance was closed
     */
    final void countRequest() {
        checkOpen();
        if (requestsBeforeReseed() < 1) {
            throw new ReseedRequiredException(mechanism, reseedInterval);
        }
        reseedCounter++;
    }

    /** One generate request of at most {@link DrbgMechanism#MAX_BYTES_PER_REQUEST} bytes. */
    abstract void generateRequest(byte[] out, int offset, int length, byte[] additionalInput);

    abstract void reseedAlgorithm(byte[] entropyInput, byte[] additionalInput);

    /** Overwrites every secret of the working state. */
    abstract void wipe();

    /** The reseed counter as SP 800-90A defines it (1 right after instantiate or reseed). */
    final long reseedCounter() {
        return reseedCounter;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(mechanism.cliName() + ": DRBG instance was closed");
        }
    }

    /** Checks an input's length in bytes; the message names the input, never its content. */
    static void requireLength(String name, byte[] value, int min, int max) {
        int length = value == null ? 0 : value.length;
        if (length < min || length > max) {
            throw new IllegalArgumentException(name + ": length must be in [" + min + ", " + max
                    + "] bytes, was " + length);
        }
    }
}

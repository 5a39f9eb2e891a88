package io.fairspin.rng;

/**
 * One instantiation of an SP 800-90A DRBG mechanism: its internal state and the reseed and generate
 * functions.
 *
 * <p>Instances come from {@link DrbgMechanism#instantiate}. They are deterministic (the same inputs give
 * the same output) and not thread-safe. Requests longer than
 * {@link DrbgMechanism#MAX_BYTES_PER_REQUEST} are split into several generate requests; the additional
 * input, if any, goes with the first of them only, and each counts against the reseed interval.
 * {@link #close()} wipes the internal state.
 */
public interface Drbg extends AutoCloseable {

    /** The mechanism this is an instantiation of. */
    DrbgMechanism mechanism();

    /**
     * Fills {@code out[offset, offset+length)} with output (SP 800-90A Generate_algorithm).
     *
     * @param additionalInput optional additional input; null or empty means none
     * @throws ReseedRequiredException when the reseed interval is used up; nothing is written then
     * @throws IllegalStateException   when the instance was closed
     */
    void generate(byte[] out, int offset, int length, byte[] additionalInput);

    /** Fills all of {@code out} with output and no additional input. */
    default void generate(byte[] out) {
        generate(out, 0, out.length, null);
    }

    /**
     * Reseeds the state with fresh entropy input (SP 800-90A Reseed_algorithm) and resets the reseed
     * counter.
     *
     * @param additionalInput optional additional input; null or empty means none
     */
    void reseed(byte[] entropyInput, byte[] additionalInput);

    /** The number of generate requests that may still be made before a reseed is required. */
    long requestsBeforeReseed();

    /** Overwrites the internal state with zeros; every later call throws {@link IllegalStateException}. */
    @Override
    void close();
}

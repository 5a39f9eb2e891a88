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

    /**
     * The mechanism this is an instantiation of.
     *
     * @return the mechanism, which fixes the algorithm and the seed length
     */
    DrbgMechanism mechanism();

    /**
     * Fills {@code out[offset, offset+length)} with output (SP 800-90A Generate_algorithm).
     *
     * @param additionalInput optional additional input; null or empty means none
     * @param out the array to fill
     * @param offset where in {@code out} the output starts
     * @param length the number of bytes, at most {@link DrbgMechanism#MAX_BYTES_PER_REQUEST}
     * @throws ReseedRequiredException when the reseed interval is used up; nothing is written then
     * @throws IllegalStateException   when the instance was closed
     */
    void generate(byte[] out, int offset, int length, byte[] additionalInput);

    /**
     * Makes one generate request per element of {@code outputs}, filling it, with the additional input of
     * the same index (null for none): the same as calling {@link #generate(byte[], int, int, byte[])} for
     * each in order. A DRBG whose calls are escrowed records them together, with one durable write.
     *
     * @param outputs the arrays to fill, one generate request each, in order
     * @param additionalInputs the additional input of each request (same length as {@code outputs}), or null for none
     *     at all
     * @throws ReseedRequiredException when the reseed interval runs out before the last request
     */
    default void generateEach(byte[][] outputs, byte[][] additionalInputs) {
        if (outputs.length != additionalInputs.length) {
            throw new IllegalArgumentException("outputs and additional inputs: " + outputs.length + " and "
                    + additionalInputs.length + " elements, expected as many of each");
        }
        for (int i = 0; i < outputs.length; i++) {
            generate(outputs[i], 0, outputs[i].length, additionalInputs[i]);
        }
    }

    /**
     * Fills all of {@code out} with output and no additional input.
     *
     * @param out the array to fill, at most {@link DrbgMechanism#MAX_BYTES_PER_REQUEST} bytes (64 KiB)
     */
    default void generate(byte[] out) {
        generate(out, 0, out.length, null);
    }

    /**
     * Reseeds the state with fresh entropy input (SP 800-90A Reseed_algorithm) and resets the reseed
     * counter.
     *
     * @param additionalInput optional additional input; null or empty means none
     * @param entropyInput fresh entropy input of at least the security strength; never retained, the caller should wipe
     *     it
     */
    void reseed(byte[] entropyInput, byte[] additionalInput);

    /**
     * Reseeds as {@link #reseed(byte[], byte[])} does, after the caller dropped, unread, the last
     * {@code unreadBytes} bytes of its latest ordinary request (a request of the size an escrow counts,
     * without additional input). A plain DRBG ignores the count; a DRBG whose calls are escrowed records it
     * with the reseed, so that a replay of the caller's output skips those bytes as the caller did.
     *
     * @param entropyInput fresh entropy input, as for {@link #reseed(byte[], byte[])}; never retained, the caller
     *     should wipe it
     * @param additionalInput optional additional input; null or empty means none
     * @param unreadBytes how many bytes at the end of the latest ordinary request the caller dropped unread; 0 when
     *     nothing was dropped
     */
    default void reseed(byte[] entropyInput, byte[] additionalInput, int unreadBytes) {
        reseed(entropyInput, additionalInput);
    }

    /**
     * The number of generate requests that may still be made before a reseed is required.
     *
     * @return the remaining generate requests, 0 when the next one needs a reseed
     */
    long requestsBeforeReseed();

    /** Overwrites the internal state with zeros; every later call throws {@link IllegalStateException}. */
    @Override
    void close();
}

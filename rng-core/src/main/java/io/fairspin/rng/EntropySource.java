package io.fairspin.rng;

/**
 * A source of entropy samples, one byte each. Implementations are noise sources or the operating
 * system's generator; a {@link HealthTestedEntropySource} puts SP 800-90B health tests in front of one.
 */
@FunctionalInterface
public interface EntropySource {

    /**
     * Fills {@code samples} with fresh samples.
     *
     * @param samples the array to fill, one 8-bit sample per byte
     * @throws RngFailureException when the source cannot deliver; it never returns fewer samples
     */
    void read(byte[] samples);
}

package io.fairspin.cert.entropy;

import io.fairspin.rng.HealthTestedEntropySource;

/**
 * The continuous health tests' cutoffs (SP 800-90B section 4.4) for an assessed min-entropy, as
 * {@link HealthTestedEntropySource} computes them: configure it with
 * {@code new HealthTestedEntropySource(source, minEntropy, alphaExponent)}, or a generator with
 * {@code CertifiedRandom.builder().assessedOsEntropy(minEntropy)}.
 *
 * @param minEntropy          the min-entropy per sample the cutoffs are for
 * @param alphaExponent       the false-alarm probability is 2^-alphaExponent
 * @param repetitionCount     the repetition count test fails at this many identical samples in a row
 * @param adaptiveProportion  the adaptive proportion test fails at this many copies of a window's first sample
 * @param window              the adaptive proportion test's window
 */
public record HealthTestCutoffs(double minEntropy, int alphaExponent, int repetitionCount, int adaptiveProportion,
                                int window) {
    /**
     * The cutoffs for {@code minEntropy} bits per sample; null when it is 0 (nothing to configure).
     *
     * @param minEntropy the assessed min-entropy per sample, in bits, at least 0
     * @param alphaExponent the false-alarm rate of each test is 2^-alphaExponent
     * @return the cutoffs, or null for 0 bits
     */
    public static HealthTestCutoffs of(double minEntropy, int alphaExponent) {
        if (!(minEntropy > 0)) {
            return null;
        }
        double h = Math.min(8.0, minEntropy);
        return new HealthTestCutoffs(minEntropy, alphaExponent,
                HealthTestedEntropySource.repetitionCutoff(h, alphaExponent),
                HealthTestedEntropySource.proportionCutoff(h, alphaExponent),
                HealthTestedEntropySource.proportionWindow());
    }
}

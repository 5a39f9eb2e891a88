package io.fairspin.cert.nist;

/**
 * The adjustable parameters of the battery; {@link #DEFAULTS} are those of NIST's reference program
 * (sts-2.1.2). Universal's L (and Q = 10 * 2^L) is chosen from the sequence length when {@code
 * universalL} is 0, as NIST does.
 *
 * @param blockFrequencyM       block length M of the block frequency test
 * @param nonOverlappingM       template length m of the non-overlapping template test (2 to 16)
 * @param overlappingM          template length m of the overlapping template test (all ones)
 * @param approximateEntropyM   block length m of the approximate entropy test
 * @param serialM               block length m of the serial test
 * @param linearComplexityM     block length M of the linear complexity test
 * @param universalL            block length L of Maurer's universal test (6 to 16), or 0 to choose it from n
 */
public record NistParameters(int blockFrequencyM, int nonOverlappingM, int overlappingM, int approximateEntropyM,
                             int serialM, int linearComplexityM, int universalL) {

    /** The reference program's defaults. */
    public static final NistParameters DEFAULTS = new NistParameters(128, 9, 9, 10, 16, 500, 0);

    /**
     * Checks each parameter's range.
     *
     * @param blockFrequencyM block length M of the block frequency test
     * @param nonOverlappingM template length m of the non-overlapping template test (2 to 16)
     * @param overlappingM template length m of the overlapping template test (all ones)
     * @param approximateEntropyM block length m of the approximate entropy test
     * @param serialM block length m of the serial test
     * @param linearComplexityM block length M of the linear complexity test
     * @param universalL block length L of Maurer's universal test (6 to 16), or 0 to choose it from n
     */
    public NistParameters {
        check("block-frequency-m", blockFrequencyM, 1, Integer.MAX_VALUE);
        check("non-overlapping-m", nonOverlappingM, 2, 16);
        check("overlapping-m", overlappingM, 1, 32);
        check("approximate-entropy-m", approximateEntropyM, 1, 23);
        check("serial-m", serialM, 2, 24);
        check("linear-complexity-m", linearComplexityM, 2, Integer.MAX_VALUE);
        if (universalL != 0) {
            check("universal-l", universalL, 6, 16);
        }
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": must be in [" + min + ", " + max + "], was " + value);
        }
    }
}

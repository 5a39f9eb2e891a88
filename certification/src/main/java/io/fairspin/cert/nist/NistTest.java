package io.fairspin.cert.nist;

import java.util.Locale;

/**
 * The fifteen tests of NIST SP 800-22 Rev.1a, in the order of NIST's reference program, named as in
 * its final analysis report.
 */
public enum NistTest {
    /** Frequency (monobit) test, 2.1. */
    FREQUENCY("Frequency"),
    /** Frequency test within a block, 2.2. */
    BLOCK_FREQUENCY("BlockFrequency"),
    /** Cumulative sums (cusum) test, forward and backward, 2.13. */
    CUMULATIVE_SUMS("CumulativeSums"),
    /** Runs test, 2.3. */
    RUNS("Runs"),
    /** Test for the longest run of ones in a block, 2.4. */
    LONGEST_RUN("LongestRun"),
    /** Binary matrix rank test, 2.5. */
    RANK("Rank"),
    /** Discrete Fourier transform (spectral) test, 2.6. */
    FFT("FFT"),
    /** Non-overlapping template matching test, one P-value per template, 2.7. */
    NON_OVERLAPPING_TEMPLATE("NonOverlappingTemplate"),
    /** Overlapping template matching test, 2.8. */
    OVERLAPPING_TEMPLATE("OverlappingTemplate"),
    /** Maurer's "universal statistical" test, 2.9. */
    UNIVERSAL("Universal"),
    /** Approximate entropy test, 2.12. */
    APPROXIMATE_ENTROPY("ApproximateEntropy"),
    /** Random excursions test, one P-value per state, 2.14. */
    RANDOM_EXCURSIONS("RandomExcursions"),
    /** Random excursions variant test, one P-value per state, 2.15. */
    RANDOM_EXCURSIONS_VARIANT("RandomExcursionsVariant"),
    /** Serial test, two P-values, 2.11. */
    SERIAL("Serial"),
    /** Linear complexity test, 2.10. */
    LINEAR_COMPLEXITY("LinearComplexity");

    private final String reportName;

    NistTest(String reportName) {
        this.reportName = reportName;
    }

    /**
     * The name in NIST's reports, for example {@code NonOverlappingTemplate}.
     *
     * @return the report name
     */
    public String reportName() {
        return reportName;
    }

    /**
     * The command-line name, for example {@code non-overlapping-template}.
     *
     * @return the command-line name
     */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The test with this command-line name or report name (case-insensitive).
     *
     * @param name a command-line or report name
     * @return the test
     */
    public static NistTest fromName(String name) {
        for (NistTest test : values()) {
            if (test.cliName().equalsIgnoreCase(name) || test.reportName.equalsIgnoreCase(name)
                    || test.name().equalsIgnoreCase(name)) {
                return test;
            }
        }
        throw new IllegalArgumentException("unknown test '" + name + "'; expected one of "
                + java.util.Arrays.stream(values()).map(NistTest::cliName).toList());
    }

    /**
     * Whether the test is applied only to sequences with enough cycles of their random walk.
     *
     * @return true for the random excursions tests
     */
    public boolean isExcursionTest() {
        return this == RANDOM_EXCURSIONS || this == RANDOM_EXCURSIONS_VARIANT;
    }
}

package io.fairspin.cert.nist;

import java.util.Locale;

/**
 * The fifteen tests of NIST SP 800-22 Rev.1a, in the order of NIST's reference program, named as in
 * its final analysis report.
 */
public enum NistTest {
    FREQUENCY("Frequency"),
    BLOCK_FREQUENCY("BlockFrequency"),
    CUMULATIVE_SUMS("CumulativeSums"),
    RUNS("Runs"),
    LONGEST_RUN("LongestRun"),
    RANK("Rank"),
    FFT("FFT"),
    NON_OVERLAPPING_TEMPLATE("NonOverlappingTemplate"),
    OVERLAPPING_TEMPLATE("OverlappingTemplate"),
    UNIVERSAL("Universal"),
    APPROXIMATE_ENTROPY("ApproximateEntropy"),
    RANDOM_EXCURSIONS("RandomExcursions"),
    RANDOM_EXCURSIONS_VARIANT("RandomExcursionsVariant"),
    SERIAL("Serial"),
    LINEAR_COMPLEXITY("LinearComplexity");

    private final String reportName;

    NistTest(String reportName) {
        this.reportName = reportName;
    }

    /** The name in NIST's reports, for example {@code NonOverlappingTemplate}. */
    public String reportName() {
        return reportName;
    }

    /** The command-line name, for example {@code non-overlapping-template}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The test with this command-line name or report name (case-insensitive). */
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

    /** Whether the test is applied only to sequences with enough cycles of their random walk. */
    public boolean isExcursionTest() {
        return this == RANDOM_EXCURSIONS || this == RANDOM_EXCURSIONS_VARIANT;
    }
}

package io.fairspin.cert.nist;

import java.util.List;

/**
 * One test's result on one sequence: its P-values (one for most tests; one per template, per state,
 * per direction for the others, in NIST's order), or the reason the test did not apply.
 *
 * @param test          the test
 * @param pValues       the P-values, empty when the test did not apply
 * @param notApplicable why the test did not apply (for example too few cycles), or null
 */
public record TestResult(NistTest test, List<Double> pValues, String notApplicable) {

    /**
     * Copies the P-values.
     *
     * @param test the test
     * @param pValues the P-values, empty when the test did not apply
     * @param notApplicable why the test did not apply (for example too few cycles), or null
     */
    public TestResult {
        pValues = List.copyOf(pValues);
    }

    static TestResult of(NistTest test, double... pValues) {
        return new TestResult(test, java.util.Arrays.stream(pValues).boxed().toList(), null);
    }

    static TestResult notApplicable(NistTest test, String reason) {
        return new TestResult(test, List.of(), reason);
    }

    /**
     * Whether the test applied to the sequence.
     *
     * @return true when the P-values are numbers
     */
    public boolean applicable() {
        return notApplicable == null;
    }
}

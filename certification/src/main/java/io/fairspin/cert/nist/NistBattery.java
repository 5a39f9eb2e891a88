package io.fairspin.cert.nist;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The NIST SP 800-22 Rev.1a battery: runs the chosen tests on one sequence with the given parameters
 * and returns every P-value, computed as NIST's reference program sts-2.1.2 computes them. Thread-safe:
 * sequences may be tested in parallel.
 */
public final class NistBattery {
    private final NistParameters parameters;
    private final Set<NistTest> tests;

    /** The battery of the given tests (empty: all fifteen) with the given parameters. */
    public NistBattery(NistParameters parameters, Set<NistTest> tests) {
        this.parameters = parameters;
        this.tests = tests.isEmpty() ? EnumSet.allOf(NistTest.class) : EnumSet.copyOf(tests);
    }

    /** All fifteen tests with NIST's default parameters. */
    public static NistBattery defaults() {
        return new NistBattery(NistParameters.DEFAULTS, EnumSet.allOf(NistTest.class));
    }

    public NistParameters parameters() {
        return parameters;
    }

    /** The tests this battery runs, in NIST's order. */
    public Set<NistTest> tests() {
        return EnumSet.copyOf(tests);
    }

    /** Every chosen test's result on {@code sequence}, in NIST's order of tests. */
    public Map<NistTest, TestResult> run(BitSequence sequence) {
        Map<NistTest, TestResult> results = new EnumMap<>(NistTest.class);
        int n = sequence.length();
        int[] patterns = null;
        if (tests.contains(NistTest.SERIAL) || tests.contains(NistTest.APPROXIMATE_ENTROPY)) {
            int longest = Math.max(tests.contains(NistTest.SERIAL) ? parameters.serialM() : 0,
                    tests.contains(NistTest.APPROXIMATE_ENTROPY) ? parameters.approximateEntropyM() + 1 : 0);
            patterns = longest <= n ? PatternTests.circularCounts(sequence, longest) : null;
        }
        TestResult[] excursions = null;
        if (tests.contains(NistTest.RANDOM_EXCURSIONS) || tests.contains(NistTest.RANDOM_EXCURSIONS_VARIANT)) {
            excursions = ExcursionTests.run(sequence, tests.contains(NistTest.RANDOM_EXCURSIONS),
                    tests.contains(NistTest.RANDOM_EXCURSIONS_VARIANT));
        }
        for (NistTest test : tests) {
            TestResult result = switch (test) {
                case FREQUENCY -> BasicTests.frequency(sequence);
                case BLOCK_FREQUENCY -> BasicTests.blockFrequency(sequence, parameters.blockFrequencyM());
                case CUMULATIVE_SUMS -> BasicTests.cumulativeSums(sequence);
                case RUNS -> BasicTests.runs(sequence);
                case LONGEST_RUN -> BasicTests.longestRun(sequence);
                case RANK -> RankTest.run(sequence);
                case FFT -> SpectralTest.run(sequence);
                case NON_OVERLAPPING_TEMPLATE -> TemplateTests.nonOverlapping(sequence, parameters.nonOverlappingM());
                case OVERLAPPING_TEMPLATE -> TemplateTests.overlapping(sequence, parameters.overlappingM());
                case UNIVERSAL -> UniversalTest.run(sequence, parameters.universalL());
                case APPROXIMATE_ENTROPY -> patterns == null ? tooShort(test, n)
                        : PatternTests.approximateEntropy(n, patterns, parameters.approximateEntropyM());
                case RANDOM_EXCURSIONS -> excursions[0];
                case RANDOM_EXCURSIONS_VARIANT -> excursions[1];
                case SERIAL -> patterns == null ? tooShort(test, n) : PatternTests.serial(n, patterns, parameters.serialM());
                case LINEAR_COMPLEXITY -> LinearComplexityTest.run(sequence, parameters.linearComplexityM());
            };
            results.put(test, result);
        }
        return results;
    }

    private static TestResult tooShort(NistTest test, int n) {
        return TestResult.notApplicable(test, "n = " + n + " is shorter than the patterns counted");
    }
}

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

    /**
     * The battery of the given tests (empty: all fifteen) with the given parameters.
     *
     * @param parameters the tests' parameters
     * @param tests the tests to run; empty for all fifteen
     */
    public NistBattery(NistParameters parameters, Set<NistTest> tests) {
        this.parameters = parameters;
        this.tests = tests.isEmpty() ? EnumSet.allOf(NistTest.class) : EnumSet.copyOf(tests);
    }

    /**
     * All fifteen tests with NIST's default parameters.
     *
     * @return the default battery
     */
    public static NistBattery defaults() {
        return new NistBattery(NistParameters.DEFAULTS, EnumSet.allOf(NistTest.class));
    }

    /**
     * The tests' parameters.
     *
     * @return the parameters
     */
    public NistParameters parameters() {
        return parameters;
    }

    /**
     * The tests this battery runs, in NIST's order.
     *
     * @return the tests, in NIST's order
     */
    public Set<NistTest> tests() {
        return EnumSet.copyOf(tests);
    }

    /**
     * Every chosen test's result on {@code sequence}, in NIST's order of tests.
     *
     * @param sequence the bits to test
     * @return each test's result
     */
    public Map<NistTest, TestResult> run(BitSequence sequence) {
        Map<NistTest, TestResult> results = new EnumMap<>(NistTest.class);
        int n = sequence.length();
        boolean serial = tests.contains(NistTest.SERIAL) && belowRecommendedSize(NistTest.SERIAL, n) == null;
        boolean entropy = tests.contains(NistTest.APPROXIMATE_ENTROPY)
                && belowRecommendedSize(NistTest.APPROXIMATE_ENTROPY, n) == null;
        int[] patterns = serial || entropy ? PatternTests.circularCounts(sequence,
                Math.max(serial ? parameters.serialM() : 0, entropy ? parameters.approximateEntropyM() + 1 : 0)) : null;
        TestResult[] excursions = null;
        if (tests.contains(NistTest.RANDOM_EXCURSIONS) || tests.contains(NistTest.RANDOM_EXCURSIONS_VARIANT)) {
            excursions = ExcursionTests.run(sequence, tests.contains(NistTest.RANDOM_EXCURSIONS),
                    tests.contains(NistTest.RANDOM_EXCURSIONS_VARIANT));
        }
        for (NistTest test : tests) {
            String reason = belowRecommendedSize(test, n);
            if (reason != null) {
                results.put(test, TestResult.notApplicable(test, reason));
                continue;
            }
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
                case APPROXIMATE_ENTROPY -> PatternTests.approximateEntropy(n, patterns, parameters.approximateEntropyM());
                case RANDOM_EXCURSIONS -> excursions[0];
                case RANDOM_EXCURSIONS_VARIANT -> excursions[1];
                case SERIAL -> PatternTests.serial(n, patterns, parameters.serialM());
                case LINEAR_COMPLEXITY -> LinearComplexityTest.run(sequence, parameters.linearComplexityM());
            };
            results.put(test, result);
        }
        return results;
    }

    /**
     * Why SP 800-22's input size recommendations (its sections 2.x.7) rule the test out for n bits with
     * these parameters, or null. Below them the test's approximations fail and its P-values mean nothing.
     */
    private String belowRecommendedSize(NistTest test, int n) {
        int log2 = 31 - Integer.numberOfLeadingZeros(n);
        return switch (test) {
            case FREQUENCY, BLOCK_FREQUENCY, RUNS, CUMULATIVE_SUMS -> n < 100 ? "n = " + n + " < 100" : null;
            case RANK -> n < 38_912 ? "n = " + n + " < 38,912 (38 matrices)" : null;
            case FFT -> n < 1000 ? "n = " + n + " < 1,000" : null;
            case LINEAR_COMPLEXITY -> n / parameters.linearComplexityM() < 200
                    ? "fewer than 200 blocks of M = " + parameters.linearComplexityM() : null;
            case SERIAL -> parameters.serialM() >= log2 - 2
                    ? "m = " + parameters.serialM() + " is not below floor(log2 n) - 2 = " + (log2 - 2) : null;
            case APPROXIMATE_ENTROPY -> parameters.approximateEntropyM() >= log2 - 5
                    ? "m = " + parameters.approximateEntropyM() + " is not below floor(log2 n) - 5 = " + (log2 - 5) : null;
            default -> null;
        };
    }
}

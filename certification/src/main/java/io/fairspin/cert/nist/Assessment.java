package io.fairspin.cert.nist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The second-level assessment of many sequences, as NIST's final analysis report makes it: for every
 * P-value the battery produces (each test, template, state and direction is a row), the proportion of
 * sequences that pass at {@code alpha} against its confidence interval p +- 3 sqrt(p(1-p)/s), and the
 * uniformity of the P-values (chi-square over 10 bins, flagged below 0.0001). The excursion tests count
 * only the sequences they applied to.
 *
 * <p>NIST's flags are per row, and with about 188 rows a good generator usually has one flagged by
 * chance. The overall {@link #passed verdict} therefore accounts for the number of rows: the battery
 * fails when some row is significant at {@code level} after a Bonferroni correction over all rows and
 * three criteria (its number of failing sequences, its uniformity P-value, its smallest P-value).
 *
 * @param sequences     the number of sequences tested
 * @param alpha         the first-level significance level (NIST: 0.01)
 * @param level         the overall significance level of the verdict
 * @param rows          one row per P-value position, in NIST's order
 * @param flaggedRows   rows NIST's criteria flag (a proportion outside its interval or uniformity below 0.0001)
 * @param expectedFlaggedRows how many rows NIST's criteria flag on average for a good generator
 * @param significantRows rows significant after the Bonferroni correction
 */
public record Assessment(int sequences, double alpha, double level, List<Row> rows, int flaggedRows,
                         double expectedFlaggedRows, int significantRows) {

    /** NIST's threshold for the uniformity of P-values. */
    public static final double UNIFORMITY_THRESHOLD = 0.0001;

    /**
     * One row of the report.
     *
     * @param test        the test
     * @param label       which P-value of the test: a template, a state, a direction, or "" when it has one
     * @param histogram   P-values per bin [0, 0.1), [0.1, 0.2) ... [0.9, 1]
     * @param uniformityP the chi-square P-value of the histogram, NaN with fewer than 10 P-values
     * @param passed      sequences with P-value at least alpha
     * @param sampleSize  sequences the test applied to
     * @param minPass     the least number passing within NIST's interval
     * @param maxPass     the most number passing within NIST's interval
     * @param minP        the smallest P-value
     * @param flagged     whether NIST's criteria flag the row
     * @param significant whether the row is significant after the correction for the number of rows
     */
    public record Row(NistTest test, String label, int[] histogram, double uniformityP, int passed, int sampleSize,
                      int minPass, int maxPass, double minP, boolean flagged, boolean significant) {

        /**
         * Whether the proportion of passing sequences is within NIST's interval.
         *
         * @return true when {@code minPass <= passed <= maxPass}, or no sequence applied
         */
        public boolean proportionOk() {
            return sampleSize == 0 || (passed >= minPass && passed <= maxPass);
        }

        /**
         * Whether the P-values are uniform enough (NIST's threshold 0.0001).
         *
         * @return true when the uniformity P-value is at least 0.0001, or there were too few P-values to tell
         */
        public boolean uniformityOk() {
            return Double.isNaN(uniformityP) || uniformityP >= UNIFORMITY_THRESHOLD;
        }
    }

    /**
     * Whether the battery passes overall: no row significant after the correction.
     *
     * @return true when the battery passes
     */
    public boolean passed() {
        return significantRows == 0;
    }

    /**
     * Assesses the results of {@code battery} on the sequences.
     *
     * @param battery the tests and parameters that produced the results
     * @param results each sequence's results, in order
     * @param alpha the significance level of each P-value, 0.01 by default
     * @param level the family-wise level of the correction over the rows
     * @return the rows of NIST's final analysis report and the verdict
     */
    public static Assessment of(NistBattery battery, List<Map<NistTest, TestResult>> results, double alpha,
                                double level) {
        List<double[]> columns = new ArrayList<>();
        List<NistTest> tests = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (NistTest test : battery.tests()) {
            List<String> names = labels(test, battery.parameters());
            for (int i = 0; i < names.size(); i++) {
                List<Double> values = new ArrayList<>();
                for (Map<NistTest, TestResult> sequence : results) {
                    TestResult r = sequence.get(test);
                    if (r != null && r.applicable() && i < r.pValues().size()) {
                        values.add(r.pValues().get(i));
                    }
                }
                columns.add(values.stream().mapToDouble(Double::doubleValue).toArray());
                tests.add(test);
                labels.add(names.get(i));
            }
        }
        double perRowLevel = level / (3.0 * columns.size());
        List<Row> rows = new ArrayList<>();
        int flagged = 0;
        int significant = 0;
        double expectedFlagged = 0;
        for (int c = 0; c < columns.size(); c++) {
            Row row = row(tests.get(c), labels.get(c), columns.get(c), alpha, perRowLevel);
            rows.add(row);
            expectedFlagged += flagProbability(row, alpha);
            flagged += row.flagged() ? 1 : 0;
            significant += row.significant() ? 1 : 0;
        }
        return new Assessment(results.size(), alpha, level, List.copyOf(rows), flagged, expectedFlagged, significant);
    }

    /** The chance that NIST's criteria flag a row of a good generator: binomial proportion, plus uniformity. */
    private static double flagProbability(Row row, double alpha) {
        if (row.sampleSize() == 0) {
            return 0;
        }
        BinomialDistribution passing = new BinomialDistribution(null, row.sampleSize(), 1 - alpha);
        double outside = passing.cumulativeProbability(row.minPass() - 1)
                + 1 - passing.cumulativeProbability(row.maxPass());
        return Math.min(1, outside + (Double.isNaN(row.uniformityP()) ? 0 : UNIFORMITY_THRESHOLD));
    }

    private static Row row(NistTest test, String label, double[] p, double alpha, double perRowLevel) {
        int size = p.length;
        int[] histogram = new int[10];
        int passed = 0;
        double minP = 1;
        for (double v : p) {
            histogram[Math.min(9, (int) Math.floor(v * 10))]++;
            passed += v >= alpha ? 1 : 0;
            minP = Math.min(minP, v);
        }
        double uniformity = Double.NaN;
        if (size >= 10) {
            double expected = size / 10.0;
            double chi2 = 0;
            for (int h : histogram) {
                chi2 += (h - expected) * (h - expected) / expected;
            }
            uniformity = Special.igamc(9.0 / 2.0, chi2 / 2.0);
        }
        double pHat = 1 - alpha;
        int maxPass = (int) ((pHat + 3.0 * Math.sqrt(pHat * alpha / size)) * size);
        int minPass = (int) ((pHat - 3.0 * Math.sqrt(pHat * alpha / size)) * size);
        boolean flagged = size > 0 && (passed < minPass || passed > maxPass
                || (!Double.isNaN(uniformity) && uniformity < UNIFORMITY_THRESHOLD));
        boolean significant = false;
        if (size > 0) {
            int failures = size - passed;
            double failureTail = failures == 0 ? 1
                    : 1 - new BinomialDistribution(null, size, alpha).cumulativeProbability(failures - 1);
            double smallest = -Math.expm1(size * Math.log1p(-minP));
            significant = failureTail < perRowLevel || smallest < perRowLevel
                    || (!Double.isNaN(uniformity) && uniformity < perRowLevel);
        }
        return new Row(test, label, histogram, uniformity, passed, size, size == 0 ? 0 : minPass,
                size == 0 ? 0 : maxPass, size == 0 ? Double.NaN : minP, flagged, significant);
    }

    /**
     * The label of each P-value a test produces, in order: "" for a test with one, else a direction, template or state.
     *
     * @param test the test
     * @param parameters the battery's parameters, which fix the number of templates and states
     * @return the labels, one per P-value
     */
    public static List<String> labels(NistTest test, NistParameters parameters) {
        return switch (test) {
            case CUMULATIVE_SUMS -> List.of("forward", "reverse");
            case SERIAL -> List.of("1", "2");
            case NON_OVERLAPPING_TEMPLATE -> {
                List<String> out = new ArrayList<>();
                int m = parameters.nonOverlappingM();
                for (int t : TemplateTests.aperiodicTemplates(m)) {
                    String bits = Integer.toBinaryString(t);
                    out.add("0".repeat(m - bits.length()) + bits);
                }
                yield out;
            }
            case RANDOM_EXCURSIONS -> List.of("x=-4", "x=-3", "x=-2", "x=-1", "x=+1", "x=+2", "x=+3", "x=+4");
            case RANDOM_EXCURSIONS_VARIANT -> {
                List<String> out = new ArrayList<>();
                for (int x = -9; x <= 9; x++) {
                    if (x != 0) {
                        out.add("x=" + (x > 0 ? "+" : "") + x);
                    }
                }
                yield out;
            }
            default -> List.of("");
        };
    }
}

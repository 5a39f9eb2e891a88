package io.fairspin.cert.nist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/** The second-level assessment on hand-made P-values, against figures worked out independently. */
class AssessmentTest {
    private static final NistBattery FREQUENCY_ONLY = new NistBattery(NistParameters.DEFAULTS,
            EnumSet.of(NistTest.FREQUENCY));

    private static List<Map<NistTest, TestResult>> results(double... pValues) {
        List<Map<NistTest, TestResult>> out = new ArrayList<>();
        for (double p : pValues) {
            out.add(Map.of(NistTest.FREQUENCY, TestResult.of(NistTest.FREQUENCY, p)));
        }
        return out;
    }

    @Test
    void histogramProportionAndUniformity() {
        // 20 P-values: two in each bin, except bin 0 with 4 (one below alpha) and bin 9 with 0.
        double[] p = {0.005, 0.02, 0.05, 0.09, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.12, 0.22, 0.32,
            0.42, 0.52, 0.62, 0.72, 0.82};
        Assessment a = Assessment.of(FREQUENCY_ONLY, results(p), 0.01, 0.01);
        Assessment.Row row = a.rows().get(0);
        assertArrayEquals(new int[] {4, 2, 2, 2, 2, 2, 2, 2, 2, 0}, row.histogram());
        assertEquals(19, row.passed());
        assertEquals(20, row.sampleSize());
        // NIST's interval for s = 20: floor((0.99 -+ 3 sqrt(0.99 * 0.01 / 20)) * 20) = floor(18.46), floor(21.13).
        assertEquals(18, row.minPass());
        assertEquals(21, row.maxPass());
        // chi-square: (4-2)^2/2 + (0-2)^2/2 = 4 with 9 degrees of freedom.
        assertEquals(1 - new ChiSquaredDistribution(9).cumulativeProbability(4), row.uniformityP(), 1e-12);
        assertFalse(row.flagged());
        assertTrue(a.passed());
    }

    @Test
    void nistsMinimumPassRatesFor10And100Sequences() {
        double[] ten = new double[10];
        java.util.Arrays.fill(ten, 0.5);
        assertEquals(8, Assessment.of(FREQUENCY_ONLY, results(ten), 0.01, 0.01).rows().get(0).minPass());
        double[] hundred = new double[100];
        java.util.Arrays.fill(hundred, 0.5);
        assertEquals(96, Assessment.of(FREQUENCY_ONLY, results(hundred), 0.01, 0.01).rows().get(0).minPass());
    }

    @Test
    void aSingleTinyPValueFailsTheVerdictAfterCorrection() {
        Assessment a = Assessment.of(FREQUENCY_ONLY, results(1e-9), 0.01, 0.01);
        assertFalse(a.passed());
        Assessment borderline = Assessment.of(FREQUENCY_ONLY, results(0.005), 0.01, 0.01);
        assertTrue(borderline.passed(), "one P-value of 0.005 among one row of one sequence is not significant");
    }

    @Test
    void excursionRowsCountOnlySequencesTheTestAppliedTo() {
        NistBattery battery = new NistBattery(NistParameters.DEFAULTS, EnumSet.of(NistTest.RANDOM_EXCURSIONS));
        List<Map<NistTest, TestResult>> results = List.of(
                Map.of(NistTest.RANDOM_EXCURSIONS, TestResult.of(NistTest.RANDOM_EXCURSIONS, 0.5, 0.5, 0.5, 0.5,
                        0.5, 0.5, 0.5, 0.5)),
                Map.of(NistTest.RANDOM_EXCURSIONS, TestResult.notApplicable(NistTest.RANDOM_EXCURSIONS, "few cycles")));
        Assessment a = Assessment.of(battery, results, 0.01, 0.01);
        assertEquals(8, a.rows().size());
        assertEquals("x=-4", a.rows().get(0).label());
        assertEquals(1, a.rows().get(0).sampleSize());
        String report = FinalAnalysisReport.format(a, "test");
        // rows carry the test's name alone, as NIST's finalAnalysisReport.txt writes them; the label stays in the row
        assertTrue(report.lines().anyMatch(l -> l.endsWith("  RandomExcursions")), report);
        assertTrue(!report.contains("RandomExcursions x=-4"), report);
        assertTrue(report.contains("random excursion (variant) test\nis approximately = 0 for a sample size = 1"),
                report);
    }
}

package io.fairspin.cert.nist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The battery's applicability rules, test selection and parameter checks. */
class NistBatteryTest {

    private static BitSequence random(int n) {
        byte[] bytes = new byte[(n + 7) / 8];
        new SplittableRandom(n).nextBytes(bytes);
        return BitSequence.fromBytes(bytes, 0, n);
    }

    @Test
    void testsBelowTheirRecommendedSizeDoNotApply() {
        Map<NistTest, TestResult> results = NistBattery.defaults().run(random(1000));
        for (NistTest test : EnumSet.of(NistTest.RANK, NistTest.NON_OVERLAPPING_TEMPLATE, NistTest.OVERLAPPING_TEMPLATE,
                NistTest.UNIVERSAL, NistTest.APPROXIMATE_ENTROPY, NistTest.SERIAL, NistTest.LINEAR_COMPLEXITY)) {
            assertFalse(results.get(test).applicable(), test + " at n = 1000");
        }
        assertEquals("m = 16 is not below floor(log2 n) - 2 = 7", results.get(NistTest.SERIAL).notApplicable());
        for (NistTest test : EnumSet.of(NistTest.FREQUENCY, NistTest.BLOCK_FREQUENCY, NistTest.RUNS,
                NistTest.LONGEST_RUN, NistTest.FFT, NistTest.CUMULATIVE_SUMS)) {
            assertTrue(results.get(test).applicable(), test + " at n = 1000");
        }
        assertFalse(NistBattery.defaults().run(random(99)).get(NistTest.FREQUENCY).applicable());
    }

    @Test
    void smallerPatternsMakeSerialAndApproximateEntropyApplyToShortSequences() {
        NistParameters parameters = new NistParameters(128, 9, 9, 2, 5, 500, 0);
        Map<NistTest, TestResult> results = new NistBattery(parameters,
                EnumSet.of(NistTest.SERIAL, NistTest.APPROXIMATE_ENTROPY)).run(random(1000));
        assertEquals(2, results.size());
        assertEquals(2, results.get(NistTest.SERIAL).pValues().size());
        assertEquals(1, results.get(NistTest.APPROXIMATE_ENTROPY).pValues().size());
    }

    @Test
    void parametersOutsideTheirRangeAreRejectedByOptionName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NistParameters(128, 9, 9, 10, 40, 500, 0));
        assertEquals("serial-m: must be in [2, 24], was 40", e.getMessage());
        assertEquals(NistTest.NON_OVERLAPPING_TEMPLATE, NistTest.fromName("NonOverlappingTemplate"));
        assertEquals(NistTest.NON_OVERLAPPING_TEMPLATE, NistTest.fromName("non-overlapping-template"));
    }

    @Test
    void thereAre148AperiodicTemplatesOfLength9AsInNistsTemplateFile() {
        int[] templates = TemplateTests.aperiodicTemplates(9);
        assertEquals(148, templates.length);
        assertEquals(0b000000001, templates[0]);
        assertEquals(0b111111110, templates[147]);
        // NIST's numOfTemplates table for m = 2 .. 10.
        int[] counts = {2, 4, 6, 12, 20, 40, 74, 148, 284};
        for (int m = 2; m <= 10; m++) {
            assertEquals(counts[m - 2], TemplateTests.aperiodicTemplates(m).length, "m = " + m);
        }
    }
}

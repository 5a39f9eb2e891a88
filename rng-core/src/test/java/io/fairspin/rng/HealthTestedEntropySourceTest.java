package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SP 800-90B health tests: cutoffs from the standard's formulas, and failures that stop the source. */
class HealthTestedEntropySourceTest {

    @Test
    void repetitionCutoffMatchesTheStandardsWorkedExample() {
        // SP 800-90B 4.4.1: alpha = 2^-20 and H = 2 give C = 1 + ceil(20 / 2) = 11.
        assertEquals(11, HealthTestCutoffs.repetitionCount(2.0, 20));
        assertEquals(1 + 30, HealthTestCutoffs.repetitionCount(1.0, 30));
        assertEquals(5, HealthTestCutoffs.repetitionCount(8.0, 30));
    }

    @ParameterizedTest
    @CsvSource({"1,20", "2,20", "4,20", "8,20", "0.5,30", "3.3,30", "8,30", "8,40", "6,40"})
    void proportionCutoffAgreesWithCommonsMathsBinomialQuantile(double h, int alphaExponent) {
        // CRITBINOM(W, p, 1 - alpha) is the (1 - alpha)-quantile of Binomial(W, p), computed independently.
        BinomialDistribution binomial = new BinomialDistribution(null, 512, Math.pow(2, -h));
        int quantile = binomial.inverseCumulativeProbability(1 - Math.pow(2, -alphaExponent));
        assertEquals(Math.min(512, 1 + quantile), HealthTestCutoffs.adaptiveProportion(h, alphaExponent));
    }

    @Test
    void aStuckSourceFailsAtStartUp() {
        EntropyHealthException e = assertThrows(EntropyHealthException.class,
                () -> new HealthTestedEntropySource(samples -> java.util.Arrays.fill(samples, (byte) 7), 8, 30));
        assertTrue(e.getMessage().contains("repetition count test"), e.getMessage());
    }

    /** A healthy source (a hash counter) at 8 bits per sample that repeats one byte while {@code stuck[0]}. */
    private static HealthTestedEntropySource stuckWhen(boolean[] stuck, String label) {
        EntropySource healthy = TestStreams.hashCounter(label);
        return new HealthTestedEntropySource(samples -> {
            if (stuck[0]) {
                java.util.Arrays.fill(samples, (byte) 0x42);
            } else {
                healthy.read(samples);
            }
        }, 8, 30);
    }

    @Test
    void aSourceThatSticksLaterFailsAndStaysFailed() {
        boolean[] stuck = {false};
        HealthTestedEntropySource source = stuckWhen(stuck, "later");
        source.read(new byte[4096]);
        stuck[0] = true;
        byte[] samples = new byte[64];
        assertThrows(EntropyHealthException.class, () -> source.read(samples));
        assertArrayEquals(new byte[64], samples, "samples of a failed read are wiped, not handed out");
        stuck[0] = false;
        assertThrows(EntropyHealthException.class, () -> source.read(new byte[16]), "failure is final");
    }

    @Test
    void healthyTellsWhetherEveryTestHasPassedSoFar() {
        boolean[] stuck = {false};
        HealthTestedEntropySource source = stuckWhen(stuck, "healthy-flag");
        assertTrue(source.healthy(), "start-up passed");
        source.read(new byte[1024]);
        assertTrue(source.healthy());
        stuck[0] = true;
        assertThrows(EntropyHealthException.class, () -> source.read(new byte[64]));
        assertFalse(source.healthy(), "a failure is final");
        assertEquals(512, HealthTestedEntropySource.proportionWindow(), "SP 800-90B's window for non-binary samples");
    }

    /** Sets the process-wide OS source's two static fields (the test puts them back). */
    private static void osState(Object source, Object failure) throws ReflectiveOperationException {
        java.lang.reflect.Field s = HealthTestedEntropySource.class.getDeclaredField("osSource");
        java.lang.reflect.Field f = HealthTestedEntropySource.class.getDeclaredField("osFailure");
        s.setAccessible(true);
        f.setAccessible(true);
        s.set(null, source);
        f.set(null, failure);
    }

    @Test
    void theOperatingSystemSourceIsOpenedOnceAndAFailureOfItIsFinal() throws Exception {
        HealthTestedEntropySource before = HealthTestedEntropySource.os();
        try {
            // As at the process's first use: nothing opened, nothing failed.
            osState(null, null);
            HealthTestedEntropySource first = HealthTestedEntropySource.os();
            assertNotNull(first);
            assertSame(first, HealthTestedEntropySource.os(), "one source per process");
            // As after a failed start-up: every later use is refused, naming the failure, and nothing is reopened.
            osState(null, new RngFailureException("start-up test failed"));
            RngFailureException e = assertThrows(RngFailureException.class, HealthTestedEntropySource::os);
            assertEquals("operating-system entropy failed earlier: start-up test failed", e.getMessage());
            assertThrows(RngFailureException.class, HealthTestedEntropySource::os, "still refused");
        } finally {
            osState(before, null);
        }
    }

    @Test
    void aBiasedSourceFailsTheAdaptiveProportionTest() {
        // Every other sample is 0: no long runs, but a window holds about 256 zeros against a cutoff near 14.
        EntropySource healthy = TestStreams.hashCounter("biased");
        EntropySource biased = samples -> {
            healthy.read(samples);
            for (int i = 0; i < samples.length; i += 2) {
                samples[i] = 0;
            }
        };
        EntropyHealthException e = assertThrows(EntropyHealthException.class,
                () -> new HealthTestedEntropySource(biased, 8, 30));
        assertTrue(e.getMessage().contains("adaptive proportion test"), e.getMessage());
    }

    @Test
    void aHealthySourcePassesMillionsOfSamples() {
        HealthTestedEntropySource source = new HealthTestedEntropySource(TestStreams.hashCounter("healthy"), 8, 30);
        assertDoesNotThrow(() -> {
            for (int i = 0; i < 256; i++) {
                source.read(new byte[16384]);
            }
        });
    }

    @Test
    void anAssessedOperatingSystemSourceUsesTheCutoffsForItsEntropy() {
        HealthTestedEntropySource source = HealthTestedEntropySource.os(7.2, 30);
        assertEquals(7.2, source.minEntropyPerSample());
        assertEquals(HealthTestedEntropySource.repetitionCutoff(7.2, 30), source.repetitionCutoff());
        assertEquals(1 + (int) Math.ceil(30 / 7.2), source.repetitionCutoff());
        assertEquals(HealthTestedEntropySource.proportionCutoff(7.2, 30), source.proportionCutoff());
        assertEquals(36, source.samplesFor(256));
        assertTrue(source.proportionCutoff() < HealthTestedEntropySource.os().proportionCutoff() + 512);
        assertThrows(IllegalArgumentException.class, () -> HealthTestedEntropySource.os(0, 30));
        assertThrows(IllegalArgumentException.class, () -> CertifiedRandom.builder().assessedOsEntropy(8.5));
        try (CertifiedRandom rng = CertifiedRandom.builder().assessedOsEntropy(4.0).build()) {
            int v = rng.nextInt(37);
            assertTrue(v >= 0 && v < 37);
        }
    }

    @Test
    void theOperatingSystemSourcePassesStartUp() {
        HealthTestedEntropySource source = HealthTestedEntropySource.os();
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        source.read(a);
        source.read(b);
        assertTrue(!java.util.Arrays.equals(a, b));
    }

    @Test
    void declaredEntropyAndAlphaAreValidated() {
        EntropySource s = TestStreams.hashCounter("x");
        assertThrows(IllegalArgumentException.class, () -> new HealthTestedEntropySource(s, 0, 30));
        assertThrows(IllegalArgumentException.class, () -> new HealthTestedEntropySource(s, 8.5, 30));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HealthTestedEntropySource(s, 8, 10));
        assertTrue(e.getMessage().startsWith("alphaExponent"));
    }
}

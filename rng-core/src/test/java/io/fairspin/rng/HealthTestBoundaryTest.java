package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cutoffs are where the standard puts them (SP 800-90B 4.4.1 and 4.4.2: a test fails when the count
 * reaches the cutoff C): C - 1 identical samples in a row pass and C fail; C - 1 copies of a window's
 * first sample in one window pass and C fail. For every declared min-entropy and alpha below, on a
 * scripted source whose start-up samples pass.
 */
class HealthTestBoundaryTest {

    static Stream<Arguments> claims() {
        List<Arguments> list = new ArrayList<>();
        for (double h : new double[] {8, 7.5, 6, 5, 4, 3, 2, 1.5, 1, 0.75, 0.5}) {
            for (int alpha : new int[] {20, 25, 30, 35, 40}) {
                list.add(Arguments.of(h, alpha));
            }
        }
        return list.stream();
    }

    /** A source that hands out a script: 1,024 passing start-up samples (0, 1, ..., 255, 0, ...), then {@code rest}. */
    private static HealthTestedEntropySource scripted(double h, int alpha, byte[] rest) {
        byte[] script = new byte[HealthTestedEntropySource.START_UP_SAMPLES + rest.length];
        for (int i = 0; i < HealthTestedEntropySource.START_UP_SAMPLES; i++) {
            script[i] = (byte) i;
        }
        System.arraycopy(rest, 0, script, HealthTestedEntropySource.START_UP_SAMPLES, rest.length);
        int[] at = {0};
        return new HealthTestedEntropySource(samples -> {
            System.arraycopy(script, at[0], samples, 0, samples.length);
            at[0] += samples.length;
        }, h, alpha);
    }

    /** {@code copies} samples of 0xAA, each followed by {@code gap} distinct other samples (never 0xAA). */
    private static byte[] spread(int copies, int gap, int length) {
        byte[] bytes = new byte[length];
        int filler = 0;
        for (int i = 0; i < length; i++) {
            if (i % (gap + 1) == 0 && i / (gap + 1) < copies) {
                bytes[i] = (byte) 0xAA;
            } else {
                filler = (filler + 1) % 256;
                if (filler == 0xAA) {
                    filler++;
                }
                bytes[i] = (byte) filler;
            }
        }
        return bytes;
    }

    @ParameterizedTest
    @MethodSource("claims")
    void repetitionCountCutoffMinusOnePassesAndCutoffFails(double h, int alpha) {
        int cutoff = HealthTestCutoffs.repetitionCount(h, alpha);
        assertTrue(cutoff < HealthTestCutoffs.adaptiveProportion(h, alpha), "the run alone trips the repetition test");
        byte[] run = new byte[cutoff - 1];
        java.util.Arrays.fill(run, (byte) 0xAA);
        HealthTestedEntropySource passing = scripted(h, alpha, concat(run, new byte[] {0x55}));
        assertDoesNotThrow(() -> passing.read(new byte[cutoff]));

        byte[] longer = new byte[cutoff];
        java.util.Arrays.fill(longer, (byte) 0xAA);
        HealthTestedEntropySource failing = scripted(h, alpha, longer);
        EntropyHealthException e = assertThrows(EntropyHealthException.class, () -> failing.read(new byte[cutoff]));
        assertEquals("entropy source failed the SP 800-90B repetition count test: " + cutoff + " identical samples in a"
                + " row (cutoff " + cutoff + ")", e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("claims")
    void adaptiveProportionCutoffMinusOnePassesAndCutoffFails(double h, int alpha) {
        int cutoff = HealthTestCutoffs.adaptiveProportion(h, alpha);
        int window = HealthTestCutoffs.WINDOW;
        if (cutoff > window) {
            return; // the test cannot fail at this claim: nothing to pin
        }
        // Copies as far apart as the window allows, so that no run reaches the repetition cutoff.
        int gap = Math.max(0, (window - cutoff) / Math.max(1, cutoff - 1));
        int rct = HealthTestCutoffs.repetitionCount(h, alpha);
        byte[] below = spread(cutoff - 1, gap, window);
        byte[] at = spread(cutoff, gap, window);
        if (gap == 0 && cutoff - 1 >= rct) {
            return; // the copies must be adjacent and the repetition test fires first
        }
        HealthTestedEntropySource passing = scripted(h, alpha, below);
        assertDoesNotThrow(() -> passing.read(new byte[window]));

        HealthTestedEntropySource failing = scripted(h, alpha, at);
        EntropyHealthException e = assertThrows(EntropyHealthException.class, () -> failing.read(new byte[window]));
        assertTrue(e.getMessage().startsWith("entropy source failed the SP 800-90B adaptive proportion test: " + cutoff
                + " copies of one sample in a window of " + window + " (cutoff " + cutoff + ")"), e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}

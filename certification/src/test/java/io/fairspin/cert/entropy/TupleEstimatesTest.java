package io.fairspin.cert.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The t-tuple and LRS counts of {@link TupleEstimates#repeats} (count tables up to a depth, LCP
 * intervals of the suffixes sorted group by group beyond it) against the whole suffix array's LCP
 * intervals of every length ({@link SlowTupleEstimates}): the same longest repeat, Q[t] and S[t] for
 * every t, on uniform, biased and strongly dependent samples (bits and bytes, {@link
 * FastPredictorsTest#samples}), on the bitstrings of byte samples, and on lengths around the table's
 * depth (short inputs, whose depth is a few symbols, and constant runs whose repeats are longer than
 * any table).
 */
class TupleEstimatesTest {

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        long seed = 100;
        for (String kind : new String[] {"uniform", "biased", "pattern"}) {
            for (int k : new int[] {2, 3, 16, 256}) {
                for (int n : new int[] {2, 3, 9, 255, 256, 257, 5_000, 70_000, 300_000}) {
                    if (k == 2 || n <= 70_000) {
                        b.add(Arguments.of(kind, k, n, seed++));
                    }
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} k={1} n={2}")
    @MethodSource("cases")
    void countsAgreeWithTheWholeSuffixArray(String kind, int k, int n, long seed) {
        byte[] s = FastPredictorsTest.samples(kind, k, n, seed);
        assertSame(s);
        if (k > 2) {
            int bits = 32 - Integer.numberOfLeadingZeros(k - 1);
            assertSame(EntropySamples.of(s, bits).bits());
        }
    }

    @ParameterizedTest(name = "n={0}")
    @MethodSource("runs")
    void constantRunsLongerThanTheTables(int n, int value) {
        byte[] s = new byte[n];
        java.util.Arrays.fill(s, (byte) value);
        s[n / 2] = (byte) (value ^ 1);
        assertSame(s);
    }

    static Stream<Arguments> runs() {
        return Stream.of(Arguments.of(2, 0), Arguments.of(40, 1), Arguments.of(3_000, 0), Arguments.of(3_000, 200));
    }

    private static void assertSame(byte[] s) {
        TupleEstimates.Repeats slow = SlowTupleEstimates.repeats(s);
        TupleEstimates.Repeats fast = TupleEstimates.repeats(s);
        assertEquals(slow.longest(), fast.longest(), "longest repeat");
        assertArrayEquals(slow.q(), fast.q(), "Q[t]");
        assertArrayEquals(slow.pairs(), fast.pairs(), "S[t]");
    }
}

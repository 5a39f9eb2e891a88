package io.fairspin.cert.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast MultiMMC and LZ78Y predictors ({@link Predictors}) against the step-by-step transcription
 * of NIST's loops that first reproduced NIST's reference figures ({@link SlowPredictors}), and the
 * binary MultiMCW and Lag against the general loops for any alphabet: the same
 * counts (C, N, longest run) and so the same estimate, on uniform, biased and strongly dependent
 * samples of 2 to 256 values, with NIST's dictionary limits and with small ones, so that the
 * dictionaries fill early and the filling step's edge cases (contexts whose shorter suffixes found no
 * room) occur many times. The test data come from a seeded {@link SplittableRandom} (test input
 * only).
 */
class FastPredictorsTest {

    /** A sequence of {@code n} samples below {@code k}: uniform, biased, or a noisy repeating pattern. */
    static byte[] samples(String kind, int k, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] s = new byte[n];
        int[] pattern = r.ints(7, 0, k).toArray();
        for (int i = 0; i < n; i++) {
            int v = switch (kind) {
                case "uniform" -> r.nextInt(k);
                // about half the samples 0, the rest falling off geometrically
                case "biased" -> Math.min(k - 1, Integer.numberOfTrailingZeros(r.nextInt() | (1 << 30)));
                // a period-7 pattern, one sample in ten replaced
                default -> r.nextInt(10) == 0 ? r.nextInt(k) : pattern[i % 7];
            };
            s[i] = (byte) v;
        }
        return s;
    }

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        long seed = 1;
        for (String kind : new String[] {"uniform", "biased", "pattern"}) {
            for (int k : new int[] {2, 3, 4, 16, 256}) {
                int n = k == 2 ? 300_000 : 60_000;
                b.add(Arguments.of(kind, k, n, seed++));
            }
        }
        return b.build();
    }

    private static EntropySamples of(String kind, int k, int n, long seed) {
        int bits = 32 - Integer.numberOfLeadingZeros(k - 1);
        return EntropySamples.of(samples(kind, k, n, seed), bits);
    }

    @ParameterizedTest(name = "{0} k={1} n={2}")
    @MethodSource("cases")
    void multiMmcAgreesWithTheTranscription(String kind, int k, int n, long seed) {
        EntropySamples e = of(kind, k, n, seed);
        byte[] s = e.symbols();
        int alphabet = e.alphabetSize();
        int[] limits = alphabet == 2 ? new int[] {Predictors.MMC_MAX_ENTRIES, 1 << 16}
                : new int[] {Predictors.MMC_MAX_ENTRIES, 1_000, 50};
        for (int limit : limits) {
            assertEquals(SlowPredictors.multiMmc(s, alphabet, "L", limit).toString(),
                    Predictors.multiMmc(s, alphabet, "L", limit).toString(), "limit " + limit);
        }
        if (alphabet > 2) {
            byte[] bits = e.bits();
            assertEquals(SlowPredictors.multiMmc(bits, 2, "B", Predictors.MMC_MAX_ENTRIES).toString(),
                    Predictors.multiMmc(bits, 2, "B").toString());
        }
    }

    @ParameterizedTest(name = "{0} k={1} n={2}")
    @MethodSource("cases")
    void binaryMultiMcwAndLagAgreeWithTheGeneralLoops(String kind, int k, int n, long seed) {
        EntropySamples e = of(kind, k, n, seed);
        byte[] bits = k == 2 ? e.symbols() : e.bits();
        assertEquals(Predictors.generalMultiMcw(bits, 2, "B").toString(), Predictors.multiMcw(bits, 2, "B").toString());
        assertEquals(Predictors.generalLag(bits, 2, "B").toString(), Predictors.lag(bits, 2, "B").toString());
    }

    @ParameterizedTest(name = "{0} k={1} n={2}")
    @MethodSource("cases")
    void lz78yAgreesWithTheTranscription(String kind, int k, int n, long seed) {
        EntropySamples e = of(kind, k, n, seed);
        byte[] s = e.symbols();
        int alphabet = e.alphabetSize();
        for (int limit : new int[] {Predictors.LZ_MAX_DICTIONARY, 3_000, 100, 17}) {
            assertEquals(SlowPredictors.lz78y(s, alphabet, "L", limit).toString(),
                    Predictors.lz78y(s, alphabet, "L", limit).toString(), "limit " + limit);
        }
        if (alphabet > 2) {
            byte[] bits = e.bits();
            for (int limit : new int[] {Predictors.LZ_MAX_DICTIONARY, 100}) {
                assertEquals(SlowPredictors.lz78y(bits, 2, "B", limit).toString(),
                        Predictors.lz78y(bits, 2, "B", limit).toString(), "bits, limit " + limit);
            }
        }
    }
}

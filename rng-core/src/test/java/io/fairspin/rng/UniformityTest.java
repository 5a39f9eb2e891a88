package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Chi-square goodness of fit of derivation v1's bounded integers, over many bounds including those near
 * 2^31 and 2^32 where a modulo mapping would be visibly biased.
 *
 * <p>Each bound is tested on {@value #REPEATS} independent streams; the number of rejections at level
 * 0.01 over all tests is judged against Binomial(tests, 0.01): the suite fails only if so many rejections
 * would happen by chance with probability below 10^-6. The streams are seeded, so the verdict is
 * reproducible. A negative control runs the same procedure on a modulo mapping and must fail.
 */
class UniformityTest {
    private static final int REPEATS = 10;
    private static final int SAMPLES = 100_000;
    private static final int LONG_REPEATS = 100;
    private static final int LONG_SAMPLES = 1_000_000;
    private static final int MAX_BINS = 64;
    private static final double LEVEL = 0.01;

    private static final long[] BOUNDS = {
        2, 3, 6, 37, 38, 100, 1000, 65_537,
        (1L << 31) - 1, (1L << 31) + 1, 3L << 30, (1L << 32) - 1, 1L << 32, (1L << 32) + 1,
        3L << 61, Long.MAX_VALUE,
    };

    @Test
    void boundedIntegersAreUniformForEveryBound() {
        judgeAllBounds(REPEATS, SAMPLES);
    }

    /** The same at ten times the repetitions and samples: about a minute on 2 cores. */
    @Test
    @Tag("long")
    void boundedIntegersAreUniformForEveryBoundAtLength() {
        judgeAllBounds(LONG_REPEATS, LONG_SAMPLES);
    }

    private static void judgeAllBounds(int repeats, int samples) {
        int rejections = 0;
        int tests = 0;
        List<String> rejected = new ArrayList<>();
        for (long bound : BOUNDS) {
            for (int r = 0; r < repeats; r++) {
                DrbgStream stream = TestStreams.drbg(bound * 31 + r);
                double p = chiSquarePValue(bound, samples, v -> stream.nextLong(bound));
                tests++;
                if (p < LEVEL) {
                    rejections++;
                    rejected.add(bound + "#" + r + " p=" + p);
                }
            }
        }
        int allowed = allowedRejections(tests);
        assertTrue(rejections <= allowed, rejections + " of " + tests + " rejected (allowed " + allowed + "): " + rejected);
    }

    @Test
    void negativeControlTheProcedureRejectsAModuloMapping() {
        long bound = 3L << 30;
        int rejections = 0;
        for (int r = 0; r < REPEATS; r++) {
            DrbgStream stream = TestStreams.drbg(r);
            if (chiSquarePValue(bound, SAMPLES, v -> (stream.nextInt() & 0xFFFF_FFFFL) % bound) < LEVEL) {
                rejections++;
            }
        }
        assertTrue(rejections > allowedRejections(REPEATS), "modulo bias went unnoticed: " + rejections);
    }

    /** The largest rejection count whose upper tail under Binomial(tests, LEVEL) is at least 10^-6. */
    private static int allowedRejections(int tests) {
        BinomialDistribution binomial = new BinomialDistribution(null, tests, LEVEL);
        int c = 0;
        while (1 - binomial.cumulativeProbability(c) >= 1e-6) {
            c++;
        }
        return c;
    }

    /** Bins values of [0, n) into min(n, 64) intervals of near-equal size and tests against exact sizes. */
    private static double chiSquarePValue(long n, int samples, LongUnaryOperator draw) {
        int bins = (int) Math.min(n, MAX_BINS);
        long[] observed = new long[bins];
        for (int i = 0; i < samples; i++) {
            long v = draw.applyAsLong(i);
            assertTrue(v >= 0 && v < n, "out of range: " + v);
            observed[bin(v, n, bins)]++;
        }
        double[] expected = new double[bins];
        for (int b = 0; b < bins; b++) {
            expected[b] = (double) binSize(b, n, bins) / n * samples;
        }
        return new ChiSquareTest().chiSquareTest(expected, observed);
    }

    /** floor(v * bins / n), exactly. */
    private static int bin(long v, long n, int bins) {
        if (v < (Long.MAX_VALUE / bins)) {
            return (int) (v * bins / n);
        }
        return BigInteger.valueOf(v).multiply(BigInteger.valueOf(bins)).divide(BigInteger.valueOf(n)).intValue();
    }

    /** How many v in [0, n) have floor(v * bins / n) = b: ceil((b+1)n/bins) - ceil(bn/bins). */
    private static long binSize(int b, long n, int bins) {
        BigInteger big = BigInteger.valueOf(n);
        BigInteger k = BigInteger.valueOf(bins);
        BigInteger upper = big.multiply(BigInteger.valueOf(b + 1L)).add(k).subtract(BigInteger.ONE).divide(k);
        BigInteger lower = big.multiply(BigInteger.valueOf(b)).add(k).subtract(BigInteger.ONE).divide(k);
        return upper.subtract(lower).longValueExact();
    }
}

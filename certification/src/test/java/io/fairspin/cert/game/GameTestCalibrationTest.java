package io.fairspin.cert.game;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.cert.TestGenerators;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.RandomStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each game-level test is calibrated: on a good generator (seeded CTR_DRBG through derivation v1) its
 * P-values are uniform. Over 200 seeded repetitions the number below 0.01 and below 0.1 must lie within
 * binomial bounds that a calibrated test leaves with probability below 1e-4 each (at most 9 of 200
 * below 0.01; 4 to 37 of 200 below 0.1). A miscalibrated test (a wrong degree of freedom, variance or
 * scaling) fails these bounds.
 */
class GameTestCalibrationTest {
    private static final int REPETITIONS = 200;

    private static void assertCalibrated(Map<String, List<Double>> pValues) {
        List<String> problems = new ArrayList<>();
        pValues.forEach((name, ps) -> {
            long below1 = ps.stream().filter(p -> p < 0.01).count();
            long below10 = ps.stream().filter(p -> p < 0.1).count();
            if (ps.size() != REPETITIONS || below1 > 9 || below10 < 4 || below10 > 37) {
                problems.add(name + ": " + ps.size() + " P-values, " + below1 + " below 0.01, " + below10 + " below 0.1");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 6, 37, 1000, 1L << 32})
    void outcomeTestsAreCalibrated(long range) {
        Map<String, List<Double>> pValues = new LinkedHashMap<>();
        int count = 6000;
        for (int rep = 0; rep < REPETITIONS; rep++) {
            RandomStream stream = TestGenerators.drbg(DrbgMechanism.CTR_AES256, range * 1000 + rep);
            OutcomeBattery battery = new OutcomeBattery(range, count);
            for (int i = 0; i < count; i++) {
                battery.accept(stream.nextLong(range));
            }
            for (GameTestResult r : battery.results()) {
                if (r.applicable()) {
                    pValues.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r.pValue());
                }
            }
        }
        assertTrue(pValues.size() >= (range == 2 ? 6 : 7), "tests that applied: " + pValues.keySet());
        assertCalibrated(pValues);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 8, 52})
    void cardPositionsAreCalibrated(int deckSize) {
        Map<String, List<Double>> pValues = new LinkedHashMap<>();
        for (int rep = 0; rep < REPETITIONS; rep++) {
            RandomStream stream = TestGenerators.drbg(DrbgMechanism.HMAC_SHA256, deckSize * 1000L + rep);
            PermutationTest test = new PermutationTest(deckSize);
            int[] deck = new int[deckSize];
            for (int s = 0; s < 6 * deckSize; s++) {
                for (int i = 0; i < deckSize; i++) {
                    deck[i] = i;
                }
                stream.shuffle(deck);
                test.accept(deck);
            }
            pValues.computeIfAbsent("card positions, " + deckSize + " cards", k -> new ArrayList<>())
                    .add(test.result().pValue());
        }
        assertCalibrated(pValues);
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 5000})
    void kolmogorovSmirnovIsCalibrated(int count) {
        Map<String, List<Double>> pValues = new LinkedHashMap<>();
        for (int rep = 0; rep < REPETITIONS; rep++) {
            RandomStream stream = TestGenerators.drbg(DrbgMechanism.HASH_SHA256, count * 1000L + rep);
            UniformDoublesTest test = new UniformDoublesTest();
            for (int i = 0; i < count; i++) {
                test.accept(stream.nextDouble());
            }
            pValues.computeIfAbsent("KS, " + count, k -> new ArrayList<>()).add(test.result().pValue());
        }
        assertCalibrated(pValues);
    }

    /** Keno-like samples (k of n, k < n): the value frequency with its finite population correction and the positions table. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 20})
    void samplesAreCalibrated(int k) {
        int n = k == 20 ? 80 : 12;
        Map<String, List<Double>> pValues = new LinkedHashMap<>();
        for (int rep = 0; rep < REPETITIONS; rep++) {
            RandomStream stream = TestGenerators.drbg(DrbgMechanism.CTR_AES256, k * 1000L + rep);
            SampleTest test = new SampleTest(n, k);
            for (int s = 0; s < 8 * n; s++) {
                test.accept(java.util.Arrays.stream(stream.sample(n, k)).asLongStream().toArray(), 0);
            }
            for (GameTestResult r : test.results()) {
                pValues.computeIfAbsent(r.name() + ", " + k + " of " + n, key -> new ArrayList<>()).add(r.pValue());
            }
        }
        assertCalibrated(pValues);
    }

    /** Weighted picks against their weights, a zero weight included (pooled with a neighbour). */
    @ParameterizedTest
    @ValueSource(ints = {300, 5000})
    void weightedPicksAreCalibrated(int count) {
        long[] weights = {1, 7, 0, 30, 2, 12, 48};
        Map<String, List<Double>> pValues = new LinkedHashMap<>();
        for (int rep = 0; rep < REPETITIONS; rep++) {
            RandomStream stream = TestGenerators.drbg(DrbgMechanism.HMAC_SHA512, count * 1000L + rep);
            long[] picks = new long[count];
            for (int i = 0; i < count; i++) {
                picks[i] = stream.pick(weights);
            }
            for (GameTestResult r : WeightedPickTest.results(weights, picks)) {
                pValues.computeIfAbsent(r.name() + ", " + count, key -> new ArrayList<>()).add(r.pValue());
            }
        }
        assertCalibrated(pValues);
    }
}

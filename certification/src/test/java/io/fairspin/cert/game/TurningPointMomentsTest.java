package io.fairspin.cert.game;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact moments of the turning-point count against an independent computation: enumerating every
 * one of the d^n sequences and counting, and the classical continuous-data formulas as d grows.
 */
class TurningPointMomentsTest {

    @ParameterizedTest
    @CsvSource({"2, 7", "3, 6", "4, 6", "5, 5", "7, 5"})
    void matchFullEnumeration(int d, int n) {
        long sequences = (long) Math.pow(d, n);
        double sum = 0;
        double sumSquares = 0;
        int[] x = new int[n];
        for (long code = 0; code < sequences; code++) {
            long rest = code;
            for (int i = 0; i < n; i++) {
                x[i] = (int) (rest % d);
                rest /= d;
            }
            int turns = 0;
            for (int i = 1; i < n - 1; i++) {
                if ((x[i] > x[i - 1] && x[i] > x[i + 1]) || (x[i] < x[i - 1] && x[i] < x[i + 1])) {
                    turns++;
                }
            }
            sum += turns;
            sumSquares += (double) turns * turns;
        }
        double mean = sum / sequences;
        double variance = sumSquares / sequences - mean * mean;
        double[] m = TurningPointTest.moments(n, d);
        assertEquals(mean, m[0], 1e-12);
        assertEquals(variance, m[1], 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"1000", "100000"})
    void tendToTheContinuousFormulasForLargeRanges(long n) {
        double[] m = TurningPointTest.moments(n, 1L << 32);
        assertEquals(2.0 * (n - 2) / 3, m[0], 1e-6 * n);
        assertEquals((16.0 * n - 29) / 90, m[1], 1e-6 * n);
    }
}

package io.fairspin.cert.game;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dynamic programs against Knuth's closed forms for equal probabilities (Stirling numbers of the second kind). */
class SubsetDistributionsTest {

    private static BigInteger stirling2(int n, int k) {
        BigInteger[][] s = new BigInteger[n + 1][k + 1];
        for (BigInteger[] row : s) {
            Arrays.fill(row, BigInteger.ZERO);
        }
        s[0][0] = BigInteger.ONE;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= Math.min(i, k); j++) {
                s[i][j] = s[i - 1][j - 1].add(BigInteger.valueOf(j).multiply(s[i - 1][j]));
            }
        }
        return s[n][k];
    }

    private static double[] equal(int d) {
        double[] p = new double[d];
        Arrays.fill(p, 1.0 / d);
        return p;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 8, 16})
    void pokerMatchesFallingFactorialTimesStirling(int d) {
        double[] got = SubsetDistributions.distinct(equal(d), 5);
        for (int r = 1; r <= Math.min(5, d); r++) {
            BigInteger falling = BigInteger.ONE;
            for (int i = 0; i < r; i++) {
                falling = falling.multiply(BigInteger.valueOf(d - i));
            }
            double want = falling.multiply(stirling2(5, r)).doubleValue() / Math.pow(d, 5);
            assertEquals(want, got[r], 1e-14, "r = " + r);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 8})
    void couponLengthsMatchKnuth(int d) {
        int t = 40;
        double[] got = SubsetDistributions.collectionLengths(equal(d), t);
        BigInteger dFactorial = BigInteger.ONE;
        for (int i = 2; i <= d; i++) {
            dFactorial = dFactorial.multiply(BigInteger.valueOf(i));
        }
        double sum = 0;
        for (int r = d; r < t; r++) {
            // P(length = r) = d! / d^r * S(r - 1, d - 1)
            double want = new java.math.BigDecimal(dFactorial.multiply(stirling2(r - 1, d - 1)))
                    .divide(new java.math.BigDecimal(BigInteger.valueOf(d).pow(r)), java.math.MathContext.DECIMAL64)
                    .doubleValue();
            assertEquals(want, got[r], 1e-14, "r = " + r);
            sum += got[r];
        }
        assertEquals(1 - sum, got[t], 1e-12);
    }
}

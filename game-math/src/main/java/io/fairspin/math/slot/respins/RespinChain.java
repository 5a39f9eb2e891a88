package io.fairspin.math.slot.respins;

import io.fairspin.math.Fraction;
import java.math.BigInteger;

/**
 * The exact distribution of the coins held when a hold-and-win feature ends, as a Markov chain over
 * (coins held n, respins left r). Each respin draws every empty cell independently (a coin with chance
 * p = coin / (coin + empty)), so the j new coins of a respin with m = cells - n empty cells are
 * binomial(m, p): j = 0 takes (n, r) to (n, r - 1), j > 0 to (n + j, respins). The chain ends with no
 * respins left or a full screen. n never falls, so the states are settled in order of n, then of r from
 * high to low, and every probability is an exact fraction.
 */
final class RespinChain {
    private RespinChain() {
    }

    /**
     * The chance of ending with n coins, n = 0 .. cells, starting with {@code start} coins held and
     * {@code respins} respins.
     */
    static Fraction[] finalCoins(int cells, int respins, long coinWeight, long emptyWeight, int start) {
        Fraction[][] binomial = binomials(cells, coinWeight, emptyWeight);
        Fraction[][] mass = new Fraction[cells + 1][respins + 1];
        for (Fraction[] row : mass) {
            java.util.Arrays.fill(row, Fraction.ZERO);
        }
        mass[start][respins] = Fraction.ONE;
        for (int n = start; n < cells; n++) {
            int empty = cells - n;
            for (int r = respins; r >= 1; r--) {
                Fraction m = mass[n][r];
                if (m.signum() == 0) {
                    continue;
                }
                mass[n][r - 1] = mass[n][r - 1].add(m.multiply(binomial[empty][0]));
                for (int j = 1; j <= empty; j++) {
                    mass[n + j][respins] = mass[n + j][respins].add(m.multiply(binomial[empty][j]));
                }
            }
        }
        Fraction[] end = new Fraction[cells + 1];
        for (int n = 0; n < cells; n++) {
            end[n] = mass[n][0];
        }
        end[cells] = Fraction.ZERO;
        for (Fraction m : mass[cells]) {
            end[cells] = end[cells].add(m);
        }
        return end;
    }

    /** binomial[m][j]: the chance that j of m empty cells land a coin on one respin. */
    private static Fraction[][] binomials(int cells, long coinWeight, long emptyWeight) {
        BigInteger a = BigInteger.valueOf(coinWeight);
        BigInteger b = BigInteger.valueOf(emptyWeight);
        BigInteger total = a.add(b);
        Fraction[][] binomial = new Fraction[cells + 1][];
        for (int m = 0; m <= cells; m++) {
            binomial[m] = new Fraction[m + 1];
            BigInteger choose = BigInteger.ONE;
            for (int j = 0; j <= m; j++) {
                if (j > 0) {
                    choose = choose.multiply(BigInteger.valueOf(m - j + 1)).divide(BigInteger.valueOf(j));
                }
                binomial[m][j] = Fraction.of(choose.multiply(a.pow(j)).multiply(b.pow(m - j)), total.pow(m));
            }
        }
        return binomial;
    }
}

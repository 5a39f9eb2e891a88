package io.fairspin.math.slot.respins;

import io.fairspin.math.Fraction;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The exact distribution of the coins held when a hold-and-win feature ends, as a Markov chain. Cells with the
 * same landing weights form a <em>landing class</em>, and cells of one class are alike, so a state is the coins
 * held per class (in mixed radix: class c's count times {@code radix[c]}) with the respins left r. Each respin
 * draws every empty cell independently (a coin with its class's chance p = coin / (coin + empty)), so the new
 * coins of class c are binomial(empty cells of c, p_c), independently per class: no new coin takes (n, r) to
 * (n, r - 1), any new coin to (n + j, respins). The chain ends with no respins left or a full screen. The coins
 * held never fall, so the states are settled from the fullest down, every probability an exact fraction. With
 * one class (the same landing everywhere) the state is the number of coins held.
 */
final class RespinChain {
    /** The most transitions (start states times landing patterns per class count) the exact analysis plays out. */
    static final long BUDGET = 2_000_000;

    private final int cells;
    private final int respins;
    private final int[] size;
    private final int[] radix;
    private final int states;
    /** binomial[c][m][j]: the chance that j of m empty cells of class c land a coin on one respin. */
    private final Fraction[][][] binomial;
    /** Per state, the distribution of the coins held at the end, starting there with every respin left. */
    private final Fraction[][] ends;

    /**
     * The chain of a feature.
     *
     * @param classOf   per cell its landing class, from 0
     * @param coin      per class the weight of a coin landing
     * @param empty     per class the weight of the cell staying empty
     * @param respins   respins at the start and after each respin that lands a coin
     */
    RespinChain(int[] classOf, long[] coin, long[] empty, int respins) {
        this.cells = classOf.length;
        this.respins = respins;
        int classes = coin.length;
        size = new int[classes];
        for (int c : classOf) {
            size[c]++;
        }
        radix = new int[classes];
        long product = 1;
        for (int c = 0; c < classes; c++) {
            radix[c] = (int) product;
            product *= size[c] + 1;
            if (product > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("too many landing classes for one chain");
            }
        }
        states = (int) product;
        binomial = new Fraction[classes][][];
        for (int c = 0; c < classes; c++) {
            binomial[c] = binomials(size[c], coin[c], empty[c]);
        }
        ends = new Fraction[states][];
        Integer[] order = new Integer[states];
        for (int s = 0; s < states; s++) {
            order[s] = s;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(coins(b), coins(a)));
        for (int s : order) {
            ends[s] = settle(s);
        }
    }

    /**
     * The transitions the chain plays out for these class sizes: per state, one per landing pattern count.
     *
     * @param classOf per cell its landing class
     * @param classes the number of classes
     * @return the product over the classes of (size + 1)(size + 2) / 2, saturating at {@link Long#MAX_VALUE}
     */
    static long transitions(int[] classOf, int classes) {
        long[] sizes = new long[classes];
        for (int c : classOf) {
            sizes[c]++;
        }
        double product = 1;
        for (long n : sizes) {
            product *= (n + 1) * (n + 2) / 2.0;
        }
        return product >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) product;
    }

    /** The number of states: coins held per class, in mixed radix. */
    int states() {
        return states;
    }

    /** What one held coin of class {@code c} adds to a state's code. */
    int radix(int c) {
        return radix[c];
    }

    /** The landing classes. */
    int classes() {
        return size.length;
    }

    /** The cells of class {@code c}. */
    int size(int c) {
        return size[c];
    }

    /** The coins of class {@code c} held in state {@code s}. */
    int count(int s, int c) {
        return s / radix[c] % (size[c] + 1);
    }

    /** The coins held in state {@code s}. */
    int coins(int s) {
        int total = 0;
        for (int c = 0; c < size.length; c++) {
            total += s / radix[c] % (size[c] + 1);
        }
        return total;
    }

    /** The chance of ending with n coins, n = 0 .. cells, starting in state {@code s} with every respin left. */
    Fraction[] finalCoins(int s) {
        return ends[s].clone();
    }

    /** V(s, respins) from the states with more coins, settled before. */
    private Fraction[] settle(int s) {
        int held = coins(s);
        Fraction[] stay = point(held);
        if (held == cells) {
            return stay;
        }
        int classes = size.length;
        int[] empty = new int[classes];
        for (int c = 0; c < classes; c++) {
            empty[c] = size[c] - s / radix[c] % (size[c] + 1);
        }
        // Every count of new coins per class: j in mixed radix over (empty + 1).
        Fraction none = Fraction.ONE;
        for (int c = 0; c < classes; c++) {
            none = none.multiply(binomial[c][empty[c]][0]);
        }
        Fraction[] moved = point(-1);
        int[] j = new int[classes];
        while (true) {
            int c = 0;
            while (c < classes && ++j[c] > empty[c]) {
                j[c] = 0;
                c++;
            }
            if (c == classes) {
                break;
            }
            Fraction p = Fraction.ONE;
            int target = s;
            for (int d = 0; d < classes; d++) {
                p = p.multiply(binomial[d][empty[d]][j[d]]);
                target += j[d] * radix[d];
            }
            if (p.signum() == 0) {
                continue;
            }
            Fraction[] after = ends[target];
            for (int n = 0; n <= cells; n++) {
                if (after[n].signum() != 0) {
                    moved[n] = moved[n].add(p.multiply(after[n]));
                }
            }
        }
        // V(s, r) = P(none) V(s, r - 1) + moved, from V(s, 0) = the coins held now.
        for (int r = 1; r <= respins; r++) {
            Fraction[] next = new Fraction[cells + 1];
            for (int n = 0; n <= cells; n++) {
                next[n] = none.multiply(stay[n]).add(moved[n]);
            }
            stay = next;
        }
        return stay;
    }

    /** The distribution of exactly {@code n} coins (all zero for n = -1). */
    private Fraction[] point(int n) {
        Fraction[] v = new Fraction[cells + 1];
        Arrays.fill(v, Fraction.ZERO);
        if (n >= 0) {
            v[n] = Fraction.ONE;
        }
        return v;
    }

    /**
     * The chance of ending with n coins, n = 0 .. cells, with every cell landing alike: {@code start} coins held,
     * {@code respins} respins, coin and empty weights.
     */
    static Fraction[] finalCoins(int cells, int respins, long coinWeight, long emptyWeight, int start) {
        return new RespinChain(new int[cells], new long[] {coinWeight}, new long[] {emptyWeight}, respins).finalCoins(start);
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

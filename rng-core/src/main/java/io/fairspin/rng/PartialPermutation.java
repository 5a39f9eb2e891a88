package io.fairspin.rng;

import java.util.HashMap;
import java.util.Map;

/**
 * The permutation 0..n-1 under a sequence of swaps, for sampling without replacement. Small n keep an
 * array; large n keep only the displaced positions, so drawing k of 2^31 - 1 costs O(k) memory.
 */
final class PartialPermutation {
    private static final int DENSE_LIMIT = 1 << 16;

    private final int[] dense;
    private final Map<Integer, Integer> displaced;

    PartialPermutation(int n) {
        if (n <= DENSE_LIMIT) {
            dense = new int[n];
            for (int i = 0; i < n; i++) {
                dense[i] = i;
            }
            displaced = null;
        } else {
            dense = null;
            displaced = new HashMap<>();
        }
    }

    /** Swaps positions i and j and returns the value now at position i. */
    int swap(int i, int j) {
        if (dense != null) {
            int held = dense[i];
            dense[i] = dense[j];
            dense[j] = held;
            return dense[i];
        }
        int atI = displaced.getOrDefault(i, i);
        int atJ = displaced.getOrDefault(j, j);
        displaced.put(i, atJ);
        displaced.put(j, atI);
        return atJ;
    }
}

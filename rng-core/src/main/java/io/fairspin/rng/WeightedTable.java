package io.fairspin.rng;

import java.util.Arrays;

/**
 * An immutable table of non-negative integer weights, validated once, for repeated weighted picks by
 * derivation v1 ({@link RandomStream#pick(WeightedTable)}). Entry i is picked with probability
 * weights[i] / total, exactly; no floating point is involved.
 */
public final class WeightedTable {
    private final long[] cumulative;

    private WeightedTable(long[] cumulative) {
        this.cumulative = cumulative;
    }

    /**
     * Builds a table from weights.
     *
     * @param weights non-negative weights, not all zero, summing to at most 2^63 - 1
     * @return the table, with the weights copied
     * @throws IllegalArgumentException naming {@code weights} when it is null or empty, holds a negative
     *                                  weight, sums to zero, or sums past 2^63 - 1
     */
    public static WeightedTable of(long... weights) {
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("weights: must hold at least one weight");
        }
        long[] cumulative = new long[weights.length];
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("weights[" + i + "]: must not be negative, was " + weights[i]);
            }
            try {
                total = Math.addExact(total, weights[i]);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("weights: total weight exceeds 2^63 - 1 at index " + i);
            }
            cumulative[i] = total;
        }
        if (total == 0) {
            throw new IllegalArgumentException("weights: total weight must be positive, all " + weights.length + " are zero");
        }
        return new WeightedTable(cumulative);
    }

    /**
     * The number of entries.
     *
     * @return the number of weights, at least 1
     */
    public int size() {
        return cumulative.length;
    }

    /**
     * The sum of all weights.
     *
     * @return the total weight, at least 1
     */
    public long total() {
        return cumulative[cumulative.length - 1];
    }

    /**
     * The weight of entry {@code index}.
     *
     * @param index the entry, in [0, size())
     * @return its weight, at least 0
     */
    public long weight(int index) {
        return index == 0 ? cumulative[0] : cumulative[index] - cumulative[index - 1];
    }

    /** The entry that a uniform draw {@code r} in [0, total) selects: the first i with r < w[0] + ... + w[i]. */
    int indexOf(long r) {
        int found = Arrays.binarySearch(cumulative, r);
        // An exact hit on a cumulative sum belongs to the next entry with a positive weight.
        int index = found >= 0 ? found + 1 : -found - 1;
        while (cumulative[index] == r) {
            index++;
        }
        return index;
    }
}

package io.fairspin.math.slot.evaluation;

import java.util.Arrays;

/** An int array with value equality, as a map key: a diagram node's children, a state of the count. */
public record IntArrayKey(int[] values) {
    @Override
    public boolean equals(Object other) {
        return other instanceof IntArrayKey && Arrays.equals(values, ((IntArrayKey) other).values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}

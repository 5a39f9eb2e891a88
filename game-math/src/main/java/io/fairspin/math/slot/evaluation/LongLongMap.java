package io.fairspin.math.slot.evaluation;

/** A map from long to long by open addressing, for counting outcomes without boxing. */
public final class LongLongMap {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private long[] values;
    private int size;

    /** An empty map. */
    public LongLongMap() {
        this(8);
    }

    /**
     * An empty map with room for {@code capacity} keys.
     *
     * @param capacity the expected number of keys
     */
    public LongLongMap(int capacity) {
        int n = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1);
        keys = new long[n];
        values = new long[n];
        java.util.Arrays.fill(keys, EMPTY);
    }

    /**
     * Adds {@code amount} to the value of {@code key} (absent keys hold 0).
     *
     * @param key the key
     * @param amount the amount to add
     */
    public void add(long key, long amount) {
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            keys[i] = key;
            size++;
            if (size * 2 > keys.length) {
                values[i] = amount;
                grow();
                return;
            }
        }
        values[i] += amount;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        java.util.Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }

    /**
     * The sum of all values.
     *
     * @return the sum
     */
    public long total() {
        long total = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                total += values[i];
            }
        }
        return total;
    }

    /**
     * Calls {@code action} with each key and value.
     *
     * @param action the action
     */
    public void forEach(Entry action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.accept(keys[i], values[i]);
            }
        }
    }

    /** What {@link #forEach} calls. */
    @FunctionalInterface
    public interface Entry {
        /**
         * Takes one key and its value.
         *
         * @param key the key
         * @param value its value
         */
        void accept(long key, long value);
    }
}

package io.fairspin.cert.entropy;

import java.util.Arrays;

/**
 * The dictionaries of the MultiMMC and LZ78Y predictors on samples of up to 8 bits: contexts of up
 * to 16 samples (a level and two 64-bit words) and, per context, how often each sample followed
 * it, with the current prediction (the most frequent follower, the larger sample on a tie). Open
 * addressing on primitive arrays.
 */
final class SlowContextTable {
    private int[] ctxSlots;
    private int ctxMask;
    private int contexts;
    private int[] level;
    private long[] key0;
    private long[] key1;
    private int[] best;
    private int[] prediction;

    private long[] pairKeys;
    private int[] pairCounts;
    private int pairMask;
    private int pairs;

    SlowContextTable(int expectedContexts) {
        int cap = Integer.highestOneBit(Math.max(16, expectedContexts)) * 2;
        ctxSlots = new int[cap];
        Arrays.fill(ctxSlots, -1);
        ctxMask = cap - 1;
        level = new int[expectedContexts];
        key0 = new long[expectedContexts];
        key1 = new long[expectedContexts];
        best = new int[expectedContexts];
        prediction = new int[expectedContexts];
        pairKeys = new long[cap * 2];
        pairCounts = new int[cap * 2];
        pairMask = cap * 2 - 1;
    }

    private static int hash(long a, long b, int c) {
        long h = a * 0x9E3779B97F4A7C15L ^ (b + c) * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    /** The id of the context, created when absent and {@code create}; -1 when absent otherwise. */
    int context(int lvl, long k0, long k1, boolean create) {
        int i = hash(k0, k1, lvl) & ctxMask;
        while (true) {
            int id = ctxSlots[i];
            if (id < 0) {
                break;
            }
            if (key0[id] == k0 && key1[id] == k1 && level[id] == lvl) {
                return id;
            }
            i = (i + 1) & ctxMask;
        }
        if (!create) {
            return -1;
        }
        int id = contexts++;
        if (id == level.length) {
            int n = level.length * 2;
            level = Arrays.copyOf(level, n);
            key0 = Arrays.copyOf(key0, n);
            key1 = Arrays.copyOf(key1, n);
            best = Arrays.copyOf(best, n);
            prediction = Arrays.copyOf(prediction, n);
        }
        level[id] = lvl;
        key0[id] = k0;
        key1[id] = k1;
        ctxSlots[i] = id;
        if (contexts * 2 > ctxSlots.length) {
            growContexts();
        }
        return id;
    }

    private void growContexts() {
        int cap = ctxSlots.length * 2;
        ctxSlots = new int[cap];
        Arrays.fill(ctxSlots, -1);
        ctxMask = cap - 1;
        for (int id = 0; id < contexts; id++) {
            int i = hash(key0[id], key1[id], level[id]) & ctxMask;
            while (ctxSlots[i] >= 0) {
                i = (i + 1) & ctxMask;
            }
            ctxSlots[i] = id;
        }
    }

    /** The most frequent follower of the context (it has at least one). */
    int prediction(int ctx) {
        return prediction[ctx];
    }

    /** How often the predicted follower followed. */
    int bestCount(int ctx) {
        return best[ctx];
    }

    /**
     * Counts {@code symbol} after the context; a follower not seen before is only added when
     * {@code makeNew}. Returns whether a follower was added.
     */
    boolean increment(int ctx, int symbol, boolean makeNew) {
        long key = ((long) ctx << 8 | symbol) + 1;
        int i = (int) (mix(key) & pairMask);
        int count;
        boolean added = false;
        while (true) {
            long k = pairKeys[i];
            if (k == key) {
                count = ++pairCounts[i];
                break;
            }
            if (k == 0) {
                if (!makeNew) {
                    return false;
                }
                pairKeys[i] = key;
                pairCounts[i] = 1;
                count = 1;
                added = true;
                if (++pairs * 2 > pairKeys.length) {
                    growPairs();
                }
                break;
            }
            i = (i + 1) & pairMask;
        }
        if (count > best[ctx] || (count == best[ctx] && symbol > prediction[ctx])) {
            best[ctx] = count;
            prediction[ctx] = symbol;
        }
        return added;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 31);
    }

    private void growPairs() {
        long[] oldKeys = pairKeys;
        int[] oldCounts = pairCounts;
        int cap = oldKeys.length * 2;
        pairKeys = new long[cap];
        pairCounts = new int[cap];
        pairMask = cap - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k != 0) {
                int i = (int) (mix(k) & pairMask);
                while (pairKeys[i] != 0) {
                    i = (i + 1) & pairMask;
                }
                pairKeys[i] = k;
                pairCounts[i] = oldCounts[j];
            }
        }
    }
}

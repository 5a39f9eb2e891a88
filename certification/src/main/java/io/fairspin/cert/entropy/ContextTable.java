package io.fairspin.cert.entropy;

import java.util.Arrays;

/**
 * One level of the dictionaries of the MultiMMC and LZ78Y predictors on samples of up to 8 bits:
 * contexts of one length, up to 16 samples (two 64-bit words), and, per context, how often each
 * sample followed it, with the current prediction (the most frequent follower, the larger sample on
 * a tie). One table per context length, so that the short contexts that every step looks up stay in
 * cache, laid out for the few cache lines a step can afford:
 *
 * <ul>
 *   <li>contexts of 1 or 2 samples are their own ids (keys below 2^16); longer ones sit in an open
 *       addressing table whose slots hold the key's hash next to the id, so that a miss (the usual
 *       outcome for long contexts) reads one slot and no keys;</li>
 *   <li>each context keeps its first follower and that follower's count in place, so a context
 *       followed by one sample only (most long contexts) never touches the table of pairs;</li>
 *   <li>the other followers are counted in a table of pairs: for 1-sample contexts an array indexed by
 *       context and sample, otherwise open addressing;</li>
 *   <li>what a step reads of a context (best count, prediction, first follower and its count) sits
 *       in four neighbouring ints, and a hashed context's two key words side by side.</li>
 * </ul>
 */
final class ContextTable {
    private static final int DIRECT_CONTEXTS = 1 << 16;

    private final boolean directContexts;
    private final boolean directPairs;

    /** Hashed contexts: the hash's high 32 bits, then id + 1; 0 when empty. */
    private long[] slots;
    private int slotMask;
    private int contexts;
    /** A hashed context's key, two words from 2 id. */
    private long[] keys;
    /**
     * Per context, four ints from 4 id (one cache line holds all a step reads of it): its best count,
     * its prediction, its first follower and that follower's count.
     */
    private int[] info;
    private static final int BEST = 0;
    private static final int PREDICTION = 1;
    private static final int FIRST = 2;
    private static final int FIRST_COUNT = 3;

    /** Pairs beyond a context's first follower: key (ctx << 8 | symbol) + 1, or 0 when empty. */
    private long[] pairKeys;
    private int[] pairCounts;
    private int pairMask;
    private int pairs;

    /**
     * @param samples the context length, 1 to 16
     */
    ContextTable(int samples) {
        directContexts = samples <= 2;
        directPairs = samples == 1;
        int initial = directContexts ? (samples == 1 ? 256 : DIRECT_CONTEXTS) : 1 << 12;
        if (!directContexts) {
            slots = new long[initial * 2];
            slotMask = initial * 2 - 1;
            keys = new long[initial * 2];
        }
        info = new int[initial * 4];
        if (directPairs) {
            pairCounts = new int[256 * 256];
        } else {
            pairKeys = new long[1 << 12];
            pairCounts = new int[1 << 12];
            pairMask = (1 << 12) - 1;
        }
    }

    private static long hash(long a, long b) {
        long h = a * 0x9E3779B97F4A7C15L ^ b * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 32);
    }

    /** The id of the context, created when absent and {@code create}; -1 when absent otherwise. */
    int context(long k0, long k1, boolean create) {
        if (directContexts) {
            int id = (int) k0;
            if (info[4 * id + FIRST_COUNT] != 0) {
                return id;
            }
            if (create) {
                contexts++;
                return id;
            }
            return -1;
        }
        long h = hash(k0, k1);
        long tag = h & 0xFFFF_FFFF_0000_0000L;
        int i = (int) h & slotMask;
        while (true) {
            long slot = slots[i];
            if (slot == 0) {
                break;
            }
            if ((slot & 0xFFFF_FFFF_0000_0000L) == tag) {
                int id = (int) slot - 1;
                if (keys[2 * id] == k0 && keys[2 * id + 1] == k1) {
                    return id;
                }
            }
            i = (i + 1) & slotMask;
        }
        if (!create) {
            return -1;
        }
        int id = contexts++;
        if (2 * id == keys.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
            info = Arrays.copyOf(info, info.length * 2);
        }
        keys[2 * id] = k0;
        keys[2 * id + 1] = k1;
        slots[i] = tag | (id + 1L);
        if (contexts * 2L > slots.length) {
            growContexts();
        }
        return id;
    }

    private void growContexts() {
        long[] old = slots;
        int cap = old.length * 2;
        slots = new long[cap];
        slotMask = cap - 1;
        for (long slot : old) {
            if (slot != 0) {
                int id = (int) slot - 1;
                int i = (int) hash(keys[2 * id], keys[2 * id + 1]) & slotMask;
                while (slots[i] != 0) {
                    i = (i + 1) & slotMask;
                }
                slots[i] = slot;
            }
        }
    }

    /** The most frequent follower of the context (it has at least one). */
    int prediction(int ctx) {
        return info[4 * ctx + PREDICTION];
    }

    /** How often the predicted follower followed. */
    int bestCount(int ctx) {
        return info[4 * ctx + BEST];
    }

    /**
     * Counts {@code symbol} after the context; a follower not seen before is only added when
     * {@code makeNew}. Returns whether a follower was added.
     */
    boolean increment(int ctx, int symbol, boolean makeNew) {
        int count;
        boolean added = false;
        int at = 4 * ctx;
        if (info[at + FIRST_COUNT] == 0) {
            if (!makeNew) {
                return false;
            }
            info[at + FIRST] = symbol;
            count = info[at + FIRST_COUNT] = 1;
            added = true;
        } else if (info[at + FIRST] == symbol) {
            count = ++info[at + FIRST_COUNT];
        } else if (directPairs) {
            int pair = ctx << 8 | symbol;
            count = pairCounts[pair];
            if (count == 0) {
                if (!makeNew) {
                    return false;
                }
                added = true;
            }
            pairCounts[pair] = ++count;
        } else {
            long key = ((long) ctx << 8 | symbol) + 1;
            int i = (int) (mix(key) & pairMask);
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
        }
        int best = info[at + BEST];
        if (count > best || (count == best && symbol > info[at + PREDICTION])) {
            info[at + BEST] = count;
            info[at + PREDICTION] = symbol;
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

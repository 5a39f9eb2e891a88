package io.fairspin.audit.monitor;

/**
 * The round ids seen, kept as 64-bit hashes in an open-addressing table (8 bytes a round rather than the id).
 * Two different ids collide with probability 2^-64 each, so among 10^8 rounds a false duplicate has
 * probability below 3 x 10^-4 (n^2 / 2^65).
 */
final class RoundIds {
    private long[] table = new long[1 << 16];
    private int size;
    private boolean hasZero;

    /** Adds the id; false when it was seen before (or, with the probability above, collides). */
    boolean add(String id) {
        return add(hash(id));
    }

    /** Adds an id by its {@link #hash}; false when it was seen before. */
    boolean add(long h) {
        if (h == 0) {
            boolean fresh = !hasZero;
            hasZero = true;
            return fresh;
        }
        if (size * 2 >= table.length) {
            grow();
        }
        return insert(table, h);
    }

    private boolean insert(long[] into, long h) {
        int mask = into.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (into[i] != 0) {
            if (into[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        into[i] = h;
        if (into == table) {
            size++;
        }
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (long h : old) {
            if (h != 0) {
                insert(table, h);
            }
        }
    }

    /** A 64-bit hash of the id's UTF-16 code units (two multiply-xorshift lanes, mixed at the end). */
    static long hash(String id) {
        long a = 0x9E3779B97F4A7C15L;
        long b = 0xC2B2AE3D27D4EB4FL ^ id.length();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            a = (a ^ c) * 0xFF51AFD7ED558CCDL;
            a ^= a >>> 29;
            b = (b + c) * 0xC4CEB9FE1A85EC53L;
            b ^= b >>> 31;
        }
        long h = a ^ Long.rotateLeft(b, 23);
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }
}

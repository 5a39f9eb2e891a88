package io.fairspin.audit.monitor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The round ids seen, kept as 64-bit hashes in an open-addressing table with the entry index that logged each first
 * (12 bytes a round rather than the id; an index above 2^31 - 2 is not kept). Two different ids collide with
 * probability 2^-64 each, so among 10^8 rounds a false duplicate has probability below 3 x 10^-4 (n^2 / 2^65).
 */
final class RoundIds {
    private long[] table = new long[1 << 16];
    /** The first entry index of each id in {@link #table}, plus 1; 0 when not kept. */
    private int[] firsts = new int[1 << 16];
    private int size;
    private boolean hasZero;
    private int zeroFirst;

    /** Adds an id by its {@link #hash}, first logged at entry {@code index}; false when it was seen before. */
    boolean add(long h, long index) {
        if (h == 0) {
            boolean fresh = !hasZero;
            if (fresh) {
                zeroFirst = kept(index);
            }
            hasZero = true;
            return fresh;
        }
        if (size * 2 >= table.length) {
            grow();
        }
        return insert(table, firsts, h, kept(index));
    }

    /** The index as kept: plus 1, or 0 when it does not fit. */
    private static int kept(long index) {
        return index >= 0 && index < Integer.MAX_VALUE ? (int) (index + 1) : 0;
    }

    /** The entry index that logged the id of hash {@code h} first, or -1 when unknown (not seen, or not kept). */
    long firstIndex(long h) {
        if (h == 0) {
            return hasZero ? zeroFirst - 1L : -1;
        }
        int mask = table.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == h) {
                return firsts[i] - 1L;
            }
        }
        return -1;
    }

    private boolean insert(long[] into, int[] intoFirsts, long h, int first) {
        int mask = into.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (into[i] != 0) {
            if (into[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        into[i] = h;
        intoFirsts[i] = first;
        if (into == table) {
            size++;
        }
        return true;
    }

    private void grow() {
        long[] old = table;
        int[] oldFirsts = firsts;
        table = new long[old.length * 2];
        firsts = new int[old.length * 2];
        for (int i = 0; i < old.length; i++) {
            if (old[i] != 0) {
                insert(table, firsts, old[i], oldFirsts[i]);
            }
        }
    }

    /** {@link #hash(ByteBuffer)} of the id's UTF-8 bytes. */
    static long hash(String id) {
        return hash(ByteBuffer.wrap(id.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A 64-bit hash of an id's UTF-8 bytes, from the buffer's position to its limit (two multiply-xorshift lanes,
     * mixed at the end); equal ids have equal bytes (UTF-8 is one-to-one), so equal hashes.
     */
    static long hash(ByteBuffer id) {
        int from = id.position();
        int length = id.remaining();
        long a = 0x9E3779B97F4A7C15L;
        long b = 0xC2B2AE3D27D4EB4FL ^ length;
        for (int i = from; i < from + length; i++) {
            int c = id.get(i) & 0xff;
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

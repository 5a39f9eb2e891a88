package io.fairspin.audit.monitor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The round ids seen, kept as 64-bit hashes in an open-addressing table (8 bytes a round rather than the id).
 * Two different ids collide with probability 2^-64 each, so among 10^8 rounds a false duplicate has
 * probability below 3 x 10^-4 (n^2 / 2^65).
 */
final class RoundIds {
    private long[] table = new long[1 << 16];
    private int size;
    private boolean hasZero;

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

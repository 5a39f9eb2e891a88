package io.fairspin.audit.monitor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The round ids seen, kept as 64-bit hashes in an open-addressing table with the entry index that logged each first
 * (16 bytes a round rather than the id; an index above 2^31 - 2 is not kept). Two different ids collide with
 * probability 2^-64 each, so among 10^8 rounds a false duplicate has probability below 3 x 10^-4 (n^2 / 2^65).
 *
 * <p>Laid out for the memory it touches, since a log's ids are too many for the caches: a hash and its first index
 * share one 16-byte slot (one cache line read per id, not one in each of two arrays), and a hash's slot is chosen by
 * its high bits, so the hashes stand in the order of their high bits and doubling the table moves them in that order
 * (both tables read and written front to back) rather than to random places.
 */
final class RoundIds {
    /** Each slot two longs: the hash (0 for an empty slot), then the first entry index plus 1 (0 when not kept). */
    private long[] slots = new long[2 << 16];
    /** 64 minus the log2 of the slots: a hash's high bits that pick its slot. */
    private int shift = 64 - 16;
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
        if (size * 4 >= slots.length) {
            grow();
        }
        if (!insert(slots, shift, h, kept(index))) {
            return false;
        }
        size++;
        return true;
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
        int mask = slots.length - 1;
        for (int i = slot(h, shift); slots[i] != 0; i = (i + 2) & mask) {
            if (slots[i] == h) {
                return slots[i + 1] - 1L;
            }
        }
        return -1;
    }

    /** The slot (the offset of its hash in the slots) that a hash's high bits pick. */
    private static int slot(long h, int shift) {
        return (int) (h >>> shift) << 1;
    }

    /** Puts the hash in its slot or the first empty one after it; false when it is there already. */
    private static boolean insert(long[] into, int shift, long h, long first) {
        int mask = into.length - 1;
        int i = slot(h, shift);
        while (into[i] != 0) {
            if (into[i] == h) {
                return false;
            }
            i = (i + 2) & mask;
        }
        into[i] = h;
        into[i + 1] = first;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        shift--;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                insert(slots, shift, old[i], old[i + 1]);
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

package io.fairspin.audit.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The id table ({@link RoundIds}) against a map: every id is new once, then seen, with the index that logged it first,
 * through the table's doublings, for hashes spread by {@link RoundIds#hash} and for hashes whose high bits (which pick
 * the slot) are all equal or all ones (long runs of taken slots, wrapping past the table's end).
 */
class RoundIdsTest {
    @Test
    void everyIdIsNewOnceAndKeepsItsFirstIndex() {
        SplittableRandom random = new SplittableRandom(17);
        long[] hashes = new long[300_000];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = switch (i % 100) {
                case 0 -> random.nextLong() >>> 20; // the high bits all 0: the first slots
                case 1 -> random.nextLong() | 0xFFFF_F000_0000_0000L; // all 1: the last slots, wrapping to the first
                case 2, 3, 4, 5 -> random.nextLong();
                default -> RoundIds.hash("game/ca1ffc3af4db8609/" + i);
            };
        }
        RoundIds ids = new RoundIds();
        Map<Long, Long> firsts = new HashMap<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < hashes.length; i++) {
                long index = pass * (long) hashes.length + i;
                boolean fresh = !firsts.containsKey(hashes[i]);
                if (fresh) {
                    firsts.put(hashes[i], index);
                }
                assertEquals(fresh, ids.add(hashes[i], index), "hash " + i + " in pass " + pass);
            }
        }
        for (Map.Entry<Long, Long> first : firsts.entrySet()) {
            assertEquals(first.getValue(), ids.firstIndex(first.getKey()), "hash " + first.getKey());
        }
        assertEquals(-1, ids.firstIndex(0x1234_5678_9abc_def1L));
    }

    @Test
    void theZeroHashAndIndexesBeyondAnIntAreKeptAsBefore() {
        RoundIds ids = new RoundIds();
        assertEquals(-1, ids.firstIndex(0));
        assertTrue(ids.add(0, 7));
        assertFalse(ids.add(0, 9));
        assertEquals(7, ids.firstIndex(0));
        assertTrue(ids.add(42, 1L << 40));
        assertFalse(ids.add(42, 3));
        assertEquals(-1, ids.firstIndex(42), "an index above 2^31 - 2 is not kept");
        assertTrue(ids.add(43, Integer.MAX_VALUE - 1L));
        assertEquals(Integer.MAX_VALUE - 1L, ids.firstIndex(43));
    }
}

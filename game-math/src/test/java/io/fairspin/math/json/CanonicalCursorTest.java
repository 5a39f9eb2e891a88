package io.fairspin.math.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link CanonicalCursor}: where each read leaves the cursor, and that it answers false, null or -1 (not an exception)
 * on bytes laid out otherwise, cut short included; strings with brackets, quotes and backslashes are stepped over whole.
 */
class CanonicalCursorTest {
    private static CanonicalCursor at(String text, int from) {
        CanonicalCursor cursor = new CanonicalCursor();
        cursor.start(text.getBytes(StandardCharsets.UTF_8), from);
        return cursor;
    }

    @Test
    void skipToStepsOverStringsHoldingBracketsQuotesAndBackslashes() {
        String text = "{\"cascades\":[{\"window\":[[\"a]\",\"b\\\"]}\",\"c\\\\\"],[\"{[\"]]},{}],\"freeGames\":0}";
        CanonicalCursor cursor = at(text, "{\"cascades\":[".length());
        assertTrue(cursor.skipTo(']'));
        assertEquals(text.indexOf("],\"freeGames\""), cursor.at());
        assertTrue(cursor.literal(RecordBytes.ascii("],\"freeGames\":")));
        assertEquals(0, cursor.number());
        assertTrue(cursor.next('}'));
        assertTrue(cursor.atEnd());
        // Inside the object instead: it must end with '}', and it ends with ']'.
        assertFalse(at(text, "{\"cascades\":[".length()).skipTo('}'));
    }

    @Test
    void cutShortOrLaidOutOtherwiseIsNoAnswer() {
        assertFalse(at("[\"ab", 1).skipTo(']'));
        assertFalse(at("[\"ab\\\"]", 1).skipTo(']'));
        assertFalse(at("{\"stops\"", 0).literal(RecordBytes.ascii("{\"stops\":[")));
        assertEquals(-1, at("x1", 0).number());
        assertEquals(1234567890123456789L / 10, at("1234567890123456789", 0).number());
        assertNull(at("\"a\\\"b\"", 0).string());
        assertNull(at("\"ab", 0).string());
        int[] stops = new int[3];
        assertTrue(at("4,0,17]", 0).numbers(stops, 3));
        assertArrayEquals(new int[] {4, 0, 17}, stops);
        assertFalse(at("4,0]", 0).numbers(stops, 3));
        assertFalse(at("4,2147483648", 0).numbers(stops, 2));
    }

    @Test
    void oneOfReadsTheFirstEncodedStringThatStandsHere() {
        byte[][] names = {RecordBytes.encode("base"), RecordBytes.encode("base2"), RecordBytes.encode("base")};
        CanonicalCursor cursor = at("\"base2\",", 0);
        assertEquals(1, cursor.oneOf(names));
        assertTrue(cursor.next(','));
        assertEquals(0, at("\"base\"", 0).oneOf(names));
        CanonicalCursor none = at("\"bas\"", 0);
        assertEquals(-1, none.oneOf(names));
        assertEquals(0, none.at());
    }

    @Test
    void seekStopsAtTheNextLandmarkWhereverItStands() {
        CanonicalCursor.Landmark end = new CanonicalCursor.Landmark(RecordBytes.ascii("],\"freeGames\":"));
        String text = "{\"cascades\":[[\"],\"],\"freeGames\":],\"freeGames\":1}";
        CanonicalCursor cursor = at(text, 1);
        assertTrue(cursor.seek(end));
        assertEquals(text.indexOf("],\"freeGames\""), cursor.at());
        cursor.moveTo(cursor.at() + 1);
        assertTrue(cursor.seek(end));
        assertEquals(text.lastIndexOf("],\"freeGames\""), cursor.at());
        CanonicalCursor cut = at("[1],\"freeGames\"", 0);
        assertFalse(cut.seek(end));
        assertEquals(0, cut.at());
        String nearly = "xx],\"freeGamesx],\"freeGames\":";
        CanonicalCursor shifted = at(nearly, 0);
        assertTrue(shifted.seek(end));
        assertEquals(nearly.lastIndexOf(']'), shifted.at());
    }

    @Test
    void aNumberLiteralIsItsDigitsAsJacksonWritesThem() {
        CanonicalCursor cursor = at("120,-7,0,9223372036854775807,-9223372036854775808", 0);
        assertTrue(cursor.literal(120));
        assertTrue(cursor.next(','));
        assertTrue(cursor.literal(-7));
        assertTrue(cursor.next(','));
        assertTrue(cursor.literal(0));
        assertTrue(cursor.next(','));
        assertTrue(cursor.literal(Long.MAX_VALUE));
        assertTrue(cursor.next(','));
        assertTrue(cursor.literal(Long.MIN_VALUE));
        assertTrue(cursor.atEnd());
        for (String other : new String[] {"012", "13", "2", "-12", "+12", "1 2", "1"}) {
            CanonicalCursor no = at(other, 0);
            assertFalse(no.literal(12), other);
            assertEquals(0, no.at(), other);
        }
        CanonicalCursor minus = at("-8", 0);
        assertFalse(minus.literal(-7));
        assertEquals(0, minus.at());
        assertFalse(at("7", 0).literal(-7));
    }

    /**
     * Bytes of every length from 0 to 40 (compared a byte, 4 or 8 at a time, or by {@code Arrays.equals}; as a
     * {@link CanonicalCursor.Name}, two masked words), standing at every offset from 0 to 9 with 0 to 19 bytes after
     * them: matched where they stand; any one byte changed, or the bytes cut short, is no match and leaves the cursor
     * where it was.
     */
    @Test
    void aLiteralIsEveryOneOfItsBytes() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        CanonicalCursor cursor = new CanonicalCursor();
        for (int length = 0; length <= 40; length++) {
            for (int offset = 0; offset < 10; offset++) {
                byte[] in = new byte[offset + length + random.nextInt(20)];
                for (int i = 0; i < in.length; i++) {
                    in[i] = (byte) random.nextInt(256);
                }
                byte[] expected = java.util.Arrays.copyOfRange(in, offset, offset + length);
                CanonicalCursor.Name name = new CanonicalCursor.Name(expected);
                String where = length + " bytes at " + offset + " of " + in.length;
                cursor.start(in, offset);
                assertTrue(cursor.literal(expected), where);
                assertEquals(offset + length, cursor.at());
                cursor.start(in, offset);
                assertTrue(cursor.literal(name), where);
                assertEquals(offset + length, cursor.at());
                for (int i = 0; i < length; i++) {
                    byte[] changed = in.clone();
                    changed[offset + i] ^= (byte) (1 << random.nextInt(8));
                    cursor.start(changed, offset);
                    assertFalse(cursor.literal(expected), where + ", byte " + i);
                    assertEquals(offset, cursor.at());
                    assertFalse(cursor.literal(name), where + ", byte " + i);
                    assertEquals(offset, cursor.at());
                }
                if (length > 0) {
                    cursor.start(java.util.Arrays.copyOf(in, offset + length - 1), offset);
                    assertFalse(cursor.literal(expected), where + ", cut short");
                    assertFalse(cursor.literal(name), where + ", cut short");
                }
            }
        }
    }

    @Test
    void aOneDigitLiteralIsThatDigitAlone() {
        for (int v = 0; v <= 9; v++) {
            CanonicalCursor cursor = at(v + "]", 0);
            assertTrue(cursor.literal(v));
            assertEquals(1, cursor.at());
            for (int other = 0; other <= 9; other++) {
                assertEquals(other == v, at(Integer.toString(other), 0).literal(v), other + " for " + v);
            }
            assertFalse(at("", 0).literal(v));
            assertFalse(at("-" + v, 0).literal(v));
            assertTrue(at("-" + v, 0).literal(-v) || v == 0);
        }
    }

    @Test
    void seekLastStopsAtTheLastLandmarkFromTheEnd() {
        CanonicalCursor.Landmark end = new CanonicalCursor.Landmark(RecordBytes.ascii("],\"freeGames\":"));
        String text = "{\"spins\":[{\"cascades\":[],\"freeGames\":0},{\"cascades\":[],\"freeGames\":3,\"x\":\"],\"}]}";
        CanonicalCursor cursor = at(text, 0);
        assertTrue(cursor.seekLast(end));
        assertEquals(text.lastIndexOf("],\"freeGames\":"), cursor.at());
        CanonicalCursor after = at(text, text.lastIndexOf("],\"freeGames\":") + 1);
        assertFalse(after.seekLast(end));
        assertEquals(text.lastIndexOf("],\"freeGames\":") + 1, after.at());
        for (String where : new String[] {"],\"freeGames\":", "x],\"freeGames\":", "],\"freeGames\":x", "],],\"freeGames\":1",
                "],\"freeGames\":],\"freeGamesx", "\"freeGames\":],\"freeGames\":"}) {
            CanonicalCursor one = at(where, 0);
            assertTrue(one.seekLast(end), where);
            assertEquals(where.lastIndexOf("],\"freeGames\":"), one.at(), where);
        }
        assertFalse(at("],\"freeGames\"", 0).seekLast(end));
        assertFalse(at("", 0).seekLast(end));
    }

    /** Each number below a thousand matches its own digits as {@link Long#toString} writes them, and no other's. */
    @Test
    void aSmallNumberLiteralMatchesItsOwnDigitsOnly() {
        for (int logged = 0; logged < 1000; logged++) {
            String text = Long.toString(logged);
            for (int value = 0; value < 1000; value++) {
                CanonicalCursor cursor = at(text + ",", 0);
                boolean same = Long.toString(value).equals(text.substring(0, Math.min(text.length(),
                        Long.toString(value).length())));
                assertEquals(same, cursor.literal(value), value + " against " + text);
                assertEquals(same ? Long.toString(value).length() : 0, cursor.at(), value + " against " + text);
            }
        }
    }
}

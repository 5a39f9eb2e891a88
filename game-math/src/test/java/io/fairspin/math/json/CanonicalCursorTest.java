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
     * A literal of any length (below eight bytes, one or two words, longer) is read only when every one of its bytes
     * stands there: each byte changed in turn, or the bytes cut short by one, and it is not read and the cursor stays.
     */
    @Test
    void aLiteralIsReadOnlyWhenEveryOneOfItsBytesStandsThere() {
        for (int length = 1; length <= 40; length++) {
            byte[] expected = new byte[length];
            for (int i = 0; i < length; i++) {
                expected[i] = (byte) ('a' + (i * 7 + length) % 26);
            }
            byte[] logged = new byte[length + 2];
            System.arraycopy(expected, 0, logged, 1, length);
            CanonicalCursor cursor = new CanonicalCursor();
            cursor.start(logged, 1);
            assertTrue(cursor.literal(expected), "length " + length);
            assertEquals(length + 1, cursor.at());
            for (int i = 0; i < length; i++) {
                byte[] changed = logged.clone();
                changed[1 + i] ^= 0x20;
                cursor.start(changed, 1);
                assertFalse(cursor.literal(expected), "length " + length + ", byte " + i + " changed");
                assertEquals(1, cursor.at());
            }
            cursor.start(java.util.Arrays.copyOf(logged, length), 1);
            assertFalse(cursor.literal(expected), "length " + length + ", cut short");
            assertEquals(1, cursor.at());
        }
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

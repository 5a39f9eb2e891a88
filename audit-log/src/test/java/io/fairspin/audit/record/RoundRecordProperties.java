package io.fairspin.audit.record;

import io.fairspin.audit.merkle.MerkleTree;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The canonical encoding: one encoding per round, exact round trips, strict decoding. */
class RoundRecordProperties {

    private static RoundRecord round(String id, String session, long bet, long win, byte[] choices) {
        return RoundRecord.builder().roundId(id).gameId("roulette-eu").modelHash(new byte[] {1, 2, 3})
                .startedAtMillis(5).settledAtMillis(9).sessionId(session).currency("EUR").bet(bet).win(win)
                .playerChoices(choices).seedCommitment(new byte[32]).escrowReference("escrow/1")
                .outcome("{\"pocket\":17}".getBytes(StandardCharsets.UTF_8)).build();
    }

    @Property(tries = 300)
    void encodingRoundTripsAndIsTheSameForTheSameRound(@ForAll @StringLength(min = 1, max = 40) String id,
                                                       @ForAll @StringLength(min = 1, max = 20) String session,
                                                       @ForAll @LongRange(min = 0) long bet,
                                                       @ForAll @LongRange(min = 0) long win,
                                                       @ForAll byte[] choices) throws MalformedRecordException {
        RoundRecord r = round(id, session, bet, win, choices);
        LogEntry entry = LogEntry.create(7, new byte[32], r, MerkleTree.sha256());
        LogEntry again = LogEntry.create(7, new byte[32], round(id, session, bet, win, choices.clone()),
                MerkleTree.sha256());
        assertArrayEquals(entry.encoded(), again.encoded());
        LogEntry decoded = LogEntry.decode(entry.encoded());
        assertEquals(r, decoded.event());
        assertEquals(7, decoded.index());
        assertArrayEquals(entry.leafHash(), decoded.leafHash());
        assertArrayEquals(MerkleTree.leafHash(entry.encoded()), entry.leafHash());
        // The decoded record keeps its strings as bytes until asked: the id's bytes and the game id's comparison
        // without a string agree with the built record's strings.
        RoundRecord read = (RoundRecord) decoded.event();
        assertEquals(java.nio.ByteBuffer.wrap(id.getBytes(StandardCharsets.UTF_8)), read.roundIdUtf8());
        assertEquals(r.roundIdUtf8(), read.roundIdUtf8());
        String[] others = {"roulette-eu", "roulette-e", "roulette-eU", "roulette-eu ", id, "roulette-\u00e9u"};
        for (String other : others) {
            assertEquals(other.equals("roulette-eu"), read.gameIdIs(other), other);
            assertEquals(other.equals("roulette-eu"), r.gameIdIs(other), other);
        }
        assertEquals(r.toString(), read.toString());
        assertEquals(r.hashCode(), read.hashCode());
    }

    /**
     * A decoded round's string fields are checked when it is decoded, as the builder checks them, with its messages:
     * an empty required field, a currency that is not a code, a game id of valid non-ASCII UTF-8 compared without a
     * string.
     */
    @Test
    void decodedStringFieldsAreCheckedWhenDecoded() throws MalformedRecordException {
        String[] names = {"round_id", "game_id", "session_id", "escrow_reference"};
        for (int empty = 0; empty < names.length; empty++) {
            String[] fields = {"r", "g", "s", "e"};
            fields[empty] = "";
            MalformedRecordException e = assertThrows(MalformedRecordException.class,
                    () -> LogEntry.decode(encode(fields[0], fields[1], fields[2], "", "EUR", fields[3])));
            assertEquals(names[empty] + ": required", e.getMessage());
        }
        for (String currency : new String[] {"", "eur", "EUR!", "ABCDEFGHIJKLM", "\u00c9UR"}) {
            MalformedRecordException e = assertThrows(MalformedRecordException.class,
                    () -> LogEntry.decode(encode("r", "g", "s", "", currency, "e")));
            assertEquals("currency: '" + currency + "' is not 1 to 12 of A-Z and 0-9", e.getMessage());
        }
        RoundRecord read = (RoundRecord) LogEntry.decode(encode("r", "r\u00e9g", "s", "t", "ABCDEFGHIJKL", "e"))
                .event();
        assertTrue(read.gameIdIs("r\u00e9g"));
        assertTrue(!read.gameIdIs("r\u00e8g") && !read.gameIdIs("reg") && !read.gameIdIs("r\u00e9"));
        assertEquals("r\u00e9g", read.gameId());
        assertEquals("t", read.traceId());
        assertEquals("ABCDEFGHIJKL", read.currency());
    }

    /**
     * A byte that is not ASCII is found wherever it stands in a string field (the check reads 8 bytes at a time, then
     * the rest one by one): an invalid one rejects the entry naming the field, a valid character decodes.
     */
    @Test
    void aByteThatIsNotAsciiIsFoundAtEveryPlaceOfAString() throws MalformedRecordException {
        for (int length = 1; length <= 40; length++) {
            for (int at = 0; at < length; at++) {
                char[] text = new char[length];
                Arrays.fill(text, 'e');
                byte[] bytes = encode("r", "g", "s", "", "EUR", new String(text));
                int field = bytes.length - 4 - 2 - length; // the escrow reference, before the outcome's length and {}
                bytes[field + at] = (byte) 0xff;
                MalformedRecordException e = assertThrows(MalformedRecordException.class, () -> LogEntry.decode(bytes),
                        "length " + length + ", at " + at);
                assertEquals("escrow_reference: not valid UTF-8", e.getMessage());
                text[at] = '\u00e9';
                String valid = new String(text);
                RoundRecord read = (RoundRecord) LogEntry.decode(encode("r", "g", "s", "", "EUR", valid)).event();
                assertEquals(valid, read.escrowReference());
            }
        }
    }

    /** A round entry's bytes, written field by field (so fields the builder refuses can be written). */
    private static byte[] encode(String id, String game, String session, String trace, String currency, String escrow) {
        return new CanonicalWriter().u8(LogEntry.VERSION).u8(EventCodec.ROUND).i64(0).raw(new byte[32]).string(id)
                .string(game).bytes(new byte[] {1, 2, 3}).i64(5).i64(9).string(session).string(trace).string(currency)
                .i64(100).i64(0).bytes(new byte[0]).bytes(new byte[32]).string(escrow)
                .bytes("{}".getBytes(StandardCharsets.UTF_8)).toByteArray();
    }

    @Test
    void everyTruncationAndTrailingByteIsRejected() {
        byte[] bytes = LogEntry.create(0, new byte[32], round("r", "s", 100, 0, new byte[0]), MerkleTree.sha256())
                .encoded();
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThrows(MalformedRecordException.class, () -> LogEntry.decode(cut), "truncated to " + n);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        MalformedRecordException e = assertThrows(MalformedRecordException.class, () -> LogEntry.decode(longer));
        assertTrue(e.getMessage().contains("unexpected bytes"), e.getMessage());
    }

    @Test
    void invalidUtf8AndInvalidFieldsAreRejectedNamingTheField() {
        byte[] bytes = LogEntry.create(0, new byte[32], round("r\u00e9", "s", 100, 0, new byte[0]),
                MerkleTree.sha256()).encoded();
        int at = indexOf(bytes, (byte) 0xc3);
        bytes[at] = (byte) 0xff;
        MalformedRecordException e = assertThrows(MalformedRecordException.class, () -> LogEntry.decode(bytes));
        assertEquals("round_id: not valid UTF-8", e.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> round("r", "s", -1, 0, new byte[0]));
        assertTrue(negative.getMessage().contains("cannot be negative"));
        assertThrows(IllegalArgumentException.class, () -> RoundRecord.builder().roundId("r").build());
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalStateException();
    }
}

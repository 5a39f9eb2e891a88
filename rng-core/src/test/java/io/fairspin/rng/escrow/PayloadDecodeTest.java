package io.fairspin.rng.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Payload fields at exactly their limits (docs/escrow-format.md): a length-prefixed field that ends at the
 * payload's last byte reads and one a byte longer does not; a batch count that just fits reads and one
 * more does not; a RESEED's optional unread count is 1 or more and exactly 4 bytes; nothing may follow the
 * last field. Payloads are built byte by byte here, not by {@link Payload#encode()}.
 */
class PayloadDecodeTest {

    private static byte[] bytes(ByteBuffer b) {
        return Arrays.copyOf(b.array(), b.position());
    }

    private static String refused(RecordType type, byte[] plaintext) {
        return assertThrows(IllegalArgumentException.class, () -> Payload.decode(type, plaintext)).getMessage();
    }

    /** A GENERATE payload: requests (8), length (4), then the additional input's length field and bytes. */
    private static byte[] generate(int declared, byte[] additional) {
        return bytes(ByteBuffer.allocate(64).putLong(3).putInt(32).putInt(declared).put(additional));
    }

    @Test
    void aFieldMayEndExactlyAtThePayloadsEndAndNotAByteLater() {
        Payload p = Payload.decode(RecordType.GENERATE, generate(5, new byte[] {1, 2, 3, 4, 5}));
        assertEquals(3, p.requestsBefore);
        assertEquals(32, p.length);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, p.additionalInput);
        assertEquals(0, Payload.decode(RecordType.GENERATE, generate(0, new byte[0])).additionalInput.length);
        assertEquals("a field's length 6 runs past the payload's end",
                refused(RecordType.GENERATE, generate(6, new byte[] {1, 2, 3, 4, 5})));
        assertEquals("a field's length -1 runs past the payload's end",
                refused(RecordType.GENERATE, generate(-1, new byte[] {1, 2, 3, 4, 5})));
        assertEquals("1 bytes after the last field", refused(RecordType.GENERATE, generate(4, new byte[] {1, 2, 3, 4, 5})));
        assertEquals("the payload ends inside a field", refused(RecordType.GENERATE, new byte[11]));
    }

    /** A RESEED payload with the given tail after its two fields. */
    private static byte[] reseed(byte[] tail) {
        return bytes(ByteBuffer.allocate(64).putLong(2).putInt(3).put(new byte[] {7, 7, 7}).putInt(0).put(tail));
    }

    @Test
    void aReseedsUnreadCountIsFourBytesOfOneOrMore() {
        Payload none = Payload.decode(RecordType.RESEED, reseed(new byte[0]));
        assertEquals(0, none.unread);
        assertEquals(2, none.requestsBefore);
        assertArrayEquals(new byte[] {7, 7, 7}, none.entropyInput);
        assertEquals(1, Payload.decode(RecordType.RESEED, reseed(new byte[] {0, 0, 0, 1})).unread);
        assertEquals(0x01020304, Payload.decode(RecordType.RESEED, reseed(new byte[] {1, 2, 3, 4})).unread);
        assertEquals("a RESEED record's unread byte count is 0, expected 1 or more (0 is written as no count)",
                refused(RecordType.RESEED, reseed(new byte[] {0, 0, 0, 0})));
        assertEquals("a RESEED record's unread byte count is 4294967295, expected 1 or more (0 is written as no count)",
                refused(RecordType.RESEED, reseed(new byte[] {-1, -1, -1, -1})));
        assertEquals("3 bytes after the last field", refused(RecordType.RESEED, reseed(new byte[] {0, 0, 1})));
        assertEquals("5 bytes after the last field", refused(RecordType.RESEED, reseed(new byte[] {0, 0, 0, 1, 0})));
        // The writer leaves a count of 0 out, so what it writes is what a reader reads.
        assertEquals(0, Payload.decode(RecordType.RESEED, Payload.reseed(2, new byte[3], null, 0).encode()).unread);
        assertEquals(9, Payload.decode(RecordType.RESEED, Payload.reseed(2, new byte[3], null, 9).encode()).unread);
        assertThrows(IllegalArgumentException.class, () -> Payload.reseed(2, new byte[3], null, -1));
    }

    /** A GENERATE_BATCH payload declaring {@code count} draws, with {@code draws} empty-input draws present. */
    private static byte[] batch(int count, int draws) {
        ByteBuffer b = ByteBuffer.allocate(16 + 8 * draws).putLong(5).putInt(count);
        for (int i = 0; i < draws; i++) {
            b.putInt(32 + i).putInt(0);
        }
        return bytes(b);
    }

    @Test
    void aBatchCountMustBeOneOrMoreAndFitThePayload() {
        for (int draws = 1; draws <= 4; draws++) {
            Payload p = Payload.decode(RecordType.GENERATE_BATCH, batch(draws, draws));
            assertEquals(draws, p.draws.size());
            assertEquals(5, p.requestsBefore);
            for (int i = 0; i < draws; i++) {
                assertEquals(32 + i, p.draws.get(i).length);
            }
            assertEquals("a batch of " + (draws + 1) + " generate calls does not fit the payload",
                    refused(RecordType.GENERATE_BATCH, batch(draws + 1, draws)));
        }
        assertEquals("a batch of 0 generate calls does not fit the payload", refused(RecordType.GENERATE_BATCH, batch(0, 0)));
        assertEquals("a batch of -1 generate calls does not fit the payload", refused(RecordType.GENERATE_BATCH, batch(-1, 1)));
    }

    @Test
    void everyPayloadWithLongFieldsDecodesToWhatWasEncoded() {
        byte[] a = new byte[300];
        byte[] b = new byte[200];
        Arrays.fill(a, (byte) 1);
        Arrays.fill(b, (byte) 2);
        List<Payload> payloads = List.of(Payload.instantiate("hash-sha256", 9, 64, a, b, a),
                Payload.reseed(4, a, b, 7), Payload.generate(3, 40, b),
                Payload.generateBatch(2, new int[] {40, 41}, new byte[][] {a, b}), Payload.close(5));
        for (Payload p : payloads) {
            byte[] encoded = p.encode();
            Payload decoded = Payload.decode(p.type, encoded);
            assertArrayEquals(encoded, decoded.encode(), p.type.name());
            assertArrayEquals(p.entropyInput, decoded.entropyInput, p.type.name());
            assertArrayEquals(p.additionalInput, decoded.additionalInput, p.type.name());
            assertEquals(p.draws.size(), decoded.draws.size(), p.type.name());
        }
    }

    @Test
    void instantiateAndCloseReadTheirFieldsInOrder() {
        byte[] name = "ctr-aes256".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] plaintext = bytes(ByteBuffer.allocate(128).put((byte) name.length).put(name).putLong(1000).putInt(64)
                .putInt(2).put(new byte[] {1, 2}).putInt(1).put(new byte[] {3}).putInt(0));
        Payload p = Payload.decode(RecordType.INSTANTIATE, plaintext);
        assertEquals("ctr-aes256", p.mechanism);
        assertEquals(1000, p.reseedInterval);
        assertEquals(64, p.requestBytes);
        assertArrayEquals(new byte[] {1, 2}, p.entropyInput);
        assertArrayEquals(new byte[] {3}, p.nonce);
        assertArrayEquals(new byte[0], p.personalization);
        assertArrayEquals(plaintext, p.encode(), "encode is decode's inverse");
        assertEquals("the payload ends inside a field",
                refused(RecordType.INSTANTIATE, Arrays.copyOf(plaintext, plaintext.length - 1)));
        assertEquals(12, Payload.decode(RecordType.CLOSE, new byte[] {0, 0, 0, 0, 0, 0, 0, 12}).requestsBefore);
        assertEquals("1 bytes after the last field", refused(RecordType.CLOSE, new byte[9]));
    }
}

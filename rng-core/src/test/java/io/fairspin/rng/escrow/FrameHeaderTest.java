package io.fairspin.rng.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A record header field by field, at every length a torn write can leave: a consistent partial header is
 * no problem (the reader and the file's check treat it as a torn tail), an inconsistent one is damage from
 * the first byte that shows it, never earlier. The layout is docs/escrow-format.md's: magic "FSER" (0-3),
 * version (4), type (5), key ID (6-13), instance (14-21), sequence (22-29), enc (30-61), ciphertext
 * length (62-65, big-endian).
 */
class FrameHeaderTest {
    private static final byte[] KEY = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final byte[] INSTANCE = {9, 10, 11, 12, 13, 14, 15, 16};

    /** A whole header of a GENERATE record with a ciphertext of {@code length} bytes (not included). */
    private static byte[] header(int length) {
        byte[] enc = new byte[Hpke.ENC_BYTES];
        Arrays.fill(enc, (byte) 0x55);
        byte[] record = new Frame(RecordType.GENERATE, KEY, INSTANCE, 7, enc, new byte[length]).encode();
        return Arrays.copyOf(record, Frame.HEADER_BYTES);
    }

    @Test
    void theLayoutIsTheDocumentedOne() {
        assertEquals(66, Frame.HEADER_BYTES);
        assertEquals(14, Frame.KEY_ID_END);
        byte[] header = header(40);
        assertArrayEquals(new byte[] {'F', 'S', 'E', 'R', 1, 3}, Arrays.copyOf(header, 6));
        assertArrayEquals(KEY, Frame.keyId(header));
        assertArrayEquals(INSTANCE, Arrays.copyOfRange(header, 14, 22));
        assertEquals(7, ByteBuffer.wrap(header, 22, 8).getLong());
        assertEquals(40, Frame.ciphertextLength(header));
        header[62] = 1;
        assertEquals((1 << 24) + 40, Frame.ciphertextLength(header), "big-endian, from offset 62");
        assertArrayEquals(Arrays.copyOf(header(40), Frame.AAD_BYTES),
                Frame.aad(RecordType.GENERATE, KEY, INSTANCE, 7));
        byte[] info = Frame.info(KEY, INSTANCE);
        assertEquals("fairspin escrow v1", new String(info, 0, 18, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(0, info[18]);
        assertArrayEquals(KEY, Arrays.copyOfRange(info, 19, 27));
        assertArrayEquals(INSTANCE, Arrays.copyOfRange(info, 27, 35));
        assertEquals(35, info.length);
    }

    @Test
    void everyPrefixOfAGoodHeaderIsAConsistentPartialHeader() {
        byte[] header = header(Frame.TAG_BYTES);
        for (int available = 0; available <= Frame.HEADER_BYTES; available++) {
            assertNull(Frame.headerProblem(header, available), "first " + available + " bytes");
        }
    }

    @Test
    void aWrongMagicByteIsDamageFromTheByteOn() {
        for (int at = 0; at < 4; at++) {
            byte[] header = header(Frame.TAG_BYTES);
            header[at] ^= 0x20;
            for (int available = 0; available <= Frame.HEADER_BYTES; available++) {
                String problem = Frame.headerProblem(header, available);
                if (available <= at) {
                    assertNull(problem, "byte " + at + " not yet written, " + available + " bytes");
                } else {
                    assertEquals("not an escrow record (expected the magic bytes \"FSER\")", problem,
                            "byte " + at + ", " + available + " bytes");
                }
            }
        }
    }

    @Test
    void anUnknownVersionIsDamageOnceItsByteIsThere() {
        for (int version : new int[] {0, 2, 255}) {
            byte[] header = header(Frame.TAG_BYTES);
            header[4] = (byte) version;
            assertNull(Frame.headerProblem(header, 4));
            for (int available = 5; available <= Frame.HEADER_BYTES; available++) {
                assertEquals("format version " + version + " is not supported (expected 1)",
                        Frame.headerProblem(header, available), available + " bytes");
            }
        }
    }

    @Test
    void anUnknownTypeIsDamageOnceItsByteIsThere() {
        for (int type : new int[] {0, 6, 200}) {
            byte[] header = header(Frame.TAG_BYTES);
            header[5] = (byte) type;
            assertNull(Frame.headerProblem(header, 5));
            for (int available = 6; available <= Frame.HEADER_BYTES; available++) {
                assertEquals("unknown record type " + type + " (expected 1 to 5)", Frame.headerProblem(header, available),
                        available + " bytes");
            }
        }
        for (RecordType type : RecordType.values()) {
            byte[] header = header(Frame.TAG_BYTES);
            header[5] = (byte) type.code;
            assertNull(Frame.headerProblem(header, Frame.HEADER_BYTES), type.name());
            assertEquals(type, RecordType.of(type.code));
        }
    }

    @Test
    void theCiphertextLengthIsCheckedAtItsLimitsInAWholeHeaderOnly() {
        int max = Frame.MAX_CIPHERTEXT_BYTES;
        for (int length : new int[] {Frame.TAG_BYTES, Frame.TAG_BYTES + 1, max - 1, max}) {
            assertNull(Frame.headerProblem(header(length), Frame.HEADER_BYTES), length + " bytes");
        }
        for (int length : new int[] {-1, 0, Frame.TAG_BYTES - 1, max + 1, Integer.MAX_VALUE}) {
            byte[] header = header(0);
            ByteBuffer.wrap(header).putInt(Frame.HEADER_BYTES - 4, length);
            assertEquals("ciphertext length " + length + " is outside [16, 1048576]",
                    Frame.headerProblem(header, Frame.HEADER_BYTES), length + " bytes");
            assertNull(Frame.headerProblem(header, Frame.HEADER_BYTES - 1), "the length is not all there yet");
        }
    }
}

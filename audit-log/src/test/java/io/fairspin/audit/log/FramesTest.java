package io.fairspin.audit.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.MalformedRecordException;
import io.fairspin.audit.record.RoundRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * The framing of segment and checkpoint files at exact lengths and offsets, against the layout in the
 * {@link Frames} comment, with every CRC32C computed here independently: a header is parsed only when all
 * of it is there, a frame is whole only when its last payload byte is, lengths at their limits, and the
 * search for a valid frame after damage finds the first one after the damage, not the damaged one.
 */
class FramesTest {
    private static final CRC32C CRC = new CRC32C();

    private static int crc32c(byte[] bytes, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, to - from);
        return (int) crc.getValue();
    }

    /** A header built field by field: magic, format (u16), first index (i64), origin (u32 length, UTF-8), CRC32C. */
    private static byte[] header(byte[] magic, int format, long first, byte[] origin, int originLength) {
        ByteBuffer b = ByteBuffer.allocate(magic.length + 2 + 8 + 4 + origin.length + 4);
        b.put(magic).putShort((short) format).putLong(first).putInt(originLength).put(origin);
        byte[] bytes = b.array();
        b.putInt(crc32c(bytes, 0, b.position()));
        return bytes;
    }

    private static byte[] header(String origin, long first) {
        byte[] o = origin.getBytes(StandardCharsets.UTF_8);
        return header(Frames.SEGMENT_MAGIC, 1, first, o, o.length);
    }

    private static String malformed(byte[] bytes) {
        return assertThrows(MalformedRecordException.class,
                () -> Frames.readHeader(ByteBuffer.wrap(bytes), Frames.SEGMENT_MAGIC)).getMessage();
    }

    @Test
    void aHeaderIsTheDocumentedBytesAndParsesOnlyWhenWhole() throws Exception {
        byte[] expected = header("origin.example/log", 42);
        assertArrayEquals(expected, Frames.header(Frames.SEGMENT_MAGIC, "origin.example/log", 42));
        for (int length = 0; length < expected.length; length++) {
            assertNull(Frames.readHeader(ByteBuffer.wrap(Arrays.copyOf(expected, length)), Frames.SEGMENT_MAGIC),
                    length + " of " + expected.length + " bytes");
        }
        byte[] followed = Arrays.copyOf(expected, expected.length + 9);
        Frames.Header header = Frames.readHeader(ByteBuffer.wrap(followed), Frames.SEGMENT_MAGIC);
        assertEquals(new Frames.Header("origin.example/log", 42, expected.length), header);
    }

    @Test
    void aHeadersOriginLengthFormatMagicAndCrcAreChecked() throws Exception {
        byte[] longest = new byte[RoundRecord.MAX_ID_BYTES];
        Arrays.fill(longest, (byte) 'o');
        assertEquals(RoundRecord.MAX_ID_BYTES, Frames.readHeader(ByteBuffer.wrap(header(Frames.SEGMENT_MAGIC, 1, 0,
                longest, longest.length)), Frames.SEGMENT_MAGIC).origin().length());
        byte[] tooLong = Arrays.copyOf(longest, longest.length + 1);
        assertEquals("header: origin length 1025", malformed(header(Frames.SEGMENT_MAGIC, 1, 0, tooLong, tooLong.length)));
        assertEquals("header: origin length 4294967295", malformed(header(Frames.SEGMENT_MAGIC, 1, 0, new byte[0], -1)));
        assertEquals("header: format 2, this fairspin reads 1",
                malformed(header(Frames.SEGMENT_MAGIC, 2, 0, new byte[] {'o'}, 1)));
        assertEquals("header: not a fairspin audit log file",
                malformed(header(Frames.CHECKPOINT_MAGIC, 1, 0, new byte[] {'o'}, 1)));
        assertEquals("", Frames.readHeader(ByteBuffer.wrap(header("", 3)), Frames.SEGMENT_MAGIC).origin(), "an empty origin");
        byte[] negative = header(Frames.SEGMENT_MAGIC, 1, 0, new byte[0], -1);
        assertEquals("header: origin length 4294967295", malformed(Arrays.copyOf(negative, negative.length - 4)),
                "damage as soon as the length is there, before the CRC32C");
        byte[] flipped = header("o", 0);
        flipped[flipped.length - 5] ^= 1;
        assertEquals("header: CRC32C mismatch", malformed(flipped));
    }

    /** One frame as documented: length (u32), CRC32C over the length bytes and the payload, payload. */
    private static byte[] frame(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length).putInt(payload.length).putInt(0).put(payload);
        byte[] bytes = b.array();
        byte[] covered = new byte[4 + payload.length];
        System.arraycopy(bytes, 0, covered, 0, 4);
        System.arraycopy(payload, 0, covered, 4, payload.length);
        ByteBuffer.wrap(bytes).putInt(4, crc32c(covered, 0, covered.length));
        return bytes;
    }

    @Test
    void putWritesTheDocumentedFrame() {
        byte[] payload = "payload".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(40).put(new byte[5]);
        Frames.put(out, payload, CRC);
        assertArrayEquals(frame(payload), Arrays.copyOfRange(out.array(), 5, out.position()));
        assertEquals(7, Frames.payloadLength(out, 5));
        assertArrayEquals(payload, Frames.payload(out, 5));
    }

    /**
     * What {@link Frames#check} says at {@code offset}, having checked that the follower's split of it says the same:
     * {@link Frames#span} on the reading thread, then {@link Frames#crcMatches} on the payload (another thread's work).
     */
    private static Frames.Kind checked(ByteBuffer file, int offset) {
        Frames.Kind kind = Frames.check(file, offset, CRC);
        Frames.Kind split = Frames.span(file, offset);
        if (split == Frames.Kind.FRAME) {
            int length = file.getInt(offset);
            byte[] payload = new byte[length];
            file.duplicate().position(offset + Frames.FRAME_OVERHEAD).get(payload);
            split = Frames.crcMatches(length, payload, file.getInt(offset + 4), new CRC32C()) ? Frames.Kind.FRAME
                    : Frames.Kind.BAD;
        }
        assertEquals(kind, split, "span, then crcMatches, at " + offset);
        return kind;
    }

    /** Each case read both ways: {@link Frames#check}, and the follower's {@link Frames#span} then {@link Frames#crcMatches}. */
    @Test
    void aFrameIsWholeOnlyWithItsLastByteAndItsLengthWithinLimits() {
        byte[] one = frame(new byte[] {9, 8, 7});
        byte[] file = Arrays.copyOf(new byte[] {1, 2}, 2 + one.length);
        System.arraycopy(one, 0, file, 2, one.length);
        assertEquals(Frames.Kind.FRAME, checked(ByteBuffer.wrap(file), 2));
        assertEquals(Frames.Kind.END, checked(ByteBuffer.wrap(file), file.length));
        for (int cut = 2 + 1; cut < file.length; cut++) {
            assertEquals(Frames.Kind.TRUNCATED, checked(ByteBuffer.wrap(Arrays.copyOf(file, cut)), 2), cut + " bytes");
        }
        assertEquals(Frames.Kind.END, checked(ByteBuffer.wrap(Arrays.copyOf(file, 2)), 2));
        for (int at = 0; at < one.length; at++) {
            byte[] damaged = one.clone();
            damaged[at] ^= 0x10;
            Frames.Kind kind = checked(ByteBuffer.wrap(damaged), 0);
            // A length made larger but under the limit reads as a frame the file ends inside (bytes 1 to 3); a
            // length over the limit (byte 0) and any other change are damage.
            assertEquals(at >= 1 && at <= 3 ? Frames.Kind.TRUNCATED : Frames.Kind.BAD, kind, "byte " + at);
        }
        assertEquals(Frames.Kind.BAD, checked(ByteBuffer.wrap(frame(new byte[0])), 0), "an empty frame");
        byte[] largest = frame(new byte[LogEntry.MAX_BYTES]);
        assertEquals(Frames.Kind.FRAME, checked(ByteBuffer.wrap(largest), 0));
        ByteBuffer.wrap(largest).putInt(0, LogEntry.MAX_BYTES + 1);
        assertEquals(Frames.Kind.BAD, checked(ByteBuffer.wrap(largest), 0), "one byte over the limit");
        ByteBuffer.wrap(largest).putInt(0, -1);
        assertEquals(Frames.Kind.BAD, checked(ByteBuffer.wrap(largest), 0));
    }

    @Test
    void theSearchAfterDamageFindsTheFirstValidFrameAfterIt() {
        byte[] a = frame("first".getBytes(StandardCharsets.US_ASCII));
        byte[] b = frame("second".getBytes(StandardCharsets.US_ASCII));
        byte[] c = frame(new byte[] {1});
        ByteBuffer file = ByteBuffer.allocate(a.length + b.length + c.length).put(a).put(b).put(c).flip();
        assertEquals(a.length, Frames.nextValidFrame(file, 0, CRC));
        assertEquals(a.length + b.length, Frames.nextValidFrame(file, a.length, CRC), "after, not at, the offset given");
        assertEquals(-1, Frames.nextValidFrame(file, a.length + b.length, CRC), "a frame at the offset is not after it");
        assertEquals(a.length + b.length, Frames.nextValidFrame(file, a.length + 1, CRC),
                "the last frame, one byte long, ends the file");
    }
}

package io.fairspin.audit.log;

import io.fairspin.audit.record.CanonicalReader;
import io.fairspin.audit.record.CanonicalWriter;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.MalformedRecordException;
import io.fairspin.audit.record.RoundRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The on-disk framing shared by segment and checkpoint files.
 *
 * <p>A file starts with a header: {@code magic [8] | format u16 = 1 | first_index i64 | origin str |
 * crc32c u32} (the CRC32C covers every header byte before it). Then frames follow, each
 * {@code length u32 | crc32c u32 | payload [length]}, the CRC32C covering the four length bytes and the
 * payload, so a damaged length is caught as surely as a damaged payload.
 */
final class Frames {
    static final byte[] SEGMENT_MAGIC = "FSPNSEG\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] CHECKPOINT_MAGIC = "FSPNCKP\n".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;
    static final int FRAME_OVERHEAD = 8;

    private Frames() {
    }

    /** A file header: the log's origin and, for segments, the index of the first entry. */
    record Header(String origin, long firstIndex, int length) {
    }

    static byte[] header(byte[] magic, String origin, long firstIndex) {
        byte[] body = new CanonicalWriter().raw(magic).u16(FORMAT).i64(firstIndex).string(origin).toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(body);
        return ByteBuffer.allocate(body.length + 4).put(body).putInt((int) crc.getValue()).array();
    }

    /** Parses a header at the start of {@code file}; null when the bytes are too few to hold one. */
    static Header readHeader(ByteBuffer file, byte[] magic) throws MalformedRecordException {
        int fixed = magic.length + 2 + 8 + 4;
        if (file.limit() < fixed) {
            return null;
        }
        int originLength = file.getInt(magic.length + 10);
        if (originLength < 0 || originLength > RoundRecord.MAX_ID_BYTES) {
            throw new MalformedRecordException("header: origin length " + Integer.toUnsignedString(originLength));
        }
        int length = fixed + originLength + 4;
        if (file.limit() < length) {
            return null;
        }
        byte[] bytes = new byte[length - 4];
        file.get(0, bytes);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        if ((int) crc.getValue() != file.getInt(length - 4)) {
            throw new MalformedRecordException("header: CRC32C mismatch");
        }
        CanonicalReader in = new CanonicalReader(bytes);
        byte[] actual = in.raw("magic", magic.length);
        if (!java.util.Arrays.equals(actual, magic)) {
            throw new MalformedRecordException("header: not a fairspin audit log file");
        }
        int format = in.u16("format");
        if (format != FORMAT) {
            throw new MalformedRecordException("header: format " + format + ", this fairspin reads " + FORMAT);
        }
        long first = in.i64("first_index");
        String origin = in.string("origin", RoundRecord.MAX_ID_BYTES);
        in.end();
        return new Header(origin, first, length);
    }

    /** Appends one frame holding {@code payload} to {@code out}. */
    static void put(ByteBuffer out, byte[] payload, CRC32C crc) {
        int start = out.position();
        out.putInt(payload.length);
        out.putInt(0);
        out.put(payload);
        crc.reset();
        crc.update(out.duplicate().position(start).limit(start + 4));
        crc.update(payload);
        out.putInt(start + 4, (int) crc.getValue());
    }

    /** What is at an offset of a file: a frame, the end, or something else. */
    enum Kind { FRAME, END, TRUNCATED, BAD }

    /**
     * Checks the frame at {@code offset}: {@link Kind#FRAME} when its length is sane and its CRC32C
     * matches, {@link Kind#TRUNCATED} when the file ends inside it, {@link Kind#BAD} otherwise.
     */
    static Kind check(ByteBuffer file, long offset, CRC32C crc) {
        long remaining = file.limit() - offset;
        if (remaining == 0) {
            return Kind.END;
        }
        if (remaining < FRAME_OVERHEAD) {
            return Kind.TRUNCATED;
        }
        int at = (int) offset;
        int length = file.getInt(at);
        if (length <= 0 || length > LogEntry.MAX_BYTES) {
            return Kind.BAD;
        }
        if (remaining < FRAME_OVERHEAD + (long) length) {
            return Kind.TRUNCATED;
        }
        crc.reset();
        crc.update(file.duplicate().position(at).limit(at + 4));
        crc.update(file.duplicate().position(at + FRAME_OVERHEAD).limit(at + FRAME_OVERHEAD + length));
        return (int) crc.getValue() == file.getInt(at + 4) ? Kind.FRAME : Kind.BAD;
    }

    /**
     * {@link #check} without the CRC32C: {@link Kind#FRAME} when a frame of sane length lies whole at {@code offset}
     * (its CRC32C is then checked by {@link #crcMatches}, possibly on another thread).
     */
    static Kind span(ByteBuffer file, long offset) {
        long remaining = file.limit() - offset;
        if (remaining == 0) {
            return Kind.END;
        }
        if (remaining < FRAME_OVERHEAD) {
            return Kind.TRUNCATED;
        }
        int length = file.getInt((int) offset);
        if (length <= 0 || length > LogEntry.MAX_BYTES) {
            return Kind.BAD;
        }
        return remaining < FRAME_OVERHEAD + (long) length ? Kind.TRUNCATED : Kind.FRAME;
    }

    /**
     * Whether a frame's CRC32C, {@code stored}, matches its length (as its four big-endian bytes) and its payload: for
     * a frame that {@link #span} found whole, what {@link #check} says of it.
     */
    static boolean crcMatches(int length, byte[] payload, int stored, CRC32C crc) {
        crc.reset();
        crc.update(length >>> 24);
        crc.update(length >>> 16);
        crc.update(length >>> 8);
        crc.update(length);
        crc.update(payload, 0, payload.length);
        return (int) crc.getValue() == stored;
    }

    static int payloadLength(ByteBuffer file, long offset) {
        return file.getInt((int) offset);
    }

    static byte[] payload(ByteBuffer file, long offset) {
        byte[] payload = new byte[payloadLength(file, offset)];
        file.get((int) offset + FRAME_OVERHEAD, payload);
        return payload;
    }

    /** Whether a valid frame starts anywhere after {@code offset}: then the damage is not a torn tail. */
    static long nextValidFrame(ByteBuffer file, long offset, CRC32C crc) {
        for (long at = offset + 1; at + FRAME_OVERHEAD < file.limit(); at++) {
            if (check(file, at, crc) == Kind.FRAME) {
                return at;
            }
        }
        return -1;
    }
}

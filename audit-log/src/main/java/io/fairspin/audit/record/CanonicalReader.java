package io.fairspin.audit.record;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the canonical binary encoding strictly: every length is checked against what is left, strings
 * must be valid UTF-8, and {@link #end()} fails on trailing bytes. Errors name the field.
 */
public final class CanonicalReader {
    private static final ThreadLocal<CharsetDecoder> UTF8 = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8
            .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));

    /** A byte array read as longs at any offset, for {@link #ascii}. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ByteBuffer in;

    /**
     * A reader of {@code bytes} from their start.
     *
     * @param bytes the canonical bytes, not copied
     */
    public CanonicalReader(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes);
    }

    int u8(String field) throws MalformedRecordException {
        need(field, 1);
        return in.get() & 0xff;
    }

    /**
     * Reads a big-endian u16.
     *
     * @param field the field's name, for messages
     * @return the value, 0 to 65535
     * @throws io.fairspin.audit.record.MalformedRecordException when the bytes end first
     */
    public int u16(String field) throws MalformedRecordException {
        need(field, 2);
        return in.getShort() & 0xffff;
    }

    /**
     * Reads a big-endian i64.
     *
     * @param field the field's name, for messages
     * @return the value
     * @throws io.fairspin.audit.record.MalformedRecordException when the bytes end first
     */
    public long i64(String field) throws MalformedRecordException {
        need(field, 8);
        return in.getLong();
    }

    /**
     * Reads a u32 length, then that many bytes, which must be {@code length}.
     *
     * @param field the field's name, for messages
     * @param length the expected length
     * @return the bytes
     * @throws io.fairspin.audit.record.MalformedRecordException when the length differs or the bytes end first
     */
    public byte[] raw(String field, int length) throws MalformedRecordException {
        need(field, length);
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    byte[] bytes(String field, int maxLength) throws MalformedRecordException {
        need(field, 4);
        long length = Integer.toUnsignedLong(in.getInt());
        if (length > maxLength) {
            throw new MalformedRecordException(field + ": " + length + " bytes, at most " + maxLength + " allowed");
        }
        return raw(field, (int) length);
    }

    /**
     * Reads a u32 length, then that many bytes of UTF-8.
     *
     * @param field the field's name, for messages
     * @param maxLength the most bytes allowed
     * @return the string
     * @throws io.fairspin.audit.record.MalformedRecordException when too long, not UTF-8 or the bytes end first
     */
    public String string(String field, int maxLength) throws MalformedRecordException {
        need(field, 4);
        long length = Integer.toUnsignedLong(in.getInt());
        if (length > maxLength) {
            throw new MalformedRecordException(field + ": " + length + " bytes, at most " + maxLength + " allowed");
        }
        need(field, (int) length);
        // Decoded where it stands (no copy of its bytes first).
        int start = in.arrayOffset() + in.position();
        in.position(in.position() + (int) length);
        byte[] array = in.array();
        String text = new String(array, start, (int) length, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        // The lenient decoder replaced something, or the text holds U+FFFD itself: decide strictly.
        try {
            return UTF8.get().decode(ByteBuffer.wrap(array, start, (int) length)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRecordException(field + ": not valid UTF-8");
        }
    }

    /**
     * Reads a u32 length, then that many bytes of UTF-8, checked as {@link #string} checks them but not made into a
     * string: returns where the length stands in {@link #array()}.
     */
    int text(String field, int maxLength) throws MalformedRecordException {
        need(field, 4);
        int at = in.position();
        long length = Integer.toUnsignedLong(in.getInt());
        if (length > maxLength) {
            throw new MalformedRecordException(field + ": " + length + " bytes, at most " + maxLength + " allowed");
        }
        int bytes = (int) length;
        need(field, bytes);
        int start = in.position();
        in.position(start + bytes);
        byte[] array = in.array();
        if (!ascii(array, start, start + bytes)) {
            // Not all ASCII: decided strictly.
            try {
                UTF8.get().decode(ByteBuffer.wrap(array, start, bytes));
            } catch (CharacterCodingException e) {
                throw new MalformedRecordException(field + ": not valid UTF-8");
            }
        }
        return at;
    }

    /** Whether {@code array}'s bytes {@code from} to {@code to} are all ASCII (high bit clear): read 8 at a time. */
    static boolean ascii(byte[] array, int from, int to) {
        long any = 0;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            any |= (long) LONGS.get(array, i);
        }
        for (; i < to; i++) {
            any |= array[i] & 0xff;
        }
        return (any & 0x8080_8080_8080_8080L) == 0;
    }

    /** The bytes read, whole (the reader wraps them from offset 0). */
    byte[] array() {
        return in.array();
    }

    /**
     * Whether every byte was read: an optional last field is absent.
     *
     * @return true when no byte remains
     */
    public boolean atEnd() {
        return !in.hasRemaining();
    }

    /**
     * Checks that every byte was read.
     *
     * @throws io.fairspin.audit.record.MalformedRecordException when bytes remain
     */
    public void end() throws MalformedRecordException {
        if (in.hasRemaining()) {
            throw new MalformedRecordException(in.remaining() + " unexpected bytes after the last field");
        }
    }

    private void need(String field, int length) throws MalformedRecordException {
        if (in.remaining() < length) {
            throw new MalformedRecordException(field + ": the record ends early");
        }
    }
}

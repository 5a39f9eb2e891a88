package io.fairspin.audit.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the canonical binary encoding: big-endian fixed-width integers, length-prefixed bytes and UTF-8. Into an
 * array of its own that starts at 1 KiB (a round record's size) and doubles, without {@code ByteArrayOutputStream}'s
 * locks.
 */
public final class CanonicalWriter {
    private static final int START_BYTES = 1024;
    private byte[] out = new byte[START_BYTES];
    private int size;

    private void write(int value) {
        if (size == out.length) {
            out = Arrays.copyOf(out, 2 * out.length);
        }
        out[size++] = (byte) value;
    }

    CanonicalWriter u8(int value) {
        write(value);
        return this;
    }

    /**
     * Writes a big-endian u16.
     *
     * @param value 0 to 65535
     * @return this writer
     */
    public CanonicalWriter u16(int value) {
        write(value >>> 8);
        write(value);
        return this;
    }

    /**
     * Writes a big-endian i64.
     *
     * @param value the value
     * @return this writer
     */
    public CanonicalWriter i64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            write((int) (value >>> shift));
        }
        return this;
    }

    /**
     * Writes the bytes as they are (no length).
     *
     * @param bytes the bytes
     * @return this writer
     */
    public CanonicalWriter raw(byte[] bytes) {
        if (out.length - size < bytes.length) {
            out = Arrays.copyOf(out, Math.max(2 * out.length, size + bytes.length));
        }
        System.arraycopy(bytes, 0, out, size, bytes.length);
        size += bytes.length;
        return this;
    }

    /** A u32 length then the bytes. */
    CanonicalWriter bytes(byte[] bytes) {
        int n = bytes.length;
        write(n >>> 24);
        write(n >>> 16);
        write(n >>> 8);
        write(n);
        return raw(bytes);
    }

    /**
     * A u32 length then the UTF-8 bytes.
     *
     * @param text the string
     * @return this writer
     */
    public CanonicalWriter string(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Empties the writer for reuse.
     *
     * @return false when it had grown past its starting size, and is better dropped than kept
     */
    boolean clear() {
        size = 0;
        return out.length == START_BYTES;
    }

    /**
     * The bytes written so far.
     *
     * @return a new array
     */
    public byte[] toByteArray() {
        return Arrays.copyOf(out, size);
    }
}

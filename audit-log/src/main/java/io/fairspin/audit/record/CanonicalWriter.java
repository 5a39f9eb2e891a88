package io.fairspin.audit.record;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes the canonical binary encoding: big-endian fixed-width integers, length-prefixed bytes and UTF-8. */
public final class CanonicalWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    CanonicalWriter u8(int value) {
        out.write(value);
        return this;
    }

    /**
     * Writes a big-endian u16.
     *
     * @param value 0 to 65535
     * @return this writer
     */
    public CanonicalWriter u16(int value) {
        out.write(value >>> 8);
        out.write(value);
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
            out.write((int) (value >>> shift));
        }
        return this;
    }

    /**
     * Writes a u32 length then the bytes.
     *
     * @param bytes the bytes
     * @return this writer
     */
    public CanonicalWriter raw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    /** A u32 length then the bytes. */
    CanonicalWriter bytes(byte[] bytes) {
        int n = bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
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
     * The bytes written so far.
     *
     * @return a new array
     */
    public byte[] toByteArray() {
        return out.toByteArray();
    }
}

package io.fairspin.cert.nist;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads consecutive sequences of n bits from a stream, in either of NIST's input formats: binary (bytes,
 * most significant bit first) or ASCII (characters '0' and '1', white space ignored).
 *
 * <p>As NIST's reference program does with binary input, each sequence starts on a 4-byte boundary:
 * a sequence takes 4 * ceil(n / 32) bytes and the bits past n in its last 4 bytes are skipped. With n a
 * multiple of 32 (10^6 is) the sequences are simply consecutive.
 */
public final class BitReader {
    /** The input formats. */
    public enum Format {
        /** Raw bytes, eight bits each, most significant bit first. */
        BINARY,
        /** The characters '0' and '1', one bit each; white space between them is ignored. */
        ASCII
    }

    private final InputStream in;
    private final Format format;
    private final String name;
    private long offset;

    /**
     * @param name what the input is called in error messages (a file name or "stdin")
     * @param in the input
     * @param format how the input encodes bits
     */
    public BitReader(InputStream in, Format format, String name) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        this.format = format;
        this.name = name;
    }

    /**
     * Guesses the format from the first bytes: ASCII when they are all '0', '1' or white space (and there
     * is at least one digit), binary otherwise. Leaves the stream where it was.
     *
     * @param in the input; must support mark and reset
     * @return the format the first bytes suggest
     * @throws java.io.IOException when the input cannot be read
     */
    public static Format detect(InputStream in) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("detecting the format needs a stream that supports mark");
        }
        in.mark(4096);
        byte[] head = in.readNBytes(4096);
        in.reset();
        boolean digit = false;
        for (byte b : head) {
            if (b == '0' || b == '1') {
                digit = true;
            } else if (!Character.isWhitespace(b)) {
                return Format.BINARY;
            }
        }
        return digit ? Format.ASCII : Format.BINARY;
    }

    /**
     * The next sequence of {@code n} bits; an {@link EOFException} naming the input when fewer remain.
     *
     * @param n the sequence length in bits, at least 1
     * @return the sequence
     * @throws java.io.IOException when the input cannot be read or ends first
     */
    public BitSequence next(int n) throws IOException {
        return format == Format.BINARY ? nextBinary(n) : nextAscii(n);
    }

    private BitSequence nextBinary(int n) throws IOException {
        int bytes = (n + 31) / 32 * 4;
        byte[] data = in.readNBytes(bytes);
        if (data.length < bytes) {
            throw new EOFException(name + ": insufficient data: a sequence of " + n + " bits needs " + bytes
                    + " bytes at byte offset " + offset + ", only " + data.length + " left");
        }
        offset += bytes;
        return BitSequence.fromBytes(data, 0, n);
    }

    private BitSequence nextAscii(int n) throws IOException {
        byte[] bits = new byte[n];
        int have = 0;
        byte[] buffer = new byte[1 << 16];
        while (have < n) {
            in.mark(buffer.length);
            int read = in.read(buffer, 0, buffer.length);
            if (read < 0) {
                throw new EOFException(name + ": insufficient data: a sequence of " + n + " bits, only " + have
                        + " '0'/'1' characters left at byte offset " + offset);
            }
            int used = 0;
            while (used < read && have < n) {
                byte c = buffer[used++];
                if (c == '0' || c == '1') {
                    bits[have++] = (byte) (c - '0');
                } else if (!Character.isWhitespace(c)) {
                    throw new IOException(name + ": byte offset " + (offset + used - 1) + ": expected '0', '1' or"
                            + " white space in an ASCII bit file, found byte 0x" + Integer.toHexString(c & 0xFF));
                }
            }
            offset += used;
            if (used < read) {
                in.reset();
                in.skipNBytes(used);
            }
        }
        return BitSequence.fromBits(bits);
    }
}

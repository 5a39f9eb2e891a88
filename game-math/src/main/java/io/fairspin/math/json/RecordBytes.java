package io.fairspin.math.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A round record's canonical bytes (the audit log's form: members sorted by name, no whitespace) written by hand, for
 * an outcome check that compares them with the logged bytes: a growable buffer that takes keys and punctuation as raw
 * bytes, numbers as Jackson writes longs, and strings encoded by Jackson's own generator ({@link #encode}, once per
 * string by the caller, which keeps the bytes). What to write, member by member in sorted order, is the caller's job.
 *
 * <p>Not thread-safe (it keeps its buffer): one per check.
 */
public final class RecordBytes {
    private static final JsonFactory FACTORY = OutcomeJson.MAPPER.getFactory();

    private byte[] out = new byte[1024];
    private int size;

    /** Starts over: the bytes written so far are dropped. */
    public void reset() {
        size = 0;
    }

    /**
     * Whether the bytes written are exactly {@code logged}.
     *
     * @param logged the logged bytes
     * @return true when they are the same bytes
     */
    public boolean sameAs(byte[] logged) {
        return Arrays.equals(out, 0, size, logged, 0, logged.length);
    }

    /**
     * Whether the bytes written stand in {@code logged} from {@code from} on (more may follow them there).
     *
     * @param logged the logged bytes
     * @param from where in {@code logged} the bytes written should start
     * @return true when they are there
     */
    public boolean sameAt(byte[] logged, int from) {
        return from + size <= logged.length && Arrays.equals(out, 0, size, logged, from, from + size);
    }

    /**
     * How many bytes are written.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    /**
     * Makes room for {@code room} more bytes at once, so that the writes after it grow the buffer at most once.
     *
     * @param room the bytes about to be written
     */
    public void ensure(int room) {
        if (size + room > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + room));
        }
    }

    /**
     * A copy of the bytes written.
     *
     * @return a new array
     */
    public byte[] bytes() {
        return Arrays.copyOf(out, size);
    }

    /**
     * Writes bytes as they are (a key with its punctuation, or a string {@link #encode}d before).
     *
     * @param bytes the bytes
     */
    public void raw(byte[] bytes) {
        ensure(bytes.length);
        if (bytes.length <= 16) {
            // A name or a key: a plain loop beats arraycopy's call at this length.
            byte[] to = out;
            int at = size;
            for (byte b : bytes) {
                to[at++] = b;
            }
            size = at;
            return;
        }
        System.arraycopy(bytes, 0, out, size, bytes.length);
        size += bytes.length;
    }

    /**
     * Writes what another writer holds (a nested record written by its own writer).
     *
     * @param other the other writer; unchanged
     */
    public void raw(RecordBytes other) {
        ensure(other.size);
        System.arraycopy(other.out, 0, out, size, other.size);
        size += other.size;
    }

    /**
     * Writes one byte (a bracket or a comma).
     *
     * @param b the byte
     */
    public void put(char b) {
        ensure(1);
        out[size++] = (byte) b;
    }

    /**
     * Writes a long in decimal, as Jackson writes it (a minus sign, then the digits without leading zeros).
     *
     * @param value the number
     */
    public void number(long value) {
        ensure(20);
        if (value == Long.MIN_VALUE) {
            raw(ascii(Long.toString(value)));
            return;
        }
        if (value < 0) {
            out[size++] = '-';
            value = -value;
        }
        if (value < 10) {
            out[size++] = (byte) ('0' + value);
            return;
        }
        if (value < 100) {
            out[size++] = (byte) ('0' + value / 10);
            out[size++] = (byte) ('0' + value % 10);
            return;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int end = size + digits;
        for (int i = end - 1; i >= size; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size = end;
    }

    /**
     * Writes a boolean as JSON does.
     *
     * @param value the boolean
     */
    public void bool(boolean value) {
        raw(value ? TRUE : FALSE);
    }

    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");

    /**
     * A string as Jackson's generator writes it: quoted, escaped, UTF-8.
     *
     * @param text the string
     * @return its bytes, quotes included
     */
    public static byte[] encode(String text) {
        ByteArrayOutputStream encoder = new ByteArrayOutputStream(text.length() + 8);
        try (JsonGenerator generator = FACTORY.createGenerator(encoder)) {
            generator.writeString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return encoder.toByteArray();
    }

    /**
     * Each of {@code texts} {@link #encode}d, in order.
     *
     * @param texts strings
     * @return their bytes
     */
    public static byte[][] encode(java.util.List<String> texts) {
        byte[][] encoded = new byte[texts.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = encode(texts.get(i));
        }
        return encoded;
    }

    /**
     * The bytes of an ASCII text (a key and its punctuation).
     *
     * @param text ASCII characters
     * @return their bytes
     */
    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

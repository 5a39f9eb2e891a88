package io.fairspin.math.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reading position in a logged outcome's bytes laid out in the canonical form the audit log keeps (members sorted by
 * name, no whitespace), for the outcome checks' fast paths: it matches the bytes the layout puts there, reads the
 * numbers and names a round's inputs are (bet, reel sets, stops), steps over or seeks past what no input is read from
 * (a spin's windows and cascades), and matches a round played again where its bytes stand. It is no JSON reader: what
 * it reads decides nothing by itself, since a fast path accepts a round only when the round played again on those
 * inputs is exactly the logged bytes; anything laid out otherwise makes it answer false, null or -1, and the check on
 * the parsed tree decides.
 *
 * <p>Not thread-safe (it keeps its position): one per check.
 */
public final class CanonicalCursor {
    private byte[] in;
    private int at;
    private String lastString;
    private byte[] lastStringBytes;

    /**
     * Starts reading {@code logged} at {@code from}.
     *
     * @param logged the logged bytes
     * @param from where reading starts
     */
    public void start(byte[] logged, int from) {
        in = logged;
        at = from;
    }

    /**
     * Where reading stands.
     *
     * @return the offset of the next byte to read
     */
    public int at() {
        return at;
    }

    /**
     * Moves the reading position (past bytes a fast path compared with its own).
     *
     * @param position the offset of the next byte to read
     */
    public void moveTo(int position) {
        at = position;
    }

    /**
     * Whether every byte has been read.
     *
     * @return true at the end
     */
    public boolean atEnd() {
        return at == in.length;
    }

    /**
     * Reads {@code expected} when it stands here.
     *
     * @param expected the bytes the layout puts here
     * @return false, without moving, when other bytes stand here
     */
    public boolean literal(byte[] expected) {
        int length = expected.length;
        if (length > in.length - at) {
            return false;
        }
        if (length >= Long.BYTES && length <= 2 * Long.BYTES) {
            // A key or a name: its first and last eight bytes (they overlap below 16), two words, no loop.
            int last = length - Long.BYTES;
            if (word(in, at) != word(expected, 0) || word(in, at + last) != word(expected, last)) {
                return false;
            }
        } else if (length < Long.BYTES) {
            for (int i = 0; i < length; i++) {
                if (in[at + i] != expected[i]) {
                    return false;
                }
            }
        } else if (!Arrays.equals(in, at, at + length, expected, 0, length)) {
            return false;
        }
        at += length;
        return true;
    }

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The eight bytes of {@code bytes} from {@code from} on, as one word. */
    private static long word(byte[] bytes, int from) {
        return (long) WORDS.get(bytes, from);
    }

    /**
     * Reads {@code value} when it stands here written as Jackson writes a long (a minus sign, then the digits without
     * leading zeros); whatever follows it is for the next read to match.
     *
     * @param value the number the layout puts here
     * @return false, without moving, when other bytes stand here
     */
    public boolean literal(long value) {
        if (value == Long.MIN_VALUE) {
            return literal(RecordBytes.ascii(Long.toString(value)));
        }
        if (value < 0) {
            int start = at;
            if (next('-') && digits(-value)) {
                return true;
            }
            at = start;
            return false;
        }
        return digits(value);
    }

    /** Reads the decimal digits of {@code value} (not negative), without leading zeros, when they stand here. */
    private boolean digits(long value) {
        if (value < 100) {
            // Most of a round's numbers (rows, reels, lines, small stops and wins): no division loop.
            int tens = (int) value / 10;
            int count = tens == 0 ? 1 : 2;
            if (count > in.length - at || (tens != 0 && in[at] != '0' + tens)
                    || in[at + count - 1] != '0' + (int) value % 10) {
                return false;
            }
            at += count;
            return true;
        }
        int count = 1;
        for (long v = value; v >= 10; v /= 10) {
            count++;
        }
        if (count > in.length - at) {
            return false;
        }
        long v = value;
        for (int i = at + count - 1; i >= at; i--) {
            if (in[i] != '0' + (int) (v % 10)) {
                return false;
            }
            v /= 10;
        }
        at += count;
        return true;
    }

    /**
     * Reads the byte {@code c} when it stands here.
     *
     * @param c an ASCII character
     * @return false, without moving, when another byte (or none) stands here
     */
    public boolean next(char c) {
        if (at < in.length && in[at] == c) {
            at++;
            return true;
        }
        return false;
    }

    /**
     * Reads a non-negative integer of 1 to 18 digits.
     *
     * @return its value, or -1 when no digit stands here
     */
    public long number() {
        long value = 0;
        int start = at;
        while (at < in.length && in[at] >= '0' && in[at] <= '9' && at - start < 18) {
            value = value * 10 + (in[at++] - '0');
        }
        return at == start ? -1 : value;
    }

    /**
     * Reads {@code count} integers of at most {@code Integer.MAX_VALUE}, separated by commas, into {@code into}.
     *
     * @param into where they go
     * @param count how many
     * @return false when fewer stand here
     */
    public boolean numbers(int[] into, int count) {
        for (int i = 0; i < count; i++) {
            if (i > 0 && !next(',')) {
                return false;
            }
            long value = number();
            if (value < 0 || value > Integer.MAX_VALUE) {
                return false;
            }
            into[i] = (int) value;
        }
        return true;
    }

    /**
     * Reads a string without escapes (the last one read is kept, with its bytes, for the next).
     *
     * @return the string, or null when none stands here, or it has escapes or does not end
     */
    public String string() {
        if (!next('"')) {
            return null;
        }
        int start = at;
        while (at < in.length && in[at] != '"') {
            if (in[at] == '\\') {
                return null;
            }
            at++;
        }
        if (at == in.length) {
            return null;
        }
        int end = at++;
        if (lastString == null || !Arrays.equals(in, start, end, lastStringBytes, 0, lastStringBytes.length)) {
            lastStringBytes = Arrays.copyOfRange(in, start, end);
            lastString = new String(lastStringBytes, StandardCharsets.UTF_8);
        }
        return lastString;
    }

    /**
     * Reads the first of {@code choices} (strings as {@link RecordBytes#encode} encodes them, quotes included) that
     * stands here.
     *
     * @param choices the encoded strings that may stand here
     * @return its index in {@code choices}, or -1 when none stands here
     */
    public int oneOf(byte[][] choices) {
        for (int k = 0; k < choices.length; k++) {
            if (literal(choices[k])) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Steps over the string that stands here (escapes honoured).
     *
     * @return false when none stands here or it does not end
     */
    public boolean skipString() {
        if (!next('"')) {
            return false;
        }
        while (at < in.length) {
            byte b = in[at++];
            if (b == '\\') {
                at++;
            } else if (b == '"') {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves to where {@code mark} next stands, without reading what it passes: no string or nesting is honoured, so it
     * may stop inside a string or a nested value. That is a guess only a fast path that accepts nothing but bytes it
     * matched in full, in order, may make (it is faster than {@link #skipTo}: a Boyer-Moore-Horspool search).
     *
     * @param mark what to look for
     * @return false, without moving, when it stands nowhere from here on
     */
    public boolean seek(Landmark mark) {
        byte[] bytes = mark.bytes;
        int last = bytes.length - 1;
        for (int i = at; i + last < in.length; i += mark.shift[in[i + last] & 0xff]) {
            int k = last;
            while (k >= 0 && in[i + k] == bytes[k]) {
                k--;
            }
            if (k < 0) {
                at = i;
                return true;
            }
        }
        return false;
    }

    /** Bytes a fast path looks ahead for ({@link #seek}), with how far a search may shift past each byte. */
    public static final class Landmark {
        private final byte[] bytes;
        private final int[] shift = new int[256];

        /**
         * The landmark {@code bytes}.
         *
         * @param bytes at least one byte
         */
        public Landmark(byte[] bytes) {
            if (bytes.length == 0) {
                throw new IllegalArgumentException("a landmark has at least one byte");
            }
            this.bytes = bytes.clone();
            Arrays.fill(shift, bytes.length);
            for (int i = 0; i < bytes.length - 1; i++) {
                shift[bytes[i] & 0xff] = bytes.length - 1 - i;
            }
        }
    }

    /**
     * Steps to the end of the object or array reading stands inside (strings and nesting honoured): its closing
     * bracket is the next byte to read.
     *
     * @param close {@code '}'} or {@code ']'}: how it must end
     * @return false when it does not end, or ends otherwise
     */
    public boolean skipTo(char close) {
        int depth = 1;
        while (at < in.length) {
            byte b = in[at];
            if (b == '"') {
                if (!skipString()) {
                    return false;
                }
                continue;
            }
            if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                return b == close;
            }
            at++;
        }
        return false;
    }
}

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
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
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
        if (length > 32) {
            if (!Arrays.equals(in, at, at + length, expected, 0, length)) {
                return false;
            }
        } else if (!same(expected, length)) {
            return false;
        }
        at += length;
        return true;
    }

    /**
     * Whether the {@code length} (at most 32) bytes of {@code expected} stand here: keys and names, compared 8 or 4 bytes
     * at a time (the last word overlapping the one before), which beats both a byte loop and the vectorized comparison's
     * call at these lengths.
     */
    private boolean same(byte[] expected, int length) {
        if (length >= 8) {
            int last = length - 8;
            for (int i = 0; i < last; i += 8) {
                if ((long) LONGS.get(in, at + i) != (long) LONGS.get(expected, i)) {
                    return false;
                }
            }
            return (long) LONGS.get(in, at + last) == (long) LONGS.get(expected, last);
        }
        if (length >= 4) {
            return (int) INTS.get(in, at) == (int) INTS.get(expected, 0)
                    && (int) INTS.get(in, at + length - 4) == (int) INTS.get(expected, length - 4);
        }
        for (int i = 0; i < length; i++) {
            if (in[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads {@code expected} when it stands here: as {@link #literal(byte[])}, but a name of at most 16 bytes is compared
     * as two masked 8-byte words, with no branch on its length (a window's names, of a few lengths, are compared
     * thousands of times a second in no predictable order).
     *
     * @param expected the bytes the layout puts here
     * @return false, without moving, when other bytes stand here
     */
    public boolean literal(Name expected) {
        if (expected.bytes.length > 16 || in.length - at < 16) {
            return literal(expected.bytes);
        }
        long first = (long) LONGS.get(in, at) ^ expected.first;
        long second = (long) LONGS.get(in, at + 8) ^ expected.second;
        if (((first & expected.firstMask) | (second & expected.secondMask)) != 0) {
            return false;
        }
        at += expected.bytes.length;
        return true;
    }

    /** Bytes laid out for {@link #literal(Name)}: when at most 16, as two words and their masks. */
    public static final class Name {
        private final byte[] bytes;
        private final long first;
        private final long second;
        private final long firstMask;
        private final long secondMask;

        /**
         * The name {@code bytes}.
         *
         * @param bytes the bytes
         */
        public Name(byte[] bytes) {
            this.bytes = bytes.clone();
            byte[] padded = Arrays.copyOf(bytes, Math.max(16, bytes.length));
            byte[] mask = new byte[16];
            Arrays.fill(mask, 0, Math.min(16, bytes.length), (byte) 0xff);
            first = (long) LONGS.get(padded, 0);
            second = (long) LONGS.get(padded, 8);
            firstMask = (long) LONGS.get(mask, 0);
            secondMask = (long) LONGS.get(mask, 8);
        }

        /**
         * Each of {@code names} as a name.
         *
         * @param names the bytes of each
         * @return the names, in the same order
         */
        public static Name[] all(byte[][] names) {
            Name[] out = new Name[names.length];
            for (int k = 0; k < names.length; k++) {
                out[k] = new Name(names[k]);
            }
            return out;
        }
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

    /**
     * Moves to where {@code mark} last stands, searching back from the end to the reading position: for a fast path
     * that reads what stands near the end of a record without passing over the rest, under the same terms as
     * {@link #seek} (no string or nesting honoured: a guess that only a fast path matching every byte in order may make).
     *
     * @param mark what to look for
     * @return false, without moving, when it stands nowhere from here on
     */
    public boolean seekLast(Landmark mark) {
        byte[] bytes = mark.bytes;
        int length = bytes.length;
        for (int i = in.length - length; i >= at; i -= mark.backShift[in[i] & 0xff]) {
            int k = 0;
            while (k < length && in[i + k] == bytes[k]) {
                k++;
            }
            if (k == length) {
                at = i;
                return true;
            }
        }
        return false;
    }

    /**
     * Bytes a fast path looks for ({@link #seek} ahead, {@link #seekLast} back from the end), with how far a search may
     * shift past each byte either way.
     */
    public static final class Landmark {
        private final byte[] bytes;
        private final int[] shift = new int[256];
        private final int[] backShift = new int[256];

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
            Arrays.fill(backShift, bytes.length);
            for (int i = bytes.length - 1; i > 0; i--) {
                backShift[bytes[i] & 0xff] = i;
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

package io.fairspin.cert.nist;

import java.util.Arrays;

/**
 * A sequence of bits to test, packed 64 to a word, most significant bit first: bit {@code i} is bit
 * {@code 63 - i % 64} of word {@code i / 64}, so the first bit of a byte-oriented input is its most
 * significant bit, as NIST's reference program reads binary files. Immutable.
 */
public final class BitSequence {
    private final long[] words;
    private final int length;

    private BitSequence(long[] words, int length) {
        this.words = words;
        this.length = length;
    }

    /**
     * The first {@code bits} bits of {@code data} from byte {@code offset}, most significant bit first.
     *
     * @param data the bytes
     * @param offset the first byte
     * @param bits the number of bits, at most what remains
     * @return the sequence
     */
    public static BitSequence fromBytes(byte[] data, int offset, int bits) {
        if (bits < 0 || offset < 0 || (long) offset * 8 + bits > (long) data.length * 8) {
            throw new IllegalArgumentException("need " + bits + " bits from byte " + offset + " of " + data.length);
        }
        long[] words = new long[(bits + 63) / 64 + 1];
        int bytes = (bits + 7) / 8;
        for (int i = 0; i < bytes; i++) {
            words[i >>> 3] |= (data[offset + i] & 0xFFL) << (56 - 8 * (i & 7));
        }
        clearTail(words, bits);
        return new BitSequence(words, bits);
    }

    /**
     * A sequence of the given bits, one per element (each 0 or 1).
     *
     * @param bits the bits, each 0 or 1
     * @return the sequence
     */
    public static BitSequence fromBits(byte[] bits) {
        long[] words = new long[(bits.length + 63) / 64 + 1];
        for (int i = 0; i < bits.length; i++) {
            if (bits[i] != 0) {
                words[i >>> 6] |= 1L << (63 - (i & 63));
            }
        }
        return new BitSequence(words, bits.length);
    }

    /**
     * A sequence of {@code bits} bits taken from packed words, most significant bit first.
     *
     * @param packed 64 bits per word, most significant first
     * @param bits the number of bits, at most 64 per word given
     * @return the sequence
     */
    public static BitSequence fromWords(long[] packed, int bits) {
        long[] words = Arrays.copyOf(packed, (bits + 63) / 64 + 1);
        clearTail(words, bits);
        return new BitSequence(words, bits);
    }

    private static void clearTail(long[] words, int bits) {
        int last = bits >>> 6;
        if ((bits & 63) != 0) {
            words[last] &= -1L << (64 - (bits & 63));
            last++;
        }
        Arrays.fill(words, last, words.length, 0L);
    }

    /**
     * The number of bits.
     *
     * @return the length in bits
     */
    public int length() {
        return length;
    }

    /**
     * Bit {@code i}, 0 or 1.
     *
     * @param i the bit's index, in [0, length())
     * @return the bit
     */
    public int bit(int i) {
        return (int) (words[i >>> 6] >>> (63 - (i & 63))) & 1;
    }

    /**
     * The 64 bits from bit {@code i} on, bit {@code i} as the most significant; bits past the end read
     * as 0. Valid for {@code 0 <= i <= length()}.
     */
    long word64(int i) {
        int w = i >>> 6;
        int s = i & 63;
        long high = words[w] << s;
        return s == 0 ? high : high | (words[w + 1] >>> (64 - s));
    }

    /** The {@code m}-bit value (1 to 32 bits) starting at bit {@code i}, first bit most significant. */
    int window(int i, int m) {
        return (int) (word64(i) >>> (64 - m));
    }

    /** The number of ones among bits {@code from} (inclusive) to {@code to} (exclusive). */
    int ones(int from, int to) {
        int count = 0;
        int i = from;
        for (; to - i >= 64; i += 64) {
            count += Long.bitCount(word64(i));
        }
        if (i < to) {
            count += Long.bitCount(word64(i) >>> (64 - (to - i)));
        }
        return count;
    }

    /** This sequence with its first {@code extra} bits appended again at its end, for circular windows. */
    BitSequence wrapped(int extra) {
        int total = length + extra;
        long[] out = Arrays.copyOf(words, (total + 63) / 64 + 1);
        for (int i = 0; i < extra; i += 64) {
            int take = Math.min(64, extra - i);
            long chunk = word64(i) & (-1L << (64 - take));
            int at = length + i;
            out[at >>> 6] |= chunk >>> (at & 63);
            if ((at & 63) != 0) {
                out[(at >>> 6) + 1] |= chunk << (64 - (at & 63));
            }
        }
        return new BitSequence(out, total);
    }
}

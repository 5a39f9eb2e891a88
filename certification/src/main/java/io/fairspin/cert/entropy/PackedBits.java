package io.fairspin.cert.entropy;

/** Bits (one per byte, in its low bit) packed 64 to a word, the first in the most significant place. */
final class PackedBits {
    private PackedBits() {
    }

    /**
     * Packs the low bit of each byte.
     *
     * @param s one bit per byte
     * @return (s.length / 64) + 2 words: the bits, then zeros (at least one whole word of them)
     */
    static long[] of(byte[] s) {
        int len = s.length;
        long[] packed = new long[(len >>> 6) + 2];
        int whole = len >>> 6;
        for (int w = 0; w < whole; w++) {
            long word = 0;
            for (int i = w << 6, end = i + 64; i < end; i++) {
                word = (word << 1) | (s[i] & 1);
            }
            packed[w] = word;
        }
        for (int i = whole << 6; i < len; i++) {
            packed[whole] |= (long) (s[i] & 1) << (63 - (i & 63));
        }
        return packed;
    }
}

package io.fairspin.cert.entropy;

/**
 * The suffix array and LCP array as {@link TupleEstimates} built them before (the suffixes
 * radix-sorted, 16 bits a pass, on their first 63 - log2(n) bits, ties sorted by comparison, every
 * LCP by comparing the text), with the same pass over the LCP intervals
 * ({@link TupleEstimates#intervals}). Kept as the oracle that {@link TupleEstimates#repeats} (its
 * faster sort and the LCPs taken from the sorted keys) is tested against; it reproduced NIST's
 * reference figures first.
 */
final class SlowTupleEstimates {
    private SlowTupleEstimates() {
    }

    /** Q[t] and S[t] for t up to the longest repeated substring, from the former suffix and LCP arrays. */
    static TupleEstimates.Repeats repeats(byte[] s) {
        int n = s.length;
        int or = 0;
        for (byte b : s) {
            or |= b & 0xFF;
        }
        TupleEstimates.Packed text = new TupleEstimates.Packed(s, or <= 1 ? 1 : 8);
        int[] sa = suffixArray(text);
        int[] lcp = new int[n + 1];
        for (int k = 1; k < n; k++) {
            lcp[k] = text.lcp(sa[k - 1], sa[k]);
        }
        return TupleEstimates.intervals(lcp, n);
    }

    /**
     * The suffix array: (first 63 - log2(n) bits, position) keys radix-sorted 16 bits a pass, runs of
     * equal bits sorted by comparison.
     */
    static int[] suffixArray(TupleEstimates.Packed text) {
        int n = text.n;
        int posBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
        int keyBits = 63 - posBits;
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = (text.word(i) >>> (64 - keyBits)) << posBits | i;
        }
        long[] tmp = new long[n];
        int[] counts = new int[1 << 16];
        for (int shift = posBits; shift < 63; shift += 16) {
            java.util.Arrays.fill(counts, 0);
            for (long x : a) {
                counts[(int) ((x >>> shift) & 0xFFFF)]++;
            }
            int sum = 0;
            for (int c = 0; c < counts.length; c++) {
                int t = counts[c];
                counts[c] = sum;
                sum += t;
            }
            for (long x : a) {
                tmp[counts[(int) ((x >>> shift) & 0xFFFF)]++] = x;
            }
            long[] t = a;
            a = tmp;
            tmp = t;
        }
        tmp = null;
        int[] sa = new int[n];
        long posMask = (1L << posBits) - 1;
        for (int i = 0; i < n; i++) {
            sa[i] = (int) (a[i] & posMask);
        }
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || (a[i] >>> posBits) != (a[start] >>> posBits)) {
                if (i - start > 1) {
                    text.mergeSort(sa, new int[i - start], start, i);
                }
                start = i;
            }
        }
        return sa;
    }
}

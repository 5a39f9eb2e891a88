package io.fairspin.cert.entropy;

/**
 * The t-tuple and LRS counts as {@link TupleEstimates} computed them before its count tables: from
 * the whole suffix array (the suffixes radix-sorted on their first 64 bits, ties sorted by
 * comparison) and the LCP intervals of every length, with no table. Kept as the oracle that
 * {@link TupleEstimates#repeats} is tested against; it reproduced NIST's reference figures first.
 */
final class SlowTupleEstimates {
    private SlowTupleEstimates() {
    }

    /** Q[t] and S[t] for t up to the longest repeated substring, from the LCP intervals alone. */
    static TupleEstimates.Repeats repeats(byte[] s) {
        int n = s.length;
        int or = 0;
        for (byte b : s) {
            or |= b & 0xFF;
        }
        TupleEstimates.Packed text = new TupleEstimates.Packed(s, or <= 1 ? 1 : 8);
        int[] sa = suffixArray(text);
        int[] lcp = new int[n + 1];
        int v = 0;
        for (int k = 1; k < n; k++) {
            lcp[k] = text.lcp(sa[k - 1], sa[k]);
            v = Math.max(v, lcp[k]);
        }
        long[] q = new long[v + 2];
        long[] pairCount = new long[v + 2];
        if (v == 0) {
            return new TupleEstimates.Repeats(0, q, pairCount);
        }
        long[] maxSize = new long[v + 2];
        long[] pairDiff = new long[v + 3];
        int[] stackLcp = new int[v + 2];
        int[] stackLeft = new int[v + 2];
        int top = 0;
        for (int k = 1; k <= n; k++) {
            int cur = k < n ? lcp[k] : 0;
            int left = k - 1;
            while (stackLcp[top] > cur) {
                int l = stackLcp[top];
                left = stackLeft[top];
                top--;
                int parent = Math.max(cur, stackLcp[top]);
                long size = k - left;
                maxSize[l] = Math.max(maxSize[l], size);
                long pairs = size * (size - 1) / 2;
                pairDiff[parent + 1] += pairs;
                pairDiff[l + 1] -= pairs;
            }
            if (stackLcp[top] < cur) {
                top++;
                stackLcp[top] = cur;
                stackLeft[top] = left;
            }
        }
        long running = 1;
        for (int t = v; t >= 1; t--) {
            running = Math.max(running, maxSize[t]);
            q[t] = running;
        }
        long acc = 0;
        for (int t = 1; t <= v; t++) {
            acc += pairDiff[t];
            pairCount[t] = acc;
        }
        return new TupleEstimates.Repeats(v, q, pairCount);
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

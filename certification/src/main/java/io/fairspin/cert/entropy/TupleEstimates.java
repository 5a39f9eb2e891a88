package io.fairspin.cert.entropy;

import java.util.List;

/**
 * SP 800-90B sections 6.3.5 (t-tuple) and 6.3.6 (longest repeated substring), from one suffix
 * array of the input.
 *
 * <p>For each length t, Q[t] is the largest number of occurrences of any t-tuple and S[t] the
 * number of pairs of equal t-tuples (the sum over distinct t-tuples of C(count, 2)). Both come
 * from the intervals of the LCP array: an interval of suffixes sharing exactly l symbols, whose
 * enclosing interval shares l' &lt; l, is one t-tuple occurring (interval size) times for every t in
 * (l', l]. The suffix array is built by radix-sorting the suffixes on their first 32 bits (bit-packed
 * input) and sorting ties by comparison; the LCPs come from the sorted keys, and from word
 * comparisons of the text between ties.
 */
final class TupleEstimates {
    private static final int T_TUPLE_MIN_COUNT = 35;

    private TupleEstimates() {
    }

    /** The t-tuple estimate and the LRS estimate, in that order. */
    static List<Estimate> estimate(byte[] s, String input) {
        int n = s.length;
        if (n < 2) {
            return List.of(Estimate.failed("t-Tuple", input, "needs at least 2 samples"),
                    Estimate.failed("LRS", input, "needs at least 2 samples"));
        }
        Repeats r = repeats(s);
        int v = r.longest();
        if (v == 0) {
            return List.of(Estimate.failed("t-Tuple", input, "no tuple repeats"),
                    Estimate.failed("LRS", input, "no tuple repeats"));
        }
        long[] q = r.q();
        long[] pairCount = r.pairs();
        int u = 1;
        while (u <= v && q[u] >= T_TUPLE_MIN_COUNT) {
            u++;
        }
        Estimate tuple;
        double pmax = -1.0;
        for (int i = 1; i < u; i++) {
            double p = Math.pow((double) q[i] / (double) (n - i + 1), 1.0 / i);
            pmax = Math.max(pmax, p);
        }
        if (pmax > 0.0) {
            double pu = Numerics.upperBound(pmax, n);
            tuple = new Estimate("t-Tuple", input, List.of(
                    Figure.count("t", "t", u - 1),
                    Figure.real("p-hat_max", "pHatMax", pmax),
                    Figure.real("p_u", "pU", pu)), List.of(), -Numerics.log2(pu), null);
        } else {
            tuple = Estimate.failed("t-Tuple", input, "no tuple occurs " + T_TUPLE_MIN_COUNT + " times");
        }
        Estimate lrs;
        if (v >= u) {
            double phat = 0.0;
            for (int i = u; i <= v; i++) {
                double choices = ((double) (n - i) * (double) (n - i + 1)) / 2.0;
                double p = Math.pow(pairCount[i] / choices, 1.0 / i);
                phat = Math.max(phat, p);
            }
            double pu = Numerics.upperBound(phat, n);
            lrs = new Estimate("LRS", input, List.of(
                    Figure.count("u", "u", u),
                    Figure.count("v", "v", v),
                    Figure.real("p-hat", "pHat", phat),
                    Figure.real("p_u", "pU", pu)), List.of(), -Numerics.log2(pu), null);
        } else {
            lrs = Estimate.failed("LRS", input, "the longest repeated substring (" + v + ") is shorter than u ("
                    + u + ")");
        }
        return List.of(tuple, lrs);
    }

    /** The length of the longest repeated substring (overlapping occurrences count), 0 when none. */
    static long longestRepeat(byte[] s) {
        return s.length < 2 ? 0 : repeats(s).longest();
    }

    /**
     * Q[t] and S[t] of a sequence for t from 1 to the length of its longest repeated substring.
     *
     * @param longest the length of the longest repeated substring, 0 when none
     * @param q       Q[t] at index t (length longest + 2)
     * @param pairs   S[t] at index t (length longest + 2)
     */
    record Repeats(int longest, long[] q, long[] pairs) {
    }

    /** {@link Repeats} of at least 2 symbols of 1 or 8 bits, from the LCP intervals of its suffix array. */
    static Repeats repeats(byte[] s) {
        int n = s.length;
        Packed text = new Packed(s, maxValue(s) <= 1 ? 1 : 8);
        int[] lcp = new int[n + 1];
        text.suffixArray(lcp);
        return intervals(lcp, n);
    }

    /**
     * {@link Repeats} from the LCP array of a suffix array of n suffixes ({@code lcp[k]} for the
     * suffixes k - 1 and k, 1 &lt;= k &lt; n), by one stack pass over its intervals.
     */
    static Repeats intervals(int[] lcp, int n) {
        int v = 0;
        for (int k = 1; k < n; k++) {
            v = Math.max(v, lcp[k]);
        }
        long[] q = new long[v + 2];
        long[] pairCount = new long[v + 2];
        if (v == 0) {
            return new Repeats(0, q, pairCount);
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
        return new Repeats(v, q, pairCount);
    }

    private static int maxValue(byte[] s) {
        int or = 0;
        for (byte b : s) {
            or |= b & 0xFF;
        }
        return or;
    }

    /** Symbols of 1 or 8 bits packed into longs, first symbol in the most significant bits. */
    static final class Packed {
        /**
         * Bits per radix pass of {@link #suffixArray}: 2^11 buckets, whose write positions stay in
         * cache (2^16 buckets were slower, each write missing).
         */
        static final int RADIX_BITS = 11;

        final int n;
        final int width;
        final int perWord;
        final long[] words;

        Packed(byte[] s, int width) {
            this.n = s.length;
            this.width = width;
            this.perWord = 64 / width;
            if (width == 1) {
                this.words = PackedBits.of(s);
            } else {
                this.words = new long[(n + 7) / 8 + 2];
                for (int i = 0; i < n; i++) {
                    words[i >>> 3] |= (long) (s[i] & 0xFF) << (56 - 8 * (i & 7));
                }
            }
        }

        /** The 64 bits starting at symbol {@code pos} (zeros past the end). */
        long word(long pos) {
            long bit = pos * width;
            int idx = (int) (bit >>> 6);
            int sh = (int) (bit & 63);
            return sh == 0 ? words[idx] : (words[idx] << sh) | (words[idx + 1] >>> (64 - sh));
        }

        /** The length of the longest common prefix of the suffixes at a and b (a != b). */
        int lcp(int a, int b) {
            int limit = n - Math.max(a, b);
            int l = 0;
            while (l < limit) {
                long x = word(a + (long) l) ^ word(b + (long) l);
                if (x != 0) {
                    return Math.min(limit, l + Long.numberOfLeadingZeros(x) / width);
                }
                l += perWord;
            }
            return limit;
        }

        /** Suffix order: a before b when a is a proper prefix of b or smaller at the first difference. */
        int compare(int a, int b) {
            int l = lcp(a, b);
            if (l == n - a) {
                return -1;
            }
            if (l == n - b) {
                return 1;
            }
            long wa = word(a + (long) l);
            long wb = word(b + (long) l);
            return Long.compareUnsigned(wa, wb);
        }

        /**
         * The suffix array, and in {@code lcp[k]} the length of the longest common prefix of its
         * suffixes k - 1 and k ({@code lcp} of at least n elements). The suffixes are radix-sorted
         * on (their first 32 bits, or 63 - log2(n) if fewer, zeros past the end; position), 16 bits a pass, and runs
         * of equal bits sorted by comparison. Suffixes whose sorted bits differ have the common
         * leading bits of the two keys as their common prefix (the whole symbols of it, at most the
         * shorter suffix's length), so only suffixes in a run of equal bits read the text.
         */
        int[] suffixArray(int[] lcp) {
            int posBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
            // ties beyond 32 bits are few on any but strongly repetitive input
            int keyBits = Math.min(32, 63 - posBits);
            int passes = (keyBits + RADIX_BITS - 1) / RADIX_BITS;
            int digit = (1 << RADIX_BITS) - 1;
            // every pass's counts while the keys are made, so that a pass reads the keys once
            int[][] counts = new int[passes][1 << RADIX_BITS];
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                long x = (word(i) >>> (64 - keyBits)) << posBits | i;
                a[i] = x;
                for (int pass = 0; pass < passes; pass++) {
                    counts[pass][(int) (x >>> (posBits + pass * RADIX_BITS)) & digit]++;
                }
            }
            long[] tmp = new long[n];
            for (int pass = 0; pass < passes; pass++) {
                int shift = posBits + pass * RADIX_BITS;
                int[] offsets = counts[pass];
                int sum = 0;
                for (int c = 0; c < offsets.length; c++) {
                    int t = offsets[c];
                    offsets[c] = sum;
                    sum += t;
                }
                for (long x : a) {
                    tmp[offsets[(int) (x >>> shift) & digit]++] = x;
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
            int[] buffer = new int[0];
            int start = 0;
            for (int i = 1; i <= n; i++) {
                if (i == n || (a[i] >>> posBits) != (a[start] >>> posBits)) {
                    if (i - start > 1) {
                        if (buffer.length < i - start) {
                            buffer = new int[i - start];
                        }
                        mergeSort(sa, buffer, start, i);
                    }
                    start = i;
                }
            }
            for (int k = 1; k < n; k++) {
                long x = (a[k - 1] ^ a[k]) >>> posBits;
                if (x == 0) {
                    lcp[k] = lcp(sa[k - 1], sa[k]);
                } else {
                    int common = (Long.numberOfLeadingZeros(x) - (64 - keyBits)) / width;
                    lcp[k] = Math.min(common, n - Math.max(sa[k - 1], sa[k]));
                }
            }
            return sa;
        }

        /** Sorts the suffixes at x[from .. to-1] with {@link #compare}, through buf (at least to - from long). */
        void mergeSort(int[] x, int[] buf, int from, int to) {
            if (to - from < 16) {
                for (int i = from + 1; i < to; i++) {
                    int v = x[i];
                    int j = i - 1;
                    while (j >= from && compare(x[j], v) > 0) {
                        x[j + 1] = x[j];
                        j--;
                    }
                    x[j + 1] = v;
                }
                return;
            }
            int mid = (from + to) >>> 1;
            mergeSort(x, buf, from, mid);
            mergeSort(x, buf, mid, to);
            if (compare(x[mid - 1], x[mid]) <= 0) {
                return;
            }
            System.arraycopy(x, from, buf, 0, mid - from);
            int i = 0;
            int j = mid;
            int k = from;
            int iEnd = mid - from;
            while (i < iEnd && j < to) {
                x[k++] = compare(buf[i], x[j]) <= 0 ? buf[i++] : x[j++];
            }
            while (i < iEnd) {
                x[k++] = buf[i++];
            }
        }
    }
}

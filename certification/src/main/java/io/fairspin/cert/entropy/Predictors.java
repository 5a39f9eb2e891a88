package io.fairspin.cert.entropy;

/**
 * The predictors of SP 800-90B sections 6.3.7 to 6.3.10 (MultiMCW, Lag, MultiMMC, LZ78Y), each
 * counting its correct predictions and longest run of correct ones exactly as NIST's tool does,
 * including its tie rules and dictionary limits.
 */
final class Predictors {
    private static final int[] WINDOWS = {63, 255, 1023, 4095};
    static final int LAGS = 128;
    static final int MMC_DEPTH = 16;
    static final int MMC_MAX_ENTRIES = 100_000;
    static final int LZ_DEPTH = 16;
    static final int LZ_MAX_DICTIONARY = 65_536;

    private Predictors() {
    }

    /** 6.3.7: the most common value in the last 63, 255, 1023 and 4095 samples. */
    static Estimate multiMcw(byte[] s, int k, String input) {
        int len = s.length;
        int nw = WINDOWS.length;
        if (len < WINDOWS[nw - 1] + 1) {
            return Estimate.failed("MultiMCW Prediction", input, "not enough samples (needs more than "
                    + (WINDOWS[nw - 1] + 1) + ")");
        }
        return k == 2 ? binaryMultiMcw(s, input) : generalMultiMcw(s, k, input);
    }

    /** 6.3.7 step by step for any alphabet (at least 4096 samples); the binary case's oracle in tests. */
    static Estimate generalMultiMcw(byte[] s, int k, String input) {
        int len = s.length;
        int nw = WINDOWS.length;
        long[] score = new long[nw];
        int[] maxCount = new int[nw];
        int[][] counts = new int[nw][k];
        int[][] positions = new int[nw][k];
        int[] frequent = new int[nw];
        for (int i = 0; i < WINDOWS[nw - 1]; i++) {
            int x = s[i] & 0xFF;
            for (int j = 0; j < nw; j++) {
                if (i < WINDOWS[j]) {
                    if (maxCount[j] <= ++counts[j][x]) {
                        maxCount[j] = counts[j][x];
                        frequent[j] = x;
                    }
                    positions[j][x] = i;
                }
            }
        }
        int winner = 0;
        long correct = 0;
        long run = 0;
        long maxRun = 0;
        for (int i = WINDOWS[0]; i < len; i++) {
            int x = s[i] & 0xFF;
            if (frequent[winner] == x) {
                correct++;
                if (++run > maxRun) {
                    maxRun = run;
                }
            } else {
                run = 0;
            }
            for (int j = 0; j < nw; j++) {
                if (i >= WINDOWS[j] && frequent[j] == x) {
                    if (++score[j] >= score[winner]) {
                        winner = j;
                    }
                }
            }
            for (int j = 0; j < nw; j++) {
                if (i < WINDOWS[j]) {
                    continue;
                }
                int[] c = counts[j];
                int[] pos = positions[j];
                int old = s[i - WINDOWS[j]] & 0xFF;
                c[old]--;
                c[x]++;
                pos[x] = i;
                if (old != frequent[j] && maxCount[j] <= c[x]) {
                    maxCount[j] = c[x];
                    frequent[j] = x;
                } else if (old == frequent[j]) {
                    maxCount[j]--;
                    int maxPos = i - WINDOWS[j];
                    for (int y = 0; y < k; y++) {
                        if (maxCount[j] < c[y] || (maxCount[j] == c[y] && maxPos <= pos[y])) {
                            maxCount[j] = c[y];
                            frequent[j] = y;
                            maxPos = pos[y];
                        }
                    }
                }
            }
        }
        return Prediction.estimate("MultiMCW", input, correct, len - WINDOWS[0], maxRun, k);
    }

    /**
     * 6.3.7 on bits, with the same result as the general loop. Each window's length is odd, so once
     * it is full its most common value is its majority, without a tie: the count of ones in each
     * window is kept with one addition and one subtraction per step, and the predictions, scores
     * and the winner (a window whose score reaches the winner's becomes the winner, shorter windows
     * first) are computed without branches. A window predicts from the step at which it is full.
     */
    private static Estimate binaryMultiMcw(byte[] s, String input) {
        int len = s.length;
        int nw = WINDOWS.length;
        int[] ones = new int[nw];
        for (int j = 0; j < nw; j++) {
            for (int i = 0; i < WINDOWS[j]; i++) {
                ones[j] += s[i] & 1;
            }
        }
        long[] score = new long[nw];
        int winner = 0;
        long correct = 0;
        long run = 0;
        long maxRun = 0;
        int full = WINDOWS[nw - 1];
        for (int i = WINDOWS[0]; i < full; i++) {
            int x = s[i] & 1;
            int hit = 1 ^ x ^ (ones[winner] * 2 > WINDOWS[winner] ? 1 : 0);
            correct += hit;
            run = (run + 1) * hit;
            maxRun = Math.max(maxRun, run);
            for (int j = 0; j < nw; j++) {
                int w = WINDOWS[j];
                if (i < w) {
                    break;
                }
                int right = 1 ^ x ^ (ones[j] * 2 > w ? 1 : 0);
                long sc = score[j] + right;
                score[j] = sc;
                winner = right != 0 && sc >= score[winner] ? j : winner;
                ones[j] += x - (s[i - w] & 1);
            }
        }
        // every window full: the same steps with the four windows' counts and scores in locals, and
        // the winner's score beside its index (updated when the winner's own score grows)
        int o0 = ones[0];
        int o1 = ones[1];
        int o2 = ones[2];
        int o3 = ones[3];
        long sc0 = score[0];
        long sc1 = score[1];
        long sc2 = score[2];
        long sc3 = score[3];
        long best = score[winner];
        int w0 = WINDOWS[0];
        int w1 = WINDOWS[1];
        int w2 = WINDOWS[2];
        int w3 = WINDOWS[3];
        for (int i = full; i < len; i++) {
            int x = s[i] & 1;
            int r0 = 1 ^ x ^ ((w0 - 2 * o0) >>> 31);
            int r1 = 1 ^ x ^ ((w1 - 2 * o1) >>> 31);
            int r2 = 1 ^ x ^ ((w2 - 2 * o2) >>> 31);
            int r3 = 1 ^ x ^ ((w3 - 2 * o3) >>> 31);
            int hit = ((r0 | r1 << 1 | r2 << 2 | r3 << 3) >>> winner) & 1;
            correct += hit;
            run = (run + 1) * hit;
            maxRun = Math.max(maxRun, run);
            sc0 += r0;
            best = winner == 0 ? sc0 : best;
            if (r0 != 0 && sc0 >= best) {
                winner = 0;
                best = sc0;
            }
            sc1 += r1;
            best = winner == 1 ? sc1 : best;
            if (r1 != 0 && sc1 >= best) {
                winner = 1;
                best = sc1;
            }
            sc2 += r2;
            best = winner == 2 ? sc2 : best;
            if (r2 != 0 && sc2 >= best) {
                winner = 2;
                best = sc2;
            }
            sc3 += r3;
            best = winner == 3 ? sc3 : best;
            if (r3 != 0 && sc3 >= best) {
                winner = 3;
                best = sc3;
            }
            o0 += x - (s[i - w0] & 1);
            o1 += x - (s[i - w1] & 1);
            o2 += x - (s[i - w2] & 1);
            o3 += x - (s[i - w3] & 1);
        }
        return Prediction.estimate("MultiMCW", input, correct, len - WINDOWS[0], maxRun, 2);
    }

    /**
     * 6.3.8: 128 predictors, the d-th predicting the sample d back. Each sample's earlier positions
     * within the last 128 are kept per value, so a step touches only the predictors that score;
     * they are scored from the nearest lag to the farthest, and a predictor whose score reaches the
     * high score becomes the winner.
     */
    static Estimate lag(byte[] s, int k, String input) {
        return k == 2 && s.length > 4 * LAGS ? binaryLag(s, input) : generalLag(s, k, input);
    }

    /** 6.3.8 with the earlier positions of each sample, for any alphabet; the binary case's oracle in tests. */
    static Estimate generalLag(byte[] s, int k, String input) {
        int len = s.length;
        long[] score = new long[LAGS];
        int winner = 0;
        long highScore = 0;
        long correct = 0;
        long run = 0;
        long maxRun = 0;
        int[][] ring = new int[k][LAGS];
        int[] count = new int[k];
        int[] head = new int[k];
        int x0 = s[0] & 0xFF;
        ring[x0][0] = 0;
        head[x0] = 1;
        count[x0] = 1;
        for (int i = 1; i < len; i++) {
            int x = s[i] & 0xFF;
            if (x == (s[i - winner - 1] & 0xFF)) {
                correct++;
                if (++run > maxRun) {
                    maxRun = run;
                }
            } else {
                run = 0;
            }
            int[] r = ring[x];
            int h = head[x];
            int n = count[x];
            int cutoff = i - LAGS;
            int kept = 0;
            for (int m = 0; m < n; m++) {
                int pos = r[(h - 1 - m) & (LAGS - 1)];
                if (pos < cutoff) {
                    break;
                }
                kept++;
                int offset = i - pos - 1;
                long sc = ++score[offset];
                if (sc >= highScore) {
                    winner = offset;
                    highScore = sc;
                }
            }
            n = Math.min(kept + 1, LAGS);
            r[h & (LAGS - 1)] = i;
            head[x] = (h + 1) & (LAGS - 1);
            count[x] = n;
        }
        return Prediction.estimate("Lag", input, correct, len - 1, maxRun, k);
    }

    /**
     * 6.3.8 on bits, with the same result as {@link #lag} and far less work. A predictor changes the
     * winner only when its score reaches the high score; in a block of 64 steps a score grows by at
     * most 64, so only the lags within 64 of the high score at the block's start (usually a handful)
     * are followed step by step; the others' scores are brought up to date at the block's start (no
     * step of the block reads them) by counting their matches in the block with one popcount each
     * (bits packed 64 to a word).
     */
    private static Estimate binaryLag(byte[] s, String input) {
        int len = s.length;
        long[] packed = PackedBits.of(s);
        long[] score = new long[LAGS];
        int winner = 0;
        long highScore = 0;
        long correct = 0;
        long run = 0;
        long maxRun = 0;
        int[] candidates = new int[LAGS];
        // the first steps, where fewer than 128 lags exist, step by step over all of them
        int start = 2 * LAGS;
        for (int i = 1; i < start; i++) {
            int x = s[i];
            if (x == s[i - winner - 1]) {
                correct++;
                if (++run > maxRun) {
                    maxRun = run;
                }
            } else {
                run = 0;
            }
            int lags = Math.min(i, LAGS);
            for (int d = 0; d < lags; d++) {
                if (s[i - d - 1] == x) {
                    long sc = ++score[d];
                    if (sc >= highScore) {
                        winner = d;
                        highScore = sc;
                    }
                }
            }
        }
        for (int block = start; block < len; block += 64) {
            int end = Math.min(len, block + 64);
            int steps = end - block;
            long mask = steps == 64 ? -1L : -1L << (64 - steps);
            long current = window(packed, block);
            int nc = 0;
            for (int d = 0; d < LAGS; d++) {
                if (score[d] + steps >= highScore) {
                    candidates[nc++] = d;
                } else {
                    // its score is read in this block only once it is a candidate again: counted now
                    score[d] += Long.bitCount(~(current ^ window(packed, block - d - 1)) & mask);
                }
            }
            for (int i = block; i < end; i++) {
                int x = s[i];
                if (x == s[i - winner - 1]) {
                    correct++;
                    if (++run > maxRun) {
                        maxRun = run;
                    }
                } else {
                    run = 0;
                }
                for (int c = 0; c < nc; c++) {
                    int d = candidates[c];
                    if (s[i - d - 1] == x) {
                        long sc = ++score[d];
                        if (sc >= highScore) {
                            winner = d;
                            highScore = sc;
                        }
                    }
                }
            }
        }
        return Prediction.estimate("Lag", input, correct, len - 1, maxRun, 2);
    }

    /** The 64 bits from bit {@code pos} on, the first in the most significant place. */
    private static long window(long[] packed, int pos) {
        int idx = pos >>> 6;
        int sh = pos & 63;
        return sh == 0 ? packed[idx] : (packed[idx] << sh) | (packed[idx + 1] >>> (64 - sh));
    }

    /**
     * 6.3.9: Markov models of orders 1 to 16 counting, for each context of d samples, the samples
     * that followed it (at most 100,000 context-sample pairs per order); each predicts the most
     * frequent follower (the larger sample on a tie).
     */
    static Estimate multiMmc(byte[] s, int k, String input) {
        return multiMmc(s, k, input, MMC_MAX_ENTRIES);
    }

    /** {@link #multiMmc(byte[], int, String)} with another limit of pairs per order (for tests). */
    static Estimate multiMmc(byte[] s, int k, String input, int maxEntries) {
        int len = s.length;
        if (len < 3) {
            return Estimate.failed("MultiMMC Prediction", input, "not enough samples (needs at least 3)");
        }
        if (k == 2 && maxEntries >= 1 << MMC_DEPTH) {
            return binaryMultiMmc(s, input, maxEntries);
        }
        long n = len - 2;
        ContextTable[] table = new ContextTable[MMC_DEPTH];
        long[] score = new long[MMC_DEPTH];
        int[] entries = new int[MMC_DEPTH];
        for (int d = 0; d < MMC_DEPTH; d++) {
            table[d] = new ContextTable(d + 1);
            if (d < n) {
                long[] key = contextKey(s, 0, d + 1);
                table[d].increment(table[d].context(key[0], key[1], true), s[d + 1] & 0xFF, true);
                entries[d] = 1;
            }
        }
        int winner = 0;
        long correct = 0;
        long run = 0;
        long maxRun = 0;
        long w0 = s[0] & 0xFF;
        long w1 = 0;
        // w0 holds the last (up to) 8 samples before i, the most recent in the low byte; w1 the 8 before them
        w0 = ((w0 << 8) | (s[1] & 0xFF));
        for (int i = 2; i < len; i++) {
            int x = s[i] & 0xFF;
            boolean found = false;
            int curWinner = winner;
            int ctx = -1;
            for (int d = 0; d < MMC_DEPTH && i - 2 >= d; d++) {
                if (!(d == 0 || found) && entries[d] >= maxEntries) {
                    // neither looked up nor added: nothing to do at this order
                    continue;
                }
                long k0 = d < 8 ? w0 & mask(d + 1) : w0;
                long k1 = d < 8 ? 0 : w1 & mask(d - 7);
                ContextTable t = table[d];
                if (d == 0 || found) {
                    ctx = t.context(k0, k1, false);
                    found = ctx >= 0;
                }
                if (found) {
                    if (t.prediction(ctx) == x) {
                        if (++score[d] >= score[winner]) {
                            winner = d;
                        }
                        if (d == curWinner) {
                            correct++;
                            if (++run > maxRun) {
                                maxRun = run;
                            }
                        }
                    } else if (d == curWinner) {
                        run = 0;
                    }
                    if (t.increment(ctx, x, entries[d] < maxEntries)) {
                        entries[d]++;
                    }
                } else if (entries[d] < maxEntries) {
                    t.increment(t.context(k0, k1, true), x, true);
                    entries[d]++;
                }
            }
            w1 = (w1 << 8) | (w0 >>> 56);
            w0 = (w0 << 8) | x;
        }
        return Prediction.estimate("MultiMMC", input, correct, n, maxRun, k);
    }

    private static long mask(int bytes) {
        return bytes >= 8 ? -1L : (1L << (8 * bytes)) - 1;
    }

    /** The key of the context s[from .. from+length-1] as the rolling windows of {@link #multiMmc} hold it. */
    private static long[] contextKey(byte[] s, int from, int length) {
        long k0 = 0;
        long k1 = 0;
        for (int j = from; j < from + length; j++) {
            k1 = (k1 << 8) | (k0 >>> 56);
            k0 = (k0 << 8) | (s[j] & 0xFF);
        }
        return new long[] {k0, k1 & mask(Math.max(0, length - 8))};
    }

    /** Steps per chunk of {@link #binaryMultiMmc}: a multiple of 64. */
    private static final int MMC_CHUNK = 1 << 14;

    /**
     * The orders below the last that {@link #mmcThreeOrders} runs together, three per pass: a short
     * one (its few counts in L1, a step often waiting on the one before) beside longer ones (waiting
     * on L2), so that the waits overlap.
     */
    private static final int[][] MMC_GROUPS = {{0, 5, 14}, {1, 6, 13}, {2, 7, 12}, {3, 8, 11}, {4, 9, 10}};

    /**
     * 6.3.9 on bits, order by order. Orders 1 to 15 hold at most 2^16 pairs, below the limit, so
     * whether an order's context was seen depends only on that order's own counts (a context that
     * was seen had its shorter suffixes seen too): each order runs alone over a chunk of steps,
     * without branches, its counts indexed by the context's bits (in cache), and records per step
     * whether its context was found and whether its prediction was right, a bit each. Such an order
     * keeps one int per context, 2 (count of 0s - count of 1s) + 1 once the context was seen and 0
     * before: the context was seen when it is odd, and the prediction (the larger count, 1 on a tie)
     * is 0 when it is at least 2. A scoreboard pass then replays NIST's rule (the order whose score
     * reaches the high score becomes the winner; the winner at the step's start makes the
     * prediction) over the bits: in 64 steps a score grows by at most 64, so only orders within 64
     * of the high score are followed step by step, the others' scores grow by a popcount.
     */
    private static Estimate binaryMultiMmc(byte[] s, String input, int maxEntries) {
        int len = s.length;
        int last = MMC_DEPTH - 1;
        long[] packed = PackedBits.of(s);
        int[][] dict = new int[MMC_DEPTH][];
        int lastElems = 0;
        for (int d = 0; d < MMC_DEPTH; d++) {
            // the last order keeps both counts, to know which pairs exist once it is limited
            dict[d] = new int[d == last ? 1 << (d + 2) : 1 << (d + 1)];
            if (d + 1 < len) {
                int pattern = 0;
                for (int j = 0; j <= d; j++) {
                    pattern = (pattern << 1) | (s[j] & 1);
                }
                int x = s[d + 1] & 1;
                if (d == last) {
                    dict[d][(pattern << 1) | x] = 1;
                    lastElems = 1;
                } else {
                    dict[d][pattern] = mmcCounted(0, x);
                }
            }
        }
        // the contexts of each order below the last not seen yet
        int[] unseen = new int[last];
        for (int d = 0; d < last; d++) {
            unseen[d] = (1 << (d + 1)) - (d + 1 < len ? 1 : 0);
        }
        int words = MMC_CHUNK >>> 6;
        long[][] found = new long[MMC_DEPTH][words];
        long[][] right = new long[MMC_DEPTH][words];
        long[] score = new long[MMC_DEPTH];
        int[] candidates = new int[MMC_DEPTH];
        long[] candidateScore = new long[MMC_DEPTH];
        long[] candidateRight = new long[MMC_DEPTH];
        long[] candidateFound = new long[MMC_DEPTH];
        int winner = 0;
        long correct = 0;
        long run = 0;
        long maxRun = 0;
        for (int lo = 0; lo < len; lo += MMC_CHUNK) {
            int hi = Math.min(len, lo + MMC_CHUNK);
            // whole words of the chunk by the packed passes, the first chunk and the rest step by step
            int whole = lo == 0 ? lo : hi & -64;
            int chunkWords = (hi - lo + 63) >>> 6;
            for (int[] g : MMC_GROUPS) {
                if (whole > lo && unseen[g[0]] + unseen[g[1]] + unseen[g[2]] == 0) {
                    mmcThreeSeenOrders(packed, lo >>> 6, whole >>> 6, dict[g[0]], right[g[0]],
                            dict[g[1]], right[g[1]], dict[g[2]], right[g[2]]);
                    for (int d : g) {
                        java.util.Arrays.fill(found[d], 0, (whole - lo) >>> 6, -1L);
                    }
                } else if (whole > lo) {
                    mmcThreeOrders(packed, lo >>> 6, whole >>> 6, dict[g[0]], found[g[0]], right[g[0]],
                            g[1], dict[g[1]], found[g[1]], right[g[1]], g[2], dict[g[2]], found[g[2]], right[g[2]]);
                }
                for (int d : g) {
                    mmcUnlimitedOrder(s, lo, whole, hi, d, dict[d], found[d], right[d]);
                    if (unseen[d] > 0) {
                        // a step whose context was not found saw it for the first time
                        int steps = hi - Math.max(lo, Math.min(hi, d + 2));
                        for (int w = 0; w < chunkWords; w++) {
                            steps -= Long.bitCount(found[d][w]);
                        }
                        unseen[d] -= steps;
                    }
                }
            }
            lastElems = mmcOrder(s, lo, hi, last, dict[last], lastElems, maxEntries, found[last], right[last]);
            for (int w = 0; w < chunkWords; w++) {
                // the candidates' words and scores in locals; the winner is one of them (at index wc)
                long high = score[winner];
                int nc = 0;
                int wc = 0;
                long others = 0;
                long any = 0;
                for (int d = 0; d < MMC_DEPTH; d++) {
                    if (score[d] + 64 >= high) {
                        wc = d == winner ? nc : wc;
                        candidates[nc] = d;
                        candidateScore[nc] = score[d];
                        candidateRight[nc] = right[d][w];
                        candidateFound[nc] = found[d][w];
                        any |= candidateFound[nc];
                        nc++;
                    } else {
                        others |= 1L << d;
                    }
                }
                for (long pending = any; pending != 0; pending &= pending - 1) {
                    int bit = Long.numberOfTrailingZeros(pending);
                    if ((candidateRight[wc] >>> bit & 1) != 0) {
                        correct++;
                        if (++run > maxRun) {
                            maxRun = run;
                        }
                    } else if ((candidateFound[wc] >>> bit & 1) != 0) {
                        run = 0;
                    }
                    for (int c = 0; c < nc; c++) {
                        if ((candidateRight[c] >>> bit & 1) != 0 && ++candidateScore[c] >= candidateScore[wc]) {
                            wc = c;
                        }
                    }
                }
                for (int c = 0; c < nc; c++) {
                    score[candidates[c]] = candidateScore[c];
                }
                winner = candidates[wc];
                for (long o = others; o != 0; o &= o - 1) {
                    int d = Long.numberOfTrailingZeros(o);
                    score[d] += Long.bitCount(right[d][w]);
                }
            }
        }
        return Prediction.estimate("MultiMMC", input, correct, len - 2, maxRun, 2);
    }

    /** An unlimited order's int for a context (see {@link #binaryMultiMmc}) after it is followed by x. */
    private static int mmcCounted(int e, int x) {
        return (e + 2 - 4 * x) | 1;
    }

    /**
     * Three orders below the last ({@code d0} = 0 to 4, {@code d1}, {@code d2}) of
     * {@link #binaryMultiMmc} over the words {@code wlo} (at least 1) to {@code whi} of the packed bits
     * (the first in the most significant place): per step, whether each order's context was seen and
     * whether its prediction was right, bit (step - 64 wlo) of {@code found} and {@code right}, and the
     * counts updated.
     */
    private static void mmcThreeOrders(long[] packed, int wlo, int whi, int[] t0, long[] found0, long[] right0,
                                       int d1, int[] t1, long[] found1, long[] right1,
                                       int d2, int[] t2, long[] found2, long[] right2) {
        int m0 = t0.length - 1;
        int m1 = (1 << (d1 + 1)) - 1;
        int m2 = (1 << (d2 + 1)) - 1;
        int history = (int) packed[wlo - 1];
        for (int w = wlo; w < whi; w++) {
            long bits = packed[w];
            long f0 = 0;
            long r0 = 0;
            long f1 = 0;
            long r1 = 0;
            long f2 = 0;
            long r2 = 0;
            for (int b = 63; b >= 0; b--) {
                int x = (int) (bits >>> b) & 1;
                int notX = ~x;
                int step = 2 - 4 * x;
                int a0 = history & m0;
                int a1 = history & m1;
                int a2 = history & m2;
                int e0 = t0[a0];
                int e1 = t1[a1];
                int e2 = t2[a2];
                // bit 63 after 64 steps is the first step; right: x = 0 and e >= 2, or x = 1, e odd, e < 2
                f0 = (f0 >>> 1) | (long) e0 << 63;
                r0 = (r0 >>> 1) | (long) ((((1 - e0) >>> 31) ^ x) & (e0 | notX)) << 63;
                f1 = (f1 >>> 1) | (long) e1 << 63;
                r1 = (r1 >>> 1) | (long) ((((1 - e1) >>> 31) ^ x) & (e1 | notX)) << 63;
                f2 = (f2 >>> 1) | (long) e2 << 63;
                r2 = (r2 >>> 1) | (long) ((((1 - e2) >>> 31) ^ x) & (e2 | notX)) << 63;
                t0[a0] = (e0 + step) | 1;
                t1[a1] = (e1 + step) | 1;
                t2[a2] = (e2 + step) | 1;
                history = (history << 1) | x;
            }
            int at = w - wlo;
            found0[at] = f0;
            right0[at] = r0;
            found1[at] = f1;
            right1[at] = r1;
            found2[at] = f2;
            right2[at] = r2;
        }
    }

    /**
     * {@link #mmcThreeOrders} for three orders each of whose contexts has been seen: every context's
     * int is odd, the prediction is right when it is at least 2 and x = 0, or below 2 and x = 1.
     */
    private static void mmcThreeSeenOrders(long[] packed, int wlo, int whi, int[] t0, long[] right0,
                                           int[] t1, long[] right1, int[] t2, long[] right2) {
        int m0 = t0.length - 1;
        int m1 = t1.length - 1;
        int m2 = t2.length - 1;
        int history = (int) packed[wlo - 1];
        for (int w = wlo; w < whi; w++) {
            long bits = packed[w];
            long r0 = 0;
            long r1 = 0;
            long r2 = 0;
            for (int b = 63; b >= 0; b--) {
                int x = (int) (bits >>> b) & 1;
                int step = 2 - 4 * x;
                int a0 = history & m0;
                int a1 = history & m1;
                int a2 = history & m2;
                int e0 = t0[a0];
                int e1 = t1[a1];
                int e2 = t2[a2];
                // the first step ends in bit 63, reversed below
                r0 = (r0 << 1) | (((1 - e0) >>> 31) ^ x);
                r1 = (r1 << 1) | (((1 - e1) >>> 31) ^ x);
                r2 = (r2 << 1) | (((1 - e2) >>> 31) ^ x);
                t0[a0] = e0 + step;
                t1[a1] = e1 + step;
                t2[a2] = e2 + step;
                history = (history << 1) | x;
            }
            int at = w - wlo;
            right0[at] = Long.reverse(r0);
            right1[at] = Long.reverse(r1);
            right2[at] = Long.reverse(r2);
        }
    }

    /**
     * One order {@code d} below the last of {@link #binaryMultiMmc} step by step over the steps
     * {@code from} to {@code hi} of the chunk starting at {@code lo}, as {@link #mmcThreeOrders} does;
     * the words of {@code found} and {@code right} from step {@code from} on are written whole (zero
     * before step d + 2, which has no context of d + 1 bits).
     */
    private static void mmcUnlimitedOrder(byte[] s, int lo, int from, int hi, int d, int[] t, long[] found,
                                          long[] right) {
        if (from >= hi) {
            return;
        }
        int mask = (1 << (d + 1)) - 1;
        int start = Math.max(from, d + 2);
        int history = 0;
        for (int j = Math.max(0, start - d - 1); j < start; j++) {
            history = (history << 1) | (s[j] & 1);
        }
        int off = from - lo;
        java.util.Arrays.fill(found, off >>> 6, ((hi - lo - 1) >>> 6) + 1, 0L);
        java.util.Arrays.fill(right, off >>> 6, ((hi - lo - 1) >>> 6) + 1, 0L);
        for (int i = start; i < hi; i++) {
            int x = s[i] & 1;
            int at = history & mask;
            int e = t[at];
            int o = i - lo;
            found[o >>> 6] |= (long) (e & 1) << o;
            right[o >>> 6] |= (long) ((((1 - e) >>> 31) ^ x) & (e | ~x)) << o;
            t[at] = mmcCounted(e, x);
            history = (history << 1) | x;
        }
    }

    /**
     * One order {@code d} of {@link #binaryMultiMmc} over the steps {@code lo} to {@code hi}: sets bit
     * i - lo of {@code found} when the context of the d + 1 bits before step i was seen, of
     * {@code right} when it was and its prediction equals bit i; counts bit i after its context.
     * Returns the number of pairs after the chunk.
     */
    private static int mmcOrder(byte[] s, int lo, int hi, int d, int[] entry, int elems, int maxEntries,
                                long[] found, long[] right) {
        java.util.Arrays.fill(found, 0);
        java.util.Arrays.fill(right, 0);
        int from = Math.max(lo, d + 2);
        if (from >= hi) {
            return elems;
        }
        int mask = (1 << (d + 1)) - 1;
        int history = 0;
        for (int j = from - d - 1; j < from; j++) {
            history = (history << 1) | (s[j] & 1);
        }
        boolean limited = (1 << (d + 2)) > maxEntries;
        int i = from;
        // the last order, while its pairs are below the limit: a new pair only while room remains
        while (limited && elems < maxEntries && i < hi) {
            int x = s[i] & 1;
            int at = (history & mask) << 1;
            int c0 = entry[at];
            int c1 = entry[at + 1];
            if ((c0 | c1) != 0) {
                int off = i - lo;
                found[off >>> 6] |= 1L << off;
                if ((c0 > c1 ? 0 : 1) == x) {
                    right[off >>> 6] |= 1L << off;
                }
            }
            if (entry[at + x] != 0) {
                entry[at + x]++;
            } else {
                entry[at + x] = 1;
                elems++;
            }
            history = (history << 1) | x;
            i++;
        }
        long f = 0;
        long r = 0;
        int off = i - lo;
        for (; i < hi; i++, off++) {
            int x = s[i] & 1;
            int at = (history & mask) << 1;
            int c0 = entry[at];
            int c1 = entry[at + 1];
            long seen = (-(long) (c0 | c1)) >>> 63;
            long prediction = ((long) c0 - c1 - 1) >>> 63; // 1 unless c0 > c1
            f |= seen << off;
            r |= (seen & ~(prediction ^ x)) << off;
            int v = entry[at + x];
            // unlimited, or full: a pair is counted only when it exists
            entry[at + x] = v + (limited ? (-v) >>> 31 : 1);
            history = (history << 1) | x;
            if ((off & 63) == 63) {
                found[off >>> 6] |= f;
                right[off >>> 6] |= r;
                f = 0;
                r = 0;
            }
        }
        if ((off & 63) != 0) {
            found[off >>> 6] |= f;
            right[off >>> 6] |= r;
        }
        return elems;
    }

    /**
     * 6.3.10: an LZ78-like dictionary of contexts of 1 to 16 samples (at most 65,536 contexts in
     * all) and their followers; the prediction is the follower seen most often after any of the
     * current contexts (the longest context on a tie).
     */
    static Estimate lz78y(byte[] s, int k, String input) {
        return lz78y(s, k, input, LZ_MAX_DICTIONARY);
    }

    /**
     * {@link #lz78y(byte[], int, String)} with another dictionary limit (more than 16; for tests).
     *
     * <p>Until the dictionary is full, every step adds its missing contexts, longest first; from
     * then on nothing is added. So a context that exists had each shorter suffix existing since (it
     * was added at the same step or before), except for contexts added at the step that filled the
     * dictionary, whose shorter suffixes may have found no room: these all end with that step's
     * context of the filling length. At any other step the existing contexts are the shortest ones
     * up to the first missing, which is where a step's look-ups stop (on 8-bit samples, usually after
     * the second); a step whose context of the filling length is that one looks at all 16.
     */
    static Estimate lz78y(byte[] s, int k, String input, int maxDictionary) {
        int len = s.length;
        int b = LZ_DEPTH;
        if (len < b + 2) {
            return Estimate.failed("LZ78Y Prediction", input, "not enough samples (needs at least " + (b + 2) + ")");
        }
        if (k == 2) {
            return binaryLz78y(s, input, maxDictionary);
        }
        ContextTable[] table = new ContextTable[b];
        int size = 0;
        for (int j = 1; j <= b; j++) {
            table[j - 1] = new ContextTable(j);
            long[] key = contextKey(s, b - j, j);
            table[j - 1].increment(table[j - 1].context(key[0], key[1], true), s[b] & 0xFF, true);
            size++;
        }
        long w0 = 0;
        long w1 = 0;
        for (int i = 0; i <= b; i++) {
            w1 = (w1 << 8) | (w0 >>> 56);
            w0 = (w0 << 8) | (s[i] & 0xFF);
        }
        long correct = 0;
        long run = 0;
        long maxRun = 0;
        // the length whose context filled the dictionary, and that context (see above)
        int fillLength = 0;
        long fill0 = 0;
        long fill1 = 0;
        for (int i = b + 1; i < len; i++) {
            int x = s[i] & 0xFF;
            boolean have = false;
            int prediction = 0;
            long maxCount = 0;
            boolean all = size < maxDictionary || (fillLength > 1
                    && (fillLength <= 8 ? (w0 & mask(fillLength)) == fill0
                            : w0 == fill0 && (w1 & mask(fillLength - 8)) == fill1));
            if (all) {
                for (int j = b; j > 0; j--) {
                    int d = j - 1;
                    long k0 = d < 8 ? w0 & mask(d + 1) : w0;
                    long k1 = d < 8 ? 0 : w1 & mask(d - 7);
                    int ctx = table[d].context(k0, k1, false);
                    if (ctx >= 0) {
                        long count = table[d].bestCount(ctx);
                        if (count > maxCount) {
                            maxCount = count;
                            prediction = table[d].prediction(ctx);
                            have = true;
                        }
                        table[d].increment(ctx, x, true);
                    } else if (size < maxDictionary) {
                        table[d].increment(table[d].context(k0, k1, true), x, true);
                        if (++size == maxDictionary) {
                            fillLength = j;
                            fill0 = k0;
                            fill1 = k1;
                        }
                    }
                }
            } else {
                // the longest context among those with the highest count, as the loop above finds it
                for (int d = 0; d < b; d++) {
                    long k0 = d < 8 ? w0 & mask(d + 1) : w0;
                    long k1 = d < 8 ? 0 : w1 & mask(d - 7);
                    int ctx = table[d].context(k0, k1, false);
                    if (ctx < 0) {
                        break;
                    }
                    long count = table[d].bestCount(ctx);
                    if (count >= maxCount) {
                        maxCount = count;
                        prediction = table[d].prediction(ctx);
                        have = true;
                    }
                    table[d].increment(ctx, x, true);
                }
            }
            if (have && prediction == x) {
                correct++;
                if (++run > maxRun) {
                    maxRun = run;
                }
            } else {
                run = 0;
            }
            w1 = (w1 << 8) | (w0 >>> 56);
            w0 = (w0 << 8) | x;
        }
        return Prediction.estimate("LZ78Y", input, correct, len - b - 1, maxRun, k);
    }

    /**
     * 6.3.10 on bits: the counts of each context length indexed by the context's bits, all lengths
     * in one array, step by step as NIST's tool does until the following holds, and from then on
     * only the two contexts of one bit.
     *
     * <p>A context that exists had each existing shorter suffix since it was added (see
     * {@link #lz78y(byte[], int, String, int)}), so its count of each follower is at most the
     * suffix's. Once all four 2-bit contexts exist and, for each 2-bit context ac and follower f,
     * the 1-bit context c was followed by f more often than ac was, c stays strictly ahead of ac:
     * from then on every step that counts f after ac also counts it after c, and the other 2-bit
     * context a'c has at least as many followers as now. So every longer context's count (at most
     * its 2-bit suffix's) is below the 1-bit context's, which alone has the highest count and makes
     * the prediction at every later step; the longer contexts' counts are never read again.
     */
    private static Estimate binaryLz78y(byte[] s, String input, int maxDictionary) {
        int len = s.length;
        int b = LZ_DEPTH;
        // length j's counts (2 per context of j bits) from offset 2^(j+1) - 4
        int[] dict = new int[(1 << (b + 2)) - 4];
        int pattern = 0;
        int elems = 0;
        for (int j = 0; j < b; j++) {
            pattern |= (s[b - j - 1] & 1) << j;
            dict[(1 << (j + 2)) - 4 + (((pattern & ((1 << (j + 1)) - 1)) << 1) | (s[b] & 1))] = 1;
            elems++;
        }
        int history = 0;
        for (int i = 1; i <= b; i++) {
            history = (history << 1) | (s[i] & 1);
        }
        long correct = 0;
        long run = 0;
        long maxRun = 0;
        int i = b + 1;
        for (; i < len; i++) {
            if ((i & 63) == 0 && oneBitAhead(dict)) {
                break;
            }
            int x = s[i] & 1;
            boolean have = false;
            int prediction = 2;
            long maxCount = 0;
            for (int j = b; j > 0; j--) {
                int at = (1 << (j + 1)) - 4 + ((history & ((1 << j) - 1)) << 1);
                int round;
                int count;
                if (dict[at] > dict[at + 1]) {
                    round = 0;
                    count = dict[at];
                } else {
                    round = 1;
                    count = dict[at + 1];
                }
                if (count != 0) {
                    if (count > maxCount) {
                        maxCount = count;
                        have = true;
                        prediction = round;
                    }
                    dict[at + x]++;
                } else if (elems < maxDictionary) {
                    dict[at + x] = 1;
                    elems++;
                }
            }
            if (have && prediction == x) {
                correct++;
                if (++run > maxRun) {
                    maxRun = run;
                }
            } else {
                run = 0;
            }
            history = (history << 1) | x;
        }
        // the 1-bit contexts alone: counts[2c + f]
        int[] counts = {dict[0], dict[1], dict[2], dict[3]};
        int previous = history & 1;
        for (; i < len; i++) {
            int x = s[i] & 1;
            int at = previous << 1;
            int prediction = counts[at] > counts[at + 1] ? 0 : 1;
            counts[at + x]++;
            if (prediction == x) {
                correct++;
                if (++run > maxRun) {
                    maxRun = run;
                }
            } else {
                run = 0;
            }
            previous = x;
        }
        return Prediction.estimate("LZ78Y", input, correct, len - b - 1, maxRun, 2);
    }

    /**
     * Whether, in {@link #binaryLz78y}'s counts, all four 2-bit contexts exist and each 1-bit
     * context c was followed by each f more often than either 2-bit context ending in c.
     */
    private static boolean oneBitAhead(int[] dict) {
        for (int ac = 0; ac < 4; ac++) {
            int c = ac & 1;
            if (dict[4 + 2 * ac] + dict[4 + 2 * ac + 1] == 0) {
                return false;
            }
            for (int f = 0; f < 2; f++) {
                if (dict[2 * c + f] <= dict[4 + 2 * ac + f]) {
                    return false;
                }
            }
        }
        return true;
    }
}

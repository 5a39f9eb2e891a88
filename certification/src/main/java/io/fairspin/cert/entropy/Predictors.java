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
     * 6.3.8: 128 predictors, the d-th predicting the sample d back. Each sample's earlier positions
     * within the last 128 are kept per value, so a step touches only the predictors that score;
     * they are scored from the nearest lag to the farthest, and a predictor whose score reaches the
     * high score becomes the winner.
     */
    static Estimate lag(byte[] s, int k, String input) {
        if (k == 2 && s.length > 4 * LAGS) {
            return binaryLag(s, input);
        }
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
     * are followed step by step; the others' scores are brought up to date at the block's end by
     * counting their matches in the block with one popcount each (bits packed 64 to a word).
     */
    private static Estimate binaryLag(byte[] s, String input) {
        int len = s.length;
        long[] packed = new long[(len >>> 6) + 2];
        for (int i = 0; i < len; i++) {
            packed[i >>> 6] |= (long) (s[i] & 1) << (63 - (i & 63));
        }
        long[] score = new long[LAGS];
        int winner = 0;
        long highScore = 0;
        long correct = 0;
        long run = 0;
        long maxRun = 0;
        int[] candidates = new int[LAGS];
        boolean[] isCandidate = new boolean[LAGS];
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
            int nc = 0;
            for (int d = 0; d < LAGS; d++) {
                isCandidate[d] = score[d] + steps >= highScore;
                if (isCandidate[d]) {
                    candidates[nc++] = d;
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
            if (nc < LAGS) {
                long mask = steps == 64 ? -1L : -1L << (64 - steps);
                long current = window(packed, block);
                for (int d = 0; d < LAGS; d++) {
                    if (!isCandidate[d]) {
                        score[d] += Long.bitCount(~(current ^ window(packed, block - d - 1)) & mask);
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
        int len = s.length;
        if (len < 3) {
            return Estimate.failed("MultiMMC Prediction", input, "not enough samples (needs at least 3)");
        }
        if (k == 2) {
            return binaryMultiMmc(s, input);
        }
        long n = len - 2;
        ContextTable table = new ContextTable((int) Math.min(1 << 20, 4L * len));
        long[] score = new long[MMC_DEPTH];
        int[] entries = new int[MMC_DEPTH];
        for (int d = 0; d < MMC_DEPTH; d++) {
            if (d < n) {
                long[] key = contextKey(s, 0, d + 1);
                table.increment(table.context(d, key[0], key[1], true), s[d + 1] & 0xFF, true);
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
                long k0 = d < 8 ? w0 & mask(d + 1) : w0;
                long k1 = d < 8 ? 0 : w1 & mask(d - 7);
                if (d == 0 || found) {
                    ctx = table.context(d, k0, k1, false);
                    found = ctx >= 0;
                }
                if (found) {
                    if (table.prediction(ctx) == x) {
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
                    if (table.increment(ctx, x, entries[d] < MMC_MAX_ENTRIES)) {
                        entries[d]++;
                    }
                } else if (entries[d] < MMC_MAX_ENTRIES) {
                    table.increment(table.context(d, k0, k1, true), x, true);
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

    /** 6.3.9 on bits, with the contexts of each order as array indices. */
    private static Estimate binaryMultiMmc(byte[] s, String input) {
        int len = s.length;
        int[][] dict = new int[MMC_DEPTH][];
        for (int j = 0; j < MMC_DEPTH; j++) {
            dict[j] = new int[1 << (j + 2)];
        }
        int[] elems = new int[MMC_DEPTH];
        int pattern = 0;
        for (int d = 0; d < MMC_DEPTH && d + 1 < len; d++) {
            pattern = (pattern << 1) | (s[d] & 1);
            dict[d][((pattern & ((1 << (d + 1)) - 1)) << 1) | (s[d + 1] & 1)] = 1;
            elems[d] = 1;
        }
        long[] score = new long[MMC_DEPTH];
        int winner = 0;
        long correct = 0;
        long run = 0;
        long maxRun = 0;
        int history = 0;
        for (int i = 0; i < 2 && i < len; i++) {
            history = (history << 1) | (s[i] & 1);
        }
        for (int i = 2; i < len; i++) {
            int x = s[i] & 1;
            boolean found = false;
            int curWinner = winner;
            for (int d = 0; d < MMC_DEPTH && d <= i - 2; d++) {
                int[] entry = dict[d];
                int at = (history & ((1 << (d + 1)) - 1)) << 1;
                int prediction = 2;
                if (d == 0 || found) {
                    int count;
                    if (entry[at] > entry[at + 1]) {
                        prediction = 0;
                        count = entry[at];
                    } else {
                        prediction = 1;
                        count = entry[at + 1];
                    }
                    found = count != 0;
                }
                if (found) {
                    if (prediction == x) {
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
                    if (entry[at + x] != 0) {
                        entry[at + x]++;
                    } else if (elems[d] < MMC_MAX_ENTRIES) {
                        entry[at + x] = 1;
                        elems[d]++;
                    }
                } else if (elems[d] < MMC_MAX_ENTRIES) {
                    entry[at + x] = 1;
                    elems[d]++;
                }
            }
            history = (history << 1) | x;
        }
        return Prediction.estimate("MultiMMC", input, correct, len - 2, maxRun, 2);
    }

    /**
     * 6.3.10: an LZ78-like dictionary of contexts of 1 to 16 samples (at most 65,536 contexts in
     * all) and their followers; the prediction is the follower seen most often after any of the
     * current contexts (the longest context on a tie).
     */
    static Estimate lz78y(byte[] s, int k, String input) {
        int len = s.length;
        int b = LZ_DEPTH;
        if (len < b + 2) {
            return Estimate.failed("LZ78Y Prediction", input, "not enough samples (needs at least " + (b + 2) + ")");
        }
        if (k == 2) {
            return binaryLz78y(s, input);
        }
        ContextTable table = new ContextTable((int) Math.min(1 << 17, 4L * len));
        int size = 0;
        for (int j = 1; j <= b; j++) {
            long[] key = contextKey(s, b - j, j);
            table.increment(table.context(j - 1, key[0], key[1], true), s[b] & 0xFF, true);
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
        for (int i = b + 1; i < len; i++) {
            int x = s[i] & 0xFF;
            boolean have = false;
            int prediction = 0;
            long maxCount = 0;
            for (int j = b; j > 0; j--) {
                int d = j - 1;
                long k0 = d < 8 ? w0 & mask(d + 1) : w0;
                long k1 = d < 8 ? 0 : w1 & mask(d - 7);
                int ctx = table.context(d, k0, k1, false);
                if (ctx >= 0) {
                    long count = table.bestCount(ctx);
                    if (count > maxCount) {
                        maxCount = count;
                        prediction = table.prediction(ctx);
                        have = true;
                    }
                    table.increment(ctx, x, true);
                } else if (size < LZ_MAX_DICTIONARY) {
                    table.increment(table.context(d, k0, k1, true), x, true);
                    size++;
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

    private static Estimate binaryLz78y(byte[] s, String input) {
        int len = s.length;
        int b = LZ_DEPTH;
        int[][] dict = new int[b][];
        for (int j = 0; j < b; j++) {
            dict[j] = new int[1 << (j + 2)];
        }
        int pattern = 0;
        int elems = 0;
        for (int j = 0; j < b; j++) {
            pattern |= (s[b - j - 1] & 1) << j;
            dict[j][((pattern & ((1 << (j + 1)) - 1)) << 1) | (s[b] & 1)] = 1;
            elems++;
        }
        int history = 0;
        for (int i = 1; i <= b; i++) {
            history = (history << 1) | (s[i] & 1);
        }
        long correct = 0;
        long run = 0;
        long maxRun = 0;
        for (int i = b + 1; i < len; i++) {
            int x = s[i] & 1;
            boolean have = false;
            int prediction = 2;
            long maxCount = 0;
            for (int j = b; j > 0; j--) {
                int[] entry = dict[j - 1];
                int at = (history & ((1 << j) - 1)) << 1;
                int round;
                int count;
                if (entry[at] > entry[at + 1]) {
                    round = 0;
                    count = entry[at];
                } else {
                    round = 1;
                    count = entry[at + 1];
                }
                if (count != 0) {
                    if (count > maxCount) {
                        maxCount = count;
                        have = true;
                        prediction = round;
                    }
                    entry[at + x]++;
                } else if (elems < LZ_MAX_DICTIONARY) {
                    entry[at + x] = 1;
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
        return Prediction.estimate("LZ78Y", input, correct, len - b - 1, maxRun, 2);
    }
}

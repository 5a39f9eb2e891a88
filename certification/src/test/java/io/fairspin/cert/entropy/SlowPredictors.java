package io.fairspin.cert.entropy;

/**
 * The MultiMMC and LZ78Y predictors as they were when they first reproduced every figure of NIST's
 * {@code ea_non_iid -vv} on the reference files (commit 0a0c56f): a step-by-step transcription of
 * NIST's loops, kept as the oracle that the faster {@link Predictors} must agree with, count for count,
 * also with small dictionary limits (so that the limits' edge cases are reached on small inputs).
 */
final class SlowPredictors {
    private SlowPredictors() {
    }

    /**
     * 6.3.9: Markov models of orders 1 to 16 counting, for each context of d samples, the samples
     * that followed it (at most 100,000 context-sample pairs per order); each predicts the most
     * frequent follower (the larger sample on a tie).
     */
    static Estimate multiMmc(byte[] s, int k, String input, int maxEntries) {
        int len = s.length;
        if (len < 3) {
            return Estimate.failed("MultiMMC Prediction", input, "not enough samples (needs at least 3)");
        }
        if (k == 2) {
            return binaryMultiMmc(s, input, maxEntries);
        }
        long n = len - 2;
        SlowContextTable table = new SlowContextTable((int) Math.min(1 << 20, 4L * len));
        long[] score = new long[Predictors.MMC_DEPTH];
        int[] entries = new int[Predictors.MMC_DEPTH];
        for (int d = 0; d < Predictors.MMC_DEPTH; d++) {
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
            for (int d = 0; d < Predictors.MMC_DEPTH && i - 2 >= d; d++) {
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
                    if (table.increment(ctx, x, entries[d] < maxEntries)) {
                        entries[d]++;
                    }
                } else if (entries[d] < maxEntries) {
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
    private static Estimate binaryMultiMmc(byte[] s, String input, int maxEntries) {
        int len = s.length;
        int[][] dict = new int[Predictors.MMC_DEPTH][];
        for (int j = 0; j < Predictors.MMC_DEPTH; j++) {
            dict[j] = new int[1 << (j + 2)];
        }
        int[] elems = new int[Predictors.MMC_DEPTH];
        int pattern = 0;
        for (int d = 0; d < Predictors.MMC_DEPTH && d + 1 < len; d++) {
            pattern = (pattern << 1) | (s[d] & 1);
            dict[d][((pattern & ((1 << (d + 1)) - 1)) << 1) | (s[d + 1] & 1)] = 1;
            elems[d] = 1;
        }
        long[] score = new long[Predictors.MMC_DEPTH];
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
            for (int d = 0; d < Predictors.MMC_DEPTH && d <= i - 2; d++) {
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
                    } else if (elems[d] < maxEntries) {
                        entry[at + x] = 1;
                        elems[d]++;
                    }
                } else if (elems[d] < maxEntries) {
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
    static Estimate lz78y(byte[] s, int k, String input, int maxDictionary) {
        int len = s.length;
        int b = Predictors.LZ_DEPTH;
        if (len < b + 2) {
            return Estimate.failed("LZ78Y Prediction", input, "not enough samples (needs at least " + (b + 2) + ")");
        }
        if (k == 2) {
            return binaryLz78y(s, input, maxDictionary);
        }
        SlowContextTable table = new SlowContextTable((int) Math.min(1 << 17, 4L * len));
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
                } else if (size < maxDictionary) {
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

    private static Estimate binaryLz78y(byte[] s, String input, int maxDictionary) {
        int len = s.length;
        int b = Predictors.LZ_DEPTH;
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
                } else if (elems < maxDictionary) {
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

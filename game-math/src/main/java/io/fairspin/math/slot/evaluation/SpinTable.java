package io.fairspin.math.slot.evaluation;

import io.fairspin.math.slot.model.SlotModel;
import java.util.HashMap;
import java.util.Map;

/**
 * A line game's reel set compiled one step further than {@link CompiledReels}: the result of every played
 * line, and the count of the first scatter, looked up with two reads per spin instead of one read per line
 * and reel. The reels are split into a prefix (the first {@code p}) and a suffix (the rest); the stops of
 * the prefix are one index into {@link #prefix}, those of the suffix one index into a row of
 * {@link #suffix}.
 *
 * <p>After the prefix's symbols each line is either decided (its win and bonus flag fixed; the line
 * table's decision diagram reaches a leaf) or still running at a diagram node. Prefixes whose running
 * lines stand at the same nodes share a <em>state</em>; per state and suffix the running lines' results
 * are summed once. So a spin's line result is {@code prefix result + suffix[state][suffix stops]}: the
 * same value, line for line, as {@link io.fairspin.math.slot.SlotGame}'s line-by-line evaluation (a test
 * plays both over every example), with the same random draws, so reports do not change.
 *
 * <p>Entries: {@code prefix[i] = lineResult << 26 | scatterCount << 20 | state} and
 * {@code suffix[state * suffixSize + j] = lineResult << 6 | scatterCount} (an int), where a line result is
 * {@code credits << 8 | bonus lines} as in the engine, and the scatter count is the first scatter's.
 * Built only when it stays small ({@link #MAX_ENTRIES}); otherwise {@link #of} returns null and the
 * engine evaluates line by line.
 */
public final class SpinTable {
    /** The most entries of either table. */
    public static final int MAX_ENTRIES = 1 << 21;
    private static final int STATE_BITS = 20;
    private static final int SCATTER_BITS = 6;
    private static final long MAX_RESULT = 1L << (64 - STATE_BITS - SCATTER_BITS - 1);
    /** Suffix entries are ints (half the cache of longs): results below 2^(31 - 6). */
    private static final long MAX_SUFFIX_RESULT = 1L << (31 - SCATTER_BITS);

    /** Reels in the prefix; the suffix holds the rest. */
    public final int prefixReels;
    /** Per reel, its stops (the prefix's and the suffix's indices are mixed-radix in reel order). */
    public final int[] lengths;
    /**
     * Per stop combination of the prefix reels (mixed-radix index), its packed entry: the line result of the lines
     * the prefix already decides, the prefix's scatter count and the id of the lines' state after the prefix (read
     * with {@link #prefixResult}, {@link #prefixScatters} and {@link #prefixState}).
     */
    public final long[] prefix;
    /**
     * Per state id and stop combination of the suffix reels (index {@code state * suffixSize + combination}), its
     * packed entry: the line result the suffix adds and the suffix's scatter count (read with
     * {@link #suffixResult} and {@link #suffixScatters}).
     */
    public final int[] suffix;
    /** The number of suffix stop combinations: the length of one state's row. */
    public final int suffixSize;
    /** Whether the packed scatter count is that of scatter 0 (false: the model has no scatter). */
    public final boolean scatterCounted;
    /** Whether every stop is drawn as uniform(length) ({@link CompiledReels#uniformStops()}). */
    public final boolean uniformStops;

    private SpinTable(int prefixReels, int[] lengths, long[] prefix, int[] suffix, int suffixSize,
            boolean scatterCounted, boolean uniformStops) {
        this.prefixReels = prefixReels;
        this.uniformStops = uniformStops;
        this.lengths = lengths;
        this.prefix = prefix;
        this.suffix = suffix;
        this.suffixSize = suffixSize;
        this.scatterCounted = scatterCounted;
    }

    /**
     * The table of {@code reels} for the first {@code lines} paylines (rows per line and reel in
     * {@code lineRows}, index line * reels + reel), or null when the model is not a plain line game (ways,
     * random reel heights, more than one scatter) or the table would exceed {@link #MAX_ENTRIES}.
     *
     * @param model the slot model
     * @param reels the compiled reel set the table is for
     * @param table the line diagram of the model's pays; null gives no table
     * @param lineRows the row of each line on each reel, index line * reels + reel
     * @param lines how many paylines, from the first, the table evaluates
     * @return the table, or null when the model or the sizes do not allow one
     */
    public static SpinTable of(SlotModel model, CompiledReels reels, LineTable table, int[] lineRows, int lines) {
        if (model.ways() || model.heights() != null || table == null || model.scatters().size() > 1
                || reels.reels < 2) {
            return null;
        }
        int n = reels.reels;
        int[] lengths = new int[n];
        for (int r = 0; r < n; r++) {
            lengths[r] = reels.length(r);
        }
        int p = Math.max(1, n - 2);
        long prefixSize = product(lengths, 0, p);
        long suffixSize = product(lengths, p, n);
        if (prefixSize > MAX_ENTRIES || suffixSize > MAX_ENTRIES) {
            return null;
        }
        SlotModel.Scatter scatter = model.scatters().isEmpty() ? null : model.scatters().get(0);
        int rows = reels.rows;
        long[] prefix = new long[(int) prefixSize];
        Map<IntArrayKey, Integer> states = new HashMap<>();
        Map<Integer, int[]> stateNodes = new HashMap<>();
        int[] stops = new int[n];
        for (int i = 0; i < prefix.length; i++) {
            decode(i, lengths, 0, p, stops);
            int[] nodes = new int[lines];
            long result = 0;
            for (int l = 0; l < lines; l++) {
                int state = table.root();
                for (int r = 0; r < p && state >= 0; r++) {
                    state = table.next(state, symbol(reels, r, stops[r], lineRows[l * n + r], rows));
                }
                if (state < 0) {
                    result += leafResult(state);
                    nodes[l] = -1;
                } else {
                    nodes[l] = state;
                }
            }
            int id = states.computeIfAbsent(new IntArrayKey(nodes), key -> {
                stateNodes.put(stateNodes.size(), nodes);
                return stateNodes.size() - 1;
            });
            if (id >= 1 << STATE_BITS || (long) id * suffixSize >= MAX_ENTRIES || result >= MAX_RESULT) {
                return null;
            }
            int scatters = scatter == null ? 0 : scatterCount(reels, scatter, stops, 0, p);
            prefix[i] = result << (STATE_BITS + SCATTER_BITS) | (long) scatters << STATE_BITS | id;
        }
        int[] suffix = new int[(int) (stateNodes.size() * suffixSize)];
        for (int id = 0; id < stateNodes.size(); id++) {
            int[] nodes = stateNodes.get(id);
            for (int j = 0; j < suffixSize; j++) {
                decode(j, lengths, p, n, stops);
                long result = 0;
                for (int l = 0; l < lines; l++) {
                    int state = nodes[l];
                    for (int r = p; r < n && state >= 0; r++) {
                        state = table.next(state, symbol(reels, r, stops[r], lineRows[l * n + r], rows));
                    }
                    if (state >= 0) {
                        throw new IllegalStateException("a line's diagram did not end after the last reel");
                    }
                    result += nodes[l] < 0 ? 0 : leafResult(state);
                }
                if (result >= MAX_SUFFIX_RESULT) {
                    return null;
                }
                int scatters = scatter == null ? 0 : scatterCount(reels, scatter, stops, p, n);
                suffix[id * (int) suffixSize + j] = (int) (result << SCATTER_BITS) | scatters;
            }
        }
        return new SpinTable(p, lengths, prefix, suffix, (int) suffixSize, scatter != null, reels.uniformStops());
    }

    /**
     * The prefix entry's line result ({@code credits << 8 | bonus lines}).
     *
     * @param entry an entry of {@link #prefix}
     * @return the line result of the lines the prefix decides, 0 or more
     */
    public static long prefixResult(long entry) {
        return entry >>> (STATE_BITS + SCATTER_BITS);
    }

    /**
     * The prefix entry's scatter count.
     *
     * @param entry an entry of {@link #prefix}
     * @return the symbols of scatter 0 on the prefix reels (0 when the model has no scatter), below 64
     */
    public static int prefixScatters(long entry) {
        return (int) (entry >>> STATE_BITS) & ((1 << SCATTER_BITS) - 1);
    }

    /**
     * The prefix entry's state id: which row of {@link #suffix} completes its lines.
     *
     * @param entry an entry of {@link #prefix}
     * @return the state id, from 0
     */
    public static int prefixState(long entry) {
        return (int) entry & ((1 << STATE_BITS) - 1);
    }

    /**
     * The suffix entry's line result ({@code credits << 8 | bonus lines}), added to the prefix's.
     *
     * @param entry an entry of {@link #suffix}
     * @return the line result the suffix adds, 0 or more
     */
    public static long suffixResult(int entry) {
        return entry >>> SCATTER_BITS;
    }

    /**
     * The suffix entry's scatter count.
     *
     * @param entry an entry of {@link #suffix}
     * @return the symbols of scatter 0 on the suffix reels (0 when the model has no scatter), below 64
     */
    public static int suffixScatters(int entry) {
        return entry & ((1 << SCATTER_BITS) - 1);
    }

    private static long leafResult(int leaf) {
        return LineTable.leafCredits(leaf) << 8 | LineTable.leafBonus(leaf);
    }

    private static int symbol(CompiledReels reels, int reel, int stop, int row, int rows) {
        return reels.symbolAt[(reels.stopBase[reel] + stop) * rows + row];
    }

    private static int scatterCount(CompiledReels reels, SlotModel.Scatter scatter, int[] stops, int from, int to) {
        int count = 0;
        for (int r = from; r < to; r++) {
            count += reels.scatterCount[0][reels.stopBase[r] + stops[r]];
        }
        if (count >= 1 << SCATTER_BITS) {
            throw new IllegalStateException("more scatters than a spin table counts");
        }
        return count;
    }

    private static long product(int[] lengths, int from, int to) {
        long product = 1;
        for (int r = from; r < to; r++) {
            product *= lengths[r];
            if (product > MAX_ENTRIES) {
                return product;
            }
        }
        return product;
    }

    /** Stops from..to-1 of the mixed-radix index {@code index} (reel {@code from} most significant). */
    private static void decode(int index, int[] lengths, int from, int to, int[] stops) {
        for (int r = to - 1; r >= from; r--) {
            stops[r] = index % lengths[r];
            index /= lengths[r];
        }
    }
}

package io.fairspin.math.slot.cascades;

import io.fairspin.math.slot.cascades.CascadeModel.Sets;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.WeightedTable;

/**
 * The rules of a cascading spin, on a window held as one long bit mask per symbol (position
 * {@code reel * rows + row}, row 0 at the top): find the wins (clusters by flood fill over the masks, or
 * ways from reel 1), pay them at the evaluation's multiplier, remove the winning positions, let each
 * reel's remaining symbols fall and new ones drop in from the strip above the stop, and evaluate again
 * until nothing wins. Deterministic once the stops are drawn. Immutable; the mutable state of a spin is
 * a {@link Window}, one per thread.
 */
final class CascadeEngine {
    /** A spin ends after this many evaluations even if it still wins (a rule of the format). */
    static final int MAX_EVALUATIONS = 1000;

    final CascadeModel model;
    final int rows;
    final int reels;
    final int cells;
    private final long full;
    private final long notTop;
    private final long notBottom;
    private final long[] columnMask;
    /** Positions of reels 0 .. k-1: index k. */
    private final long[] prefixMask;
    /** Symbols that pay, and per symbol and count (cluster size or run length) the pay, index s * (cells + 1) + n. */
    private final int[] paying;
    private final long[] payTable;
    /** Per symbol, the fewest positions a cluster of it that pays has (cells + 1 when none pays). */
    private final int[] fewestPaying;
    private final WeightedTable[][] stopTables;
    private final WeightedTable baseChoice;
    private final WeightedTable freeChoice;

    CascadeEngine(CascadeModel model) {
        this.model = model;
        this.rows = model.rows();
        this.reels = model.reels();
        this.cells = rows * reels;
        full = cells == 64 ? -1L : (1L << cells) - 1;
        long top = 0;
        long bottom = 0;
        columnMask = new long[reels];
        prefixMask = new long[reels + 1];
        for (int r = 0; r < reels; r++) {
            top |= 1L << (r * rows);
            bottom |= 1L << (r * rows + rows - 1);
            columnMask[r] = (rows == 64 ? -1L : (1L << rows) - 1) << (r * rows);
            prefixMask[r + 1] = prefixMask[r] | columnMask[r];
        }
        notTop = ~top & full;
        notBottom = ~bottom & full;
        int count = 0;
        for (long[] p : model.pays()) {
            count += p == null ? 0 : 1;
        }
        paying = new int[count];
        payTable = new long[model.symbols().size() * (cells + 1)];
        for (int s = 0, i = 0; s < model.pays().length; s++) {
            if (model.pays()[s] != null) {
                paying[i++] = s;
                for (int n = 1; n <= cells; n++) {
                    payTable[s * (cells + 1) + n] = model.clusters() ? CascadeModel.byCount(model.pays()[s], n)
                            : n <= reels ? model.pays()[s][n - 1] : 0;
                }
            }
        }
        fewestPaying = new int[model.symbols().size()];
        for (int s = 0; s < fewestPaying.length; s++) {
            int n = 1;
            while (n <= cells && payTable[s * (cells + 1) + n] <= 0) {
                n++;
            }
            fewestPaying[s] = n;
        }
        stopTables = new WeightedTable[model.strips().size()][reels];
        for (int set = 0; set < stopTables.length; set++) {
            long[][] w = model.stopWeights().get(set);
            for (int r = 0; r < reels; r++) {
                stopTables[set][r] = w == null || w[r] == null ? null : WeightedTable.of(w[r]);
            }
        }
        baseChoice = model.baseSets().sets().length == 1 ? null : WeightedTable.of(model.baseSets().weights());
        freeChoice = model.free() == null || model.free().sets().sets().length == 1 ? null
                : WeightedTable.of(model.free().sets().weights());
    }

    /** The mutable state of a spin: the window, each reel's feed position, the symbols' masks. */
    static final class Window {
        final int[] grid;
        final int[] feed;
        final int[] stops;
        final long[] masks;
        int set;
        int evaluations;
        /** The last evaluation's winning positions. */
        long removed;

        Window(CascadeEngine engine) {
            grid = new int[engine.cells];
            feed = new int[engine.reels];
            stops = new int[engine.reels];
            masks = new long[engine.model.symbols().size()];
        }
    }

    /** Draws the reel set (if there is a choice) and each reel's stop, and fills the window. */
    void draw(RandomStream stream, boolean free, Window w) {
        Sets sets = free ? model.free().sets() : model.baseSets();
        WeightedTable choice = free ? freeChoice : baseChoice;
        int set = choice == null ? sets.sets()[0] : sets.sets()[stream.pick(choice)];
        for (int r = 0; r < reels; r++) {
            WeightedTable t = stopTables[set][r];
            w.stops[r] = t == null ? stream.nextInt(model.strips().get(set)[r].length) : stream.pick(t);
        }
        fill(set, w);
    }

    /** Fills the window of reel set {@code set} from the stops in {@code w}. */
    void fill(int set, Window w) {
        w.set = set;
        int[][] strips = model.strips().get(set);
        for (int r = 0; r < reels; r++) {
            int[] strip = strips[r];
            int stop = w.stops[r];
            for (int j = 0; j < rows; j++) {
                w.grid[r * rows + j] = strip[(stop + j) % strip.length];
            }
            w.feed[r] = stop;
        }
        w.evaluations = 0;
    }

    /**
     * Evaluates the window: the win in line bets before the multiplier, the winning positions in
     * {@code w.removed}; refreshes the symbol masks (so that after a losing evaluation they describe the
     * final window).
     */
    long evaluate(Window w) {
        long[] masks = w.masks;
        java.util.Arrays.fill(masks, 0);
        int[] grid = w.grid;
        for (int c = 0; c < cells; c++) {
            masks[grid[c]] |= 1L << c;
        }
        long win = 0;
        long removed = 0;
        int stride = cells + 1;
        if (model.clusters()) {
            for (int s : paying) {
                long m = masks[s];
                // Fewer positions of the symbol left than its smallest paying cluster: no cluster left pays.
                while (Long.bitCount(m) >= fewestPaying[s]) {
                    long comp = m & -m;
                    long previous;
                    do {
                        previous = comp;
                        comp = (comp | (comp << 1) & notTop | (comp >>> 1) & notBottom | comp << rows | comp >>> rows) & m;
                    } while (comp != previous);
                    m &= ~comp;
                    long pay = payTable[s * stride + Long.bitCount(comp)];
                    if (pay > 0) {
                        win += pay;
                        removed |= comp;
                    }
                }
            }
        } else {
            long wild = model.wild() < 0 ? 0 : masks[model.wild()];
            for (int s : paying) {
                long m = masks[s] | wild;
                long ways = 1;
                int k = 0;
                while (k < reels) {
                    int count = Long.bitCount(m & columnMask[k]);
                    if (count == 0) {
                        break;
                    }
                    ways *= count;
                    k++;
                }
                long pay = payTable[s * stride + k];
                if (pay > 0) {
                    win += pay * ways;
                    removed |= m & prefixMask[k];
                }
            }
        }
        w.removed = removed;
        w.evaluations++;
        return win;
    }

    /** Removes the last evaluation's winning positions: the rest fall, new symbols drop in from the strip. */
    void tumble(Window w) {
        int[][] strips = model.strips().get(w.set);
        long removed = w.removed;
        int[] grid = w.grid;
        for (int r = 0; r < reels; r++) {
            long column = removed >>> (r * rows) & ((1L << rows) - 1);
            if (column == 0) {
                continue;
            }
            int base = r * rows;
            int write = rows - 1;
            for (int j = rows - 1; j >= 0; j--) {
                if ((column >>> j & 1) == 0) {
                    grid[base + write--] = grid[base + j];
                }
            }
            int gone = write + 1;
            int[] strip = strips[r];
            int feed = w.feed[r] - gone;
            if (feed < 0) {
                feed += strip.length;
            }
            for (int j = 0; j < gone; j++) {
                int i = feed + j;
                grid[base + j] = strip[i >= strip.length ? i - strip.length : i];
            }
            w.feed[r] = feed;
        }
    }

    /** The multiplier of the evaluation just made. */
    static long multiplier(long[] multipliers, int evaluation) {
        return multipliers[Math.min(evaluation - 1, multipliers.length - 1)];
    }

    /**
     * Plays a drawn window to its end: the total win in line bets, multipliers applied (scatter pays not
     * included). Afterwards {@code w.masks} describe the final window.
     */
    long cascade(Window w, long[] multipliers) {
        long total = 0;
        while (true) {
            long win = evaluate(w);
            if (win == 0 || w.evaluations >= MAX_EVALUATIONS) {
                return total + win * multiplier(multipliers, w.evaluations);
            }
            total += win * multiplier(multipliers, w.evaluations);
            tumble(w);
        }
    }

    /** The scatters on the final window. */
    int scatters(Window w) {
        return model.scatter() < 0 ? 0 : Long.bitCount(w.masks[model.scatter()]);
    }
}

package io.fairspin.math.slot.evaluation;

import io.fairspin.math.slot.model.SlotModel.ReelSet;
import io.fairspin.math.slot.model.SlotModel.Scatter;
import io.fairspin.math.slot.model.SlotModel;
import io.fairspin.math.slot.model.SlotModel.Heights;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.WeightedTable;
import java.util.List;

/**
 * A reel set compiled for play: stops are drawn by derivation v1 and every per-stop quantity is looked
 * up, never computed. A reel's stop is held as its global stop index {@code stopBase[r] + stop}, and
 * three 21-bit indices are packed per long so that a spin needs no array (see {@link #pack}).
 */
public final class CompiledReels {
    /** The width of one packed stop index, in bits. */
    public static final int BITS = 21;
    /** The mask of one packed stop index. */
    public static final long MASK = (1L << BITS) - 1;
    /** What a column holds below a random reel height: no symbol. */
    public static final int EMPTY = -1;

    /** The model's reel set this compiles. */
    public final ReelSet set;
    /** The number of reels. */
    public final int reels;
    /** The number of rows shown. */
    public final int rows;
    private final int[] lengths;
    private final WeightedTable[] weights;
    /** Random reel heights, or null; then per reel its strip length and height table. */
    private final Heights heights;
    private final int[] stripLengths;
    private final WeightedTable[] heightTables;
    /** Global index of each reel's first stop. */
    public final int[] stopBase;
    /** Line-code contribution of the symbol at (global stop g, row j): index g * rows + j. */
    public final int[] lineCode;
    /** Symbol at (global stop g, row j): index g * rows + j. */
    public final int[] symbolAt;
    /** Per scatter, its count in the column at global stop g. */
    public final byte[][] scatterCount;
    /** Ways: count of positions showing symbol s or a wild for it in the column at g: index g * S + s. */
    public final byte[] waysCount;
    /** The model's top reel, or null; then row 0 of every column is the place above the reel. */
    private final SlotModel.TopReel top;
    /** The top reel's stop weights as a table, or null when they are equal (or there is no top reel). */
    private final WeightedTable topTable;
    /** Per reel, the symbol the top reel shows above it in this view; null for the reels as drawn. */
    private final int[] above;
    /** Per top reel stop, the view of these reels with its symbols above them (stops with one window share one). */
    private final CompiledReels[] topped;
    /** The distinct views of the top reel, with the weight of the stops that give each; null without a top reel. */
    private final List<View> views;

    /**
     * These reels as one top reel window shows them, with the weight of the top reel's stops that give that window.
     *
     * @param reels the reels, every column with its symbol from the top reel above it
     * @param weight the total weight of the top reel's stops that show this window
     */
    public record View(CompiledReels reels, long weight) {
    }

    /**
     * Compiles {@code set} of {@code model}.
     *
     * @param model the slot model
     * @param set the reel set
     * @param table the paylines' lookup table
     */
    public CompiledReels(SlotModel model, ReelSet set, LineTable table) {
        this(model, set, table, null);
    }

    /** The reels of {@code set}, with {@code above} (per reel) shown above them, or as drawn when it is null. */
    private CompiledReels(SlotModel model, ReelSet set, LineTable table, int[] above) {
        this.set = set;
        this.reels = model.reels();
        this.top = model.heights() == null ? null : model.heights().top();
        this.above = above;
        this.rows = model.rows() + (top == null ? 0 : 1);
        int symbols = model.symbolCount();
        lengths = new int[reels];
        weights = new WeightedTable[reels];
        stopBase = new int[reels];
        heights = model.heights();
        stripLengths = new int[reels];
        heightTables = new WeightedTable[reels];
        int total = 0;
        for (int r = 0; r < reels; r++) {
            stripLengths[r] = set.strips()[r].length;
            lengths[r] = stripLengths[r];
            if (heights != null) {
                // A reel's stops are (height index, strip stop) pairs: stop = index * strip length + strip stop.
                lengths[r] = heights.values()[r].length * stripLengths[r];
                heightTables[r] = WeightedTable.of(heights.weights()[r]);
            }
            if (set.weights() != null && set.weights()[r] != null) {
                weights[r] = WeightedTable.of(set.weights()[r]);
            }
            stopBase[r] = total;
            total += lengths[r];
        }
        lineCode = new int[total * rows];
        symbolAt = new int[total * rows];
        List<Scatter> scatters = model.scatters();
        scatterCount = new byte[scatters.size()][total];
        waysCount = model.ways() ? new byte[total * symbols] : new byte[0];
        for (int r = 0; r < reels; r++) {
            for (int stop = 0; stop < lengths[r]; stop++) {
                int g = stopBase[r] + stop;
                int[] column = column(r, stop);
                for (int j = 0; j < rows; j++) {
                    symbolAt[g * rows + j] = column[j];
                    lineCode[g * rows + j] = table == null ? 0 : table.weight(r, column[j]);
                }
                for (int i = 0; i < scatters.size(); i++) {
                    scatterCount[i][g] = (byte) scatterCount(scatters.get(i), column);
                }
                if (model.ways()) {
                    for (int s = 0; s < symbols; s++) {
                        waysCount[g * symbols + s] = (byte) waysCount(model, s, column);
                    }
                }
            }
        }
        if (top == null || above != null) {
            topTable = null;
            topped = null;
            views = null;
            return;
        }
        topTable = top.weights() == null ? null : WeightedTable.of(top.weights());
        topped = new CompiledReels[top.stops().length];
        java.util.Map<IntArrayKey, Integer> byWindow = new java.util.LinkedHashMap<>();
        List<CompiledReels> distinct = new java.util.ArrayList<>();
        long[] weightOf = new long[topped.length];
        for (int t = 0; t < topped.length; t++) {
            int[] window = new int[reels];
            for (int r = 0; r < reels; r++) {
                window[r] = top.above(t, r);
            }
            int index = byWindow.computeIfAbsent(new IntArrayKey(window), key -> {
                distinct.add(new CompiledReels(model, set, table, window));
                return distinct.size() - 1;
            });
            topped[t] = distinct.get(index);
            weightOf[index] += top.weight(t);
        }
        List<View> list = new java.util.ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            if (weightOf[i] > 0) {
                list.add(new View(distinct.get(i), weightOf[i]));
            }
        }
        views = List.copyOf(list);
    }

    /**
     * Whether the model has a top reel: then a spin draws its stop after the reels' ({@link #drawTop}) and is
     * evaluated on {@link #topped}'s view, and row 0 of every column is the place above the reel.
     *
     * @return true with a top reel
     */
    public boolean hasTop() {
        return top != null;
    }

    /**
     * Draws the top reel's stop: uniform(length), or a weighted pick when its stops have weights.
     *
     * @param stream where the random numbers come from
     * @return the stop
     */
    public int drawTop(RandomStream stream) {
        return topTable == null ? stream.nextInt(top.stops().length) : stream.pick(topTable);
    }

    /**
     * The number of the top reel's stops.
     *
     * @return its strip's length, 0 without a top reel
     */
    public int topLength() {
        return top == null ? 0 : top.stops().length;
    }

    /**
     * These reels with the symbols the top reel shows at stop {@code t} above them: the same stops (global
     * indices), every column with its top symbol in row 0.
     *
     * @param t the top reel's stop, in [0, {@link #topLength()})
     * @return the view
     */
    public CompiledReels topped(int t) {
        return topped[t];
    }

    /**
     * The reels as the exact analysis sums over them: without a top reel, these reels (weight 1); with one, each
     * distinct window of the top reel's view with the total weight of the stops that show it. Given the top
     * reel's stop, the reels are independent.
     *
     * @return the views and their weights
     */
    public List<View> views() {
        return views == null ? List.of(new View(this, 1)) : views;
    }

    /**
     * The total weight of the views ({@link #views()}): the top reel's weight total, 1 without a top reel.
     *
     * @return what the cycle of the reels is multiplied by
     */
    public long viewWeight() {
        return top == null ? 1 : top.total();
    }

    /**
     * The symbols a reel shows from top to bottom when it stops at {@code stop}; with random reel heights,
     * {@link #EMPTY} below the height the stop stands for.
     *
     * @param reel the reel, from 0
     * @param stop the stop, in [0, length(reel))
     * @return the symbols, top row first
     */
    public int[] column(int reel, int stop) {
        int[] strip = set.strips()[reel];
        int height = heights == null ? rows : (int) heights.values()[reel][stop / strip.length];
        int first = stop % strip.length;
        int[] column = new int[rows];
        int offset = top == null ? 0 : 1;
        if (top != null) {
            column[0] = above == null ? EMPTY : above[reel];
        }
        for (int j = 0; j + offset < rows; j++) {
            column[j + offset] = j < height ? strip[(first + j) % strip.length] : EMPTY;
        }
        return column;
    }

    /**
     * Whether the reels have random heights, which a stop encodes besides the strip stop.
     *
     * @return true when the model gives the reels random heights, false when every reel shows all rows
     */
    public boolean randomHeights() {
        return heights != null;
    }

    /**
     * The stop that shows strip stop {@code stripStop} of reel {@code reel} at {@code height} rows (the inverse of
     * {@link #stripStop} and {@link #column}); -1 when the reel has no such height. Without random heights, the
     * strip stop itself.
     *
     * @param reel the reel, from 0
     * @param stripStop the index on the reel's strip shown on the top row, in [0, the strip's length)
     * @param height the rows the reel shows; ignored without random heights
     * @return the stop, in [0, length(reel)), or -1 when the reel has no such height
     */
    public int stopOf(int reel, int stripStop, int height) {
        if (heights == null) {
            return stripStop;
        }
        long[] values = heights.values()[reel];
        for (int h = 0; h < values.length; h++) {
            if (values[h] == height) {
                return h * stripLengths[reel] + stripStop;
            }
        }
        return -1;
    }

    /**
     * The strip stop (the index shown on the top row) of stop {@code stop}.
     *
     * @param reel the reel, from 0
     * @param stop the stop, in [0, length(reel))
     * @return the strip stop
     */
    public int stripStop(int reel, int stop) {
        return stop % stripLengths[reel];
    }

    /**
     * The weight of stop {@code stop} of reel {@code reel}: its strip stop's, times its height's.
     *
     * @param reel the reel, from 0
     * @param stop the stop, in [0, length(reel))
     * @return the weight, at least 0
     */
    public long stopWeight(int reel, int stop) {
        long w = set.stopWeight(reel, stop % stripLengths[reel]);
        return heights == null ? w : w * heights.weights()[reel][stop / stripLengths[reel]];
    }

    /**
     * The total weight of reel {@code reel}'s stops.
     *
     * @param reel the reel, from 0
     * @return the total weight, at least 1
     */
    public long reelWeight(int reel) {
        long w = set.reelWeight(reel);
        return heights == null ? w : w * heights.total(reel);
    }

    /**
     * How many {@code scatter} symbols {@code column} shows: at most one when it counts per reel.
     *
     * @param scatter the scatter pay
     * @param column a reel's symbols, top row first
     * @return the count
     */
    public static int scatterCount(Scatter scatter, int[] column) {
        int count = 0;
        for (int symbol : column) {
            if (symbol == scatter.symbol()) {
                count++;
            }
        }
        return scatter.perReel() ? Math.min(count, 1) : count;
    }

    /**
     * Positions in {@code column} that count for ways of symbol {@code s}: s itself or a wild replacing it.
     *
     * @param model the slot model
     * @param s the symbol
     * @param column a reel's symbols, top row first
     * @return the count of positions
     */
    public static int waysCount(SlotModel model, int s, int[] column) {
        int count = 0;
        for (int symbol : column) {
            SlotModel.Wild wild = model.wild(symbol);
            if (symbol == s || wild != null && wild.substitutes()[s]) {
                count++;
            }
        }
        return count;
    }

    /**
     * Whether every reel's stop is drawn as uniform(length): no virtual-reel weights, no random heights.
     *
     * @return true when every reel's stops are equally likely
     */
    public boolean uniformStops() {
        for (int r = 0; r < reels; r++) {
            if (weights[r] != null || heightTables[r] != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of stops of a reel.
     *
     * @param reel the reel, from 0
     * @return the stops, at least 1
     */
    public int length(int reel) {
        return lengths[reel];
    }

    /**
     * Draws reel {@code reel}'s stop: uniform(length), or a weighted pick on a virtual reel; with random reel
     * heights, first the height (a weighted pick), then the strip stop.
     *
     * @param stream where the random numbers come from
     * @param reel the reel, from 0
     * @return the stop, in [0, length(reel))
     */
    public int drawStop(RandomStream stream, int reel) {
        if (heightTables[reel] != null) {
            int height = stream.pick(heightTables[reel]);
            int stop = weights[reel] == null ? stream.nextInt(stripLengths[reel]) : stream.pick(weights[reel]);
            return height * stripLengths[reel] + stop;
        }
        return weights[reel] == null ? stream.nextInt(lengths[reel]) : stream.pick(weights[reel]);
    }

    /**
     * Adds reel {@code reel}'s global stop {@code g} to the packed word that holds it.
     *
     * @param word the packed word
     * @param reel the reel, from 0
     * @param g the global stop
     * @return the word with the stop added
     */
    public static long pack(long word, int reel, int g) {
        return word | (long) g << (BITS * (reel % 3));
    }

    /**
     * Reel {@code reel}'s global stop from the three packed words.
     *
     * @param p0 the first packed word (reels 0 to 2)
     * @param p1 the second packed word (reels 3 to 5)
     * @param p2 the third packed word (reels 6 to 8)
     * @param reel the reel, from 0
     * @return the global stop
     */
    public static int unpack(long p0, long p1, long p2, int reel) {
        long word = reel < 3 ? p0 : reel < 6 ? p1 : p2;
        return (int) ((word >>> (BITS * (reel % 3))) & MASK);
    }
}

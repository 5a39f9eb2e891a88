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

    /**
     * Compiles {@code set} of {@code model}.
     *
     * @param model the slot model
     * @param set the reel set
     * @param table the paylines' lookup table
     */
    public CompiledReels(SlotModel model, ReelSet set, LineTable table) {
        this.set = set;
        this.reels = model.reels();
        this.rows = model.rows();
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
        for (int j = 0; j < rows; j++) {
            column[j] = j < height ? strip[(first + j) % strip.length] : EMPTY;
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

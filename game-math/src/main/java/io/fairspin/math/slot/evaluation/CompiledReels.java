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
    public static final int BITS = 21;
    public static final long MASK = (1L << BITS) - 1;
    /** What a column holds below a random reel height: no symbol. */
    public static final int EMPTY = -1;

    public final ReelSet set;
    public final int reels;
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

    /** The strip stop (the index shown on the top row) of stop {@code stop}. */
    public int stripStop(int reel, int stop) {
        return stop % stripLengths[reel];
    }

    /** The weight of stop {@code stop} of reel {@code reel}: its strip stop's, times its height's. */
    public long stopWeight(int reel, int stop) {
        long w = set.stopWeight(reel, stop % stripLengths[reel]);
        return heights == null ? w : w * heights.weights()[reel][stop / stripLengths[reel]];
    }

    /** The total weight of reel {@code reel}'s stops. */
    public long reelWeight(int reel) {
        long w = set.reelWeight(reel);
        return heights == null ? w : w * heights.total(reel);
    }

    public static int scatterCount(Scatter scatter, int[] column) {
        int count = 0;
        for (int symbol : column) {
            if (symbol == scatter.symbol()) {
                count++;
            }
        }
        return scatter.perReel() ? Math.min(count, 1) : count;
    }

    /** Positions in {@code column} that count for ways of symbol {@code s}: s itself or a wild replacing it. */
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

    /** Whether every reel's stop is drawn as uniform(length): no virtual-reel weights, no random heights. */
    public boolean uniformStops() {
        for (int r = 0; r < reels; r++) {
            if (weights[r] != null || heightTables[r] != null) {
                return false;
            }
        }
        return true;
    }

    public int length(int reel) {
        return lengths[reel];
    }

    /**
     * Draws reel {@code reel}'s stop: uniform(length), or a weighted pick on a virtual reel; with random reel
     * heights, first the height (a weighted pick), then the strip stop.
     */
    public int drawStop(RandomStream stream, int reel) {
        if (heightTables[reel] != null) {
            int height = stream.pick(heightTables[reel]);
            int stop = weights[reel] == null ? stream.nextInt(stripLengths[reel]) : stream.pick(weights[reel]);
            return height * stripLengths[reel] + stop;
        }
        return weights[reel] == null ? stream.nextInt(lengths[reel]) : stream.pick(weights[reel]);
    }

    /** Adds reel {@code reel}'s global stop {@code g} to the packed word that holds it. */
    public static long pack(long word, int reel, int g) {
        return word | (long) g << (BITS * (reel % 3));
    }

    /** Reel {@code reel}'s global stop from the three packed words. */
    public static int unpack(long p0, long p1, long p2, int reel) {
        long word = reel < 3 ? p0 : reel < 6 ? p1 : p2;
        return (int) ((word >>> (BITS * (reel % 3))) & MASK);
    }
}

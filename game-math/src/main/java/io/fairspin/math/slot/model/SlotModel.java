package io.fairspin.math.slot.model;

import java.util.List;

/**
 * A validated slot model with symbols as indices: what {@link SlotModelReader} makes of a model file and
 * what evaluation and analysis work from. Arrays are never modified after reading.
 *
 * @param id          the model's identifier
 * @param name        its display name
 * @param rows        rows of the window
 * @param reels       reels (columns) of the window
 * @param symbols     symbol identifiers, indexed by symbol number
 * @param wilds       the wild symbols and what they replace
 * @param addMultipliers whether several wild multipliers on one win are added (else multiplied)
 * @param reelSets    every reel set, by index
 * @param baseReels   the reel sets of the base game and their weights
 * @param paylines    per payline the row of each reel (top row 0); empty for a ways game
 * @param bothWays    lines also pay right to left
 * @param ways        wins are counted as ways (all ways) instead of on lines
 * @param pays        line or ways pays
 * @param scatters    scatter pays and counts
 * @param freeGames   the free games, or null
 * @param bonus       the pick bonus, or null
 * @param lineBet     the bet per line in minor units
 * @param lines       lines played (for a ways game: line bets staked)
 * @param maxWin      the largest line-plus-scatter win of one spin in total bets, 0 for no cap
 * @param coins       coins played per line: the stake is {@code lineBet x lines x coins}, and every pay
 *                    (in line bets of one coin) is already the pay for that many coins
 */
public record SlotModel(String id, String name, int rows, int reels, List<String> symbols, List<Wild> wilds,
        boolean addMultipliers, List<ReelSet> reelSets, Choice baseReels, int[][] paylines, boolean bothWays,
        boolean ways, List<Pay> pays, List<Scatter> scatters, FreeGames freeGames, Bonus bonus, long lineBet,
        int lines, long maxWin, int coins) {

    /** The stake in line bets of one coin: lines x coins, what pays in line bets are divided by to give the RTP. */
    public long stakeUnits() {
        return (long) lines * coins;
    }

    public int symbolCount() {
        return symbols.size();
    }

    /** The wild that symbol {@code s} is, or null when it is not a wild. */
    public Wild wild(int s) {
        for (Wild w : wilds) {
            if (w.symbol() == s) {
                return w;
            }
        }
        return null;
    }

    /** A wild symbol: the symbols it replaces and its multiplier when it does. */
    public record Wild(int symbol, boolean[] substitutes, long multiplier) {
    }

    /**
     * A set of reel strips.
     *
     * @param name    its name in the model
     * @param strips  per reel the symbol at each stop
     * @param weights per reel the weight of each stop, or null for equal weights
     */
    public record ReelSet(String name, int[][] strips, long[][] weights) {
        public long stopWeight(int reel, int stop) {
            return weights == null || weights[reel] == null ? 1 : weights[reel][stop];
        }

        public long reelWeight(int reel) {
            if (weights == null || weights[reel] == null) {
                return strips[reel].length;
            }
            long total = 0;
            for (long w : weights[reel]) {
                total += w;
            }
            return total;
        }
    }

    /** A weighted choice among reel sets (one entry: no draw). */
    public record Choice(int[] sets, long[] weights) {
        public long total() {
            long total = 0;
            for (long w : weights) {
                total += w;
            }
            return total;
        }
    }

    /**
     * A pay: a pattern of symbol sets matched from reel 1 (and, both ways, from the last reel).
     *
     * @param award   its name, for example "seven x5"
     * @param pattern per position the symbols accepted there (before wild substitution)
     * @param credits the pay in line bets
     * @param bonus   true for the bonus trigger, which pays nothing itself
     */
    public record Pay(String award, boolean[][] pattern, long credits, boolean bonus) {
        public int length() {
            return pattern.length;
        }
    }

    /**
     * A scatter symbol.
     *
     * @param symbol  the symbol
     * @param perReel counted at most once per reel (else once per position)
     * @param credits pay in total bets by count (index count - 1; larger counts take the last entry)
     */
    public record Scatter(int symbol, boolean perReel, long[] credits) {
        public long pay(int count) {
            return count == 0 || credits.length == 0 ? 0 : credits[Math.min(count, credits.length) - 1];
        }
    }

    /**
     * Free games.
     *
     * @param scatter    index into scatters of the triggering scatter
     * @param spins      spins awarded by scatter count (index count - 1; larger counts take the last entry)
     * @param reels      the reel sets played in free games
     * @param multiplier multiplier of line and scatter wins in free games
     * @param retrigger  whether free games award more free games
     */
    public record FreeGames(int scatter, long[] spins, Choice reels, long multiplier, boolean retrigger) {
        public long spins(int count) {
            return count == 0 ? 0 : spins[Math.min(count, spins.length) - 1];
        }
    }

    /**
     * A pick bonus, started by each played line showing the trigger.
     *
     * @param name        its name
     * @param items       hidden items offered
     * @param picks       items the player picks
     * @param countValues how many prizes an item hides, and
     * @param countWeights their weights
     * @param prizeValues prizes in line bets, and
     * @param prizeWeights their weights
     */
    public record Bonus(String name, int items, int picks, long[] countValues, long[] countWeights, long[] prizeValues,
            long[] prizeWeights) {
    }
}

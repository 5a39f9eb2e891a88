package io.fairspin.math.slot.model;

import java.util.List;

/**
 * A validated slot model with symbols as indices: what {@code SlotModelReader} makes of a model file and
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
 * @param heights     random reel heights (Megaways), or null: every reel shows {@code rows} symbols
 * @param bonusBuy    the price of buying the free games, or null
 * @param jackpots    the jackpots the model names and which pays, scatter pays and bonus prizes win them
 */
public record SlotModel(String id, String name, int rows, int reels, List<String> symbols, List<Wild> wilds,
        boolean addMultipliers, List<ReelSet> reelSets, Choice baseReels, int[][] paylines, boolean bothWays,
        boolean ways, List<Pay> pays, List<Scatter> scatters, FreeGames freeGames, Bonus bonus, long lineBet,
        int lines, long maxWin, int coins, Heights heights, BonusBuy bonusBuy, JackpotPays jackpots) {

    /**
     * A model without random reel heights or a bonus buy.
     *
     * @param addMultipliers whether several wild multipliers on one win are added (else multiplied)
     * @param baseReels the reel sets of the base game and their weights
     * @param bonus the pick bonus, or null
     * @param bothWays lines also pay right to left
     * @param coins coins played per line: the stake is {@code lineBet x lines x coins}, and every pay (in line bets of
     *     one coin) is already the pay for that many coins
     * @param freeGames the free games, or null
     * @param id the model's identifier
     * @param lineBet the bet per line in minor units
     * @param lines lines played (for a ways game: line bets staked)
     * @param maxWin the largest line-plus-scatter win of one spin in total bets, 0 for no cap
     * @param name its display name
     * @param paylines per payline the row of each reel (top row 0); empty for a ways game
     * @param pays line or ways pays
     * @param reelSets every reel set, by index
     * @param reels reels (columns) of the window
     * @param rows rows of the window
     * @param scatters scatter pays and counts
     * @param symbols symbol identifiers, indexed by symbol number
     * @param ways wins are counted as ways (all ways) instead of on lines
     * @param wilds the wild symbols and what they replace
     */
    public SlotModel(String id, String name, int rows, int reels, List<String> symbols, List<Wild> wilds,
            boolean addMultipliers, List<ReelSet> reelSets, Choice baseReels, int[][] paylines, boolean bothWays,
            boolean ways, List<Pay> pays, List<Scatter> scatters, FreeGames freeGames, Bonus bonus, long lineBet,
            int lines, long maxWin, int coins) {
        this(id, name, rows, reels, symbols, wilds, addMultipliers, reelSets, baseReels, paylines, bothWays, ways,
                pays, scatters, freeGames, bonus, lineBet, lines, maxWin, coins, null, null, JackpotPays.NONE);
    }

    /**
     * The jackpots a model names ({@code "jackpots"}) and where it wins them: a pay, a scatter pay or a bonus prize
     * whose value is a jackpot's name pays the jackpot (its amount or seed in total bets, already converted into
     * the pay's unit in the model's credits) into the win type {@code "jackpot NAME"}.
     *
     * @param list     the jackpots, in file order
     * @param pays     per pay of the model, the jackpot it wins (index into {@code list}), or -1
     * @param scatters per scatter, per count from 1 (index count - 1, larger counts take the last), the jackpot, or -1
     * @param prizes   per bonus prize value, the jackpot it is, or -1 (empty without a bonus)
     */
    public record JackpotPays(List<io.fairspin.math.slot.jackpots.Jackpot> list, int[] pays, int[][] scatters,
            int[] prizes) {
        /** A model without jackpots. */
        public static final JackpotPays NONE = new JackpotPays(List.of(), new int[0], new int[0][], new int[0]);

        /**
         * Whether the model names any jackpot.
         *
         * @return true when {@code list} is not empty
         */
        public boolean any() {
            return !list.isEmpty();
        }

        /**
         * The jackpot pay {@code p} wins.
         *
         * @param p a pay's index
         * @return the jackpot's index, or -1
         */
        public int ofPay(int p) {
            return p < pays.length ? pays[p] : -1;
        }

        /**
         * The jackpot scatter {@code i} wins at {@code count}.
         *
         * @param i the scatter's index
         * @param count how many it counts
         * @return the jackpot's index, or -1
         */
        public int ofScatter(int i, int count) {
            if (count == 0 || i >= scatters.length || scatters[i].length == 0) {
                return -1;
            }
            return scatters[i][Math.min(count, scatters[i].length) - 1];
        }

        /**
         * The jackpot bonus prize {@code i} is.
         *
         * @param i the prize's index in the bonus's prize table
         * @return the jackpot's index, or -1
         */
        public int ofPrize(int i) {
            return i < prizes.length ? prizes[i] : -1;
        }

        /**
         * Whether a line, ways or scatter pay names a jackpot (bonus prizes aside).
         *
         * @return true when one does
         */
        public boolean inPayTable() {
            return java.util.Arrays.stream(pays).anyMatch(j -> j >= 0)
                    || java.util.Arrays.stream(scatters).flatMapToInt(java.util.Arrays::stream).anyMatch(j -> j >= 0);
        }
    }

    /**
     * The stake in line bets of one coin: lines x coins, what pays in line bets are divided by to give the RTP.
     *
     * @return lines times coins
     */
    public long stakeUnits() {
        return (long) lines * coins;
    }

    /**
     * Buying the free games: for {@code price} total bets the round is the free games that {@code scatters}
     * scatters award, without a base spin.
     */
    public record BonusBuy(long price, int scatters) {
    }

    /**
     * Megaways-style random reel heights: on each spin every reel shows a number of symbols drawn with the
     * given weights, the window's other rows staying empty.
     *
     * @param values  per reel the heights it may show
     * @param weights per reel their weights
     * @param top     the horizontal top reel, or null when the model has none
     */
    public record Heights(long[][] values, long[][] weights, TopReel top) {
        /**
         * Random reel heights without a top reel.
         *
         * @param values per reel the heights it may show
         * @param weights per reel their weights
         */
        public Heights(long[][] values, long[][] weights) {
            this(values, weights, null);
        }

        /**
         * The total weight of a reel's heights.
         *
         * @param reel the reel, from 0
         * @return the sum of the reel's height weights
         */
        public long total(int reel) {
            long total = 0;
            for (long w : weights[reel]) {
                total += w;
            }
            return total;
        }
    }

    /**
     * A Megaways-style horizontal top reel: a strip drawn once per spin (after the reels' stops) whose consecutive
     * stops show one more symbol above each of the reels {@code first} to {@code last}: with stop t, reel
     * {@code first + i} shows {@code stops[(t + i) mod length]} above its column.
     *
     * @param stops   the strip's symbols, stop 0 first
     * @param weights the stops' weights, or null for equal weights
     * @param first   the first reel it covers, from 0
     * @param last    the last reel it covers, from 0, at least {@code first}
     */
    public record TopReel(int[] stops, long[] weights, int first, int last) {
        /**
         * The weight of stop {@code t}.
         *
         * @param t the stop
         * @return its weight, 1 for equal weights
         */
        public long weight(int t) {
            return weights == null ? 1 : weights[t];
        }

        /**
         * The total weight of the strip's stops.
         *
         * @return the sum of the weights, the strip's length for equal weights
         */
        public long total() {
            return weights == null ? stops.length : java.util.Arrays.stream(weights).sum();
        }

        /**
         * The symbol the top reel shows above reel {@code reel} when it stops at {@code t}.
         *
         * @param t the top reel's stop
         * @param reel the reel, from 0
         * @return the symbol, or -1 when the top reel does not cover the reel
         */
        public int above(int t, int reel) {
            return reel < first || reel > last ? -1 : stops[(t + reel - first) % stops.length];
        }
    }

    /**
     * The number of symbols.
     *
     * @return the symbols' count
     */
    public int symbolCount() {
        return symbols.size();
    }

    /**
     * The wild that symbol {@code s} is, or null when it is not a wild.
     *
     * @param s the symbol
     * @return the wild, or null
     */
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
     * @param rowStated per reel whether the model said which row its weights are for ({@code weightedRow}),
     *                  or null when it never did
     */
    public record ReelSet(String name, int[][] strips, long[][] weights, boolean[] rowStated) {
        /**
         * A reel set whose weights' row is not stated.
         *
         * @param name its name in the model
         * @param strips per reel the symbol at each stop
         * @param weights per reel the weight of each stop, or null for equal weights
         */
        public ReelSet(String name, int[][] strips, long[][] weights) {
            this(name, strips, weights, null);
        }

        /**
         * The weight of a stop.
         *
         * @param reel the reel, from 0
         * @param stop the stop
         * @return the weight, 1 for equal weights
         */
        public long stopWeight(int reel, int stop) {
            return weights == null || weights[reel] == null ? 1 : weights[reel][stop];
        }

        /**
         * The total weight of a reel.
         *
         * @param reel the reel, from 0
         * @return the sum of its stops' weights
         */
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
        /**
         * The total weight of the choice's reel sets.
         *
         * @return the sum of the weights
         */
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
        /**
         * The number of reels the pay covers.
         *
         * @return the pattern's length
         */
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
        /**
         * The pay of a scatter count.
         *
         * @param count the scatter count, at least 1
         * @return the pay in total bets
         */
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
        /**
         * The free games a scatter count awards.
         *
         * @param count the scatter count, at least 1
         * @return the spins awarded
         */
        public long spins(int count) {
            return count == 0 ? 0 : spins[Math.min(count, spins.length) - 1];
        }
    }

    /**
     * A pick bonus, started by each played line showing the trigger.
     *
     * @param name        its name
     * @param items       hidden items offered
     * @param picks       items the player picks (the most, when the number is drawn)
     * @param countValues how many prizes an item hides, and
     * @param countWeights their weights
     * @param prizeValues prizes in line bets, and
     * @param prizeWeights their weights
     * @param pickValues  a random number of picks: its values, or null for always {@code picks}, and
     * @param pickWeights their weights
     */
    public record Bonus(String name, int items, int picks, long[] countValues, long[] countWeights, long[] prizeValues,
            long[] prizeWeights, long[] pickValues, long[] pickWeights) {
        /**
         * A bonus with a fixed number of picks.
         *
         * @param countValues how many prizes an item hides, and
         * @param countWeights their weights
         * @param items hidden items offered
         * @param name its name
         * @param picks items the player picks (the most, when the number is drawn)
         * @param prizeValues prizes in line bets, and
         * @param prizeWeights their weights
         */
        public Bonus(String name, int items, int picks, long[] countValues, long[] countWeights, long[] prizeValues,
                long[] prizeWeights) {
            this(name, items, picks, countValues, countWeights, prizeValues, prizeWeights, null, null);
        }
    }
}

package io.fairspin.math.slot.cascades;

import io.fairspin.math.slot.model.SlotModel;
import java.util.List;

/**
 * A cascading slot model (symbols as indices), as {@link CascadeModelReader} reads it.
 *
 * @param id          the model's identifier
 * @param name        its display name
 * @param rows        rows of the window
 * @param reels       reels (columns)
 * @param symbols     symbol names by index
 * @param wild        the wild symbol (ways evaluation only), or -1
 * @param clusters    true: pays by clusters of adjacent equal symbols; false: ways from reel 1
 * @param pays        per symbol its pays in line bets: clusters by cluster size n at index n - 1 (larger
 *                    clusters take the last entry), ways by run length k at index k - 1; null for none
 * @param multipliers the multiplier of the n-th evaluation of a base spin (index n, 0 the first; later
 *                    evaluations take the last entry)
 * @param strips      per reel set and reel the strip
 * @param stopWeights per reel set and reel the stop weights, or null for a plain strip
 * @param setNames    reel set names
 * @param baseSets    base reel sets and their weights
 * @param scatter     the scatter symbol or -1; counted on the window a spin ends with
 * @param scatterPays scatter pays in total bets by count (index count - 1, larger counts the last entry)
 * @param free        free games, or null
 * @param lineBet     bet per line of one coin in minor units
 * @param lines       line bets staked per round
 * @param coins       coins per line bet: every pay (in line bets of one coin) and the cap are multiplied by it, and
 *                    the stake is {@code lineBet x lines x coins}
 * @param maxWin      the largest round win in total bets, 0 for none: the round ends when it is reached
 * @param budget      the most stop combinations an exact analysis counts, per reel set
 * @param bonusBuy    the free games sold for a price, without a base spin, or null
 */
record CascadeModel(String id, String name, int rows, int reels, List<String> symbols, int wild, boolean clusters,
        long[][] pays, long[] multipliers, List<int[][]> strips, List<long[][]> stopWeights, List<String> setNames,
        Sets baseSets, int scatter, long[] scatterPays, Free free, long lineBet, int lines, int coins, long maxWin,
        long budget, SlotModel.BonusBuy bonusBuy) {

    /** A weighted choice of reel sets. */
    record Sets(int[] sets, long[] weights) {
        long total() {
            long t = 0;
            for (long w : weights) {
                t += w;
            }
            return t;
        }
    }

    /**
     * Free games.
     *
     * @param spins       free games by scatter count (index count - 1, larger counts the last entry)
     * @param sets        their reel sets
     * @param multipliers the multiplier of the n-th evaluation of a free spin
     * @param retrigger   whether free games award more free games
     */
    record Free(long[] spins, Sets sets, long[] multipliers, boolean retrigger) {
        long spins(int count) {
            return count == 0 ? 0 : spins[Math.min(count, spins.length) - 1];
        }
    }

    static long byCount(long[] table, int count) {
        return count == 0 || table == null || table.length == 0 ? 0 : table[Math.min(count, table.length) - 1];
    }

    long stake() {
        return lineBet * lines * coins;
    }

    /** What one line bet of one coin pays per credit, in minor units: the bet per line times the coins. */
    long unit() {
        return lineBet * coins;
    }

    /** The free games a bought round starts with (before retriggers), 0 without a bonus buy. */
    long boughtFreeGames() {
        return bonusBuy == null ? 0 : free.spins(bonusBuy.scatters());
    }

    /** The same model played at another bet. */
    CascadeModel withBet(long lineBet, int lines, int coins) {
        return new CascadeModel(id, name, rows, reels, symbols, wild, clusters, pays, multipliers, strips, stopWeights,
                setNames, baseSets, scatter, scatterPays, free, lineBet, lines, coins, maxWin, budget, bonusBuy);
    }
}

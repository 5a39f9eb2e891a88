package io.fairspin.math.slot.respins;

import io.fairspin.math.slot.jackpots.Jackpot;
import java.util.List;

/**
 * The hold-and-win feature of a model ({@code "holdAndWin"}, docs/model-format.md), symbols as indices.
 *
 * @param symbol       the coin symbol (index into the model's symbols)
 * @param scatter      the coin's index among the base game's scatters (it is counted as a per-symbol scatter)
 * @param trigger      coins on the base window that start the feature
 * @param respins      respins granted at the start and again after each respin that lands a coin
 * @param coinWeights  per cell (reel x rows + row), the weight of "a coin lands" in the draw of that cell on each
 *                     respin
 * @param emptyWeights per cell, the weight of "the cell stays empty"
 * @param values       coin values in total bets (a jackpot's amount or seed where the value names one)
 * @param valueJackpot per value, the jackpot it names (index into {@code jackpots}), or -1
 * @param valueWeights their weights
 * @param grand        prize for a full screen in total bets (0 for none; a jackpot's amount or seed)
 * @param grandJackpot the jackpot the full screen wins, or -1
 * @param cells        cells of the window: reels x rows
 * @param jackpots     the model's jackpots
 * @param buy          the feature's price when the player may buy it ({@code "bonusBuy"}), or null
 */
record HoldAndWin(int symbol, int scatter, int trigger, int respins, long[] coinWeights, long[] emptyWeights,
        long[] values, int[] valueJackpot, long[] valueWeights, long grand, int grandJackpot, int cells,
        List<Jackpot> jackpots, Buy buy) {

    /**
     * Buying the feature: for {@code price} total bets it starts with {@code coins} coins on cells drawn at random.
     *
     * @param price the price in total bets
     * @param coins the coins it starts with
     */
    record Buy(long price, int coins) {
    }

    /**
     * The landing classes: cells with the same (coin, empty) weights, numbered in the order of their first cell.
     *
     * @return per cell its class
     */
    int[] landingClasses() {
        int[] classOf = new int[cells];
        int classes = 0;
        for (int c = 0; c < cells; c++) {
            classOf[c] = -1;
            for (int d = 0; d < c; d++) {
                if (coinWeights[d] == coinWeights[c] && emptyWeights[d] == emptyWeights[c]) {
                    classOf[c] = classOf[d];
                    break;
                }
            }
            if (classOf[c] < 0) {
                classOf[c] = classes++;
            }
        }
        return classOf;
    }
}

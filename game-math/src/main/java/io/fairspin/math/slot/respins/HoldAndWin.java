package io.fairspin.math.slot.respins;

/**
 * The hold-and-win feature of a model ({@code "holdAndWin"}, docs/model-format.md), symbols as indices.
 *
 * @param symbol       the coin symbol (index into the model's symbols)
 * @param scatter      the coin's index among the base game's scatters (it is counted as a per-symbol scatter)
 * @param trigger      coins on the base window that start the feature
 * @param respins      respins granted at the start and again after each respin that lands a coin
 * @param coinWeight   weight of "a coin lands" in the draw of each empty cell on each respin
 * @param emptyWeight  weight of "the cell stays empty"
 * @param values       coin values in total bets
 * @param valueWeights their weights
 * @param grand        prize for a full screen in total bets (0 for none)
 * @param cells        cells of the window: reels x rows
 */
record HoldAndWin(int symbol, int scatter, int trigger, int respins, long coinWeight, long emptyWeight,
        long[] values, long[] valueWeights, long grand, int cells) {
}

/**
 * fairspin game-math: the {@code Game} contract, model files, exact fractions and analysis; slots and table
 * games.
 */
module io.fairspin.math {
    requires transitive io.fairspin.rng;
    // Model reading takes Jackson trees in the public API (SlotGame.fromModel, TableGames, ModelBets, ModelFields),
    // so readers of this module read Jackson's too. PlayedRound.detail() is JSON text, not a tree.
    requires transitive com.fasterxml.jackson.databind;

    exports io.fairspin.math;
    exports io.fairspin.math.slot;
    exports io.fairspin.math.slot.analysis;
    exports io.fairspin.math.slot.evaluation;
    exports io.fairspin.math.slot.freegames;
    exports io.fairspin.math.slot.model;
    exports io.fairspin.math.slot.picks;
    exports io.fairspin.math.table;
    exports io.fairspin.math.table.baccarat;
    exports io.fairspin.math.table.blackjack;
    exports io.fairspin.math.table.craps;
    exports io.fairspin.math.table.keno;
    exports io.fairspin.math.table.poker;
    exports io.fairspin.math.table.roulette;
}

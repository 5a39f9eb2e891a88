/**
 * fairspin game-math: the {@code Game} contract, model files, exact fractions and analysis; slots and table
 * games.
 */
// "module": the qualified export names io.fairspin.audit, which is built after this module.
@SuppressWarnings("module")
module io.fairspin.math {
    requires transitive io.fairspin.rng;
    // Model documents and outcomes are read as Jackson trees inside the module only: no exported signature names a
    // Jackson type (PlayedRound.detail() is JSON text, OutcomeCheck reads bytes), so readers need not read Jackson.
    requires com.fasterxml.jackson.databind;

    exports io.fairspin.math;
    exports io.fairspin.math.slot;
    // The slot engine's packages are exported only because SlotGame's public engine fields name their types (a JDK 17
    // javadoc crash otherwise); they are not a stable API.
    exports io.fairspin.math.slot.analysis;
    exports io.fairspin.math.slot.evaluation;
    exports io.fairspin.math.slot.freegames;
    exports io.fairspin.math.slot.model;
    exports io.fairspin.math.slot.picks;
    // The cli's tune command uses ReelSetTuner; javadoc (which reads this module from the module path) cannot see
    // an unexported package, so the cli's javadoc fails without this export. Not a stable API.
    exports io.fairspin.math.slot.tuning;
    // The table games (io.fairspin.math.table and its families) are not exported: they are reached through Game.
    // Reading model documents and outcomes as JSON trees: for the audit log's dispute packets only.
    exports io.fairspin.math.json to io.fairspin.audit;
}

package io.fairspin.math.slot.cascades;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.BetLimits;
import io.fairspin.math.slot.analysis.SimulatedSheet;
import java.util.ArrayList;
import java.util.List;

/**
 * The PAR sheet of a cascading game that has no exact figures: {@link SimulatedSheet}'s seeded simulation, with
 * the stake, what other bets do to the RTP, and the round cap.
 */
final class CascadeSimulatedSheet {
    private CascadeSimulatedSheet() {
    }

    static AnalysisReport report(CascadeGame game) {
        List<List<Cell>> before = new ArrayList<>();
        before.add(List.of(Cell.text("stake per round"), Cell.text(CascadeAnalysis.stakeText(game.model))));
        if (!game.betLimits().standardOnly()) {
            BetLimits.Limit lines = game.betLimits().limit("lines");
            before.add(List.of(Cell.text("RTP at other bets"), Cell.text(lines == null || lines.min() == lines.max()
                    ? "the same at every bet the limits allow (the bet per line and the coins never change it)"
                    : "the same at every bet per line and number of coins; other numbers of lines change it and are"
                    + " not simulated here")));
        }
        long cap = game.model.maxWin();
        AnalysisReport sheet = SimulatedSheet.report(game, game.name(), game.notExactBecause(), before,
                max -> SimulatedSheet.capRows(cap, max, "the cap applies to the round's win, features included (the"
                        + " round ends when it is reached)"));
        if (game.model.bonusBuy() == null) {
            return sheet;
        }
        return sheet.withTable(sheet.tables().size(), SimulatedSheet.bonusBuy(game, game.model.bonusBuy(),
                game.model.boughtFreeGames()));
    }
}

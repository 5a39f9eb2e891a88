package io.fairspin.math.table;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import java.util.List;

/**
 * One row of a table game's analysis: a bet, what it pays and the exact distribution of its settlement.
 *
 * @param bet          the bet's name, for example "straight up" or "pass line"
 * @param pays         what it pays, as players read it, for example "35:1"
 * @param distribution its exact settlement distribution per unit of its initial amount
 */
public record BetAnalysis(String bet, String pays, Distribution distribution) {
    private static final List<String> COLUMNS =
            List.of("bet", "pays", "return", "house edge", "variance", "hit frequency", "average stake");

    /**
     * The table of {@code bets}: return (1 minus the edge), house edge (expected loss per unit of the
     * initial amount), variance of the net result, hit frequency (the player ends ahead) and average
     * total stake per unit of the initial amount.
     *
     * @param title the table's heading
     * @param bets the bets, one row each
     * @return the table
     */
    public static AnalysisReport.Table table(String title, List<BetAnalysis> bets) {
        return new AnalysisReport.Table(title, COLUMNS, bets.stream().map(BetAnalysis::row).toList());
    }

    private List<Cell> row() {
        return List.of(Cell.text(bet), Cell.text(pays), Cell.exact(distribution.returnRate()),
                Cell.exact(distribution.houseEdge()), Cell.exact(distribution.variance()),
                Cell.exact(distribution.hitFrequency()), Cell.exact(distribution.averageStake()));
    }
}

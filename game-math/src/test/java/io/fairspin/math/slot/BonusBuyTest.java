package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.AnalysisReport.Table;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.DrbgStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bonus buy of examples/lucky-wilds.json (26 total bets for the free games of 3 scatters): its exact
 * RTP and variance in the PAR sheet against 200,000 seeded bought rounds played by the engine, within 5
 * standard errors (the exact figures come from the free games' closed forms; the simulation plays them).
 */
class BonusBuyTest {
    private static double value(Table table, String figure) {
        for (List<Cell> row : table.rows()) {
            if (((Cell.Text) row.get(0)).value().equals(figure)) {
                Cell cell = row.get(1);
                return cell instanceof Cell.Exact e ? e.value().doubleValue() : ((Cell.Count) cell).value().doubleValue();
            }
        }
        throw new AssertionError(figure + " not in " + table);
    }

    @Test
    void theBoughtFeatureSimulatesToItsExactReturn() throws Exception {
        SlotGame game = Examples.slot("lucky-wilds.json");
        AnalysisReport report = game.analyze();
        Table buy = report.tables().stream().filter(t -> t.title().equals("Bonus buy")).findFirst().orElseThrow();
        double rtp = value(buy, "RTP of the bonus buy");
        double variance = value(buy, "variance per unit of price");
        assertEquals(game.exactFigures().orElseThrow().rtp().doubleValue(), value(buy, "RTP of the base game (for comparison)"));
        RoundOutcome outcome = RoundOutcome.forGame(game);
        int rounds = 200_000;
        double total = 0;
        try (DrbgStream stream = PlayTest.stream(12)) {
            for (int i = 0; i < rounds; i++) {
                game.playBonusBuy(stream, outcome);
                assertEquals(26 * game.stake(), outcome.stake());
                assertTrue(outcome.triggered(game.features().indexOf("free-games")));
                total += outcome.win() / (double) outcome.stake();
            }
        }
        assertEquals(rtp, total / rounds, 5 * Math.sqrt(variance / rounds));
    }
}

package io.fairspin.math.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Analyzable;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.ModelException;
import org.junit.jupiter.api.Test;

class CrapsTest {
    private final AnalysisReport.Table bets =
            Reports.table(((Analyzable) References.load("craps.json")).analyze(), "Return by bet");

    @Test
    void lineBetsHaveTheReferenceEdges() {
        Fraction pass = References.fraction("craps", "pass_line");
        Fraction dontPass = References.fraction("craps", "dont_pass_bar_12");
        assertEquals(pass, Reports.exact(bets, "pass line", "house edge"));
        assertEquals(pass, Reports.exact(bets, "come", "house edge"));
        assertEquals(dontPass, Reports.exact(bets, "don't pass (bar 12)", "house edge"));
        assertEquals(dontPass, Reports.exact(bets, "don't come", "house edge"));
    }

    @Test
    void oddsAreFairSoTheEdgePerLineUnitStaysAndThePerTotalEdgeFalls() {
        Fraction pass = References.fraction("craps", "pass_line");
        assertEquals(pass, Reports.exact(bets, "pass with 3-4-5x odds", "house edge"));
        assertEquals(pass, Reports.exact(bets, "pass with 100x odds", "house edge"));
        // With 3-4-5x odds the average odds stake is 3 on 4/10 (6/36 of come-outs), 4 on 5/9 (8/36)
        // and 5 on 6/8 (10/36): 1 + (18 + 32 + 50) / 36 = 136/36 units wagered on average.
        assertEquals(Fraction.of(136, 36), Reports.exact(bets, "pass with 3-4-5x odds", "average stake"));
        Game game = References.load("craps.json");
        assertEquals(Fraction.ONE.subtract(pass.divide(Fraction.of(136, 36))), game.exactFigures().orElseThrow().rtp());
    }

    @Test
    void otherBetsMatchHandComputedEdges() {
        // Field, 2 pays 2:1 and 12 pays 3:1: 16/36 win 1, 1/36 wins 2, 1/36 wins 3, 18/36 lose: -1/36.
        assertEquals(Fraction.of(1, 36), Reports.exact(bets, "field", "house edge"));
        // Place 4 at 9:5 wins 3 of 9 resolving rolls: 3/9 * 9/5 - 6/9 = -1/15; place 6 at 7:6: -1/66.
        assertEquals(Fraction.of(1, 15), Reports.exact(bets, "place 4", "house edge"));
        assertEquals(Fraction.of(1, 66), Reports.exact(bets, "place 6", "house edge"));
        // Buy 4 pays 2:1 less 5% of the bet: 1/3 * 1.95 - 2/3 = -1/30. Lay 4 wins 1/2 less 5% of that 2/3 of the time.
        assertEquals(Fraction.of(1, 30), Reports.exact(bets, "buy 4", "house edge"));
        assertEquals(Fraction.of(2, 3).multiply(Fraction.of(1, 40)), Reports.exact(bets, "lay 4", "house edge"));
        // Hard 6 at 9:1 wins 1 of 11 resolving rolls (hard 6, four easy sixes, six sevens): -1/11.
        assertEquals(Fraction.of(1, 11), Reports.exact(bets, "hard 6", "house edge"));
        assertEquals(Fraction.of(1, 6), Reports.exact(bets, "any seven", "house edge"));
        assertEquals(Fraction.of(1, 9), Reports.exact(bets, "any craps", "house edge"));
        assertEquals(Fraction.of(5, 36), Reports.exact(bets, "aces", "house edge"));
        assertEquals(Fraction.of(1, 9), Reports.exact(bets, "yo", "house edge"));
    }

    @Test
    void oddsThatDoNotSettleInMinorUnitsAreRejected() {
        ModelException e = assertThrows(ModelException.class, () -> References.loadText("{\"type\": \"craps\", "
                + "\"id\": \"c\", \"standardWager\": [{\"bet\": \"pass\", \"amount\": 1, \"odds\": {\"4\": 1, \"5\": 1,"
                + " \"6\": 1, \"8\": 1, \"9\": 1, \"10\": 1}}]}"));
        assertEquals("$.standardWager[0].amount", e.jsonPath());
        ModelException point = assertThrows(ModelException.class, () -> References.loadText("{\"type\": \"craps\", "
                + "\"id\": \"c\", \"standardWager\": [{\"bet\": \"pass\", \"amount\": 10, \"odds\": {\"7\": 1}}]}"));
        assertEquals("$.standardWager[0].odds.7", point.jsonPath());
    }
}

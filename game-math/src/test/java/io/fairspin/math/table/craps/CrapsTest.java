package io.fairspin.math.table.craps;

import io.fairspin.math.table.References;
import io.fairspin.math.table.Reports;
import io.fairspin.math.table.SimulatedPlay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Analyzable;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.ModelException;
import io.fairspin.math.ExactFigures;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** The analysis row of each bet a standard wager may name, whose figures are computed in closed form. */
    private static final Map<String, String> ROWS = rows();

    private static Map<String, String> rows() {
        Map<String, String> rows = new LinkedHashMap<>(Map.of("pass", "pass line", "dont-pass", "don't pass (bar 12)",
                "come", "come", "dont-come", "don't come (bar 12)", "field", "field", "any-seven", "any seven",
                "any-craps", "any craps", "aces", "aces (2)", "boxcars", "boxcars (12)", "ace-deuce", "ace-deuce (3)"));
        rows.putAll(Map.of("yo", "yo (11)", "horn", "horn", "craps-eleven", "craps and eleven"));
        for (int point : new int[] {4, 5, 6, 8, 9, 10}) {
            for (String kind : new String[] {"place", "buy", "lay"}) {
                rows.put(kind + "-" + point, kind + " " + point);
            }
        }
        for (int hard : new int[] {4, 6, 8, 10}) {
            rows.put("hard-" + hard, "hard " + hard);
        }
        return rows;
    }

    private static Game wager(String bets) {
        // The rules of craps.json, whose analysis gives the expected figures.
        return References.loadText("{\"type\": \"craps\", \"id\": \"c\", \"fieldTwelvePays\": 3, \"commission\": \"1/20\","
                + " \"standardWager\": [" + bets + "]}");
    }

    /**
     * Any analysed bet may be the standard wager: its exact figures, from the bet's state machine over rolls,
     * equal the closed-form return and variance of its analysis row.
     */
    @Test
    void everyAnalysedBetCanBeTheStandardWager() {
        for (Map.Entry<String, String> bet : ROWS.entrySet()) {
            ExactFigures exact = wager("{\"bet\": \"" + bet.getKey() + "\", \"amount\": 600}").exactFigures().orElseThrow();
            assertEquals(Reports.exact(bets, bet.getValue(), "return"), exact.rtp(), bet.getKey());
            assertEquals(Reports.exact(bets, bet.getValue(), "variance"), exact.variance(), bet.getKey());
        }
    }

    /** Several bets settle together in one round: each bet's share of the RTP is its own return. */
    @Test
    void aWagerOfSeveralBetsIsExactAndPlaysAsComputed() {
        Game game = wager("{\"bet\": \"pass\", \"amount\": 600, \"odds\": {\"4\": 1, \"5\": 1, \"6\": 1,"
                + " \"8\": 1, \"9\": 1, \"10\": 1}}, {\"bet\": \"field\", \"amount\": 600},"
                + " {\"bet\": \"hard-8\", \"amount\": 600}, {\"bet\": \"place-6\", \"amount\": 600}");
        ExactFigures exact = game.exactFigures().orElseThrow();
        // Only the pass bet's odds add stake: on average 1 unit of odds on each of the 24/36 point come-outs.
        Fraction stake = Fraction.of(4).add(Fraction.of(24, 36));
        assertEquals(Fraction.ONE.subtract(Reports.exact(bets, "pass with 1x odds", "house edge")).add(Fraction.of(24, 36))
                .divide(stake), exact.rtpByWinType().get(0));
        assertEquals(Reports.exact(bets, "field", "return").divide(stake), exact.rtpByWinType().get(1));
        assertEquals(Reports.exact(bets, "hard 8", "return").divide(stake), exact.rtpByWinType().get(2));
        assertEquals(Reports.exact(bets, "place 6", "return").divide(stake), exact.rtpByWinType().get(3));

        SimulatedPlay play = SimulatedPlay.of(game, 200_000, 11);
        assertEquals(exact.rtp().doubleValue(), play.rtp(), play.rtpTolerance(game, exact));
    }

    @Test
    void oddsOnlyGoWithLineBetsAndUnknownBetsAreRefused() {
        ModelException odds = assertThrows(ModelException.class, () -> wager("{\"bet\": \"field\", \"amount\": 10,"
                + " \"odds\": {\"4\": 1, \"5\": 1, \"6\": 1, \"8\": 1, \"9\": 1, \"10\": 1}}"));
        assertEquals("$.standardWager[0].odds", odds.jsonPath());
        ModelException unknown = assertThrows(ModelException.class, () -> wager("{\"bet\": \"place-7\", \"amount\": 10}"));
        assertEquals("$.standardWager[0].bet", unknown.jsonPath());
    }
}

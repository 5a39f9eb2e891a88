package io.fairspin.math.table.baccarat;

import io.fairspin.math.table.References;
import io.fairspin.math.table.Reports;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Analyzable;
import io.fairspin.math.Fraction;
import org.junit.jupiter.api.Test;

class BaccaratTest {
    private static final String REFERENCE = "baccarat_punto_banco_8_decks";

    @Test
    void eightDeckCombinationCountsAreTheReference() {
        AnalysisReport report = analysis("commission", 8);
        AnalysisReport.Table counts = Reports.table(report, "Ordered six-card combinations, 8 decks");
        JsonNode expected = References.tableGames(REFERENCE, "ordered_six_card_combinations");
        assertEquals(expected.get("banker").asLong(), Reports.count(counts, "banker wins", "combinations"));
        assertEquals(expected.get("player").asLong(), Reports.count(counts, "player wins", "combinations"));
        assertEquals(expected.get("tie").asLong(), Reports.count(counts, "tie", "combinations"));
        assertEquals(expected.get("total").asLong(), Reports.count(counts, "total", "combinations"));
    }

    @Test
    void eightDeckEdgesAreTheReference() {
        AnalysisReport.Table bets = Reports.table(analysis("commission", 8), "Return by bet");
        assertEquals(reference("edge_banker_5pct_commission"), edge(bets, "banker"));
        assertEquals(reference("edge_player"), edge(bets, "player"));
        assertEquals(reference("edge_tie_8_to_1"), edge(bets, "tie"));
        AnalysisReport.Table ninetoOne = Reports.table(((Analyzable) References.loadText(model("commission", 8, 9)))
                .analyze(), "Return by bet");
        assertEquals(reference("edge_tie_9_to_1"), edge(ninetoOne, "tie"));
    }

    @Test
    void pairBetsMatchTheCountOfPairsInTheShoe() {
        // Independently: the first two cards of a hand pair with probability 13 * C(4d, 2) / C(52d, 2).
        AnalysisReport.Table bets = Reports.table(analysis("commission", 6), "Return by bet");
        Fraction pair = Fraction.of(13L * 24 * 23, 312L * 311);
        Fraction edge = Fraction.ONE.subtract(pair.multiply(12));
        assertEquals(edge, Reports.exact(bets, "player pair", "house edge"));
        assertEquals(edge, Reports.exact(bets, "banker pair", "house edge"));
    }

    @Test
    void noCommissionBankerPaysHalfOnAWinningSix() {
        // Published figure (Wizard of Odds, "Super 6" / banker pays 1 to 2 on a winning six, 8 decks): 1.46%.
        AnalysisReport.Table bets = Reports.table(analysis("pays-half-on-six", 8), "Return by bet");
        assertEquals("0.0146", Reports.exact(bets, "banker", "house edge").toDecimalString(4));
    }

    private static String edge(AnalysisReport.Table bets, String bet) {
        return Reports.exact(bets, bet, "house edge").toDecimalString(7);
    }

    /** The reference gives decimals to 7 places: the exact edge must round to them. */
    private static String reference(String name) {
        return References.tableGames(REFERENCE, name).asText();
    }

    private static AnalysisReport analysis(String banker, int decks) {
        return ((Analyzable) References.loadText(model(banker, decks, 8))).analyze();
    }

    private static String model(String banker, int decks, int tiePays) {
        return "{\"type\": \"baccarat\", \"id\": \"b\", \"decks\": " + decks + ", \"banker\": \"" + banker
                + "\", \"tiePays\": " + tiePays + ", \"standardWager\": [{\"bet\": \"banker\", \"amount\": 20}]}";
    }
}

package io.fairspin.math.table.roulette;

import io.fairspin.math.table.References;
import io.fairspin.math.table.Reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.ModelException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouletteTest {
    private static final String BETS = "Return by bet";

    @Test
    void everyEuropeanBetHasTheReferenceEdge() {
        AnalysisReport.Table bets = Reports.table(analysis("roulette-european.json"), BETS);
        Fraction edge = References.fraction("roulette", "european_single_zero_any_bet");
        assertEquals(7 + 12, bets.rows().size(), "7 inside kinds (no five-number bet) and 12 outside");
        for (List<Cell> row : bets.rows()) {
            assertEquals(edge, Reports.exact(bets, row, "house edge"), row.get(0).toString());
        }
    }

    @Test
    void americanBetsHaveTheReferenceEdgesIncludingTheFiveNumberBet() {
        AnalysisReport.Table bets = Reports.table(analysis("roulette-american.json"), BETS);
        Fraction edge = References.fraction("roulette", "american_double_zero_any_bet_except_basket");
        Fraction basket = References.fraction("roulette", "american_five_number_basket_pays_6_to_1");
        for (List<Cell> row : bets.rows()) {
            boolean five = ((Cell.Text) row.get(0)).value().startsWith("five-number");
            assertEquals(five ? basket : edge, Reports.exact(bets, row, "house edge"), row.get(0).toString());
        }
        assertEquals(basket, ((Game) References.load("roulette-american.json")).exactFigures().orElseThrow().rtp()
                .negate().add(Fraction.ONE));
    }

    @Test
    void laPartageHalvesTheEvenMoneyEdge() {
        AnalysisReport.Table bets = Reports.table(analysis("roulette-french.json"), BETS);
        Fraction european = References.fraction("roulette", "european_single_zero_any_bet");
        assertEquals(european.divide(2), Reports.exact(bets, "red", "house edge"));
        assertEquals(european, Reports.exact(bets, "dozen-1", "house edge"));
    }

    @Test
    void enPrisonLosesTheImprisonedStakeOnlyWhenTheSecondSpinLoses() {
        Game game = References.loadText(model("single-zero", "en-prison", "{\"bet\": \"even\", \"amount\": 2}"));
        // Independently: a zero (1/37) then a second spin that does not win the bet (19/37) loses the
        // stake; a zero then a win (18/37) returns it; otherwise the bet is a fair even-money bet.
        Fraction edge = Fraction.of(1, 37).multiply(Fraction.of(19, 37));
        assertEquals(Fraction.ONE.subtract(edge), game.exactFigures().orElseThrow().rtp());
        AnalysisReport.Table bets = Reports.table(((io.fairspin.math.Analyzable) game).analyze(), BETS);
        assertEquals(edge, Reports.exact(bets, "even", "house edge"));
    }

    @Test
    void badBetsNameTheField() {
        ModelException split = assertThrows(ModelException.class, () -> References.loadText(
                model("single-zero", "none", "{\"bet\": \"split\", \"numbers\": [17, 19], \"amount\": 1}")));
        assertEquals("$.standardWager[0].numbers", split.jsonPath());
        assertTrue(split.getMessage().contains("not a split"), split.getMessage());
        ModelException doubleZero = assertThrows(ModelException.class, () -> References.loadText(
                model("single-zero", "none", "{\"bet\": \"straight\", \"numbers\": [\"00\"], \"amount\": 1}")));
        assertEquals("$.standardWager[0].numbers[0]", doubleZero.jsonPath());
        ModelException notAnObject = assertThrows(ModelException.class, () -> References.loadText(
                model("single-zero", "none", "17")));
        assertEquals("$.standardWager[0]", notAnObject.jsonPath());
        ModelException partage = assertThrows(ModelException.class, () -> References.loadText(
                model("single-zero", "la-partage", "{\"bet\": \"red\", \"amount\": 1}")));
        assertEquals("$.standardWager[0].amount", partage.jsonPath());
        assertTrue(partage.getMessage().contains("whole minor units"), partage.getMessage());
    }

    private static AnalysisReport analysis(String example) {
        return ((io.fairspin.math.Analyzable) References.load(example)).analyze();
    }

    private static String model(String wheel, String rule, String bet) {
        return "{\"type\": \"roulette\", \"id\": \"t\", \"wheel\": \"" + wheel + "\", \"evenMoneyRule\": \"" + rule
                + "\", \"standardWager\": [" + bet + "]}";
    }
}

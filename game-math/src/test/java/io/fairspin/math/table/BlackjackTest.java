package io.fairspin.math.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Fraction;
import io.fairspin.math.ModelException;
import io.fairspin.math.RoundOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlackjackTest {
    private static Blackjack game;
    private static AnalysisReport report;

    @BeforeAll
    static void deriveOnce() {
        game = (Blackjack) References.load("blackjack.json");
        report = game.analyze();
    }

    /**
     * The derived strategy agrees with the published basic strategy for these rules (6 decks, S17, DAS,
     * late surrender; for example the Wizard of Odds chart), cell by cell on the rows checked here.
     */
    @Test
    void derivedStrategyIsThePublishedBasicStrategy() {
        //                                       2     3     4     5     6     7     8     9     10    A
        assertRow("Basic strategy: hard totals", "hard 9", "H", "D", "D", "D", "D", "H", "H", "H", "H", "H");
        assertRow("Basic strategy: hard totals", "hard 11", "D", "D", "D", "D", "D", "D", "D", "D", "D", "H");
        assertRow("Basic strategy: hard totals", "hard 12", "H", "H", "S", "S", "S", "H", "H", "H", "H", "H");
        assertRow("Basic strategy: hard totals", "hard 16", "S", "S", "S", "S", "S", "H", "H", "Rh", "Rh", "Rh");
        assertRow("Basic strategy: soft totals", "soft 18", "S", "Ds", "Ds", "Ds", "Ds", "S", "S", "H", "H", "H");
        assertRow("Basic strategy: soft totals", "soft 13", "H", "H", "H", "D", "D", "H", "H", "H", "H", "H");
        assertRow("Basic strategy: pairs", "pair 9,9", "P", "P", "P", "P", "P", "S", "P", "P", "S", "S");
        assertRow("Basic strategy: pairs", "pair 4,4", "H", "H", "H", "P", "P", "H", "H", "H", "H", "H");
        assertRow("Basic strategy: pairs", "pair 8,8", "P", "P", "P", "P", "P", "P", "P", "P", "P", "P");
    }

    private static void assertRow(String table, String row, String... codes) {
        List<AnalysisReport.Cell> cells = Reports.rows(Reports.table(report, table), row).get(0);
        String[] actual = cells.subList(1, cells.size()).stream()
                .map(c -> ((AnalysisReport.Cell.Text) c).value()).toArray(String[]::new);
        assertArrayEquals(codes, actual, row);
    }

    @Test
    void decisionValuesForASmallShoeMatchAHandCount() {
        // Dealer shows a ten; the player holds ten and six; unseen: 2 tens and 2 sixes. Standing on 16
        // loses to a ten in the hole (20) and wins otherwise (the dealer's 16 must draw and busts on
        // either card): 2/4 - 2/4 = 0. Hitting or doubling busts. A surrender returns half.
        int[] unseen = new int[11];
        unseen[10] = 2;
        unseen[6] = 2;
        Map<String, Double> ev = BlackjackDecisions.firstDecision(game, unseen, 10, 10, 6);
        assertEquals(List.of("stand", "hit", "double", "surrender"), List.copyOf(ev.keySet()));
        assertEquals(0, ev.get("stand"), 1e-15);
        assertEquals(-1, ev.get("hit"), 1e-15);
        assertEquals(-2, ev.get("double"), 1e-15);
        assertEquals(-0.5, ev.get("surrender"), 1e-15);
    }

    @Test
    void aPairOfAcesAgainstASixIsWorthSplitting() {
        // Full six-deck shoe less the upcard and the aces: splitting aces is the best first decision.
        int[] unseen = BlackjackOdds.fullShoe(6);
        unseen[6]--;
        unseen[1] -= 2;
        Map<String, Double> ev = BlackjackDecisions.firstDecision(game, unseen, 6, 1, 1);
        assertEquals("split", ev.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        assertThrows(IllegalArgumentException.class,
                () -> BlackjackDecisions.firstDecision(References.load("keno.json"), unseen, 6, 1, 1));
    }

    @Test
    void simulatedPlayAgreesWithTheComputedValue() {
        int rounds = 2_000_000;
        RoundOutcome outcome = RoundOutcome.forGame(game);
        SeededStream stream = new SeededStream(21);
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < rounds; i++) {
            game.play(stream, outcome);
            double net = (double) (outcome.win() - outcome.stake()) / game.stake();
            sum += net;
            sumSquares += net * net;
        }
        double mean = sum / rounds;
        double standardError = Math.sqrt((sumSquares / rounds - mean * mean) / rounds);
        // The computed value takes the best decision per starting hand and ignores resplits; basic
        // strategy by totals differs from it by well under 0.001 per hand.
        double expected = game.strategy().roundValue();
        assertTrue(Math.abs(mean - expected) <= 5 * standardError + 0.001,
                "simulated " + mean + " +- " + standardError + " vs computed " + expected);
    }

    @Test
    void amountsThatCannotPayABlackjackAreRejected() {
        ModelException e = assertThrows(ModelException.class, () -> References.loadText("{\"type\": \"blackjack\","
                + " \"id\": \"b\", \"rules\": {\"blackjackPays\": \"6/5\"}, \"standardWager\": {\"amount\": 12}}"));
        assertEquals("$.standardWager.amount", e.jsonPath());
        ModelException surrender = assertThrows(ModelException.class, () -> References.loadText("{\"type\":"
                + " \"blackjack\", \"id\": \"b\", \"rules\": {\"peek\": false, \"surrender\": \"late\"},"
                + " \"standardWager\": {\"amount\": 10}}"));
        assertEquals("$.rules.surrender", surrender.jsonPath());
        assertEquals(Fraction.of(3, 2), game.rules().blackjackPays());
    }
}

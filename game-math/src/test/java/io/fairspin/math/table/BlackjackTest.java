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

    /**
     * Ace up after a peek, player ten and six, unseen 10 10 5 5 3 7. Independently: every order of the
     * six unseen cards, the first being the hole card (orders with a ten there are the dealer's
     * blackjack, which the peek excludes), the player's double card next, then the dealer's draws (S17).
     */
    @Test
    void underAPeekDecisionValuesConditionThePlayersDrawsOnTheHoleCard() {
        double[] byOrders = enumerateOrders(new int[] {10, 10, 5, 5, 3, 7}, 0, new double[3]);
        int[] unseen = new int[11];
        unseen[10] = 2;
        unseen[5] = 2;
        unseen[3] = 1;
        unseen[7] = 1;
        Map<String, Double> ev = BlackjackDecisions.firstDecision(game, unseen, 1, 10, 6);
        assertEquals(byOrders[0] / byOrders[2], ev.get("stand"), 1e-12);
        assertEquals(byOrders[1] / byOrders[2], ev.get("double"), 1e-12);
        // Negative control: ignoring what the peek says about the hole card changes the double's value.
        int[] shoe = unseen.clone();
        shoe[10]++;
        shoe[6]++;
        double approximate = new BlackjackOdds(game.rules(), 1, shoe).firstDecision(10, 6)[BlackjackOdds.DOUBLE];
        assertTrue(Math.abs(approximate - ev.get("double")) > 1e-3, "the conditioning matters here");
    }

    /** Sums over the orders of {@code cards[k..]}: stand and double results of a 16 against an ace, and the count. */
    private static double[] enumerateOrders(int[] cards, int k, double[] sums) {
        if (k == cards.length) {
            if (cards[0] != 10) {
                sums[0] += settle(16, dealerTotal(cards, 1));
                int doubled = 16 + cards[1];
                sums[1] += 2 * (doubled > 21 ? -1 : settle(doubled, dealerTotal(cards, 2)));
                sums[2]++;
            }
            return sums;
        }
        for (int i = k; i < cards.length; i++) {
            int[] order = cards.clone();
            order[k] = cards[i];
            order[i] = cards[k];
            enumerateOrders(order, k + 1, sums);
        }
        return sums;
    }

    /** The dealer's final total with an ace up, the hole card {@code order[0]} and draws from {@code order[next]}. */
    private static int dealerTotal(int[] order, int next) {
        int hard = 1 + order[0];
        while (hard + 10 > 21 ? hard < 17 : hard + 10 < 17) {
            hard += order[next++];
        }
        return hard + 10 <= 21 ? hard + 10 : hard;
    }

    private static int settle(int player, int dealer) {
        return dealer > 21 || player > dealer ? 1 : player == dealer ? 0 : -1;
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

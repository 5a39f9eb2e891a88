package io.fairspin.math.table.blackjack;

import io.fairspin.math.table.References;
import io.fairspin.math.table.Reports;
import io.fairspin.math.table.SeededStream;
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
     * The published basic strategy for 4 to 8 decks, dealer stands on soft 17, double after split, late
     * surrender, peek: The Wizard of Odds, "4-Deck to 8-Deck Blackjack Strategy"
     * (https://wizardofodds.com/games/blackjack/strategy/4-decks/), its "Basic Strategy in Text" for S17
     * with surrender (read via its copy at casinoblackjackplay.com/BlackjackRules/wizards-of-odds-blackjack):
     * surrender hard 16 (not 8s) against 9, 10, A and hard 15 against 10; split aces and 8s, never 5s and
     * 10s; 2s and 3s against 2-7 (DAS); 4s against 5-6 (DAS); 6s against 2-6 (DAS); 7s against 2-7; 9s
     * against 2-6 and 8-9; double hard 9 against 3-6, hard 10 against 2-9, hard 11 against 2-10, soft 13-14
     * against 5-6, soft 15-16 against 4-6, soft 17-18 against 3-6; stand hard 12 against 4-6, hard 13-16
     * against 2-6, hard 17 up; stand soft 18 against 2, 7, 8 and soft 19 up. The same grid, cell by cell,
     * is blackjack-hand-odds.blogspot.com/2009/04/table-of-what-to-do-in-each-blackjack.html (3+ decks,
     * S17, DAS, peek, surrender). Codes as in {@link BlackjackTables}: D double else hit, Ds double else
     * stand, Rh surrender else hit; a 5,5 is played as hard 10.
     */
    @Test
    void derivedStrategyIsThePublishedBasicStrategy() {
        String hard = "Basic strategy: hard totals";
        String soft = "Basic strategy: soft totals";
        String pairs = "Basic strategy: pairs";
        //                            2     3     4     5     6     7     8     9     10    A
        for (int total = 5; total <= 8; total++) {
            assertRow(hard, "hard " + total, "H", "H", "H", "H", "H", "H", "H", "H", "H", "H");
        }
        assertRow(hard, "hard 9", "H", "D", "D", "D", "D", "H", "H", "H", "H", "H");
        assertRow(hard, "hard 10", "D", "D", "D", "D", "D", "D", "D", "D", "H", "H");
        assertRow(hard, "hard 11", "D", "D", "D", "D", "D", "D", "D", "D", "D", "H");
        assertRow(hard, "hard 12", "H", "H", "S", "S", "S", "H", "H", "H", "H", "H");
        assertRow(hard, "hard 13", "S", "S", "S", "S", "S", "H", "H", "H", "H", "H");
        assertRow(hard, "hard 14", "S", "S", "S", "S", "S", "H", "H", "H", "H", "H");
        assertRow(hard, "hard 15", "S", "S", "S", "S", "S", "H", "H", "H", "Rh", "H");
        assertRow(hard, "hard 16", "S", "S", "S", "S", "S", "H", "H", "Rh", "Rh", "Rh");
        for (int total = 17; total <= 21; total++) {
            assertRow(hard, "hard " + total, "S", "S", "S", "S", "S", "S", "S", "S", "S", "S");
        }
        assertRow(soft, "soft 13", "H", "H", "H", "D", "D", "H", "H", "H", "H", "H");
        assertRow(soft, "soft 14", "H", "H", "H", "D", "D", "H", "H", "H", "H", "H");
        assertRow(soft, "soft 15", "H", "H", "D", "D", "D", "H", "H", "H", "H", "H");
        assertRow(soft, "soft 16", "H", "H", "D", "D", "D", "H", "H", "H", "H", "H");
        assertRow(soft, "soft 17", "H", "D", "D", "D", "D", "H", "H", "H", "H", "H");
        assertRow(soft, "soft 18", "S", "Ds", "Ds", "Ds", "Ds", "S", "S", "H", "H", "H");
        for (int total = 19; total <= 21; total++) {
            assertRow(soft, "soft " + total, "S", "S", "S", "S", "S", "S", "S", "S", "S", "S");
        }
        assertRow(pairs, "pair A,A", "P", "P", "P", "P", "P", "P", "P", "P", "P", "P");
        assertRow(pairs, "pair 2,2", "P", "P", "P", "P", "P", "P", "H", "H", "H", "H");
        assertRow(pairs, "pair 3,3", "P", "P", "P", "P", "P", "P", "H", "H", "H", "H");
        assertRow(pairs, "pair 4,4", "H", "H", "H", "P", "P", "H", "H", "H", "H", "H");
        assertRow(pairs, "pair 5,5", "D", "D", "D", "D", "D", "D", "D", "D", "H", "H");
        assertRow(pairs, "pair 6,6", "P", "P", "P", "P", "P", "H", "H", "H", "H", "H");
        assertRow(pairs, "pair 7,7", "P", "P", "P", "P", "P", "P", "H", "H", "H", "H");
        assertRow(pairs, "pair 8,8", "P", "P", "P", "P", "P", "P", "P", "P", "P", "P");
        assertRow(pairs, "pair 9,9", "P", "P", "P", "P", "P", "S", "P", "P", "S", "S");
        assertRow(pairs, "pair 10,10", "S", "S", "S", "S", "S", "S", "S", "S", "S", "S");
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
        assertPlayMatches(game, 2_000_000);
    }

    private static void assertPlayMatches(Blackjack game, int rounds) {
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

    /**
     * Early surrender, decided before the dealer checks for blackjack: the derived strategy gives up the
     * hands that the published early-surrender rule lists for multi-deck games (pedagonet.com/quickies/
     * blackjack.html: against an ace surrender 5 to 7 and 12 to 17, against a ten 14 to 16, against a 9 a
     * 16), and play with it agrees with the computed value.
     */
    @Test
    void earlySurrenderIsDerivedAndPlayed() {
        Blackjack early = (Blackjack) References.loadText("{\"type\": \"blackjack\", \"id\": \"e\", \"rules\":"
                + " {\"surrender\": \"early\"}, \"standardWager\": {\"amount\": 100}}");
        BasicStrategy s = early.strategy();
        for (int total = 5; total <= 18; total++) {
            boolean expected = total <= 7 || total >= 12 && total <= 17;
            assertEquals(expected, BlackjackTables.code(s.hardCell(1, total)).startsWith("R"), "hard " + total + " v A");
        }
        for (int total = 12; total <= 17; total++) {
            assertEquals(total >= 14 && total <= 16, BlackjackTables.code(s.hardCell(10, total)).startsWith("R"),
                    "hard " + total + " v 10");
        }
        assertTrue(BlackjackTables.code(s.hardCell(9, 16)).startsWith("R"));
        assertTrue(s.roundValue() > game.strategy().roundValue(), "early surrender is worth more than late");
        assertPlayMatches(early, 1_000_000);
    }

    @Test
    void insuranceIsOfferedNeverTakenAndValuedExactly() {
        // 6 decks, ace up: 96 tens among 311 unseen cards; insurance returns 3 x 96/311 per unit.
        assertEquals("288/311", Reports.exact(Reports.table(report, "Summary"),
                "insurance (2:1) return per unit under an ace, full shoe (never taken)", "value").toString());
        int[] unseen = BlackjackOdds.fullShoe(6);
        unseen[1]--;
        assertEquals(3.0 * 96 / 311 - 1, BlackjackDecisions.insurance(game, unseen), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> BlackjackDecisions.insurance(References.loadText("{\"type\":"
                + " \"blackjack\", \"id\": \"n\", \"rules\": {\"insurance\": false}, \"standardWager\": {\"amount\": 2}}"),
                unseen));
    }
}

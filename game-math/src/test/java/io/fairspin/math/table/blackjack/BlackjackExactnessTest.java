package io.fairspin.math.table.blackjack;

import io.fairspin.math.table.References;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.Game;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The decision values of {@link BlackjackDecisions} against published values, against {@link NaiveBlackjack} (the hole card
 * enumerated and weighed by Bayes' rule) and against a deal-order enumeration of a split, on small shoes
 * where enumeration is cheap.
 */
class BlackjackExactnessTest {
    /** S17, peek, DAS, no resplit, no surrender. */
    private static final Game NO_RESPLIT = References.loadText("{\"type\": \"blackjack\", \"id\": \"b\","
            + " \"rules\": {\"decks\": 1, \"maxHands\": 2, \"surrender\": \"none\"}, \"standardWager\": {\"amount\": 2}}");

    /** Two of each card and six tens, less {@code out}. */
    private static int[] smallShoe(int... out) {
        int[] shoe = new int[11];
        for (int v = 1; v <= 9; v++) {
            shoe[v] = 2;
        }
        shoe[10] = 6;
        for (int card : out) {
            shoe[card]--;
        }
        return shoe;
    }

    /**
     * Known answers: The Wizard of Odds, Blackjack Appendix 9, "2 Decks, Dealer Hits on Soft 17"
     * (https://wizardofodds.com/games/blackjack/appendix/9/2dh17r4/, read via its copy at
     * nilapub.com/games/blackjack/appendix/9/2dh17r4/), first table (no dealer blackjack), dealer ace:
     * stand, hit and double for the hands below, to the six decimals published. Drawing the player's cards
     * as if the peek said nothing misses the hit and double values in the third decimal.
     */
    @ParameterizedTest
    @CsvSource({
        "3, 2, -0.592126, -0.320313, -1.184253",
        "5, 4, -0.589636, -0.124218, -0.438228",
        "6, 4, -0.587412, 0.038312, -0.003909",
        "6, 5, -0.587564, 0.121079, 0.166650",
        "6, 1, -0.511565, -0.224617, -0.541393",
        "7, 1, -0.224703, -0.165428, -0.416886"})
    void decisionValuesAgainstAnAceAreTheWizardOfOddsAppendix9(int first, int second, double stand, double hit,
            double dbl) {
        Game twoDecksH17 = References.loadText("{\"type\": \"blackjack\", \"id\": \"b\", \"rules\": {\"decks\": 2,"
                + " \"dealer\": \"H17\"}, \"standardWager\": {\"amount\": 2}}");
        int[] unseen = BlackjackOdds.fullShoe(2);
        unseen[1]--;
        unseen[first]--;
        unseen[second]--;
        Map<String, Double> ev = BlackjackDecisions.firstDecision(twoDecksH17, unseen, 1, first, second);
        assertEquals(stand, ev.get("stand"), 5e-7);
        assertEquals(hit, ev.get("hit"), 5e-7);
        assertEquals(dbl, ev.get("double"), 5e-7);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 6})
    void standHitAndDoubleMatchBayesOverTheHoleCard(int up) {
        int[] unseen = smallShoe(up, 2, 3);
        Map<String, Double> ev = BlackjackDecisions.firstDecision(NO_RESPLIT, unseen, up, 2, 3);
        NaiveBlackjack naive = new NaiveBlackjack(up, unseen, new int[] {2, 3}, true);
        assertEquals(naive.stand(List.of()), ev.get("stand"), 1e-12);
        assertEquals(naive.hit(List.of()), ev.get("hit"), 1e-12);
        assertEquals(naive.doubleDown(List.of()), ev.get("double"), 1e-12);
    }

    @Test
    void theConditioningOfThePlayersDrawsIsWhatTheValuesMeasure() {
        // Negative control: drawing the player's cards as if the peek said nothing moves the hit value.
        int[] unseen = smallShoe(1, 2, 3);
        NaiveBlackjack unconditioned = new NaiveBlackjack(1, unseen, new int[] {2, 3}, false);
        double ev = BlackjackDecisions.firstDecision(NO_RESPLIT, unseen, 1, 2, 3).get("hit");
        assertTrue(Math.abs(unconditioned.hit(List.of()) - ev) > 1e-3, unconditioned.hit(List.of()) + " vs " + ev);
    }

    /**
     * A pair of eights split against a ten after the peek, no resplit: every deal in table order (the hole
     * card, first hand's draws, second hand's draws, the dealer's draws), each hand played by the
     * decisions {@link NaiveBlackjack} makes on its own cards, settled together against one dealer hand.
     */
    @ParameterizedTest
    @ValueSource(ints = {10, 7})
    void aSplitIsWorthWhatDealingBothHandsInOrderGives(int up) {
        int[] unseen = smallShoe(up, 8, 8);
        double split = BlackjackDecisions.firstDecision(NO_RESPLIT, unseen, up, 8, 8).get("split");
        assertEquals(new SplitDeal(up, 8, unseen, 2).value(), split, 1e-12);
    }

    /**
     * With resplits to three hands: every deal in table order, a hand that receives the pair card as its
     * second card being resplit while fewer than three hands are out; split aces (resplit allowed) take
     * one card each.
     */
    @ParameterizedTest
    @CsvSource({"10, 8", "1, 8", "6, 8", "10, 1", "6, 1"})
    void aSplitWithResplitsIsWorthWhatDealingEveryHandInOrderGives(int up, int pair) {
        Game threeHands = References.loadText("{\"type\": \"blackjack\", \"id\": \"b\", \"rules\": {\"decks\": 1,"
                + " \"maxHands\": 3, \"resplitAces\": true, \"surrender\": \"none\"}, \"standardWager\": {\"amount\": 2}}");
        // One of each card but tens (five) and the pair card (three), less the upcard: small enough to enumerate.
        int[] unseen = {0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5};
        unseen[pair] = 3;
        unseen[up]--;
        double split = BlackjackDecisions.firstDecision(threeHands, unseen, up, pair, pair).get("split");
        double noResplit = BlackjackDecisions.firstDecision(NO_RESPLIT, unseen, up, pair, pair).get("split");
        assertEquals(new SplitDeal(up, pair, unseen, 3).value(), split, 1e-12);
        assertTrue(Math.abs(split - noResplit) > 1e-3, "resplits change the value: " + split + " vs " + noResplit);
    }

    /**
     * The deal-order enumeration of a split into up to {@code maxHands} hands: DAS, S17, after a peek,
     * split aces taking one card.
     */
    private static final class SplitDeal {
        private final int up;
        private final int pair;
        private final int[] shoe;
        private final int maxHands;
        private final NaiveBlackjack policy;
        private final Map<List<Integer>, String> decisions = new HashMap<>();

        SplitDeal(int up, int pair, int[] shoe, int maxHands) {
            this.up = up;
            this.pair = pair;
            this.shoe = shoe.clone();
            this.maxHands = maxHands;
            this.policy = new NaiveBlackjack(up, shoe, new int[] {pair}, true);
        }

        double value() {
            int natural = up == 1 ? 10 : up == 10 ? 1 : 0;
            double sum = 0;
            double weight = 0;
            for (int h = 1; h <= 10; h++) {
                if (h != natural && shoe[h] > 0) {
                    int[] rest = shoe.clone();
                    rest[h]--;
                    sum += shoe[h] * hand(h, rest, 0, 2, new ArrayList<>(), new int[maxHands], new int[maxHands]);
                    weight += shoe[h];
                }
            }
            return sum / weight;
        }

        /**
         * Hand {@code index} (of {@code hands}) receives its second card and is played, then the next hand or
         * the dealer settles them all.
         */
        private double hand(int hole, int[] rest, int index, int hands, List<Integer> drawn, int[] totals,
                int[] stakes) {
            if (index == hands) {
                return NaiveBlackjack.dealer(new ArrayList<>(List.of(up, hole)), rest, Arrays.copyOf(totals, hands),
                        Arrays.copyOf(stakes, hands));
            }
            String decision = drawn.isEmpty() ? "hit" : pair == 1 ? "stand"
                    : decisions.computeIfAbsent(List.copyOf(drawn), this::decide);
            if (decision.equals("stand")) {
                totals[index] = NaiveBlackjack.total(cards(drawn));
                stakes[index] = 1;
                return hand(hole, rest, index + 1, hands, new ArrayList<>(), totals, stakes);
            }
            return draw(hole, rest, index, hands, drawn, totals, stakes, decision.equals("double"));
        }

        /** What a split hand does after {@code drawn}, judged on its own cards only. */
        private String decide(List<Integer> drawn) {
            if (NaiveBlackjack.total(cards(drawn)) > 21) {
                return "stand";
            }
            double stand = policy.stand(drawn);
            double hit = policy.hit(drawn);
            double dbl = drawn.size() == 1 ? policy.doubleDown(drawn) : Double.NEGATIVE_INFINITY;
            return stand >= hit && stand >= dbl ? "stand" : dbl > hit ? "double" : "hit";
        }

        private double draw(int hole, int[] rest, int index, int hands, List<Integer> drawn, int[] totals,
                int[] stakes, boolean doubling) {
            int size = 0;
            for (int v = 1; v <= 10; v++) {
                size += rest[v];
            }
            double ev = 0;
            for (int v = 1; v <= 10; v++) {
                if (rest[v] == 0) {
                    continue;
                }
                double p = (double) rest[v] / size;
                rest[v]--;
                List<Integer> more = new ArrayList<>(drawn);
                more.add(v);
                if (drawn.isEmpty() && v == pair && hands < maxHands) {
                    ev += p * hand(hole, rest, index, hands + 1, drawn, totals.clone(), stakes.clone());
                } else if (doubling) {
                    int[] t = totals.clone();
                    int[] s = stakes.clone();
                    t[index] = NaiveBlackjack.total(cards(more));
                    s[index] = 2;
                    ev += p * hand(hole, rest, index + 1, hands, new ArrayList<>(), t, s);
                } else {
                    ev += p * hand(hole, rest, index, hands, more, totals.clone(), stakes.clone());
                }
                rest[v]++;
            }
            return ev;
        }

        private int[] cards(List<Integer> drawn) {
            int[] cards = new int[drawn.size() + 1];
            cards[0] = pair;
            for (int i = 0; i < drawn.size(); i++) {
                cards[i + 1] = drawn.get(i);
            }
            return cards;
        }
    }
}

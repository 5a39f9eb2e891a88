package io.fairspin.math.table.blackjack;

import io.fairspin.math.Game;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The expected value of each first decision on a blackjack hand for a given shoe composition, under a
 * blackjack model's rules: for advice tools, card-counting studies and checking a strategy.
 */
public final class BlackjackDecisions {
    private BlackjackDecisions() {
    }

    /**
     * The EV of a unit insurance bet (pays 2:1 when the dealer's hole card is a ten under an ace) for the
     * shoe composition {@code unseen}, counted as in {@link #firstDecision}: 3 t / n - 1 with t tens among
     * the n unseen cards, the hole card being one of them. Negative from any full shoe.
     *
     * @param model a blackjack game, for its rules
     * @param unseen the count of each card value 1 to 10 still unseen, index 0 unused
     * @return the insurance bet's expected value per unit
     * @throws IllegalArgumentException when {@code model} is not a blackjack model offering insurance or the
     *                                  counts are malformed
     */
    public static double insurance(Game model, int[] unseen) {
        if (!(model instanceof Blackjack game) || !game.rules().insurance()) {
            throw new IllegalArgumentException("model: expected a blackjack model offering insurance, was " + model.id());
        }
        int[] shoe = checkedShoe(unseen);
        int cards = Arrays.stream(shoe).sum();
        return 3.0 * shoe[10] / cards - 1;
    }

    private static int[] checkedShoe(int[] unseen) {
        if (unseen.length != 11) {
            throw new IllegalArgumentException("unseen: expected 11 counts (index 1 = aces to 10 = tens)");
        }
        int[] shoe = unseen.clone();
        shoe[0] = 0;
        if (Arrays.stream(shoe).anyMatch(c -> c < 0) || Arrays.stream(shoe).sum() == 0) {
            throw new IllegalArgumentException("unseen: expected counts of 0 or more, not all 0");
        }
        return shoe;
    }

    /**
     * The EV per unit of the initial bet of each action the rules allow on the two-card hand {@code first},
     * {@code second} against {@code upcard}, in the order stand, hit, double, split, surrender. Cards are
     * values 1 (ace) to 10 (ten or picture); {@code unseen[v]} counts the cards of value v still in the
     * shoe, not counting the upcard and the player's two cards ({@code unseen[0]} is ignored). With a
     * peeking dealer the values are given that the dealer has no blackjack, which conditions the player's
     * draws too. Stand, hit, double and surrender are exact, the player deciding each later draw without
     * seeing the hole card. A split is exact too, resplits included up to the rules' {@code maxHands}: its
     * value is that of resplitting whenever allowed and playing each hand on its own cards (see
     * {@link Resplits}); with resplits allowed it takes up to about ten seconds for six decks.
     * Early surrender, decided before the peek, is stated in the same terms: (p - 1/2) / (1 - p), p being
     * the chance of a dealer blackjack, which is what playing on must beat given no blackjack.
     *
     * @param model a blackjack game, for its rules
     * @param unseen the count of each card value 1 to 10 still unseen, index 0 unused
     * @param upcard the dealer's up card, 1 (ace) to 10
     * @param first the player's first card, 1 to 10
     * @param second the player's second card, 1 to 10
     * @return each allowed action's expected value per unit of the initial bet
     * @throws IllegalArgumentException when {@code model} is not a blackjack model or a card is not in 1..10
     */
    public static Map<String, Double> firstDecision(Game model, int[] unseen, int upcard, int first, int second) {
        if (!(model instanceof Blackjack)) {
            throw new IllegalArgumentException("model: expected a blackjack model, was " + model.id());
        }
        int[] shoe = checkedShoe(unseen);
        for (int card : new int[] {upcard, first, second}) {
            if (card < 1 || card > 10) {
                throw new IllegalArgumentException("cards: expected values 1 (ace) to 10, was " + card);
            }
        }
        shoe[first]++;
        shoe[second]++;
        BlackjackRules rules = ((Blackjack) model).rules();
        double[] ev = new BlackjackOdds(rules, upcard, shoe).firstDecision(first, second);
        if (first == second && rules.maxHands() > 2) {
            int[] rest = shoe.clone();
            rest[first] -= 2;
            ev[BlackjackOdds.SPLIT] = new Resplits(rules, upcard, first, rest).value();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int action = 0; action < ev.length; action++) {
            if (!Double.isNaN(ev[action])) {
                out.put(BlackjackOdds.ACTIONS[action], ev[action]);
            }
        }
        return out;
    }
}

package io.fairspin.math.table.blackjack;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.Bet;
import io.fairspin.math.Game;
import io.fairspin.math.OutcomeCheck;
import io.fairspin.math.RoundChoices;
import io.fairspin.math.json.OutcomeJson;
import io.fairspin.math.table.Cards;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * The {@link OutcomeCheck} of blackjack: the settlement of a logged round recomputed from its logged hands. A
 * blackjack outcome logs each hand's cards but not the order in which the shoe dealt them, so the round cannot be
 * played again from the log as other table games are; what the cards alone decide is checked instead:
 *
 * <ul>
 *   <li>every card is a card of the shoe, no card more often than the shoe's decks hold it;</li>
 *   <li>the dealer's hand is what the dealer's rule draws (hit below 17 and on a soft 17 under H17, stand
 *       otherwise), and only two cards when no player hand was left to play against;</li>
 *   <li>hands: at most the rules' hands, two cards or more each, no card drawn to a hand already over 21, a doubled
 *       hand of exactly three cards (doubling allowed there), split hands that all start with the same value, split
 *       aces that drew no more card unless the rules allow it;</li>
 *   <li>each hand's result and amount returned as the rules settle these cards (blackjack, push or dealer blackjack
 *       on naturals, surrender at half the bet, win, push or lose against the dealer's total), and the insurance as
 *       the dealer's hand settles it;</li>
 *   <li>the logged bet is the stake of these hands (the bet per hand from the logged choices, or the standard
 *       wager), and the logged win the sum of what they return.</li>
 * </ul>
 *
 * <p>Not checked: that the cards came in the order the round's stream deals them, or that the player's logged
 * decisions are the ones taken (that is {@code audit replay}, with the escrow). Blackjack counts no awards.
 * Thread-safe.
 */
public final class LoggedSettlementCheck extends io.fairspin.math.table.AwardlessCheck {
    private final Blackjack game;
    private final BlackjackRules rules;

    /**
     * The check of logged rounds of {@code game}.
     *
     * @param game the blackjack game at its standard wager
     */
    public LoggedSettlementCheck(Blackjack game) {
        this.game = game;
        this.rules = game.rules();
    }

    @Override
    public String check(byte[] outcome, byte[] playerChoices, long bet, long win, long[] awardCounts) {
        return check(outcome, playerChoices, bet, win, true);
    }

    /**
     * {@link #check}: an outcome laid out in the canonical form read straight from its bytes ({@link CanonicalHands})
     * when {@code fastPath}, any other (and every outcome without {@code fastPath}: tests compare the two) from its
     * parsed tree; the same verdict and message either way.
     */
    String check(byte[] outcome, byte[] playerChoices, long bet, long win, boolean fastPath) {
        try {
            long amount = game.stake();
            if (playerChoices != null && playerChoices.length > 0) {
                Bet chosen = RoundChoices.fromJson(new String(playerChoices, StandardCharsets.UTF_8)).bet();
                amount = game.at(chosen).stake();
            }
            CanonicalHands.Outcome read = fastPath ? CanonicalHands.read(outcome, rules.maxHands()) : null;
            if (read != null) {
                String overfull = overfull(read.shoe());
                return overfull != null ? overfull
                        : settle(read.hands(), read.dealer(), natural(read.dealer()), amount, 0, 0, bet, win);
            }
            return settle(OutcomeJson.object(outcome), amount, bet, win);
        } catch (IllegalArgumentException e) { // also BetException
            return e.getMessage();
        }
    }

    /** A hand as logged. */
    record Hand(int[] cards, boolean doubled, String result, long returned) {
    }

    private String settle(JsonNode outcome, long amount, long bet, long win) {
        for (Iterator<String> names = outcome.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("dealer", "hands", "insurance", "insuranceReturned").contains(name)) {
                return "$.outcome." + name + ": not a field of a blackjack outcome";
            }
        }
        int[] shoe = new int[Cards.DECK];
        int[] dealer = cards(outcome.get("dealer"), "$.outcome.dealer", shoe);
        if (dealer.length < 2) {
            return "$.outcome.dealer: " + dealer.length + " cards, the dealer holds at least 2";
        }
        JsonNode handsNode = outcome.get("hands");
        if (handsNode == null || !handsNode.isArray() || handsNode.isEmpty()) {
            return "$.outcome.hands: expected a non-empty array";
        }
        if (handsNode.size() > Math.max(1, rules.maxHands())) {
            return "$.outcome.hands: " + handsNode.size() + " hands, the rules allow " + Math.max(1, rules.maxHands());
        }
        Hand[] hands = new Hand[handsNode.size()];
        for (int h = 0; h < hands.length; h++) {
            String at = "$.outcome.hands[" + h + "]";
            JsonNode node = handsNode.get(h);
            if (!node.isObject() || node.size() != 4 || !node.path("doubled").isBoolean()
                    || !node.path("result").isTextual() || !node.path("returned").canConvertToLong()
                    || !node.path("returned").isIntegralNumber()) {
                return at + ": expected cards, doubled (true or false), result and returned";
            }
            hands[h] = new Hand(cards(node.get("cards"), at + ".cards", shoe), node.get("doubled").asBoolean(),
                    node.get("result").asText(), node.get("returned").asLong());
            if (hands[h].cards().length < 2) {
                return at + ".cards: " + hands[h].cards().length + " cards, a hand holds at least 2";
            }
        }
        String overfull = overfull(shoe);
        if (overfull != null) {
            return overfull;
        }
        long insurance = 0;
        long insuranceReturned = 0;
        boolean dealerNatural = natural(dealer);
        if (outcome.has("insurance") || outcome.has("insuranceReturned")) {
            JsonNode taken = outcome.path("insurance");
            JsonNode back = outcome.path("insuranceReturned");
            if (!rules.insurance() || BlackjackRound.value(dealer[0]) != 1 || amount % 2 != 0) {
                return "$.outcome.insurance: the table offers no insurance on this round";
            }
            if (!taken.isIntegralNumber() || taken.asLong() != amount / 2) {
                return "$.outcome.insurance: expected " + amount / 2 + ", half the bet";
            }
            long pays = dealerNatural ? amount / 2 * 3 : 0;
            if (!back.isIntegralNumber() || back.asLong() != pays) {
                return "$.outcome.insuranceReturned: logged " + back + ", the dealer's hand returns " + pays;
            }
            insurance = amount / 2;
            insuranceReturned = pays;
        }
        return settle(hands, dealer, dealerNatural, amount, insurance, insuranceReturned, bet, win);
    }

    /** A card the hands hold more often than the shoe does, or null. */
    private String overfull(int[] shoe) {
        for (int card = 0; card < Cards.DECK; card++) {
            if (shoe[card] > rules.decks()) {
                return "$.outcome: " + Cards.name(card) + " appears " + shoe[card] + " times, a shoe of " + rules.decks()
                        + (rules.decks() == 1 ? " deck" : " decks") + " holds it " + rules.decks() + " times";
            }
        }
        return null;
    }

    /** The hands settled against the dealer's cards, and their stake and return against the logged bet and win. */
    private String settle(Hand[] hands, int[] dealer, boolean dealerNatural, long amount, long insurance,
            long insuranceReturned, long bet, long win) {
        String problem = hands.length == 1 && early(hands[0])
                ? settleEarly(hands[0], dealer, dealerNatural, amount)
                : settlePlayed(hands, dealer, dealerNatural, amount);
        if (problem != null) {
            return problem;
        }
        long stake = insurance;
        long returned = insuranceReturned;
        for (Hand hand : hands) {
            stake += hand.doubled() ? 2 * amount : amount;
            returned += hand.returned();
        }
        if (stake != bet) {
            return "bet: logged " + bet + ", the hands' stake is " + stake;
        }
        if (returned != win) {
            return "win: logged " + win + ", the hands return " + returned + " for the logged cards";
        }
        return null;
    }

    /** Whether the round ended before the player played: a natural, or a surrender. */
    private static boolean early(Hand hand) {
        return natural(hand.cards()) || hand.result().equals("surrender") || hand.result().equals("dealer blackjack");
    }

    /** A round settled on its first cards: naturals, or a surrender (early, or late on the first decision). */
    private String settleEarly(Hand hand, int[] dealer, boolean dealerNatural, long amount) {
        String at = "$.outcome.hands[0]";
        if (hand.cards().length != 2 || hand.doubled()) {
            return at + ": a hand settled on its first two cards holds two cards and is not doubled";
        }
        if (dealer.length != 2) {
            return "$.outcome.dealer: the round was settled on the first cards, the dealer draws none";
        }
        boolean playerNatural = natural(hand.cards());
        String result;
        long returned;
        if (hand.result().equals("surrender")) {
            if (!rules.surrender() || playerNatural) {
                return at + ".result: surrender is not allowed " + (playerNatural ? "on a blackjack" : "by the rules");
            }
            if (!rules.earlySurrender() && dealerNatural && rules.peek()) {
                return at + ".result: late surrender after the dealer's blackjack";
            }
            result = "surrender";
            returned = amount / 2;
        } else if (dealerNatural && (rules.peek() || playerNatural)) {
            result = playerNatural ? "push" : "dealer blackjack";
            returned = playerNatural ? amount : 0;
        } else if (playerNatural) {
            result = "blackjack";
            returned = amount + rules.blackjackPays().multiply(amount).numerator().longValueExact();
        } else {
            return at + ".result: '" + hand.result() + "' but the dealer holds no blackjack";
        }
        return compare(at, hand, result, returned);
    }

    /** A round played out: each hand against the dealer's final hand. */
    private String settlePlayed(Hand[] hands, int[] dealer, boolean dealerNatural, long amount) {
        if (dealerNatural && rules.peek()) {
            return "$.outcome.hands: the dealer's blackjack settles the round on the first cards (the dealer peeks),"
                    + " no hand is played";
        }
        int first = BlackjackRound.value(hands[0].cards()[0]);
        boolean split = hands.length > 1;
        boolean live = false;
        for (int h = 0; h < hands.length; h++) {
            String at = "$.outcome.hands[" + h + "]";
            int[] cards = hands[h].cards();
            if (split && BlackjackRound.value(cards[0]) != first) {
                return at + ".cards: split hands start with cards of one value, this one with " + Cards.name(cards[0]);
            }
            if (!split && natural(cards)) {
                return at + ": a blackjack is settled on the first cards, not played";
            }
            for (int n = 3; n <= cards.length; n++) {
                if (BlackjackRound.total(cards, n - 1) > 21) {
                    return at + ".cards: card " + n + " was drawn to a hand already over 21";
                }
            }
            boolean splitAces = split && first == 1;
            if (splitAces && !rules.hitSplitAces() && cards.length != 2) {
                return at + ".cards: a split ace draws one card under these rules, this hand holds " + cards.length;
            }
            if (hands[h].doubled()) {
                if (cards.length != 3) {
                    return at + ": a doubled hand holds three cards, this one " + cards.length;
                }
                if (split && !rules.doubleAfterSplit() || splitAces) {
                    return at + ".doubled: the rules allow no double on this hand";
                }
            }
            live |= BlackjackRound.total(cards, cards.length) <= 21;
        }
        String dealt = dealerDraws(dealer, live);
        if (dealt != null) {
            return dealt;
        }
        int dealerTotal = BlackjackRound.total(dealer, dealer.length);
        for (int h = 0; h < hands.length; h++) {
            Hand hand = hands[h];
            long stake = hand.doubled() ? 2 * amount : amount;
            int total = BlackjackRound.total(hand.cards(), hand.cards().length);
            int result = total > 21 || dealerNatural ? -1 : BlackjackRound.compare(total, dealerTotal);
            String problem = compare("$.outcome.hands[" + h + "]", hand, result > 0 ? "win" : result == 0 ? "push"
                    : "lose", result > 0 ? 2 * stake : result == 0 ? stake : 0);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** Whether the dealer's cards are what the dealer's rule draws. */
    private String dealerDraws(int[] dealer, boolean live) {
        if (!live) {
            return dealer.length == 2 ? null
                    : "$.outcome.dealer: every hand is over 21, the dealer draws no card, but holds " + dealer.length;
        }
        for (int n = 2; n <= dealer.length; n++) {
            int total = BlackjackRound.total(dealer, n);
            boolean soft = BlackjackRound.soft(dealer, n);
            boolean stands = BlackjackRound.dealerStands(dealer, n, rules);
            if (stands && n < dealer.length) {
                return "$.outcome.dealer: the dealer stands on " + (soft ? "soft " : "") + total + " after " + n
                        + " cards, but holds " + dealer.length;
            }
            if (!stands && n == dealer.length) {
                return "$.outcome.dealer: the dealer draws on " + (soft ? "soft " : "") + total + ", but holds "
                        + dealer.length + " cards";
            }
        }
        return null;
    }

    private static String compare(String at, Hand hand, String result, long returned) {
        if (!hand.result().equals(result)) {
            return at + ".result: logged '" + hand.result() + "', the rules settle these cards as '" + result + "'";
        }
        if (hand.returned() != returned) {
            return at + ".returned: logged " + hand.returned() + ", the rules return " + returned + " for these cards";
        }
        return null;
    }

    private static boolean natural(int[] cards) {
        return BlackjackRound.natural(cards, cards.length);
    }

    /** The cards of a logged array of card names, each counted in {@code shoe}. */
    private static int[] cards(JsonNode node, String at, int[] shoe) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(at + ": expected an array of cards");
        }
        int[] cards = new int[node.size()];
        for (int i = 0; i < cards.length; i++) {
            int card = node.get(i).isTextual() ? Cards.parse(node.get(i).asText()) : -1;
            if (card < 0 || card >= Cards.DECK) {
                throw new IllegalArgumentException(at + "[" + i + "]: " + node.get(i) + " is not a card");
            }
            cards[i] = card;
            shoe[card]++;
        }
        return cards;
    }
}

package io.fairspin.math.table.blackjack;

import io.fairspin.math.table.Cards;
import io.fairspin.math.table.Dealer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;

/**
 * The mutable state of one blackjack round, reused by one thread from round to round so that play
 * allocates nothing: the shoe, the player's hands (up to four after splits) and the dealer's hand.
 */
final class BlackjackRound {
    private static final int MAX_CARDS = 22;
    private final BlackjackRules rules;
    private final Dealer shoe;
    private final int[][] cards;
    private final int[] count;
    private final boolean[] doubled;
    private final boolean[] done;
    private final boolean[] busted;
    private final boolean[] splitAces;
    private final int[] dealer = new int[MAX_CARDS];
    private int dealerCount;
    private int hands;

    /** Insurance taken, declined; the round continues after an early-surrender decision. */
    static final int INSURE = 10;
    static final int DECLINE = 11;
    static final int CONTINUE = 12;

    /** A player deciding a round's steps, given the legal action codes and the basic strategy's advice. */
    interface Chooser {
        /**
         * The action for hand {@code hand} at step {@code step} ("surrender" before the dealer checks, "insurance",
         * "hand"), one of {@code legal}.
         */
        int choose(BlackjackRound round, String step, int hand, int[] legal, int advice);
    }

    private boolean insured;

    BlackjackRound(BlackjackRules rules, int shoeSize) {
        this.rules = rules;
        this.shoe = new Dealer(shoeSize);
        int max = Math.max(1, rules.maxHands());
        cards = new int[max][MAX_CARDS];
        count = new int[max];
        doubled = new boolean[max];
        done = new boolean[max];
        busted = new boolean[max];
        splitAces = new boolean[max];
    }

    /** The blackjack value of a card: ace 1, two to nine at face value, tens and pictures 10. */
    static int value(int card) {
        return Math.min(Cards.rank(card) + 1, 10);
    }

    /**
     * Plays a round of {@code amount} (whose blackjack pays {@code blackjackWin}) into {@code outcome},
     * describing it in {@code detail} unless that is null.
     */
    void play(BasicStrategy strategy, RandomStream stream, long amount, long blackjackWin, RoundOutcome outcome,
            ObjectNode detail) {
        play(strategy, stream, amount, blackjackWin, outcome, detail, null);
    }

    /**
     * {@link #play(BasicStrategy, RandomStream, long, long, RoundOutcome, ObjectNode)} with the decisions taken
     * by {@code chooser} (the basic strategy when null; it never insures). Draws the same as long as the
     * decisions are the same.
     */
    void play(BasicStrategy strategy, RandomStream stream, long amount, long blackjackWin, RoundOutcome outcome,
            ObjectNode detail, Chooser chooser) {
        insured = false;
        shoe.newRound();
        hands = 1;
        count[0] = 0;
        doubled[0] = false;
        done[0] = false;
        busted[0] = false;
        splitAces[0] = false;
        dealerCount = 0;
        cards[0][count[0]++] = shoe.next(stream);
        dealer[dealerCount++] = shoe.next(stream);
        cards[0][count[0]++] = shoe.next(stream);
        dealer[dealerCount++] = shoe.next(stream);
        int up = value(dealer[0]);
        boolean dealerNatural = natural(dealer, 2);
        boolean playerNatural = natural(cards[0], 2);
        String settled = null;
        long returned = 0;
        boolean surrenderEarly = rules.earlySurrender() && !playerNatural && (chooser == null
                ? earlySurrender(strategy, up)
                : chooser.choose(this, "surrender", 0, new int[] {BlackjackOdds.SURRENDER, CONTINUE},
                        earlySurrender(strategy, up) ? BlackjackOdds.SURRENDER : CONTINUE) == BlackjackOdds.SURRENDER);
        if (!surrenderEarly && chooser != null && rules.insurance() && up == 1 && amount % 2 == 0) {
            insured = chooser.choose(this, "insurance", 0, new int[] {INSURE, DECLINE}, DECLINE) == INSURE;
            if (insured) {
                outcome.addStake(amount / 2);
                if (dealerNatural) {
                    outcome.addWin(0, amount / 2 * 3);
                }
                if (detail != null) {
                    detail.put("insurance", amount / 2).put("insuranceReturned", dealerNatural ? amount / 2 * 3 : 0);
                }
            }
        }
        if (surrenderEarly) {
            returned = amount / 2;
            settled = "surrender";
        } else if (dealerNatural && (rules.peek() || playerNatural)) {
            returned = playerNatural ? amount : 0;
            settled = playerNatural ? "push" : "dealer blackjack";
        } else if (playerNatural) {
            returned = amount + blackjackWin;
            settled = "blackjack";
        }
        if (settled != null) {
            outcome.addWin(0, returned);
            if (detail != null) {
                describe(detail, settled, returned);
            }
            return;
        }
        for (int h = 0; h < hands; h++) {
            if (playHand(strategy, stream, h, up, amount, outcome, chooser)) {
                returned = amount / 2;
                outcome.addWin(0, returned);
                if (detail != null) {
                    describe(detail, "surrender", returned);
                }
                return;
            }
        }
        boolean live = false;
        for (int h = 0; h < hands; h++) {
            live |= !busted[h];
        }
        if (live) {
            playDealer(stream);
        }
        ArrayNode described = detail == null ? null : detail.putArray("hands");
        for (int h = 0; h < hands; h++) {
            long bet = doubled[h] ? 2 * amount : amount;
            int result = busted[h] ? -1 : dealerNatural ? -1 : compare(total(cards[h], count[h]), total(dealer, dealerCount));
            long back = result > 0 ? 2 * bet : result == 0 ? bet : 0;
            outcome.addWin(0, back);
            if (described != null) {
                Blackjack.describe(described, cards[h], count[h], result > 0 ? "win" : result == 0 ? "push" : "lose",
                        back, doubled[h]);
            }
        }
        if (detail != null) {
            dealerCards(detail);
        }
    }

    /** Whether the strategy surrenders the first two cards before the dealer checks for blackjack. */
    private boolean earlySurrender(BasicStrategy strategy, int up) {
        int first = value(cards[0][0]);
        boolean pair = first == value(cards[0][1]) && rules.maxHands() >= 2;
        return strategy.action(up, total(cards[0], 2), soft(cards[0], 2), pair ? first : 0, true, true)
                == BlackjackOdds.SURRENDER;
    }

    /** Plays hand {@code h} to the end; true when the player surrendered (only on the first decision). */
    private boolean playHand(BasicStrategy strategy, RandomStream stream, int h, int up, long amount,
            RoundOutcome outcome, Chooser chooser) {
        if (count[h] == 1) {
            cards[h][count[h]++] = shoe.next(stream);
        }
        while (!done[h]) {
            int total = total(cards[h], count[h]);
            if (total > 21) {
                busted[h] = true;
                done[h] = true;
                break;
            }
            boolean two = count[h] == 2;
            int first = value(cards[h][0]);
            boolean canSplit = two && first == value(cards[h][1]) && hands < rules.maxHands()
                    && (first != 1 || !splitAces[h] || rules.resplitAces());
            boolean canDouble = two && (hands == 1 || rules.doubleAfterSplit()) && !splitAces[h];
            boolean canSurrender = two && hands == 1 && rules.lateSurrender();
            int action = strategy.action(up, total, soft(cards[h], count[h]), canSplit ? first : 0, canDouble,
                    canSurrender);
            boolean mayHit = !splitAces[h] || rules.hitSplitAces();
            if (!mayHit && action != BlackjackOdds.SPLIT) {
                action = BlackjackOdds.STAND;
            }
            if (chooser != null) {
                int[] legal = new int[5];
                int n = 0;
                legal[n++] = BlackjackOdds.STAND;
                if (mayHit) {
                    legal[n++] = BlackjackOdds.HIT;
                }
                if (canDouble) {
                    legal[n++] = BlackjackOdds.DOUBLE;
                }
                if (canSplit) {
                    legal[n++] = BlackjackOdds.SPLIT;
                }
                if (canSurrender) {
                    legal[n++] = BlackjackOdds.SURRENDER;
                }
                action = chooser.choose(this, "hand", h, java.util.Arrays.copyOf(legal, n), action);
            }
            switch (action) {
                case BlackjackOdds.SURRENDER -> {
                    return true;
                }
                case BlackjackOdds.HIT -> cards[h][count[h]++] = shoe.next(stream);
                case BlackjackOdds.DOUBLE -> {
                    outcome.addStake(amount);
                    doubled[h] = true;
                    cards[h][count[h]++] = shoe.next(stream);
                    busted[h] = total(cards[h], count[h]) > 21;
                    done[h] = true;
                }
                case BlackjackOdds.SPLIT -> split(stream, h, amount, outcome);
                default -> done[h] = true;
            }
        }
        return false;
    }

    /** Moves the second card of hand {@code h} to a new hand right after it; hand h draws its second card. */
    private void split(RandomStream stream, int h, long amount, RoundOutcome outcome) {
        outcome.addStake(amount);
        for (int k = hands; k > h + 1; k--) {
            System.arraycopy(cards[k - 1], 0, cards[k], 0, count[k - 1]);
            count[k] = count[k - 1];
            doubled[k] = doubled[k - 1];
            done[k] = done[k - 1];
            busted[k] = busted[k - 1];
            splitAces[k] = splitAces[k - 1];
        }
        hands++;
        boolean aces = value(cards[h][0]) == 1;
        cards[h + 1][0] = cards[h][1];
        count[h + 1] = 1;
        doubled[h + 1] = false;
        done[h + 1] = false;
        busted[h + 1] = false;
        splitAces[h + 1] = aces;
        splitAces[h] = aces;
        count[h] = 1;
        cards[h][count[h]++] = shoe.next(stream);
    }

    private void playDealer(RandomStream stream) {
        while (true) {
            if (dealerStands(dealer, dealerCount, rules)) {
                return;
            }
            dealer[dealerCount++] = shoe.next(stream);
        }
    }

    /** What the player sees at a decision: the hands so far, the hand to play and the dealer's up card. */
    void view(ObjectNode view, int hand) {
        ArrayNode described = view.putArray("hands");
        for (int h = 0; h < hands; h++) {
            ObjectNode one = described.addObject();
            ArrayNode names = one.putArray("cards");
            for (int i = 0; i < count[h]; i++) {
                names.add(Cards.name(cards[h][i]));
            }
            one.put("total", total(cards[h], count[h])).put("doubled", doubled[h]);
        }
        view.put("hand", hand).put("dealer", Cards.name(dealer[0])).put("insured", insured);
    }

    /** Whether the dealer stands on the first {@code n} cards of {@code dealer} under {@code rules} (S17 or H17). */
    static boolean dealerStands(int[] dealer, int n, BlackjackRules rules) {
        int total = total(dealer, n);
        return total > 17 || total == 17 && !(soft(dealer, n) && rules.hitsSoft17());
    }

    /** A standing hand of {@code player} points against the dealer's total: 1 a win, 0 a push, -1 a loss. */
    static int compare(int player, int dealerTotal) {
        return dealerTotal > 21 ? 1 : Integer.compare(player, dealerTotal);
    }

    static boolean natural(int[] hand, int n) {
        return n == 2 && total(hand, 2) == 21;
    }

    private static int hard(int[] hand, int n) {
        int hard = 0;
        for (int i = 0; i < n; i++) {
            hard += value(hand[i]);
        }
        return hard;
    }

    private static boolean hasAce(int[] hand, int n) {
        for (int i = 0; i < n; i++) {
            if (value(hand[i]) == 1) {
                return true;
            }
        }
        return false;
    }

    static int total(int[] hand, int n) {
        return BlackjackOdds.best(hard(hand, n), hasAce(hand, n));
    }

    static boolean soft(int[] hand, int n) {
        return hasAce(hand, n) && hard(hand, n) + 10 <= 21;
    }

    private void describe(ObjectNode detail, String result, long returned) {
        ArrayNode described = detail.putArray("hands");
        Blackjack.describe(described, cards[0], count[0], result, returned, false);
        dealerCards(detail);
    }

    private void dealerCards(ObjectNode detail) {
        ArrayNode names = detail.putArray("dealer");
        for (int i = 0; i < dealerCount; i++) {
            names.add(Cards.name(dealer[i]));
        }
    }
}

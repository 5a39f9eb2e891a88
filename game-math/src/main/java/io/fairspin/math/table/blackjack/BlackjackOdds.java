package io.fairspin.math.table.blackjack;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Expected values of blackjack decisions for a given shoe composition, by exhaustive recursion over the
 * cards still in the shoe (composition-dependent, without replacement).
 *
 * <p>Cards are values 1 (ace) to 10 (ten and pictures). A shoe is {@code int[11]} of counts, index 0
 * unused. One instance evaluates the hands against one dealer upcard from one starting shoe (the
 * upcard and any other known cards already removed; the dealer's unseen hole card still in it) and
 * remembers what it computed: the shoe at any point is that starting shoe less the player's cards, so a
 * hand's cards identify its shoe.
 *
 * <p>Exact for stand, hit, double and surrender, the player deciding without seeing the hole card.
 * Under a peek with an ace or ten up the hole card is known not to make blackjack, which conditions
 * both the dealer's outcome and every card the player draws ({@link #drawProbability}); the player's
 * later decisions use only what the player has seen.
 *
 * <p>{@link #firstDecision} values a split as twice one hand started from the pair card with the other
 * pair card removed and the dealer drawing right after it, each split hand played on its own cards. That
 * is exact for a split without resplit (the unseen cards are exchangeable, so the second hand's cards,
 * whatever they are, leave the first hand's expected value unchanged, and the two hands' values are
 * equal), and a lower bound when the rules allow resplits; {@link Resplits} values those exactly.
 */
final class BlackjackOdds {
    /** Dealer outcome indices: 17..21 at 0..4, bust, natural. */
    static final int BUST = 5;
    static final int NATURAL = 6;
    static final int STAND = 0;
    static final int HIT = 1;
    static final int DOUBLE = 2;
    static final int SPLIT = 3;
    static final int SURRENDER = 4;
    static final String[] ACTIONS = {"stand", "hit", "double", "split", "surrender"};

    private final BlackjackRules rules;
    private final int up;
    /** The card that would give the dealer blackjack when a peek has shown it is not in the hole, or 0. */
    private final int notInHole;
    private final int[] shoe;
    private int remaining;
    private final Map<Long, Double> standMemo = new HashMap<>();
    private final Map<Long, Double> hitMemo = new HashMap<>();
    /** Split hands' values under the one policy this evaluator is used with ({@link #playSplitHand}). */
    private final Map<Long, Double> policyMemo = new HashMap<>();
    private final BlackjackOdds[] splitHands = new BlackjackOdds[11];
    /** Dealer distributions by shoe composition, shared by evaluators of one upcard (see {@link #shareDealer}). */
    private Map<Long, double[]> dealerCache;

    /** Evaluates hands against {@code up} from {@code shoe} (upcard already removed; copied). */
    BlackjackOdds(BlackjackRules rules, int up, int[] shoe) {
        this.rules = rules;
        this.up = up;
        this.notInHole = notInHole(rules, up);
        this.shoe = shoe.clone();
        for (int v = 1; v <= 10; v++) {
            remaining += shoe[v];
        }
    }

    /** The card a peek has shown is not the hole card against {@code up} (it would make blackjack), or 0. */
    static int notInHole(BlackjackRules rules, int up) {
        return rules.peek() ? (up == 1 ? 10 : up == 10 ? 1 : 0) : 0;
    }

    /** A full shoe of {@code decks} decks. */
    static int[] fullShoe(int decks) {
        int[] shoe = new int[11];
        for (int v = 1; v <= 9; v++) {
            shoe[v] = 4 * decks;
        }
        shoe[10] = 16 * decks;
        return shoe;
    }

    /** The best total of a hand of hard total {@code hard} holding an ace or not. */
    static int best(int hard, boolean ace) {
        return ace && hard + 10 <= 21 ? hard + 10 : hard;
    }

    /**
     * The dealer's outcome distribution from the current shoe: 17..21, bust and natural; with a peeking
     * dealer, conditioned on no natural.
     */
    double[] dealer() {
        long composition = dealerCache == null ? -1 : composition();
        double[] known = composition < 0 ? null : dealerCache.get(composition);
        if (known != null) {
            return known;
        }
        double[] out = new double[7];
        dealerDraw(up, up == 1, 1, 1.0, out, notInHole);
        if (composition >= 0) {
            dealerCache.put(composition, out);
        }
        return out;
    }

    /**
     * Shares {@code cache} of dealer distributions with the other evaluators of the same rules and upcard
     * that use it: the distribution depends only on the shoe's composition.
     */
    BlackjackOdds shareDealer(Map<Long, double[]> cache) {
        this.dealerCache = cache;
        return this;
    }

    /** The shoe's composition in 62 bits (6 per value 1 to 9, 8 for tens), or -1 when a count does not fit. */
    private long composition() {
        long code = 0;
        for (int v = 1; v <= 10; v++) {
            int bits = v == 10 ? 8 : 6;
            if (shoe[v] >= 1 << bits) {
                return -1;
            }
            code = code << bits | shoe[v];
        }
        return code;
    }

    /**
     * The probability that the player's next card is a {@code v}. Without a peek's information it is the
     * share of {@code v} in the shoe. After a peek, the hole card h is one of the shoe's cards other than
     * the blackjack-making card n, each equally likely; averaging (count(v) - [v = h]) / (R - 1) over h
     * gives count(n) / (R - 1) for v = n and count(v) (R - count(n) - 1) / ((R - count(n)) (R - 1))
     * otherwise, R being the cards in the shoe, hole included. Drawing v leaves the hole card in the same
     * state (uniform over the shoe's other cards than n), so the recursion stays exact.
     */
    double drawProbability(int v) {
        return drawProbability(shoe, remaining, notInHole, v);
    }

    /** {@link #drawProbability(int)} from a shoe of {@code remaining} cards, {@code notInHole} as {@link #notInHole}. */
    static double drawProbability(int[] shoe, int remaining, int notInHole, int v) {
        int withoutN = remaining - shoe[notInHole];
        if (notInHole == 0 || withoutN <= 0 || remaining <= 1) {
            return (double) shoe[v] / remaining;
        }
        if (v == notInHole) {
            return (double) shoe[v] / (remaining - 1);
        }
        return (double) shoe[v] * (withoutN - 1) / ((double) withoutN * (remaining - 1));
    }

    private void dealerDraw(int hard, boolean ace, int cards, double p, double[] out, int excluded) {
        int best = best(hard, ace);
        boolean soft = ace && hard + 10 <= 21;
        if (best > 21) {
            out[BUST] += p;
            return;
        }
        if (cards == 2 && best == 21) {
            out[NATURAL] += p;
            return;
        }
        if (cards >= 2 && (best > 17 || best == 17 && !(soft && rules.hitsSoft17()))) {
            out[best - 17] += p;
            return;
        }
        int total = remaining - (excluded > 0 ? shoe[excluded] : 0);
        for (int v = 1; v <= 10; v++) {
            int c = shoe[v];
            if (c == 0 || v == excluded) {
                continue;
            }
            shoe[v]--;
            remaining--;
            dealerDraw(hard + v, ace || v == 1, cards + 1, p * c / total, out, 0);
            shoe[v]++;
            remaining++;
        }
    }

    /** The probability that the dealer turns a natural over the upcard when the player holds {@code a, b}. */
    double dealerNatural(int a, int b) {
        if (up != 1 && up != 10) {
            return 0;
        }
        int natural = up == 1 ? 10 : 1;
        int left = shoe[natural] - (a == natural ? 1 : 0) - (b == natural ? 1 : 0);
        return (double) left / (remaining - 2);
    }

    private void take(int card) {
        shoe[card]--;
        remaining--;
    }

    private void putBack(int card) {
        shoe[card]++;
        remaining++;
    }

    /** The EV of standing, per unit bet, on the hand described (cards already out of the shoe). */
    double stand(int hard, boolean ace, long key) {
        int total = best(hard, ace);
        if (total > 21) {
            return -1;
        }
        Double known = standMemo.get(key);
        if (known != null) {
            return known;
        }
        double[] d = dealer();
        double ev = d[BUST] - d[NATURAL];
        for (int t = 17; t <= 21; t++) {
            ev += Integer.signum(total - t) * d[t - 17];
        }
        standMemo.put(key, ev);
        return ev;
    }

    /** The EV of hitting, then playing on optimally (stand or hit), per unit bet. */
    double hit(int hard, boolean ace, long key) {
        Double known = hitMemo.get(key);
        if (known != null) {
            return known;
        }
        double ev = 0;
        for (int v = 1; v <= 10; v++) {
            int c = shoe[v];
            if (c == 0) {
                continue;
            }
            double p = drawProbability(v);
            shoe[v]--;
            remaining--;
            int newHard = hard + v;
            boolean newAce = ace || v == 1;
            long newKey = key + (1L << (5 * (v - 1)));
            if (best(newHard, newAce) > 21) {
                ev -= p;
            } else {
                ev += p * Math.max(stand(newHard, newAce, newKey), hit(newHard, newAce, newKey));
            }
            shoe[v]++;
            remaining++;
        }
        hitMemo.put(key, ev);
        return ev;
    }

    /** The EV of doubling (one card, twice the bet), per unit of the original bet. */
    double doubleDown(int hard, boolean ace, long key) {
        double ev = 0;
        for (int v = 1; v <= 10; v++) {
            int c = shoe[v];
            if (c == 0) {
                continue;
            }
            double p = drawProbability(v);
            shoe[v]--;
            remaining--;
            ev += p * 2 * stand(hard + v, ace || v == 1, key + (1L << (5 * (v - 1))));
            shoe[v]++;
            remaining++;
        }
        return ev;
    }

    /** The key of a hand: 5 bits per card value (a hand may hold up to 21 aces). */
    static long key(int... cards) {
        long key = 0;
        for (int v : cards) {
            key += 1L << (5 * (v - 1));
        }
        return key;
    }

    /**
     * The EVs of each first decision on the two-card hand {@code a, b}, per unit of the initial bet and
     * indexed as {@link #ACTIONS}; NaN where the rules do not allow the action.
     */
    double[] firstDecision(int a, int b) {
        double[] ev = new double[5];
        int hard = a + b;
        boolean ace = a == 1 || b == 1;
        long key = key(a, b);
        take(a);
        take(b);
        ev[STAND] = stand(hard, ace, key);
        ev[HIT] = hit(hard, ace, key);
        ev[DOUBLE] = doubleDown(hard, ace, key);
        putBack(a);
        putBack(b);
        ev[SPLIT] = a == b && rules.maxHands() >= 2 ? split(a) : Double.NaN;
        ev[SURRENDER] = rules.lateSurrender() ? -0.5 : rules.earlySurrender() ? earlySurrender(a, b) : Double.NaN;
        return ev;
    }

    /**
     * Early surrender, stated like the other values (given no dealer blackjack under a peek): giving up half
     * before the peek is worth -1/2 in all, and -p + (1 - p) x = -1/2 for x = (p - 1/2) / (1 - p), p being
     * the chance of a dealer blackjack. Without a peek's information (p = 0) it is -1/2.
     */
    private double earlySurrender(int a, int b) {
        double p = notInHole == 0 ? 0 : dealerNatural(a, b);
        return (p - 0.5) / (1 - p);
    }

    /** Twice the EV of one hand started from {@code card}, the other pair card out of the shoe. */
    private double split(int card) {
        BlackjackOdds hands = splitHands[card];
        if (hands == null) {
            int[] withoutOther = shoe.clone();
            withoutOther[card]--;
            hands = new BlackjackOdds(rules, up, withoutOther);
            splitHands[card] = hands;
        }
        return 2 * hands.splitHand(card);
    }

    private double splitHand(int card) {
        double ev = 0;
        take(card);
        for (int v = 1; v <= 10; v++) {
            int c = shoe[v];
            if (c == 0) {
                continue;
            }
            double p = drawProbability(v);
            take(v);
            int hard = card + v;
            boolean ace = card == 1 || v == 1;
            long key = key(card, v);
            double best = stand(hard, ace, key);
            if (card != 1 || rules.hitSplitAces()) {
                best = Math.max(best, hit(hard, ace, key));
                if (rules.doubleAfterSplit()) {
                    best = Math.max(best, doubleDown(hard, ace, key));
                }
            }
            ev += p * best;
            putBack(v);
        }
        putBack(card);
        return ev;
    }

    /**
     * The EVs of standing, hitting (then playing on optimally) and doubling, indexed as {@link #ACTIONS},
     * on a split hand: the pair card {@code pair}, already out of this evaluator's shoe, and the first
     * {@code count} of {@code cards}, taken from it.
     */
    double[] splitHandValues(int pair, int[] cards, int count) {
        int hard = pair;
        boolean ace = pair == 1;
        for (int i = 0; i < count; i++) {
            take(cards[i]);
            hard += cards[i];
            ace |= cards[i] == 1;
        }
        long key = key(Arrays.copyOf(cards, count));
        double[] ev = {stand(hard, ace, key), hit(hard, ace, key), doubleDown(hard, ace, key)};
        for (int i = 0; i < count; i++) {
            putBack(cards[i]);
        }
        return ev;
    }

    /** How a split hand is played: the action ({@link #STAND}, {@link #HIT} or {@link #DOUBLE}) on its cards. */
    interface SplitPolicy {
        int action(int[] cards, int count);
    }

    /**
     * The EV of a split hand played by {@code policy}: the pair card {@code pair}, already out of this
     * evaluator's shoe, and {@code second}, taken from it. An evaluator remembers these values, so it must
     * be used with one pair card and one policy only.
     */
    double playSplitHand(int pair, int second, SplitPolicy policy) {
        int[] cards = new int[22];
        cards[0] = second;
        take(second);
        double ev = playSplitHand(pair, cards, 1, policy);
        putBack(second);
        return ev;
    }

    /** {@link #playSplitHand(int, int, SplitPolicy)} once the first {@code count} of {@code cards} are taken. */
    private double playSplitHand(int pair, int[] cards, int count, SplitPolicy policy) {
        int hard = pair;
        boolean ace = pair == 1;
        for (int i = 0; i < count; i++) {
            hard += cards[i];
            ace |= cards[i] == 1;
        }
        if (best(hard, ace) > 21) {
            return -1;
        }
        long key = key(Arrays.copyOf(cards, count));
        Double known = policyMemo.get(key);
        if (known != null) {
            return known;
        }
        int action = policy.action(cards, count);
        if (action == STAND) {
            return stand(hard, ace, key);
        }
        double ev = 0;
        for (int v = 1; v <= 10; v++) {
            if (shoe[v] == 0) {
                continue;
            }
            double p = drawProbability(v);
            take(v);
            cards[count] = v;
            ev += p * (action == DOUBLE ? 2 * stand(hard + v, ace || v == 1, key + (1L << (5 * (v - 1))))
                    : playSplitHand(pair, cards, count + 1, policy));
            putBack(v);
        }
        policyMemo.put(key, ev);
        return ev;
    }

    /** The EVs of standing and of hitting on the hand {@code cards} (any number of cards). */
    double[] standAndHit(int... cards) {
        int hard = 0;
        boolean ace = false;
        for (int v : cards) {
            take(v);
            hard += v;
            ace |= v == 1;
        }
        long key = key(cards);
        double[] ev = {stand(hard, ace, key), hit(hard, ace, key)};
        for (int v : cards) {
            putBack(v);
        }
        return ev;
    }
}

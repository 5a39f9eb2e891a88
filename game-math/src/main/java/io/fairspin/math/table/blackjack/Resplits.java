package io.fairspin.math.table.blackjack;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact expected value of splitting a pair when the rules allow resplits, for one shoe composition
 * and one dealer upcard (a peek's information included, as in {@link BlackjackOdds}).
 *
 * <p>The play valued: split, and resplit whenever a hand's second card is the pair card while the rules
 * allow another hand (aces only with {@code resplitAces}); each final hand is then played on its own
 * cards by the decisions that are best for a hand from the pair card with both pair cards out of the
 * shoe ({@code policy}), split aces standing unless {@code hitSplitAces}.
 *
 * <p>Why the enumeration is small: the unseen cards are exchangeable, so the blocks of cards a round
 * deals (each hand's second cards, each hand's draws, the dealer's draws) can be dealt in any order
 * without changing their joint distribution, as long as each block is chosen by a rule on its own cards
 * and the blocks before it. Dealing every hand's second cards first, a hand's expected value given them
 * is that of a single hand drawing from the shoe less all of them, the dealer drawing right after it.
 * The second cards are enumerated exactly (with the peek's conditioning on every draw); each hand is
 * then valued by recursion.
 */
final class Resplits {
    private final BlackjackRules rules;
    private final int up;
    private final int pair;
    private final int notInHole;
    private final int[] shoe;
    private final BlackjackOdds policyValues;
    private final Map<List<Integer>, Integer> decisions = new HashMap<>();
    private final Map<List<Integer>, BlackjackOdds> handValues = new HashMap<>();
    private final BlackjackOdds.SplitPolicy policy = this::decide;
    private final Map<Long, double[]> dealer = new HashMap<>();

    /** Splitting {@code pair} against {@code up}, {@code shoe} being the shoe less the upcard and both pair cards. */
    Resplits(BlackjackRules rules, int up, int pair, int[] shoe) {
        this.rules = rules;
        this.up = up;
        this.pair = pair;
        this.notInHole = BlackjackOdds.notInHole(rules, up);
        this.shoe = shoe.clone();
        this.policyValues = new BlackjackOdds(rules, up, shoe).shareDealer(dealer);
    }

    /** The expected value of the split, per unit of the initial bet (all hands together). */
    double value() {
        return deal(shoe.clone(), Arrays.stream(shoe).sum(), 2, 0, new int[rules.maxHands()]);
    }

    /**
     * The value of giving hand {@code hand} (of {@code hands}) its second card from {@code rest}, then the
     * following hands theirs, then valuing every hand.
     */
    private double deal(int[] rest, int remaining, int hands, int hand, int[] seconds) {
        if (hand == hands) {
            double value = 0;
            for (int h = 0; h < hands; h++) {
                value += handValue(rest, seconds[h]);
            }
            return value;
        }
        boolean resplit = hands < rules.maxHands() && (pair != 1 || rules.resplitAces());
        double ev = 0;
        for (int v = 1; v <= 10; v++) {
            if (rest[v] == 0) {
                continue;
            }
            double p = BlackjackOdds.drawProbability(rest, remaining, notInHole, v);
            rest[v]--;
            if (v == pair && resplit) {
                ev += p * deal(rest, remaining - 1, hands + 1, hand, seconds);
            } else {
                seconds[hand] = v;
                ev += p * deal(rest, remaining - 1, hands, hand + 1, seconds);
            }
            rest[v]++;
        }
        return ev;
    }

    /** A hand from the pair card and {@code second}, drawing from {@code rest} plus its own second card. */
    private double handValue(int[] rest, int second) {
        int[] start = rest.clone();
        start[second]++;
        BlackjackOdds odds = handValues.computeIfAbsent(Arrays.stream(start).boxed().toList(),
                k -> new BlackjackOdds(rules, up, start).shareDealer(dealer));
        return odds.playSplitHand(pair, second, policy);
    }

    /** The best action on a split hand's own cards, judged from the shoe less both pair cards. */
    private int decide(int[] cards, int count) {
        if (pair == 1 && !rules.hitSplitAces()) {
            return BlackjackOdds.STAND;
        }
        int[] own = Arrays.copyOf(cards, count);
        Arrays.sort(own);
        return decisions.computeIfAbsent(Arrays.stream(own).boxed().toList(), k -> {
            double[] ev = policyValues.splitHandValues(pair, own, count);
            int best = ev[BlackjackOdds.HIT] > ev[BlackjackOdds.STAND] ? BlackjackOdds.HIT : BlackjackOdds.STAND;
            boolean canDouble = count == 1 && rules.doubleAfterSplit();
            return canDouble && ev[BlackjackOdds.DOUBLE] > ev[best] ? BlackjackOdds.DOUBLE : best;
        });
    }
}

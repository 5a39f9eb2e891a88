package io.fairspin.math.table.blackjack;

import io.fairspin.math.table.Cards;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A blackjack basic strategy derived from exact expected values rather than typed in: for each dealer
 * upcard and each hard total, soft total and pair, the EV of every action averaged over the two-card
 * hands of that kind (weighted by their probability from the full shoe, the upcard removed), computed
 * by {@link BlackjackOdds}. Play takes the allowed action of highest EV, so the fallbacks (double else
 * hit, surrender else stand, ...) follow from the same numbers. Totals no two-card hand makes (hard 21,
 * soft 21 after a draw) are decided from the three-card hands that make them.
 *
 * <p>Also computes the expected value of a round with the best first decision on each starting hand.
 */
final class BasicStrategy {
    /** EVs by upcard (1..10) and total (0..21), indexed as {@link BlackjackOdds#ACTIONS}. */
    private final double[][][] hard = new double[11][22][];
    private final double[][][] soft = new double[11][22][];
    private final double[][][] pairs = new double[11][11][];
    private final double roundValue;

    private final boolean exactResplits;

    private BasicStrategy(BlackjackRules rules, boolean exactResplits) {
        this.exactResplits = exactResplits;
        int[] full = BlackjackOdds.fullShoe(rules.decks());
        int cards = Cards.DECK * rules.decks();
        // The upcards are independent: each fills its own rows, so they run in parallel.
        this.roundValue = IntStream.rangeClosed(1, 10).parallel()
                .mapToDouble(up -> (double) full[up] / cards * deriveFor(rules, full, up)).sum();
    }

    /** Fills the rows of upcard {@code up} and returns the expected value of a round against it. */
    private double deriveFor(BlackjackRules rules, int[] full, int up) {
        int[] shoe = full.clone();
        shoe[up]--;
        BlackjackOdds odds = new BlackjackOdds(rules, up, shoe);
        double[][][] hardSum = new double[22][][];
        double[][][] softSum = new double[22][][];
        double upValue = 0;
        double upWeight = 0;
        for (int a = 1; a <= 10; a++) {
            for (int b = a; b <= 10; b++) {
                double weight = a == b ? (double) shoe[a] * (shoe[a] - 1) : 2.0 * shoe[a] * shoe[b];
                upWeight += weight;
                double natural = odds.dealerNatural(a, b);
                if (a == 1 && b == 10) {
                    upValue += weight * (1 - natural) * rules.blackjackPays().doubleValue();
                    continue;
                }
                double[] ev = odds.firstDecision(a, b);
                if (exactResplits && a == b && rules.maxHands() > 2) {
                    int[] rest = shoe.clone();
                    rest[a] -= 2;
                    ev[BlackjackOdds.SPLIT] = new Resplits(rules, up, a, rest).value();
                }
                upValue += weight * (rules.peek() ? -natural + (1 - natural) * max(ev) : max(ev));
                if (a == b) {
                    pairs[up][a] = ev;
                }
                boolean isSoft = a == 1 && a + b + 10 <= 21;
                add(isSoft ? softSum : hardSum, BlackjackOdds.best(a + b, a == 1), ev, weight);
            }
        }
        finish(hardSum, hard[up]);
        finish(softSum, soft[up]);
        fillFromThreeCards(odds, shoe, up);
        return upValue / upWeight;
    }

    /**
     * Derives the strategy for {@code rules} (a few seconds for a six-deck shoe), valuing splits without
     * resplits: a lower bound when the rules allow them.
     */
    static BasicStrategy derive(BlackjackRules rules) {
        return new BasicStrategy(rules, false);
    }

    /**
     * Derives the strategy for {@code rules} valuing splits with exact resplits ({@link Resplits}: always
     * resplitting when allowed); about a minute for a six-deck shoe.
     */
    static BasicStrategy deriveWithResplits(BlackjackRules rules) {
        return new BasicStrategy(rules, true);
    }

    private static double max(double[] ev) {
        double best = Double.NEGATIVE_INFINITY;
        for (double v : ev) {
            if (!Double.isNaN(v)) {
                best = Math.max(best, v);
            }
        }
        return best;
    }

    private static void add(double[][][] sums, int total, double[] ev, double weight) {
        if (sums[total] == null) {
            sums[total] = new double[][] {new double[5], {0}};
        }
        for (int action = 0; action < 5; action++) {
            sums[total][0][action] += action == BlackjackOdds.SPLIT ? 0 : weight * ev[action];
        }
        sums[total][1][0] += weight;
    }

    private static void finish(double[][][] sums, double[][] into) {
        for (int total = 0; total < sums.length; total++) {
            if (sums[total] != null) {
                double[] ev = sums[total][0].clone();
                for (int action = 0; action < 5; action++) {
                    ev[action] /= sums[total][1][0];
                }
                ev[BlackjackOdds.SPLIT] = Double.NaN;
                into[total] = ev;
            }
        }
    }

    /** Stand or hit for the totals only three or more cards make, from the three-card hands making them. */
    private void fillFromThreeCards(BlackjackOdds odds, int[] shoe, int up) {
        double[][][] hardSum = new double[22][][];
        double[][][] softSum = new double[22][][];
        for (int a = 1; a <= 10; a++) {
            for (int b = a; b <= 10; b++) {
                for (int c = b; c <= 10; c++) {
                    int hardTotal = a + b + c;
                    boolean ace = a == 1;
                    int total = BlackjackOdds.best(hardTotal, ace);
                    boolean isSoft = ace && hardTotal + 10 <= 21;
                    double[][] table = isSoft ? soft[up] : hard[up];
                    if (total > 21 || table[total] != null) {
                        continue;
                    }
                    double weight = ways(shoe, a, b, c);
                    double[] ev = new double[5];
                    Arrays.fill(ev, Double.NaN);
                    double[] standHit = odds.standAndHit(a, b, c);
                    ev[BlackjackOdds.STAND] = standHit[0];
                    ev[BlackjackOdds.HIT] = standHit[1];
                    add(isSoft ? softSum : hardSum, total, ev, weight);
                }
            }
        }
        finishThree(hardSum, hard[up]);
        finishThree(softSum, soft[up]);
    }

    private static void finishThree(double[][][] sums, double[][] into) {
        for (int total = 0; total < sums.length; total++) {
            if (sums[total] != null && into[total] == null) {
                double[] ev = new double[5];
                Arrays.fill(ev, Double.NaN);
                ev[BlackjackOdds.STAND] = sums[total][0][BlackjackOdds.STAND] / sums[total][1][0];
                ev[BlackjackOdds.HIT] = sums[total][0][BlackjackOdds.HIT] / sums[total][1][0];
                into[total] = ev;
            }
        }
    }

    private static double ways(int[] shoe, int a, int b, int c) {
        int[] left = shoe.clone();
        double ways = 1;
        for (int v : new int[] {a, b, c}) {
            ways *= left[v]--;
        }
        return ways;
    }

    /**
     * The action for a hand: {@code total} and {@code isSoft} describe it, {@code pair} is the pair card
     * value when it may be split (else 0), and {@code canDouble} and {@code canSurrender} say what else the
     * rules allow now. Returns an index of {@link BlackjackOdds#ACTIONS}.
     */
    int action(int up, int total, boolean isSoft, int pair, boolean canDouble, boolean canSurrender) {
        double[] ev = pair > 0 ? pairs[up][pair] : (isSoft ? soft : hard)[up][total];
        if (ev == null) {
            return total >= 17 ? BlackjackOdds.STAND : BlackjackOdds.HIT;
        }
        int best = BlackjackOdds.STAND;
        for (int action = 0; action < 5; action++) {
            boolean allowed = action <= BlackjackOdds.HIT || action == BlackjackOdds.DOUBLE && canDouble
                    || action == BlackjackOdds.SPLIT && pair > 0 || action == BlackjackOdds.SURRENDER && canSurrender;
            if (allowed && !Double.isNaN(ev[action]) && ev[action] > ev[best]) {
                best = action;
            }
        }
        return best;
    }

    /** The EVs of a cell, indexed as {@link BlackjackOdds#ACTIONS}, or null when no hand makes it. */
    double[] hardCell(int up, int total) {
        return hard[up][total];
    }

    double[] softCell(int up, int total) {
        return soft[up][total];
    }

    double[] pairCell(int up, int card) {
        return pairs[up][card];
    }

    /**
     * The expected value of a round per unit bet, with the best first decision on each starting hand
     * (composition-dependent) and optimal play after it, exact for the full shoe; splits valued without
     * resplit unless derived {@link #deriveWithResplits with resplits}.
     */
    double roundValue() {
        return roundValue;
    }
}

package io.fairspin.math.table.blackjack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A deliberately plain evaluator of one blackjack hand on a small shoe, written independently of
 * {@link BlackjackOdds} to check it: against a ten or an ace after a peek, the hole card is enumerated
 * explicitly and weighed by Bayes' rule from the cards the player has seen (each hole card h other than
 * the blackjack-making one, times the chance of the player's draws with h out of the shoe). The dealer
 * stands on all 17s. Cards are values 1 (ace) to 10.
 */
final class NaiveBlackjack {
    private final int up;
    private final int natural;
    private final int[] base;
    private final int[] initial;
    private final boolean conditionDraws;
    private final Map<List<Integer>, Double> values = new HashMap<>();
    private final Map<List<Integer>, Double> stands = new HashMap<>();

    /**
     * @param base           the shoe after the upcard and the player's {@code initial} cards, hole card in it
     * @param conditionDraws false for a negative control that draws the player's cards as if the peek said nothing
     */
    NaiveBlackjack(int up, int[] base, int[] initial, boolean conditionDraws) {
        this.up = up;
        this.natural = up == 1 ? 10 : up == 10 ? 1 : 0;
        this.base = base.clone();
        this.initial = initial.clone();
        this.conditionDraws = conditionDraws;
    }

    /** P(hole = h | the player drew {@code drawn}), h excluding the blackjack-making card. */
    double[] holePosterior(List<Integer> drawn) {
        double[] weight = new double[11];
        double sum = 0;
        for (int h = 1; h <= 10; h++) {
            if (h == natural || base[h] == 0) {
                continue;
            }
            int[] shoe = base.clone();
            double w = shoe[h]--;
            for (int card : drawn) {
                w *= Math.max(0, shoe[card]--);
            }
            weight[h] = w;
            sum += w;
        }
        for (int h = 1; h <= 10; h++) {
            weight[h] /= sum;
        }
        return weight;
    }

    /** P(the next card is {@code v} | the player drew {@code drawn}). */
    double next(List<Integer> drawn, int v) {
        int size = 0;
        for (int c : base) {
            size += c;
        }
        int[] shoe = minus(base, drawn);
        if (!conditionDraws) {
            return (double) Math.max(0, shoe[v]) / (size - drawn.size());
        }
        double[] posterior = holePosterior(drawn);
        double p = 0;
        for (int h = 1; h <= 10; h++) {
            p += posterior[h] * (shoe[v] - (v == h ? 1 : 0)) / (size - 1 - drawn.size());
        }
        return p;
    }

    static int[] minus(int[] shoe, List<Integer> cards) {
        int[] rest = shoe.clone();
        for (int card : cards) {
            rest[card]--;
        }
        return rest;
    }

    int total(List<Integer> drawn) {
        List<Integer> all = new ArrayList<>(drawn);
        for (int c : initial) {
            all.add(c);
        }
        return total(all.stream().mapToInt(Integer::intValue).toArray());
    }

    static int total(int... cards) {
        int hard = 0;
        boolean ace = false;
        for (int c : cards) {
            hard += c;
            ace |= c == 1;
        }
        return ace && hard + 10 <= 21 ? hard + 10 : hard;
    }

    double stand(List<Integer> drawn) {
        int player = total(drawn);
        if (player > 21) {
            return -1;
        }
        Double known = stands.get(drawn);
        if (known != null) {
            return known;
        }
        double[] posterior = holePosterior(drawn);
        double ev = 0;
        for (int h = 1; h <= 10; h++) {
            if (posterior[h] > 0) {
                int[] rest = minus(base, drawn);
                rest[h]--;
                ev += posterior[h] * dealer(new ArrayList<>(List.of(up, h)), rest, new int[] {player}, new int[] {1});
            }
        }
        stands.put(List.copyOf(drawn), ev);
        return ev;
    }

    /** The dealer's draws from {@code rest} (S17), settling hands of {@code totals} staked {@code stakes}. */
    static double dealer(List<Integer> cards, int[] rest, int[] totals, int[] stakes) {
        int dealer = total(cards.stream().mapToInt(Integer::intValue).toArray());
        if (dealer >= 17) {
            double result = 0;
            for (int i = 0; i < totals.length; i++) {
                int t = totals[i];
                result += stakes[i] * (t > 21 ? -1 : dealer > 21 || t > dealer ? 1 : t == dealer ? 0 : -1);
            }
            return result;
        }
        int size = 0;
        for (int v = 1; v <= 10; v++) {
            size += rest[v];
        }
        double ev = 0;
        for (int v = 1; v <= 10; v++) {
            if (rest[v] > 0) {
                double p = (double) rest[v] / size;
                rest[v]--;
                cards.add(v);
                ev += p * dealer(cards, rest, totals, stakes);
                cards.remove(cards.size() - 1);
                rest[v]++;
            }
        }
        return ev;
    }

    double hit(List<Integer> drawn) {
        return afterOneCard(drawn, more -> total(more) > 21 ? -1 : value(more));
    }

    double doubleDown(List<Integer> drawn) {
        return afterOneCard(drawn, more -> 2 * stand(more));
    }

    /** The expectation of {@code then} over the next card drawn after {@code drawn}. */
    private double afterOneCard(List<Integer> drawn, ToDoubleFunction<List<Integer>> then) {
        double ev = 0;
        for (int v = 1; v <= 10; v++) {
            double p = next(drawn, v);
            if (p > 0) {
                List<Integer> more = new ArrayList<>(drawn);
                more.add(v);
                ev += p * then.applyAsDouble(more);
            }
        }
        return ev;
    }

    /** The value of playing on optimally (stand or hit) after {@code drawn}. */
    double value(List<Integer> drawn) {
        Double known = values.get(drawn);
        if (known == null) {
            known = Math.max(stand(drawn), hit(drawn));
            values.put(List.copyOf(drawn), known);
        }
        return known;
    }
}

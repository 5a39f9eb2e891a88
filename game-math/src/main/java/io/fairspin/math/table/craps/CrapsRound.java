package io.fairspin.math.table.craps;

import io.fairspin.math.table.Payout;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fairspin.math.Fraction;
import io.fairspin.rng.RandomStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A craps round at a standard wager of several bets: dice are rolled until every bet has settled. The
 * round's outcome key combines the bets' settlements (mixed radix, the first bet the lowest digit), and
 * its exact distribution follows from the bets' state machines: from each joint state, the rolls that
 * move no bet are skipped (a geometric series) and the others lead to the next joint state.
 */
final class CrapsRound {
    /** The most outcome keys a standard wager may combine. */
    static final int MAX_KEYS = 1 << 17;
    private final List<CrapsBet> bets;
    private final int[] radix;
    private final int keys;

    CrapsRound(List<CrapsBet> bets) {
        this.bets = List.copyOf(bets);
        this.radix = new int[bets.size()];
        long product = 1;
        for (int b = 0; b < bets.size(); b++) {
            radix[b] = (int) product;
            product *= bets.get(b).payouts().length;
            if (product > MAX_KEYS) {
                throw new IllegalArgumentException("more than " + MAX_KEYS + " combined outcomes");
            }
        }
        this.keys = (int) product;
    }

    int keys() {
        return keys;
    }

    /** The payouts of bet {@code b} by outcome key. */
    Payout[] payouts(int b) {
        Payout[] out = new Payout[keys];
        for (int key = 0; key < keys; key++) {
            out[key] = bets.get(b).payouts()[key / radix[b] % bets.get(b).payouts().length];
        }
        return out;
    }

    /** Rolls until every bet has settled (die 1 = 1 + uniform(6), then die 2), returning the outcome key. */
    int play(RandomStream stream, ArrayNode rolls) {
        int[] state = new int[bets.size()];
        while (!allSettled(state)) {
            int die1 = 1 + stream.nextInt(6);
            int die2 = 1 + stream.nextInt(6);
            if (rolls != null) {
                rolls.addArray().add(die1).add(die2);
            }
            advance(state, die1, die2);
        }
        return key(state);
    }

    /** The exact probability of each outcome key. */
    Fraction[] probabilities() {
        Map<Integer, Fraction> distribution = distribution(new int[bets.size()], new HashMap<>());
        Fraction[] p = new Fraction[keys];
        Arrays.fill(p, Fraction.ZERO);
        distribution.forEach((key, probability) -> p[key] = probability);
        return p;
    }

    private Map<Integer, Fraction> distribution(int[] state, Map<List<Integer>, Map<Integer, Fraction>> memo) {
        if (allSettled(state)) {
            return Map.of(key(state), Fraction.ONE);
        }
        List<Integer> id = Arrays.stream(state).boxed().toList();
        Map<Integer, Fraction> known = memo.get(id);
        if (known != null) {
            return known;
        }
        Map<List<Integer>, Integer> ways = new LinkedHashMap<>();
        int moving = 0;
        for (int die1 = 1; die1 <= 6; die1++) {
            for (int die2 = 1; die2 <= 6; die2++) {
                int[] next = next(state, die1, die2);
                if (!Arrays.equals(next, state)) {
                    ways.merge(Arrays.stream(next).boxed().toList(), 1, Integer::sum);
                    moving++;
                }
            }
        }
        Map<Integer, Fraction> out = new HashMap<>();
        for (Map.Entry<List<Integer>, Integer> e : ways.entrySet()) {
            Fraction step = Fraction.of(e.getValue(), moving);
            int[] next = e.getKey().stream().mapToInt(Integer::intValue).toArray();
            distribution(next, memo).forEach((key, p) -> out.merge(key, step.multiply(p), Fraction::add));
        }
        memo.put(id, out);
        return out;
    }

    private int[] next(int[] state, int die1, int die2) {
        int[] next = state.clone();
        advance(next, die1, die2);
        return next;
    }

    /** Moves every unsettled bet of {@code state} on by one roll, in place (play allocates one state per round). */
    private void advance(int[] state, int die1, int die2) {
        for (int b = 0; b < state.length; b++) {
            if (!CrapsBet.isSettled(state[b])) {
                state[b] = bets.get(b).rule().next(state[b], die1, die2);
            }
        }
    }

    private static boolean allSettled(int[] state) {
        for (int bet : state) {
            if (!CrapsBet.isSettled(bet)) {
                return false;
            }
        }
        return true;
    }

    private int key(int[] state) {
        int key = 0;
        for (int b = 0; b < state.length; b++) {
            key += CrapsBet.payoutIndex(state[b]) * radix[b];
        }
        return key;
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        bets.forEach(b -> names.add(b.name()));
        return names;
    }
}

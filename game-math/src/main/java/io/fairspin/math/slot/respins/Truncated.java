package io.fairspin.math.slot.respins;

import io.fairspin.math.Fraction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part below a cap of a distribution of wins (credits): each win under the cap with its chance, exact; what
 * reaches the cap is left out (its chance is what the listed ones leave). Sums of independent wins are convolved and
 * cut at the cap again, so no list grows past the cap. Each product of two chances is counted against a
 * {@link Budget}. Immutable.
 */
final class Truncated {
    /** The distribution of a win of 0 for sure. */
    static final Truncated ZERO = new Truncated(new long[] {0}, new Fraction[] {Fraction.ONE});
    /** No win at all: the measure of mass 0. */
    static final Truncated NONE = new Truncated(new long[0], new Fraction[0]);

    /** The wins in ascending order, all under the cap, and their chances. */
    final long[] wins;
    final Fraction[] chances;
    /** moments[j][i] = the sum over the first i wins of chance x win^j (j = 0, 1, 2), built on first use. */
    private volatile Fraction[][] moments;

    private Truncated(long[] wins, Fraction[] chances) {
        this.wins = wins;
        this.chances = chances;
    }

    private Truncated(long[] wins, Fraction[] chances, Fraction[][] moments) {
        this(wins, chances);
        this.moments = moments;
    }

    /** The wins of {@code byWin} under {@code cap}, with their chances (zero chances dropped). */
    static Truncated of(Map<Long, Fraction> byWin, long cap) {
        TreeMap<Long, Fraction> sorted = new TreeMap<>(byWin);
        Map<Long, Fraction> below = sorted.headMap(cap);
        long[] wins = new long[below.size()];
        Fraction[] chances = new Fraction[below.size()];
        int i = 0;
        for (Map.Entry<Long, Fraction> e : below.entrySet()) {
            if (e.getValue().signum() != 0) {
                wins[i] = e.getKey();
                chances[i++] = e.getValue();
            }
        }
        return new Truncated(Arrays.copyOf(wins, i), Arrays.copyOf(chances, i));
    }

    /** The sum of this win and an independent {@code other}, under {@code cap}. */
    Truncated plus(Truncated other, long cap, Budget budget) {
        budget.spend((long) wins.length * other.wins.length);
        Map<Long, Fraction> sum = new TreeMap<>();
        for (int i = 0; i < wins.length; i++) {
            for (int j = 0; j < other.wins.length && wins[i] + other.wins[j] < cap; j++) {
                sum.merge(wins[i] + other.wins[j], chances[i].multiply(other.chances[j]), Fraction::add);
            }
        }
        return of(sum, cap);
    }

    /**
     * This win times {@code factor} (at least 1), with no cap: a distribution counted in total bets, in line bets
     * ({@code factor} line bets a total bet), the same as if it had been counted in line bets with the cap scaled alike.
     * Its partial sums are this one's, scaled (x factor, x factor^2), so a distribution scaled to several bets sums its
     * wins once.
     */
    Truncated times(long factor) {
        if (factor == 1) {
            return this;
        }
        long[] scaled = new long[wins.length];
        for (int i = 0; i < wins.length; i++) {
            scaled[i] = Math.multiplyExact(wins[i], factor);
        }
        Fraction[][] q = moments();
        Fraction[][] p = {q[0], new Fraction[q[1].length], new Fraction[q[2].length]};
        long square = Math.multiplyExact(factor, factor);
        for (int i = 0; i < q[1].length; i++) {
            p[1][i] = q[1][i].multiply(factor);
            p[2][i] = q[2][i].multiply(square);
        }
        return new Truncated(scaled, chances, p);
    }

    /** This win times {@code factor} (at least 1), under {@code cap}. */
    Truncated times(long factor, long cap) {
        Map<Long, Fraction> scaled = new TreeMap<>();
        for (int i = 0; i < wins.length && wins[i] < (cap + factor - 1) / factor; i++) {
            scaled.put(wins[i] * factor, chances[i]);
        }
        return of(scaled, cap);
    }

    /** This win plus {@code amount}, under {@code cap}. */
    Truncated shift(long amount, long cap) {
        Map<Long, Fraction> shifted = new TreeMap<>();
        for (int i = 0; i < wins.length && wins[i] < cap - amount; i++) {
            shifted.put(wins[i] + amount, chances[i]);
        }
        return of(shifted, cap);
    }

    /**
     * The mixture: {@code parts.get(i)} with chance {@code weights.get(i)}, under {@code cap}; weights that do not sum to
     * 1 make a measure (for example, each coin's win before it, weighted by the chance that it is paid).
     */
    static Truncated mixture(List<Fraction> weights, List<Truncated> parts, long cap, Budget budget) {
        Map<Long, Fraction> mixed = new TreeMap<>();
        for (int p = 0; p < parts.size(); p++) {
            Truncated part = parts.get(p);
            budget.spend(part.wins.length);
            for (int i = 0; i < part.wins.length; i++) {
                mixed.merge(part.wins[i], weights.get(p).multiply(part.chances[i]), Fraction::add);
            }
        }
        return of(mixed, cap);
    }

    /**
     * Adds to {@code sums} = {m0, m1, m2} the sums over the wins s under {@code cap} of P(s), P(s) s and P(s) s^2, for
     * s = t + this win with t independent, taking win {@code base.wins[i]} with chance {@code base.chances[i]} (which
     * may sum to less than 1: a part of the rounds). By the partial sums of this distribution: for each t, the wins of
     * this one under cap - t give P = p Q0, P s = p (t Q0 + Q1), P s^2 = p (t^2 Q0 + 2 t Q1 + Q2).
     */
    void addSums(Truncated base, long cap, Fraction[] sums, Budget budget) {
        budget.spend(base.wins.length);
        Fraction[][] q = moments();
        for (int i = 0; i < base.wins.length; i++) {
            long t = base.wins[i];
            if (t >= cap) {
                continue;
            }
            int below = below(cap - t);
            if (below == 0) {
                continue;
            }
            Fraction p = base.chances[i];
            Fraction q0 = q[0][below];
            Fraction q1 = q[1][below];
            Fraction pq0 = p.multiply(q0);
            sums[0] = sums[0].add(pq0);
            sums[1] = sums[1].add(pq0.multiply(t)).add(p.multiply(q1));
            sums[2] = sums[2].add(pq0.multiply(t).multiply(t)).add(p.multiply(q1).multiply(2 * t))
                    .add(p.multiply(q[2][below]));
        }
    }

    /**
     * What a pay of {@code amount} adds to the capped win min(t + s, cap) after the win t + s it is paid on top of,
     * summed over t of {@code base} and s of this measure (both under the cap; their chances may sum to anything):
     * the sum of P(t) P(s) min(amount, cap - t - s) over t + s under the cap. For each t, with L = cap - t, by the
     * partial sums: amount Q0(s < L - amount) + L (Q0(s < L) - Q0(s < L - amount)) - (Q1(s < L) - Q1(s < L - amount)).
     */
    Fraction gain(Truncated base, long cap, long amount, Budget budget) {
        budget.spend(base.wins.length);
        Fraction[][] q = moments();
        Fraction sum = Fraction.ZERO;
        for (int i = 0; i < base.wins.length; i++) {
            long limit = cap - base.wins[i];
            int all = below(limit);
            int whole = below(limit - amount);
            Fraction part = q[0][whole].multiply(amount).add(q[0][all].subtract(q[0][whole]).multiply(limit))
                    .subtract(q[1][all].subtract(q[1][whole]));
            sum = sum.add(base.chances[i].multiply(part));
        }
        return sum;
    }

    /** How many wins are under {@code limit}. */
    private int below(long limit) {
        int index = Arrays.binarySearch(wins, limit);
        return index >= 0 ? index : -index - 1;
    }

    private Fraction[][] moments() {
        Fraction[][] q = moments;
        if (q == null) {
            q = new Fraction[3][wins.length + 1];
            for (int j = 0; j < 3; j++) {
                q[j][0] = Fraction.ZERO;
            }
            for (int i = 0; i < wins.length; i++) {
                Fraction p = chances[i];
                q[0][i + 1] = q[0][i].add(p);
                q[1][i + 1] = q[1][i].add(p.multiply(wins[i]));
                q[2][i + 1] = q[2][i].add(p.multiply(wins[i]).multiply(wins[i]));
            }
            moments = q;
        }
        return q;
    }

    /** Products of chances an exact capped analysis may compute, at most; past it the analysis stops. */
    static final class Budget {
        private final long limit;
        private long spent;

        Budget(long limit) {
            this.limit = limit;
        }

        /** The products of chances spent so far. */
        long spent() {
            return spent;
        }

        void spend(long products) {
            spent += products;
            if (spent > limit) {
                throw new NotCounted("the capped round's win distribution takes more than " + limit
                        + " products of chances to count");
            }
        }
    }

    /** Why a capped round's figures are not counted exactly: past the budget, or a distribution without an end. */
    static final class NotCounted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotCounted(String reason) {
            super(reason, null, false, false);
        }
    }
}

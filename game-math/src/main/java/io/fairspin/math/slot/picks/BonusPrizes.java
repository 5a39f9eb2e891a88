package io.fairspin.math.slot.picks;

import io.fairspin.math.Fraction;
import io.fairspin.math.slot.model.SlotModel.Bonus;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact distribution of one pick bonus's award in line bets: each picked item hides a weighted
 * number of prizes, each drawn from the weighted prize table; the award is the sum over the picked items.
 */
public final class BonusPrizes {
    /** Each award in line bets with its exact probability. */
    public final Map<Long, Fraction> distribution;
    /** The expected award in line bets. */
    public final Fraction mean;
    /** The expected squared award. */
    public final Fraction meanSquare;

    private BonusPrizes(Map<Long, Fraction> distribution) {
        this.distribution = distribution;
        Fraction m = Fraction.ZERO;
        Fraction m2 = Fraction.ZERO;
        for (Map.Entry<Long, Fraction> e : distribution.entrySet()) {
            m = m.add(e.getValue().multiply(e.getKey()));
            m2 = m2.add(e.getValue().multiply(e.getKey()).multiply(e.getKey()));
        }
        this.mean = m;
        this.meanSquare = m2;
    }

    /**
     * The award distribution of {@code bonus}.
     *
     * @param bonus the pick bonus
     * @return the distribution and its moments
     */
    public static BonusPrizes of(Bonus bonus) {
        Map<Long, Fraction> prize = table(bonus.prizeValues(), bonus.prizeWeights());
        Map<Long, Fraction> counts = table(bonus.countValues(), bonus.countWeights());
        Map<Long, Fraction> item = new TreeMap<>();
        Map<Long, Fraction> sum = Map.of(0L, Fraction.ONE);
        long maxCount = counts.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        for (long c = 1; c <= maxCount; c++) {
            sum = convolve(sum, prize);
            Fraction chance = counts.get(c);
            if (chance != null) {
                sum.forEach((value, p) -> item.merge(value, p.multiply(chance), Fraction::add));
            }
        }
        Map<Long, Fraction> picks = bonus.pickValues() == null ? Map.of((long) bonus.picks(), Fraction.ONE)
                : table(bonus.pickValues(), bonus.pickWeights());
        Map<Long, Fraction> award = new TreeMap<>();
        Map<Long, Fraction> sumOfPicks = Map.of(0L, Fraction.ONE);
        for (long pick = 1; pick <= bonus.picks(); pick++) {
            sumOfPicks = convolve(sumOfPicks, item);
            Fraction chance = picks.get(pick);
            if (chance != null) {
                sumOfPicks.forEach((value, p) -> award.merge(value, p.multiply(chance), Fraction::add));
            }
        }
        return new BonusPrizes(award);
    }

    private static Map<Long, Fraction> table(long[] values, long[] weights) {
        long total = 0;
        for (long w : weights) {
            total += w;
        }
        Map<Long, Fraction> table = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            if (weights[i] > 0) {
                table.merge(values[i], Fraction.of(weights[i], total), Fraction::add);
            }
        }
        return table;
    }

    private static Map<Long, Fraction> convolve(Map<Long, Fraction> a, Map<Long, Fraction> b) {
        Map<Long, Fraction> result = new TreeMap<>();
        a.forEach((x, p) -> b.forEach((y, q) -> result.merge(x + y, p.multiply(q), Fraction::add)));
        return result;
    }
}

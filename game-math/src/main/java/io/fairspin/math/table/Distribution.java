package io.fairspin.math.table;

import io.fairspin.math.Fraction;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact distribution of one bet's settlement: each distinct {@link Payout} with its probability,
 * and the figures an analysis prints, all per unit of the bet's initial amount.
 */
public final class Distribution {
    private final Map<Payout, Fraction> probabilities = new LinkedHashMap<>();

    /**
     * Each count divided by {@code total}: outcome probabilities from combination counts.
     *
     * @param counts the combinations of each outcome
     * @param total all combinations
     * @return the probability of each outcome
     */
    public static Fraction[] proportions(long[] counts, java.math.BigInteger total) {
        Fraction[] p = new Fraction[counts.length];
        for (int i = 0; i < counts.length; i++) {
            p[i] = Fraction.of(java.math.BigInteger.valueOf(counts[i]), total);
        }
        return p;
    }

    /**
     * The distribution of a bet settled by {@code payouts}, one per outcome key of the given probabilities.
     *
     * @param probability the probability of each outcome key
     * @param payouts how the bet settles on each outcome key
     * @return the distribution of the bet's settlements
     */
    public static Distribution over(Fraction[] probability, Payout[] payouts) {
        Distribution d = new Distribution();
        for (int key = 0; key < probability.length; key++) {
            if (probability[key].signum() != 0) {
                d.add(payouts[key], probability[key]);
            }
        }
        return d;
    }

    /**
     * Adds {@code probability} to the chance of settling with {@code payout}.
     *
     * @param payout how the bet settles
     * @param probability the probability to add
     * @return this distribution
     */
    public Distribution add(Payout payout, Fraction probability) {
        probabilities.merge(payout, probability, Fraction::add);
        return this;
    }

    /**
     * The expected loss per unit of the initial amount.
     *
     * @return the house edge, exact
     */
    public Fraction houseEdge() {
        return sum(Payout::net).negate();
    }

    /**
     * The expected amount returned per unit of the initial amount, minus any further stakes: 1 - edge.
     *
     * @return the return rate, exact
     */
    public Fraction returnRate() {
        return Fraction.ONE.subtract(houseEdge());
    }

    /**
     * The variance of the net result per unit of the initial amount.
     *
     * @return the variance, exact
     */
    public Fraction variance() {
        Fraction mean = sum(Payout::net);
        return sum(p -> p.net().multiply(p.net())).subtract(mean.multiply(mean));
    }

    /**
     * The probability that the player ends the bet ahead.
     *
     * @return the hit frequency, exact
     */
    public Fraction hitFrequency() {
        Fraction total = Fraction.ZERO;
        for (Map.Entry<Payout, Fraction> e : probabilities.entrySet()) {
            if (e.getKey().net().signum() > 0) {
                total = total.add(e.getValue());
            }
        }
        return total;
    }

    /**
     * The expected total stake per unit of the initial amount (above 1 when the bet can be raised).
     *
     * @return the average stake, at least 1
     */
    public Fraction averageStake() {
        return sum(Payout::staked);
    }

    private Fraction sum(java.util.function.Function<Payout, Fraction> value) {
        Fraction total = Fraction.ZERO;
        for (Map.Entry<Payout, Fraction> e : probabilities.entrySet()) {
            total = total.add(value.apply(e.getKey()).multiply(e.getValue()));
        }
        return total;
    }
}

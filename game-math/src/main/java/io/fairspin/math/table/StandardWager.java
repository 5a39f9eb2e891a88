package io.fairspin.math.table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.RoundOutcome;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The bets a model plays at its standard wager, settled in minor units for every outcome of a round:
 * the one table that both {@code play} pays from and the exact figures are computed from, so the two
 * cannot disagree.
 *
 * <p>A game reduces each round to an outcome key in [0, keys); each bet of the wager has a
 * {@link Payout} per key, in units of its amount, and the amount times the payout must be a whole
 * number of minor units.
 */
public final class StandardWager {
    private final List<String> names;
    private final long initialStake;
    private final long[] extraStake;
    private final long[][] returned;

    private StandardWager(List<String> names, long initialStake, long[] extraStake, long[][] returned) {
        this.names = List.copyOf(names);
        this.initialStake = initialStake;
        this.extraStake = extraStake;
        this.returned = returned;
    }

    /**
     * Collects the bets of a standard wager over outcome keys [0, keys).
     *
     * @param keys the number of outcome keys
     * @return a builder
     */
    public static Builder over(int keys) {
        return new Builder(keys);
    }

    /**
     * The names of the bets, which are the game's win types.
     *
     * @return the bets' names, in order
     */
    public List<String> names() {
        return names;
    }

    /**
     * The stake of the wager's bets before the round, in minor units.
     *
     * @return the total initial stake
     */
    public long initialStake() {
        return initialStake;
    }

    /**
     * Adds the round's further stakes and each bet's return for outcome {@code key} to {@code outcome}.
     *
     * @param key the round's outcome key
     * @param outcome receives the stakes and returns
     */
    public void settle(int key, RoundOutcome outcome) {
        if (extraStake[key] != 0) {
            outcome.addStake(extraStake[key]);
        }
        long[] byBet = returned[key];
        for (int bet = 0; bet < byBet.length; bet++) {
            if (byBet[bet] != 0) {
                outcome.addWin(bet, byBet[bet]);
            }
        }
    }

    /**
     * What bet {@code bet} returns on outcome {@code key}, in minor units.
     *
     * @param key the outcome key
     * @param bet the bet's index
     * @return the amount returned, stake included
     */
    public long returned(int key, int bet) {
        return returned[key][bet];
    }

    /**
     * Adds {@code "bets": [{"bet": name, "returned": amount}, ...]} for outcome {@code key} to a round's detail.
     *
     * @param detail the round's detail
     * @param key the outcome key
     */
    public void describe(ObjectNode detail, int key) {
        ArrayNode bets = detail.putArray("bets");
        for (int bet = 0; bet < names.size(); bet++) {
            bets.addObject().put("bet", names.get(bet)).put("returned", returned[key][bet]);
        }
    }

    /**
     * The exact figures of a round at this wager, given the probability of each outcome key.
     *
     * @param probability the probability of each outcome key
     * @return the RTP, hit frequency and variance of the wager
     */
    public ExactFigures figures(Fraction[] probability) {
        Fraction expectedStake = Fraction.ZERO;
        Fraction[] expectedWin = new Fraction[names.size()];
        java.util.Arrays.fill(expectedWin, Fraction.ZERO);
        Fraction hit = Fraction.ZERO;
        Fraction meanNet = Fraction.ZERO;
        Fraction meanNetSquared = Fraction.ZERO;
        for (int key = 0; key < probability.length; key++) {
            Fraction p = probability[key];
            if (p.signum() == 0) {
                continue;
            }
            long stake = initialStake + extraStake[key];
            long win = 0;
            for (int bet = 0; bet < names.size(); bet++) {
                win += returned[key][bet];
                expectedWin[bet] = expectedWin[bet].add(p.multiply(returned[key][bet]));
            }
            expectedStake = expectedStake.add(p.multiply(stake));
            if (win > 0) {
                hit = hit.add(p);
            }
            Fraction net = Fraction.of(win - stake, initialStake);
            meanNet = meanNet.add(p.multiply(net));
            meanNetSquared = meanNetSquared.add(p.multiply(net.multiply(net)));
        }
        List<Fraction> byType = new ArrayList<>();
        Fraction rtp = Fraction.ZERO;
        for (Fraction win : expectedWin) {
            byType.add(win.divide(expectedStake));
            rtp = rtp.add(win.divide(expectedStake));
        }
        return new ExactFigures(rtp, byType, hit, meanNetSquared.subtract(meanNet.multiply(meanNet)), List.of());
    }

    /** Collects the bets of a standard wager. */
    public static final class Builder {
        private final int keys;
        private final List<String> names = new ArrayList<>();
        private final List<long[]> stakes = new ArrayList<>();
        private final List<long[]> returns = new ArrayList<>();
        private long initialStake;

        private Builder(int keys) {
            this.keys = keys;
        }

        /**
         * Adds a bet of {@code amount} minor units named {@code name}, settled by {@code payouts} (one per
         * outcome key); {@code field} is the model field of the amount, named when it does not settle in
         * whole minor units.
         *
         * @param name the bet's name, a win type of the game
         * @param amount the amount in minor units
         * @param payouts how the bet settles, one per outcome key
         * @param field the model field of the amount
         * @return this builder
         */
        public Builder bet(String name, long amount, Payout[] payouts, Field field) {
            if (payouts.length != keys) {
                throw new IllegalArgumentException("payouts: need one per outcome key");
            }
            long[] stake = new long[payouts.length];
            long[] back = new long[payouts.length];
            for (int key = 0; key < payouts.length; key++) {
                stake[key] = whole(payouts[key].staked().multiply(amount), field, name);
                back[key] = whole(payouts[key].returned().multiply(amount), field, name);
            }
            names.add(name);
            stakes.add(stake);
            returns.add(back);
            initialStake = Math.addExact(initialStake, amount);
            return this;
        }

        private static long whole(Fraction value, Field field, String name) {
            if (!value.denominator().equals(BigInteger.ONE)) {
                throw field.fail("the amount of \"" + name + "\" must settle in whole minor units, but one "
                        + "outcome would pay " + value + ": expected an amount that makes every payout whole");
            }
            return value.numerator().longValueExact();
        }

        /**
         * The wager.
         *
         * @return the wager with its bets
         */
        public StandardWager build() {
            long[] extra = new long[keys];
            long[][] back = new long[keys][names.size()];
            for (int key = 0; key < keys; key++) {
                long total = 0;
                for (int bet = 0; bet < names.size(); bet++) {
                    total += stakes.get(bet)[key];
                    back[key][bet] = returns.get(bet)[key];
                }
                extra[key] = total - initialStake;
            }
            return new StandardWager(names, initialStake, extra, back);
        }
    }
}

package io.fairspin.math.table;

import io.fairspin.math.Fraction;

/**
 * How one bet settles on one outcome, in units of the bet's initial amount: what was staked in all
 * (more than 1 after a raise, a double or odds) and what was returned to the player (stake included).
 */
public record Payout(Fraction staked, Fraction returned) {
    /** A lost one-unit bet: staked 1, returned 0. */
    public static final Payout LOSS = new Payout(Fraction.ONE, Fraction.ZERO);
    /** A push: the one-unit stake returned. */
    public static final Payout PUSH = new Payout(Fraction.ONE, Fraction.ONE);

    /**
     * A one-unit bet that wins {@code odds} to 1 (returns odds + 1).
     *
     * @param odds the odds paid, to 1
     * @return the payout
     */
    public static Payout win(Fraction odds) {
        return new Payout(Fraction.ONE, odds.add(Fraction.ONE));
    }

    /**
     * A one-unit bet that wins {@code odds} to 1.
     *
     * @param odds the odds paid, to 1
     * @return the payout
     */
    public static Payout win(long odds) {
        return win(Fraction.of(odds));
    }

    /**
     * The player's net result: returned minus staked.
     *
     * @return the net result, in units of the initial amount
     */
    public Fraction net() {
        return returned.subtract(staked);
    }
}

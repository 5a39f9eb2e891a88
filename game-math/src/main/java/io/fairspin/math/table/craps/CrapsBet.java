package io.fairspin.math.table.craps;

import io.fairspin.math.table.Payout;
/**
 * One bet of a craps standard wager as a state machine over rolls: from state 0 (just placed), each roll
 * of two dice either leaves the bet in a state (the same one when the roll does not concern it) or
 * settles it with one of its {@link #payouts}.
 *
 * @param name    the bet as the model names it, with " with odds" for a line bet taking odds
 * @param payouts the bet's possible settlements, in units of its amount
 * @param rule    how a roll moves the bet
 */
record CrapsBet(String name, Payout[] payouts, Rule rule) {
    /** How a roll moves a bet. */
    interface Rule {
        /**
         * The bet's state after rolling {@code die1} and {@code die2} in {@code state}: a state (0 or more)
         * while it stays up, or {@code settled(i)} when it settles with payout i.
         */
        int next(int state, int die1, int die2);
    }

    /** The code of a settlement with payout {@code index}. */
    static int settled(int index) {
        return -1 - index;
    }

    static boolean isSettled(int state) {
        return state < 0;
    }

    static int payoutIndex(int settledState) {
        return -1 - settledState;
    }

    /** A bet decided by one roll, settled by payout {@code total} (indices 2 to 12 used). */
    static CrapsBet oneRoll(String name, Payout[] byTotal) {
        return new CrapsBet(name, byTotal, (state, die1, die2) -> settled(die1 + die2));
    }

    /** A bet that stays up until {@code win} or {@code lose} says a roll decides it: payout 0 wins, 1 loses. */
    static CrapsBet resolving(String name, Payout win, Decides winning, Decides losing) {
        return new CrapsBet(name, new Payout[] {win, Payout.LOSS}, (state, die1, die2) ->
                winning.test(die1, die2) ? settled(0) : losing.test(die1, die2) ? settled(1) : state);
    }

    /** Whether a roll decides a bet one way. */
    interface Decides {
        boolean test(int die1, int die2);
    }
}

package io.fairspin.math.table;

import io.fairspin.math.Fraction;
import io.fairspin.math.OutcomeCheck;
import java.util.List;

/**
 * An {@link OutcomeCheck} of a table or card game, which counts no awards: every check takes the logged player
 * choices (none for the standard wager with the built-in player).
 */
public abstract class AwardlessCheck implements OutcomeCheck {
    /** For the checks of this package and its game families. */
    protected AwardlessCheck() {
    }

    @Override
    public final List<String> awards() {
        return List.of();
    }

    @Override
    public final List<Fraction> awardsPerRound() {
        return List.of();
    }

    @Override
    public final String check(byte[] outcome, long bet, long win, long[] awardCounts) {
        return check(outcome, null, bet, win, awardCounts);
    }

    @Override
    public abstract String check(byte[] outcome, byte[] playerChoices, long bet, long win, long[] awardCounts);
}

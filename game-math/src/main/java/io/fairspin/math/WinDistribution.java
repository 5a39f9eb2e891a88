package io.fairspin.math;

import java.util.Optional;
import java.util.SortedMap;

/**
 * A capability a {@link Game} may have besides its exact figures: the exact distribution of a round's
 * total win at the standard wager, each award the pay table can produce with its probability. The
 * simulation's verdict tests the simulated frequency of every award against it (a chi-square test, as
 * labs test outcome distributions).
 */
public interface WinDistribution {
    /**
     * Each total win one round can pay (minor units, 0 for no win) with its exact probability; the
     * probabilities sum to 1 − {@link #featureRounds()}. Empty when the game cannot state it.
     *
     * @return the probability of each total win, by win in minor units; or empty
     */
    Optional<SortedMap<Long, Fraction>> winDistribution();

    /**
     * The probability of the rounds {@link #winDistribution()} does not list: rounds that trigger a
     * feature (free games, a bonus round; {@link RoundOutcome#triggered}), whose wins the game does not
     * enumerate. They are counted and tested as one category of their own. Zero by default: the
     * distribution lists every round.
     *
     * @return the probability of a round the distribution does not list, from 0 to 1
     */
    default Fraction featureRounds() {
        return Fraction.ZERO;
    }
}

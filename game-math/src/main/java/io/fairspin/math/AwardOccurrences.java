package io.fairspin.math;

import java.util.List;
import java.util.Optional;

/**
 * A capability a {@link Game} may have besides its exact figures: it counts the pay-table awards of each
 * round's base game (for a slot, the base spin's line or ways wins, "dragon x5") into a {@link RoundOutcome}
 * that asks for them ({@link RoundOutcome#countAwards}), and states each award's exact expected occurrences
 * per round. The simulation's verdict tests the simulated occurrences against them when the game cannot state
 * its exact win distribution ({@link WinDistribution}), as the monitor tests a live game's awards.
 */
public interface AwardOccurrences {
    /**
     * The awards counted, in counting order (the order of {@link io.fairspin.math.OutcomeCheck#awards()}).
     *
     * @return the awards' names
     */
    List<String> awards();

    /**
     * The exact expected occurrences of each award per round at the standard wager, in the order of
     * {@link #awards()}; empty when the game cannot state them.
     *
     * @return the expected occurrences per round, or empty
     */
    Optional<List<Fraction>> occurrencesPerRound();
}

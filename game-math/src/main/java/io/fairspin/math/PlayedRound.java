package io.fairspin.math;

import java.util.List;
import java.util.Objects;

/**
 * One round described completely, for an audit record and a dispute: its money figures, the bet it was
 * played at, the player's decisions, and a JSON description of what happened (the window and reel stops
 * or the cards, every win with its positions, feature events) whose field order is fixed by the game, so
 * the same round always gives the same JSON.
 *
 * @param outcome the money figures
 * @param detail  the description as JSON text; its shape is documented per game type in
 *                {@code docs/model-format.md}
 * @param bet     the bet the round was played at, in explicit form ({@link Bet#standard()} when the game
 *                does not know bets)
 * @param choices the decisions taken in the round, in order; empty for a round without decisions or one
 *                played by the built-in strategy through {@link Game#playRecorded(io.fairspin.rng.RandomStream)}
 */
public record PlayedRound(RoundOutcome outcome, String detail, Bet bet, List<Decision> choices) {
    /**
     * Checks the round and copies its choices.
     *
     * @param outcome the money figures
     * @param detail the description as JSON text; its shape is documented per game type in {@code docs/model-format.md}
     * @param bet the bet the round was played at, in explicit form ({@link Bet#standard()} when the game does not know
     *     bets)
     * @param choices the decisions taken in the round, in order; empty for a round without decisions or one played by
     *     the built-in strategy through {@link Game#playRecorded(io.fairspin.rng.RandomStream)}
     */
    public PlayedRound {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(bet, "bet");
        choices = List.copyOf(choices);
    }

    /**
     * A round at the standard wager without decisions.
     *
     * @param outcome the round's figures
     * @param detail the round's description as canonical JSON text
     */
    public PlayedRound(RoundOutcome outcome, String detail) {
        this(outcome, detail, Bet.standard(), List.of());
    }

    /**
     * The round's player choices as an audit record holds them: {@link RoundChoices#toJson()} of its bet and
     * decisions.
     *
     * @return the bet and decisions, ready for an audit record
     */
    public RoundChoices roundChoices() {
        return new RoundChoices(bet, choices);
    }
}

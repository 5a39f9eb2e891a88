package io.fairspin.math;

import java.util.List;
import java.util.Optional;

/**
 * One round in play, from {@link Game#open(Bet, io.fairspin.rng.RandomStream)} to its settlement: it
 * pauses for each player decision ({@link #pending()}) and continues with {@link #act(Decision)}. A round
 * is a pure function of (model, bet, decisions, stream): replaying the same decisions on the same
 * stream gives the same round, byte for byte.
 *
 * <p>While a round is pending it still draws from the stream it was opened with, so the caller keeps
 * that stream open until the round is settled. Not thread-safe: one thread (or one lock) per round.
 *
 * <pre>{@code
 * Round round = game.open(Bet.lines(1, 25, 5), stream);      // video poker: deals five cards
 * round.pending().orElseThrow().view();                       // {"dealt":["AS","KS",...]}
 * round.act(Decision.of("hold", 0, 1));                       // draws three cards, settles
 * PlayedRound played = round.result();                        // outcome, detail, bet, choices
 * }</pre>
 */
public interface Round {
    /**
     * The bet the round was opened with, in explicit form.
     *
     * @return the bet
     */
    Bet bet();

    /**
     * The decision the round waits for; empty once it is settled.
     *
     * @return the pending decision, or empty
     */
    Optional<PendingDecision> pending();

    /**
     * Whether the round is settled (no decision pending).
     *
     * @return true once the round is settled
     */
    default boolean isSettled() {
        return pending().isEmpty();
    }

    /**
     * Takes {@code decision} and plays on to the next decision or to the settlement.
     *
     * @param decision the player's decision
     * @throws IllegalDecisionException when the decision is not legal now (the round is settled, the action is
     *                                  not one of {@link PendingDecision#actions()}, or its values are not
     *                                  allowed); the round's state is then unchanged
     */
    void act(Decision decision);

    /**
     * Settles an abandoned round: takes the model's default decision ({@link PendingDecision#byDefault()})
     * for every pending decision until the round is settled, and returns it. On a settled round, returns
     * {@link #result()}.
     *
     * @return the settled round
     */
    PlayedRound settle();

    /**
     * The decisions taken so far, the player's and the defaults, in order.
     *
     * @return the decisions, in order
     */
    List<Decision> choices();

    /**
     * The settled round.
     *
     * @return the settled round
     * @throws IllegalStateException when a decision is still pending
     */
    PlayedRound result();

    /**
     * A round that was settled when it was opened (a game without decisions).
     *
     * @param played the round, already settled
     * @return a round with no pending decision
     */
    static Round settled(PlayedRound played) {
        return new Round() {
            @Override
            public Bet bet() {
                return played.bet();
            }

            @Override
            public Optional<PendingDecision> pending() {
                return Optional.empty();
            }

            @Override
            public void act(Decision decision) {
                throw new IllegalDecisionException("the round is settled: no decision is pending, '" + decision
                        + "' refused");
            }

            @Override
            public PlayedRound settle() {
                return played;
            }

            @Override
            public List<Decision> choices() {
                return played.choices();
            }

            @Override
            public PlayedRound result() {
                return played;
            }
        };
    }
}

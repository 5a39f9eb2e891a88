package io.fairspin.math;

import io.fairspin.rng.RandomStream;
import java.util.List;
import java.util.Optional;

/**
 * A game loaded from a model file, as the simulation, certification and audit modules see it: it plays
 * rounds at its standard wager from a random stream and, where it can, states its exact figures.
 *
 * <p>A round is a pure function of the model, the wager and the stream (derivation v1): no clock, no
 * hash order, no other randomness. Implementations are immutable and safe to share between threads;
 * each thread plays from its own stream.
 */
public interface Game {
    /** The model's identifier, from its file. */
    String id();

    /**
     * The stake of one round at the standard wager, in minor units (for a slot: bet per line times lines);
     * in games where stakes are added during a round (raises, doubles, splits), the initial stake.
     */
    long stake();

    /** The names of the win types a round's win is split into, for example {@code ["line", "scatter", "free-games"]}. */
    List<String> winTypes();

    /** The names of the features a round can trigger, for example {@code ["free-games", "bonus"]}; may be empty. */
    List<String> features();

    /**
     * Plays one round at the standard wager and writes its figures into {@code outcome} (which it first
     * {@linkplain RoundOutcome#start resets}): the allocation-free path that simulations use.
     */
    void play(RandomStream stream, RoundOutcome outcome);

    /**
     * Plays one round at the standard wager and describes it completely (window, each win with its
     * positions, feature events, player choices), for logging and replay. Draws exactly what
     * {@link #play(RandomStream, RoundOutcome)} draws, so both give the same figures from the same stream.
     */
    PlayedRound playRecorded(RandomStream stream);

    /** The exact figures at the standard wager, when the game has an exact analysis. */
    Optional<ExactFigures> exactFigures();
}

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
 *
 * <h2>Bets and decisions</h2>
 * A game server chooses the bet per round within the model's {@link #betLimits()} and lets the player
 * decide where the game asks (video poker holds, blackjack plays, pick bonuses, a slot's gamble):
 *
 * <pre>{@code
 * Bet bet = Bet.lines(3, 5, 1);                  // 3 lines at 5 per line, 1 coin
 * game.checkBet(bet);                            // BetException before anything is drawn
 * Round round = game.open(bet, stream);          // plays up to the first decision, or settles
 * while (round.pending().isPresent()) {
 *     round.act(askThePlayer(round.pending().get()));   // IllegalDecisionException: state unchanged
 * }
 * PlayedRound played = round.result();           // log played.roundChoices().toJson() as player choices
 * PlayedRound again = game.replay(played.bet(), played.choices(), sameStream);   // the same, byte for byte
 * }</pre>
 *
 * <p>An abandoned round is settled by {@link Round#settle()} with the defaults the model declares. The
 * built-in strategies (optimal hold, basic strategy) are one player among others: a pending decision
 * carries their {@linkplain PendingDecision#advice() advice}, and {@link #playRecorded(Bet, RandomStream)}
 * follows it. The methods below have defaults for games that know no bets (they accept the standard
 * wager only and never pause), so every implementation of the original contract keeps compiling.
 */
public interface Game {
    /**
     * The model's identifier, from its file.
     *
     * @return the model's {@code id}
     */
    String id();

    /**
     * The stake of one round at the standard wager, in minor units (for a slot: bet per line times lines);
     * in games where stakes are added during a round (raises, doubles, splits), the initial stake.
     *
     * @return the stake in minor units, at least 1
     */
    long stake();

    /**
     * The names of the win types a round's win is split into, for example {@code ["line", "scatter", "free-games"]}.
     *
     * @return the win types, in the order of {@link RoundOutcome#win(int)}'s index
     */
    List<String> winTypes();

    /**
     * The names of the features a round can trigger, for example {@code ["free-games", "bonus"]}; may be empty.
     *
     * @return the features, in the order of {@link RoundOutcome#triggered(int)}'s index
     */
    List<String> features();

    /**
     * Plays one round at the standard wager and writes its figures into {@code outcome} (which it first
     * {@linkplain RoundOutcome#start resets}): the allocation-free path that simulations use.
     *
     * @param stream where the round's random numbers come from
     * @param outcome receives the round's stake, wins and features
     */
    void play(RandomStream stream, RoundOutcome outcome);

    /**
     * Plays one round as {@link #play(RandomStream, RoundOutcome)} does, with the <em>fast-mode draws</em>:
     * what a fast-mode simulation calls. Every outcome has exactly the probability it has in {@code play},
     * but a game may take its random numbers from the stream in fewer, wider draws, as
     * {@code docs/simulation.md} ("Fast-mode draws") specifies per game; a certified simulation, a server
     * and a replay use {@code play}, whose draws are derivation v1. The default is {@code play} itself
     * (added to the contract; existing implementations are unchanged).
     *
     * @param stream where the round's random numbers come from
     * @param outcome receives the round's stake, wins and features
     */
    default void playFast(RandomStream stream, RoundOutcome outcome) {
        play(stream, outcome);
    }

    /**
     * Plays one round at the standard wager and describes it completely (window, each win with its
     * positions, feature events, player choices), for logging and replay. Draws exactly what
     * {@link #play(RandomStream, RoundOutcome)} draws, so both give the same figures from the same stream.
     *
     * @param stream where the round's random numbers come from
     * @return the round with its detail
     */
    PlayedRound playRecorded(RandomStream stream);

    /**
     * The exact figures at the standard wager, when the game has an exact analysis.
     *
     * @return the exact figures, or empty when the game has no exact analysis
     */
    Optional<ExactFigures> exactFigures();

    // ---- Bets chosen per round and rounds with decisions (additive; defaults for games without them). ----

    /**
     * The standard wager in explicit form (what {@link #play(RandomStream, RoundOutcome)} plays).
     *
     * @return the standard wager as a {@link Bet}
     */
    default Bet standardBet() {
        return Bet.standard();
    }

    /**
     * The bets this game accepts, as its model declares them.
     *
     * @return the accepted bets; the standard wager only when the model declares no limits
     */
    default BetLimits betLimits() {
        return BetLimits.only(standardBet());
    }

    /**
     * Checks {@code bet} against the model's limits and the game's rules, without drawing anything.
     *
     * @param bet the bet to check
     * @throws BetException naming the bet's field (a JSON path) and what the model allows
     */
    default void checkBet(Bet bet) {
        betLimits().check(bet);
    }

    /**
     * Reads the bet a player chose for this game, from its JSON ({@link Bet}'s forms), and checks it before anything
     * is drawn: the one reading of {@code play --bet}, {@code simulate --bet} and {@code serve}'s {@code bet}. A line
     * bet may leave out {@code lines}, {@code lineBet} or {@code coins}: each one left out is the standard wager's
     * ({@link #standardBet()}); unknown fields, wrong types and values outside the limits are refused.
     *
     * @param json the bet as JSON text
     * @return the bet, with the fields it left out filled in
     * @throws BetException naming the bet's JSON path when the JSON is malformed or the game refuses the bet
     */
    default Bet readBet(String json) {
        Bet bet = Bet.fromJson(json, standardBet());
        checkBet(bet);
        return bet;
    }

    /**
     * This game with {@code bet} as its standard wager: the same model, whose {@link #stake()},
     * {@link #winTypes()} (for a table game, the bets placed), {@link #play(RandomStream, RoundOutcome)} and
     * {@link #exactFigures()} are those of a round at {@code bet}; what a simulation or a monitor of rounds at
     * that bet uses. {@code this} for the standard wager.
     *
     * @param bet the bet to play at, accepted by {@link #checkBet}
     * @return the game at that bet
     * @throws BetException when the game does not accept {@code bet}
     */
    default Game at(Bet bet) {
        checkBet(bet);
        if (bet.isStandard() || bet.equals(standardBet())) {
            return this;
        }
        throw new BetException("$", "this game plays its standard wager only");
    }

    /**
     * The stake of one round at {@code bet} before any stake added during the round, in minor units.
     *
     * @param bet the bet
     * @return the initial stake in minor units
     * @throws BetException when the game does not accept {@code bet}
     */
    default long stake(Bet bet) {
        return at(bet).stake();
    }

    /**
     * Opens a round at {@code bet}: checks the bet (before any draw), then plays up to the first decision
     * the player must take, or to the settlement when there is none.
     *
     * @param bet the bet
     * @param stream where the round's random numbers come from
     * @return the round, settled or waiting for a decision
     * @throws BetException when the game does not accept {@code bet}; nothing was drawn
     */
    default Round open(Bet bet, RandomStream stream) {
        Game game = at(bet);
        PlayedRound played = game.playRecorded(stream);
        return Round.settled(new PlayedRound(played.outcome(), played.detail(),
                bet.isStandard() ? standardBet() : bet, played.choices()));
    }

    /**
     * Replays a round: opens it at {@code bet} on {@code stream} and takes {@code decisions} in order; the
     * audit log's replay. Gives the same {@link PlayedRound} as the round played with those decisions.
     *
     * @param bet the logged bet
     * @param decisions the logged decisions, in order
     * @param stream the round's stream, as at the original play
     * @return the replayed round, settled
     * @throws BetException             when the game does not accept {@code bet}
     * @throws IllegalDecisionException when a decision is illegal where it comes, or the round still waits
     *                                  for a decision after the last one, or a decision is left over
     */
    default PlayedRound replay(Bet bet, List<Decision> decisions, RandomStream stream) {
        Round round = open(bet, stream);
        for (int i = 0; i < decisions.size(); i++) {
            if (round.isSettled()) {
                throw new IllegalDecisionException("decision " + (i + 1) + " of " + decisions.size() + " ('"
                        + decisions.get(i) + "'): the round was already settled");
            }
            round.act(decisions.get(i));
        }
        if (!round.isSettled()) {
            throw new IllegalDecisionException("the round still waits for a '" + round.pending().get().step()
                    + "' decision after the " + decisions.size() + " given");
        }
        return round.result();
    }

    /**
     * Plays one round at {@code bet} with the built-in player: at each decision its
     * {@linkplain PendingDecision#advice() advice}, else the model's default. The returned round's
     * {@link PlayedRound#choices()} are those decisions, so {@link #replay} reproduces it.
     *
     * @param bet the bet
     * @param stream where the round's random numbers come from
     * @return the settled round with its decisions
     */
    default PlayedRound playRecorded(Bet bet, RandomStream stream) {
        Round round = open(bet, stream);
        while (!round.isSettled()) {
            PendingDecision pending = round.pending().get();
            round.act(pending.advice().orElse(pending.byDefault()));
        }
        return round.result();
    }

    /**
     * Plays one round at {@code bet} with the built-in player into {@code outcome}, which must be sized for
     * {@link #at(Bet) at(bet)} (a table game's win types are the bets placed): the simulation path at a
     * chosen bet, the same as {@code at(bet).play(stream, outcome)}.
     *
     * @param bet the bet
     * @param stream where the round's random numbers come from
     * @param outcome receives the round's stake, wins and features
     */
    default void play(Bet bet, RandomStream stream, RoundOutcome outcome) {
        at(bet).play(stream, outcome);
    }

    /**
     * The exact figures of a round at {@code bet} with the built-in player, when the game has an exact
     * analysis (RTP can depend on coins, and on lines where a cap or a line's position matters).
     *
     * @param bet the bet
     * @return the exact figures at that bet, or empty
     */
    default Optional<ExactFigures> exactFigures(Bet bet) {
        return at(bet).exactFigures();
    }
}

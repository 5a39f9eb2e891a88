package io.fairspin.sim;

import io.fairspin.math.Bet;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Game;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.util.List;
import java.util.Optional;

/**
 * A game's bought rounds as a game of their own, for a simulation at a bought bet ({@link Bet#isBonusBuy()}):
 * each round is {@link Game#play(Bet, RandomStream, RoundOutcome)} at the bet, staking {@link Game#stake(Bet)} (the
 * model's price x the bet), judged against {@link Game#exactFigures(Bet)} (the PAR sheet's "Bonus buy" table). A
 * bought round draws as the game's {@code play} at the bet does in both random modes (no fast-mode draws), and
 * states no win distribution nor award occurrences, so its verdict tests the RTP and the hit frequency.
 */
final class BoughtRounds implements Game {
    private final Game game;
    private final Bet bet;
    /** The game at the bet's lines, bet per line and coins: the win types and features a bought round fills. */
    private final Game unbought;
    private final long stake;

    /** The rounds of {@code game} bought at {@code bet}, which the game has accepted. */
    BoughtRounds(Game game, Bet bet) {
        this.game = game;
        this.bet = bet;
        this.unbought = game.at(bet.withoutBonusBuy());
        this.stake = game.stake(bet);
    }

    @Override
    public String id() {
        return game.id();
    }

    @Override
    public long stake() {
        return stake;
    }

    @Override
    public List<String> winTypes() {
        return unbought.winTypes();
    }

    @Override
    public List<String> features() {
        return unbought.features();
    }

    @Override
    public void play(RandomStream stream, RoundOutcome outcome) {
        game.play(bet, stream, outcome);
    }

    @Override
    public PlayedRound playRecorded(RandomStream stream) {
        return game.playRecorded(bet, stream);
    }

    @Override
    public Optional<ExactFigures> exactFigures() {
        return game.exactFigures(bet);
    }
}

package io.fairspin.sim;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Game;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.util.List;
import java.util.Optional;

/** A game that delegates to another, for tests that override one method. */
class DelegatingGame implements Game {
    private final Game game;

    DelegatingGame(Game game) {
        this.game = game;
    }

    @Override
    public String id() {
        return game.id();
    }

    @Override
    public long stake() {
        return game.stake();
    }

    @Override
    public List<String> winTypes() {
        return game.winTypes();
    }

    @Override
    public List<String> features() {
        return game.features();
    }

    @Override
    public void play(RandomStream stream, RoundOutcome outcome) {
        game.play(stream, outcome);
    }

    @Override
    public PlayedRound playRecorded(RandomStream stream) {
        return game.playRecorded(stream);
    }

    @Override
    public Optional<ExactFigures> exactFigures() {
        return game.exactFigures();
    }
}

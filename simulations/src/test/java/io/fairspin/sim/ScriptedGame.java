package io.fairspin.sim;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Game;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.util.List;
import java.util.Optional;

/**
 * A test game that ignores its stream and pays a given list of wins (all of type "main") in turn, so
 * that sums, squares and histogram buckets can be checked against numbers worked out by hand. A round
 * whose win is divisible by 7 triggers the feature "seven". Rounds stake the initial stake, or, when
 * given, a list of total stakes in turn (what was added during the round goes through
 * {@link RoundOutcome#addStake}). Single-threaded use only.
 */
final class ScriptedGame implements Game {
    private final long stake;
    private final long[] stakes;
    private final long[] wins;
    private int next;

    ScriptedGame(long stake, long... wins) {
        this(stake, null, wins);
    }

    private ScriptedGame(long stake, long[] stakes, long[] wins) {
        this.stake = stake;
        this.stakes = stakes == null ? null : stakes.clone();
        this.wins = wins.clone();
    }

    /** A game of initial stake {@code stake} whose rounds stake {@code stakes} in all and win {@code wins}. */
    static ScriptedGame staking(long stake, long[] stakes, long[] wins) {
        return new ScriptedGame(stake, stakes, wins);
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public long stake() {
        return stake;
    }

    @Override
    public List<String> winTypes() {
        return List.of("main");
    }

    @Override
    public List<String> features() {
        return List.of("seven");
    }

    @Override
    public void play(RandomStream stream, RoundOutcome outcome) {
        outcome.start(stake);
        long win = wins[next];
        if (stakes != null) {
            outcome.addStake(stakes[next] - stake);
        }
        next = (next + 1) % wins.length;
        outcome.addWin(0, win);
        if (win % 7 == 0 && win != 0) {
            outcome.trigger(0);
        }
    }

    @Override
    public PlayedRound playRecorded(RandomStream stream) {
        RoundOutcome outcome = RoundOutcome.forGame(this);
        play(stream, outcome);
        return new PlayedRound(outcome, "{}");
    }

    @Override
    public Optional<ExactFigures> exactFigures() {
        return Optional.empty();
    }
}

package io.fairspin.math.table;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Game;
import io.fairspin.math.RoundOutcome;

/**
 * Totals of a seeded run of rounds at a game's standard wager, to check play against the exact figures.
 *
 * @param rounds the rounds played
 * @param won    the total returned to the player
 * @param staked the total staked
 * @param hits   the rounds that returned anything
 */
public record SimulatedPlay(int rounds, double won, double staked, long hits) {
    public static SimulatedPlay of(Game game, int rounds, long seed) {
        RoundOutcome outcome = RoundOutcome.forGame(game);
        SeededStream stream = new SeededStream(seed);
        double won = 0;
        double staked = 0;
        long hits = 0;
        for (int i = 0; i < rounds; i++) {
            game.play(stream, outcome);
            won += outcome.win();
            staked += outcome.stake();
            hits += outcome.win() > 0 ? 1 : 0;
        }
        return new SimulatedPlay(rounds, won, staked, hits);
    }

    public double rtp() {
        return won / staked;
    }

    /** 5 standard errors of the simulated RTP: a seeded check that a wrong payout or a biased draw would fail. */
    public double rtpTolerance(Game game, ExactFigures exact) {
        return 5 * exact.standardDeviation() * game.stake() / (staked / rounds) / Math.sqrt(rounds);
    }
}

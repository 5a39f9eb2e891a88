package io.fairspin.math.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.Analyzable;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every table-game example must do: replayable rounds, consistent figures, and play that matches them. */
class TableGameContractTest {
    private static final int ROUNDS = 200_000;

    @ParameterizedTest
    @ValueSource(strings = {"roulette-european.json", "roulette-american.json", "roulette-french.json", "craps.json",
        "baccarat.json", "jacks-or-better-9-6.json", "deuces-wild.json", "joker-poker.json", "three-card-poker.json", "keno.json", "blackjack.json"})
    void recordedPlayDrawsAndPaysWhatPlayDoes(String example) {
        Game game = References.load(example);
        RoundOutcome fast = RoundOutcome.forGame(game);
        SeededStream a = new SeededStream(7);
        SeededStream b = new SeededStream(7);
        SeededStream c = new SeededStream(7);
        for (int i = 0; i < 1000; i++) {
            game.play(a, fast);
            PlayedRound recorded = game.playRecorded(b);
            PlayedRound again = game.playRecorded(c);
            assertEquals(fast.stake(), recorded.outcome().stake());
            for (int t = 0; t < game.winTypes().size(); t++) {
                assertEquals(fast.win(t), recorded.outcome().win(t));
            }
            assertEquals(recorded.detail(), again.detail());
        }
        assertEquals(a.nextLong(), b.nextLong(), "both paths consumed the same bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"roulette-european.json", "roulette-american.json", "roulette-french.json", "craps.json",
        "baccarat.json", "jacks-or-better-9-6.json", "deuces-wild.json", "joker-poker.json", "three-card-poker.json",
        "keno.json"})
    void simulatedPlayAgreesWithTheExactFigures(String example) {
        Game game = References.load(example);
        ExactFigures exact = game.exactFigures().orElseThrow();
        assertEquals(exact.rtp(), exact.rtpByWinType().stream().reduce(Fraction.ZERO, Fraction::add));
        assertFalse(((Analyzable) game).analyze().tables().isEmpty());

        SimulatedPlay play = SimulatedPlay.of(game, ROUNDS, example.hashCode());
        double rtpError = play.rtpTolerance(game, exact);
        double rtp = exact.rtp().doubleValue();
        assertTrue(Math.abs(play.rtp() - rtp) <= rtpError,
                "simulated RTP " + play.rtp() + " vs exact " + rtp + " +- " + rtpError);
        double p = exact.hitFrequency().doubleValue();
        double hitError = 5 * Math.sqrt(ROUNDS * p * (1 - p));
        assertTrue(Math.abs(play.hits() - ROUNDS * p) <= hitError, "hits " + play.hits() + " vs expected " + ROUNDS * p);
    }
}

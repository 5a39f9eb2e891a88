package io.fairspin.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.util.List;
import java.util.Optional;

/**
 * A test game (shared with the command's tests) whose stake grows during the round, as a raise does:
 * initial stake 10; a first die of 5 or 6 raises by 20 (30 staked in all), and the raised round returns 60
 * when a second die shows 3 or more; an unraised round returns 20 when the second die shows 6.
 *
 * <p>Its exact figures, worked out by hand over the four outcomes: raised and won (probability 1/3 · 2/3
 * = 2/9, stake 30, win 60), raised and lost (1/9, 30, 0), unraised and won (2/3 · 1/6 = 1/9, 10, 20),
 * unraised and lost (5/9, 10, 0). E[s] = 10 + 20/3 = 50/3 and E[w] = (2/9)·60 + (1/9)·20 = 140/9, so
 * RTP = E[w] / E[s] = 14/15. Hit frequency 2/9 + 1/9 = 1/3. The net result per initial stake d = (w − s)
 * / 10 is 3, −3, 1, −1 with those probabilities: E[d] = −1/9, E[d²] = 2 + 1 + 1/9 + 5/9 = 11/3, so the
 * variance is 11/3 − 1/81 = 296/81.
 *
 * <p>The RTP's asymptotic standard deviation (delta method), Var(w − ρs) / E[s]² with ρ = 14/15: w − ρs
 * is 32, −28, 32/3, −28/3 with the same probabilities (mean 0), whose mean square is 2048/9 + 784/9 +
 * 1024/81 + 3920/81 = 30432/81; over E[s]² = 2500/9 that is 30432/22500 ({@link #RTP_VARIANCE}).
 */
public final class RaiseDiceGame implements Game {
    public static final long STAKE = 10;
    public static final ExactFigures EXACT = new ExactFigures(Fraction.of(14, 15), List.of(Fraction.of(14, 15)),
            Fraction.of(1, 3), Fraction.of(296, 81), List.of());
    /** The variance per round of the delta method's linearization of the RTP, (w − ρs) / E[s]. */
    static final Fraction RTP_VARIANCE = Fraction.of(30432, 22500);

    private final Optional<ExactFigures> claimed;

    private RaiseDiceGame(Optional<ExactFigures> claimed) {
        this.claimed = claimed;
    }

    /** The game with its true exact figures. */
    public static RaiseDiceGame honest() {
        return new RaiseDiceGame(Optional.of(EXACT));
    }

    /** The same play claiming other figures: a negative control for the verdict. */
    public static RaiseDiceGame claiming(ExactFigures figures) {
        return new RaiseDiceGame(Optional.of(figures));
    }

    @Override
    public String id() {
        return "raise-dice";
    }

    @Override
    public long stake() {
        return STAKE;
    }

    @Override
    public List<String> winTypes() {
        return List.of("main");
    }

    @Override
    public List<String> features() {
        return List.of();
    }

    @Override
    public void play(RandomStream stream, RoundOutcome outcome) {
        outcome.start(STAKE);
        boolean raise = stream.nextInt(6) >= 4;
        int second = stream.nextInt(6) + 1;
        if (raise) {
            outcome.addStake(20);
            outcome.addWin(0, second >= 3 ? 60 : 0);
        } else {
            outcome.addWin(0, second == 6 ? 20 : 0);
        }
    }

    @Override
    public PlayedRound playRecorded(RandomStream stream) {
        RoundOutcome outcome = RoundOutcome.forGame(this);
        play(stream, outcome);
        return new PlayedRound(outcome, JsonNodeFactory.instance.objectNode().put("win", outcome.win()).toString());
    }

    @Override
    public Optional<ExactFigures> exactFigures() {
        return claimed;
    }
}

package io.fairspin.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.WinDistribution;
import io.fairspin.rng.RandomStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A test game (shared with the command's tests): two dice, stake 10; a pair pays 30 ("pair"), a total of seven pays 24 ("seven"), and a
 * double six triggers the feature "double-six".
 *
 * <p>Its exact figures, worked out by hand over the 36 equally likely ordered rolls: 6 are pairs and 6
 * total seven (never both, a pair's total is even). RTP = (6·30 + 6·24) / (36·10) = 324/360 = 9/10, of
 * which pairs 180/360 = 1/2 and sevens 144/360 = 2/5. Hit frequency 12/36 = 1/3. The win per stake is 3
 * or 2.4, each with probability 1/6, so E[x²] = (9 + 5.76)/6 = 2.46 and the variance is 2.46 − 0.81 =
 * 1.65 = 33/20. Double six: 1/36.
 */
public final class DiceGame implements Game, WinDistribution {
    public static final long STAKE = 10;
    public static final ExactFigures EXACT = new ExactFigures(Fraction.of(9, 10),
            List.of(Fraction.of(1, 2), Fraction.of(2, 5)), Fraction.of(1, 3), Fraction.of(33, 20),
            List.of(Fraction.of(1, 36)));

    /** The exact distribution of a round's win: 0 with probability 2/3, 24 and 30 with 1/6 each. */
    public static final SortedMap<Long, Fraction> WINS = new TreeMap<>(Map.of(0L, Fraction.of(2, 3), 24L,
            Fraction.of(1, 6), 30L, Fraction.of(1, 6)));

    private final Optional<ExactFigures> claimed;
    /** What a pair of 1 to 3 and a pair of 4 to 6 pay. */
    private final long lowPair;
    private final long highPair;

    private DiceGame(Optional<ExactFigures> claimed) {
        this(claimed, 30, 30);
    }

    private DiceGame(Optional<ExactFigures> claimed, long lowPair, long highPair) {
        this.claimed = claimed;
        this.lowPair = lowPair;
        this.highPair = highPair;
    }

    /**
     * A negative control: a wrong pay table (low pairs pay 24, high pairs 36) claiming the true game's
     * figures and win distribution. Its RTP and hit frequency are those claimed (pairs still pay 30 on
     * average), so only the test of the win distribution can tell.
     */
    public static DiceGame wrongPayTable() {
        return new DiceGame(Optional.of(EXACT), 24, 36);
    }

    /** The game with its true exact figures. */
    public static DiceGame honest() {
        return new DiceGame(Optional.of(EXACT));
    }

    /** The same play claiming other figures: a negative control for the verdict. */
    public static DiceGame claiming(ExactFigures figures) {
        return new DiceGame(Optional.of(figures));
    }

    /** The same play without an exact analysis. */
    public static DiceGame withoutExactFigures() {
        return new DiceGame(Optional.empty());
    }

    @Override
    public String id() {
        return "two-dice";
    }

    @Override
    public long stake() {
        return STAKE;
    }

    @Override
    public List<String> winTypes() {
        return List.of("pair", "seven");
    }

    @Override
    public List<String> features() {
        return List.of("double-six");
    }

    @Override
    public void play(RandomStream stream, RoundOutcome outcome) {
        outcome.start(STAKE);
        int a = stream.nextInt(6) + 1;
        int b = stream.nextInt(6) + 1;
        if (a == b) {
            outcome.addWin(0, a <= 3 ? lowPair : highPair);
        } else if (a + b == 7) {
            outcome.addWin(1, 24);
        }
        if (a == 6 && b == 6) {
            outcome.trigger(0);
        }
    }

    @Override
    public PlayedRound playRecorded(RandomStream stream) {
        RoundOutcome outcome = RoundOutcome.forGame(this);
        play(stream, outcome);
        ObjectNode detail = JsonNodeFactory.instance.objectNode().put("win", outcome.win());
        return new PlayedRound(outcome, detail.toString());
    }

    @Override
    public Optional<ExactFigures> exactFigures() {
        return claimed;
    }

    @Override
    public Optional<SortedMap<Long, Fraction>> winDistribution() {
        return claimed.isPresent() ? Optional.of(WINS) : Optional.empty();
    }
}

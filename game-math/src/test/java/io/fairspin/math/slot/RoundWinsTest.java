package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.RoundOutcome;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The exact round win distribution of slot games ({@link SlotGame#winDistribution()}) against independent counts. */
class RoundWinsTest {
    /**
     * Sizzling Hot (no feature): every one of the 25^5 stop combinations played by the engine's line-by-line
     * evaluation, each win counted; the distribution must be exactly those counts over the cycle.
     */
    @Test
    void sizzlingHotEqualsEveryStopCombinationPlayed() {
        SlotGame game = Examples.slot("sizzling-hot.json");
        RoundOutcome outcome = RoundOutcome.forGame(game);
        Map<Long, Long> counts = new TreeMap<>();
        int[] stops = new int[5];
        int cycle = 25 * 25 * 25 * 25 * 25;
        for (int i = 0; i < cycle; i++) {
            for (int r = 4, rest = i; r >= 0; r--, rest /= 25) {
                stops[r] = rest % 25;
            }
            game.playLineByLine(new PlayTest.ScriptedStream(25, stops), outcome);
            counts.merge(outcome.win(), 1L, Long::sum);
        }
        SortedMap<Long, Fraction> exact = game.winDistribution().orElseThrow();
        assertEquals(Fraction.ZERO, game.featureRounds());
        assertEquals(counts.keySet(), exact.keySet());
        counts.forEach((win, count) -> assertEquals(Fraction.of(count, cycle), exact.get(win), "win " + win));
    }

    /** The listed wins' mean is the RTP where no round triggers a feature; with features, the feature category's probability is the trigger frequency. */
    @Test
    void featureRoundsAreTheTriggerFrequency() {
        SlotGame sizzling = Examples.slot("sizzling-hot.json");
        Fraction mean = Fraction.ZERO;
        for (Map.Entry<Long, Fraction> e : sizzling.winDistribution().orElseThrow().entrySet()) {
            mean = mean.add(e.getValue().multiply(e.getKey()));
        }
        assertEquals(sizzling.exactFigures().orElseThrow().rtp().multiply(sizzling.stake()), mean);

        for (String name : new String[] {"lucky-wilds.json", "treasure-pick.json"}) {
            SlotGame game = Examples.slot(name);
            ExactFigures exact = game.exactFigures().orElseThrow();
            assertEquals(1, exact.featureFrequencies().size(), name);
            assertEquals(exact.featureFrequencies().get(0), game.featureRounds(), name);
            Fraction listed = game.winDistribution().orElseThrow().values().stream().reduce(Fraction.ZERO, Fraction::add);
            assertEquals(Fraction.ONE, listed.add(game.featureRounds()), name);
            assertTrue(game.featureRounds().signum() > 0, name);
        }
    }

    /**
     * Random reel heights: Mega Dragon's count is over {@link io.fairspin.math.slot.analysis.RoundWins#HEIGHTS_BUDGET},
     * so it has no enumerated distribution (a small game's is checked in {@link MegawaysTest}).
     */
    @Test
    void aLargeGameWithRandomReelHeightsHasNone() {
        assertTrue(Examples.slot("mega-dragon.json").winDistribution().isEmpty());
    }
}

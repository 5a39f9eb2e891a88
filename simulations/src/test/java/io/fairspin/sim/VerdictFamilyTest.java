package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.Fraction;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * The verdict's confidence is family-wise (Holm over RTP, hit frequency and the chi-square test of the
 * awards): over many seeds a correct game fails at most as often as the stated level allows, judged by a
 * binomial bound; a game with a wrong pay table fails.
 */
class VerdictFamilyTest {
    private static final int SEEDS = 300;
    private static final long ROUNDS = 20_000;

    /** The largest number of failures out of SEEDS that a failure rate of {@code level} explains (P < 1e-6 above it). */
    private static int bound(double level) {
        BinomialDistribution binomial = new BinomialDistribution(SEEDS, level);
        int k = 0;
        while (1 - binomial.cumulativeProbability(k) >= 1e-6) {
            k++;
        }
        return k;
    }

    @Test
    void aCorrectGameFailsNoMoreOftenThanTheStatedLevel() throws Exception {
        int failsAt90 = 0;
        int failsAt99 = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Statistics s = new Simulation(DiceGame.honest(), new SimulationPlan(ROUNDS, seed, RandomMode.FAST, 0.99))
                    .run(1).statistics();
            Verdict at90 = Verdict.judge(s, DiceGame.EXACT, java.util.Optional.of(DiceGame.WINS), 0.90);
            Verdict at99 = Verdict.judge(s, DiceGame.EXACT, java.util.Optional.of(DiceGame.WINS), 0.99);
            assertEquals(3, at90.tests().size());
            failsAt90 += at90.passed() ? 0 : 1;
            failsAt99 += at99.passed() ? 0 : 1;
        }
        assertTrue(failsAt90 <= bound(0.10), failsAt90 + " of " + SEEDS + " failed at 90%, bound " + bound(0.10));
        assertTrue(failsAt99 <= bound(0.01), failsAt99 + " of " + SEEDS + " failed at 99%, bound " + bound(0.01));
    }

    /**
     * Negative control: low pairs pay 24 and high pairs 36 instead of 30 each. RTP and hit frequency are
     * those claimed, so their tests pass about as often as for a correct game; the awards' test fails it.
     */
    @Test
    void aGameWithAWrongPayTableFails() throws Exception {
        int failed = 0;
        int rtpRejected = 0;
        for (long seed = 0; seed < 50; seed++) {
            SimulationReport report = new Simulation(DiceGame.wrongPayTable(),
                    new SimulationPlan(ROUNDS, seed, RandomMode.FAST, 0.99)).run(1);
            Verdict verdict = report.verdict().orElseThrow();
            failed += verdict.passed() ? 0 : 1;
            rtpRejected += verdict.tests().get(0).rejected() ? 1 : 0;
            assertTrue(verdict.chiSquare().orElseThrow().unlisted() > 0);
        }
        assertEquals(50, failed);
        assertTrue(rtpRejected <= 5, rtpRejected + " of 50 rejected on RTP, which is right");
    }

    @Test
    void holmAdjustsTheSmallestPValueMostAndKeepsTheOrder() {
        assertArrayEquals(new double[] {0.03, 0.06, 0.06}, Verdict.holm(List.of(0.01, 0.04, 0.03)), 1e-15);
        assertArrayEquals(new double[] {1, 1}, Verdict.holm(List.of(0.9, 0.6)), 1e-15);
    }

    @Test
    void chiSquareOfHandWorkedCounts() {
        // Expected 50, 25, 25 against observed 50, 30, 20: X² = 0 + 1 + 1 = 2 on 2 degrees of freedom,
        // whose upper tail is exp(-2/2).
        SortedMap<Long, Fraction> wins = new TreeMap<>(Map.of(0L, Fraction.of(1, 2), 10L, Fraction.of(1, 4), 20L,
                Fraction.of(1, 4)));
        ChiSquare test = ChiSquare.of(100, List.of(50L, 30L, 20L, 0L), wins);
        assertEquals(2, test.statistic(), 1e-12);
        assertEquals(2, test.degreesOfFreedom());
        assertEquals(Math.exp(-1), test.pValue(), 1e-9);
    }

    @Test
    void smallExpectedCountsArePooledWithTheirNeighbours() {
        // Expected 900, 90, 9 and 1: the last joins the one before, leaving 3 categories.
        SortedMap<Long, Fraction> wins = new TreeMap<>(Map.of(0L, Fraction.of(900, 1000), 5L, Fraction.of(90, 1000),
                50L, Fraction.of(9, 1000), 500L, Fraction.of(1, 1000)));
        ChiSquare test = ChiSquare.of(1000, List.of(900L, 90L, 8L, 2L, 0L), wins);
        assertEquals(3, test.categories());
        assertEquals(2, test.degreesOfFreedom());
        assertEquals(0, test.statistic(), 1e-12);
        ChiSquare unlisted = ChiSquare.of(1000, List.of(900L, 90L, 8L, 1L, 1L), wins);
        assertEquals(0, unlisted.pValue());
        assertFalse(Double.isFinite(unlisted.statistic()));
    }
}

package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Games whose stake grows during a round ({@link RaiseDiceGame}): the RTP is Σw / Σs, its interval and
 * z-score come from the delta method, and both behave as they should against figures worked out by hand.
 */
class VariableStakeTest {
    private static final int SEEDS = 20;
    private static final long ROUNDS = 1_000_000;

    private static SimulationReport simulate(RaiseDiceGame game, long seed) throws InterruptedException {
        return new Simulation(game, new SimulationPlan(ROUNDS, seed, RandomMode.FAST, 0.99)).run(2);
    }

    @Test
    void theSimulatedDeviationsConvergeToTheExactOnes() throws Exception {
        Statistics s = simulate(RaiseDiceGame.honest(), 1).statistics();
        assertFalse(s.fixedStake());
        // With 10^6 rounds a sample deviation is within about 0.2% of its limit; 1% is a wide margin.
        assertEquals(Math.sqrt(RaiseDiceGame.RTP_VARIANCE.doubleValue()), s.rtpDeviation(),
                0.01 * Math.sqrt(RaiseDiceGame.RTP_VARIANCE.doubleValue()));
        assertEquals(RaiseDiceGame.EXACT.standardDeviation(), s.standardDeviation(),
                0.01 * RaiseDiceGame.EXACT.standardDeviation());
        assertEquals(50.0 / 30, s.averageStake(), 0.01, "E[s] / B = (50/3) / 10");
        assertEquals(1.0 / 9, s.houseEdge(), 0.01, "-E[d] = 1/9");
    }

    /**
     * The 99% interval contains 14/15 at least 18 times in 20 (3 or more misses has probability below
     * 0.0011 when each misses with probability 0.01), and its half-width is z·sqrt(30432/22500 / n), not
     * the width the net result's deviation (sqrt(296/81), 64% larger) would give.
     */
    @Test
    void theIntervalCoversTheExactRtpAndHasTheDeltaMethodsWidth() throws Exception {
        double exact = RaiseDiceGame.EXACT.rtp().doubleValue();
        double expectedHalfWidth = Statistics.criticalValue(0.99)
                * Math.sqrt(RaiseDiceGame.RTP_VARIANCE.doubleValue() / ROUNDS);
        int covered = 0;
        int passed = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            SimulationReport report = simulate(RaiseDiceGame.honest(), seed);
            Statistics.Interval interval = report.statistics().rtpInterval(0.99);
            covered += interval.contains(exact) ? 1 : 0;
            passed += report.verdict().orElseThrow().passed() ? 1 : 0;
            assertEquals(expectedHalfWidth, (interval.high() - interval.low()) / 2, 0.01 * expectedHalfWidth);
        }
        assertTrue(covered >= 18, covered + " of " + SEEDS + " intervals contain 14/15");
        assertTrue(passed >= 18, passed + " of " + SEEDS + " verdicts passed");
    }

    @Test
    void aWrongRtpFailsEveryTime() throws Exception {
        ExactFigures e = RaiseDiceGame.EXACT;
        // 0.95 instead of 14/15 is 0.0167 / (1.163 / 1000) = 14 standard errors away after 10^6 rounds.
        RaiseDiceGame wrong = RaiseDiceGame.claiming(new ExactFigures(Fraction.of(95, 100), e.rtpByWinType(),
                e.hitFrequency(), e.variance(), e.featureFrequencies()));
        for (int seed = 1; seed <= SEEDS; seed++) {
            Verdict verdict = simulate(wrong, seed).verdict().orElseThrow();
            assertFalse(verdict.passed(), "seed " + seed);
            assertTrue(verdict.rtpZ() < -8, "z " + verdict.rtpZ());
        }
    }

    @Test
    void theRtpZScoreIsTheSelfNormalizedSumOfResiduals() {
        // Stakes 10, 20, 10, 30, 20 and wins 0, 40, 10, 0, 20 (initial stake 10) against an RTP of 1/2:
        // w - s/2 = -5, 30, 5, -15, 10, which sum to 25 and whose squares sum to 1275.
        Statistics s = new Statistics(10, 5, 3, BigInteger.valueOf(70), BigInteger.valueOf(90), BigInteger.valueOf(2100),
                BigInteger.valueOf(1900), BigInteger.valueOf(1300), 40, List.of(BigInteger.valueOf(70)), List.of(), List.of());
        ExactFigures half = new ExactFigures(Fraction.of(1, 2), List.of(Fraction.of(1, 2)), Fraction.of(3, 5),
                Fraction.ONE, List.of());
        Verdict verdict = Verdict.judge(s, half, 0.99);
        assertEquals(25 / Math.sqrt(1275), verdict.rtpZ(), 1e-12);
        assertEquals(0, verdict.hitFrequencyZ());
        ExactFigures right = new ExactFigures(Fraction.of(7, 9), List.of(Fraction.of(7, 9)), Fraction.of(3, 5),
                Fraction.ONE, List.of());
        assertEquals(0, Verdict.judge(s, right, 0.99).rtpZ());
    }
}

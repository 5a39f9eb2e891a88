package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict: a correct game passes (judged by a binomial bound), wrong exact figures fail. */
class VerdictTest {
    private static final int SEEDS = 20;

    private static Verdict simulate(DiceGame game, long seed, long rounds) throws InterruptedException {
        return new Simulation(game, new SimulationPlan(rounds, seed, RandomMode.FAST, 0.99)).run(2).verdict()
                .orElseThrow();
    }

    /**
     * At 99% a correct game fails at most 1% of the time; 3 or more failures in 20 runs has probability
     * below 0.0011 (binomial, p = 0.01), so this test flakes about once in a thousand runs at worst.
     */
    @Test
    void theTrueFiguresPassAtLeast18TimesIn20() throws Exception {
        int failed = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Verdict verdict = simulate(DiceGame.honest(), seed, 1_000_000);
            failed += verdict.passed() ? 0 : 1;
            assertEquals(0.99, verdict.confidence());
            // RTP, hit frequency and the awards' chi-square share the 1% risk (Holm): a z-score passes
            // whatever the others give up to the quantile at 1 - 0.01/6, 2.935199 (normal tables).
            assertEquals(2.935199, verdict.critical(), 1e-6);
            assertEquals(3, verdict.tests().size());
        }
        assertTrue(failed <= 2, failed + " of " + SEEDS + " correct runs failed");
    }

    @Test
    void aWrongRtpOrHitFrequencyFailsEveryTime() throws Exception {
        ExactFigures e = DiceGame.EXACT;
        // 0.95 instead of 0.9 is 12 standard errors away after 10^5 rounds (sd sqrt(1.65)).
        DiceGame wrongRtp = DiceGame.claiming(new ExactFigures(Fraction.of(95, 100), e.rtpByWinType(),
                e.hitFrequency(), e.variance(), e.featureFrequencies()));
        // 0.34 instead of 1/3 is 14 standard errors away after 10^6 rounds.
        DiceGame wrongHits = DiceGame.claiming(new ExactFigures(e.rtp(), e.rtpByWinType(), Fraction.of(34, 100),
                e.variance(), e.featureFrequencies()));
        for (int seed = 0; seed < SEEDS; seed++) {
            Verdict rtp = simulate(wrongRtp, seed, 100_000);
            assertFalse(rtp.passed(), "seed " + seed);
            assertTrue(rtp.rtpZ() < -8, "z " + rtp.rtpZ());
            assertFalse(simulate(wrongHits, seed, 1_000_000).passed(), "seed " + seed);
        }
    }

    @Test
    void zScoresAreDifferencesInExactStandardErrors() {
        // 100 rounds at stake 1: total win 110, 40 hits, against RTP 1, variance 4, hit frequency 1/2.
        Statistics s = new Statistics(1, 100, 40, BigInteger.valueOf(110), BigInteger.valueOf(100), BigInteger.ZERO, BigInteger.valueOf(100),
                BigInteger.valueOf(110), 5, List.of(BigInteger.valueOf(110)), List.of(), List.of());
        ExactFigures exact = new ExactFigures(Fraction.ONE, List.of(Fraction.ONE), Fraction.of(1, 2), Fraction.of(4),
                List.of());
        Verdict verdict = Verdict.judge(s, exact, 0.99);
        assertEquals(0.1 / 0.2, verdict.rtpZ(), 1e-12);
        assertEquals(-0.1 / 0.05, verdict.hitFrequencyZ(), 1e-12);
        assertTrue(verdict.passed());
    }

    @Test
    void aGameWithoutVarianceMustMatchExactly() {
        Statistics s = new Statistics(2, 10, 10, BigInteger.TEN, BigInteger.valueOf(20), BigInteger.valueOf(10),
                BigInteger.valueOf(40), BigInteger.valueOf(20), 1, List.of(BigInteger.TEN), List.of(), List.of());
        ExactFigures half = new ExactFigures(Fraction.of(1, 2), List.of(Fraction.of(1, 2)), Fraction.ONE, Fraction.ZERO,
                List.of());
        assertTrue(Verdict.judge(s, half, 0.99).passed());
        ExactFigures more = new ExactFigures(Fraction.of(3, 5), List.of(Fraction.of(3, 5)), Fraction.ONE,
                Fraction.ZERO, List.of());
        Verdict wrong = Verdict.judge(s, more, 0.99);
        assertFalse(wrong.passed());
        assertEquals(Double.NEGATIVE_INFINITY, wrong.rtpZ());
    }
}

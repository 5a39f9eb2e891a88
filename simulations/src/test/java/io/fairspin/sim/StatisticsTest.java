package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.Fraction;
import io.fairspin.math.RoundOutcome;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sums and figures of {@link Tally} and {@link Statistics}, on scripted wins worked out by hand. */
class StatisticsTest {

    private static Statistics tally(long stake, long... wins) {
        ScriptedGame game = new ScriptedGame(stake, wins);
        Tally tally = new Tally(game);
        tally.play(game, null, RoundOutcome.forGame(game), wins.length);
        return tally.statistics();
    }

    @Test
    void winsFallIntoTheirBucketsAtTheEdges() {
        // Stake 10: the edges 0.5, 1, 2, 5, ..., 10000 times the stake are the wins 5, 10, 20, 50, ..., 100000.
        Statistics s = tally(10, 0, 4, 5, 9, 10, 19, 20, 49, 50, 99_999, 100_000, 7, 14);
        List<Statistics.Bucket> buckets = s.histogramBuckets();
        assertEquals(16, buckets.size());
        assertEquals("0", buckets.get(0).label());
        assertEquals("(0, 0.5)", buckets.get(1).label());
        assertEquals("[0.5, 1)", buckets.get(2).label());
        assertEquals("[5000, 10000)", buckets.get(14).label());
        assertEquals("[10000, ∞)", buckets.get(15).label());
        assertEquals(List.of(1L, 1L, 3L, 3L, 2L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 1L), s.histogram());
    }

    @Test
    void anOddStakeRoundsTheEdgesUp() {
        // Stake 3: half the stake is 1.5, so a win of 1 is below it and 2 is at or above it.
        Statistics s = tally(3, 1, 2, 3);
        assertEquals(List.of(0L, 1L, 1L, 1L), s.histogram().subList(0, 4));
    }

    @Test
    void sumsCountsMaximumAndFeaturesAreExact() {
        Statistics s = tally(10, 0, 4, 0, 14, 30);
        assertEquals(5, s.rounds());
        assertEquals(3, s.hits());
        assertEquals(BigInteger.valueOf(48), s.totalWin());
        assertEquals(BigInteger.valueOf(16 + 196 + 900), s.sumOfSquaredWins());
        assertEquals(30, s.maxWin());
        assertEquals(3.0, s.maxWinMultiple());
        assertEquals(List.of(BigInteger.valueOf(48)), s.winByType());
        assertEquals(List.of(1L), s.featureCounts(), "14 is the one win divisible by 7");
        assertEquals(Fraction.of(48, 50), s.exactRtp());
        assertEquals(0.6, s.hitFrequency());
        assertEquals(0.2, s.featureFrequency(0));
        assertEquals(0.96, s.rtpOfWinType(0), 1e-15);
    }

    @Test
    void squaresBeyond64BitsAreSummedExactly() {
        long big = 3_000_000_000_000L;
        long[] wins = new long[1000];
        java.util.Arrays.fill(wins, big);
        wins[0] = Long.MAX_VALUE / 2000;
        Statistics s = tally(1, wins);
        BigInteger expected = BigInteger.valueOf(big).pow(2).multiply(BigInteger.valueOf(999))
                .add(BigInteger.valueOf(Long.MAX_VALUE / 2000).pow(2));
        assertEquals(expected, s.sumOfSquaredWins());
    }

    @Test
    void theStandardDeviationIsTheSampleOneInMultiplesOfTheStake() {
        long[] wins = {0, 0, 20, 0, 5, 0, 0, 150, 0, 10, 0, 0, 0, 35};
        Statistics s = tally(10, wins);
        // Two-pass computation over x = win / stake.
        double mean = 0;
        for (long w : wins) {
            mean += w / 10.0;
        }
        mean /= wins.length;
        double squares = 0;
        for (long w : wins) {
            squares += (w / 10.0 - mean) * (w / 10.0 - mean);
        }
        double expected = Math.sqrt(squares / (wins.length - 1));
        assertEquals(expected, s.standardDeviation(), 1e-12);
        assertEquals(2.5758293035489 * expected, s.volatilityIndex(0.99), 1e-9);
        Statistics.Interval interval = s.rtpInterval(0.99);
        assertEquals(mean, (interval.low() + interval.high()) / 2, 1e-12);
        assertEquals(2.5758293035489 * expected / Math.sqrt(wins.length), (interval.high() - interval.low()) / 2, 1e-9);
    }

    @Test
    void withAFixedStakeTheRtpDeviationIsTheStandardDeviationAndNothingVaries() {
        Statistics s = tally(10, 0, 0, 20, 0, 5, 0, 0, 150, 0, 10, 0, 0, 0, 35);
        assertTrue(s.fixedStake());
        assertEquals(BigInteger.valueOf(140), s.totalStake());
        assertEquals(BigInteger.valueOf(1400), s.sumOfSquaredStakes());
        assertEquals(BigInteger.valueOf(2200), s.sumOfWinsTimesStakes());
        assertEquals(s.standardDeviation(), s.rtpDeviation(), "the same rational, rounded the same way");
        assertEquals(1.0, s.averageStake());
        assertEquals(1 - s.rtp(), s.houseEdge(), 1e-15);
    }

    /** Initial stake 10; stakes 10, 20, 10, 30, 20 (raised in rounds 2, 4, 5); wins 0, 40, 10, 0, 20. */
    private static Statistics raised() {
        long[] stakes = {10, 20, 10, 30, 20};
        long[] wins = {0, 40, 10, 0, 20};
        ScriptedGame game = ScriptedGame.staking(10, stakes, wins);
        Tally tally = new Tally(game);
        tally.play(game, null, RoundOutcome.forGame(game), wins.length);
        return tally.statistics();
    }

    @Test
    void stakesAddedDuringRoundsAreSummedExactly() {
        Statistics s = raised();
        assertFalse(s.fixedStake());
        assertEquals(BigInteger.valueOf(90), s.totalStake());
        assertEquals(BigInteger.valueOf(100 + 400 + 100 + 900 + 400), s.sumOfSquaredStakes());
        assertEquals(BigInteger.valueOf(800 + 100 + 400), s.sumOfWinsTimesStakes());
        assertEquals(BigInteger.valueOf(1600 + 100 + 400), s.sumOfSquaredWins());
        assertEquals(Fraction.of(70, 90), s.exactRtp());
        assertEquals(1.8, s.averageStake(), 1e-15);
        assertEquals(0.4, s.houseEdge(), 1e-15, "(90 - 70) / (5 · 10)");
        assertEquals(70.0 / 90, s.rtpOfWinType(0), 1e-15);
        assertEquals(4.0, s.maxWinMultiple(), "in multiples of the initial stake");
    }

    @Test
    void withVariableStakesTheDeviationIsOfTheNetResultPerInitialStake() {
        Statistics s = raised();
        // Two-pass over d = (w - s) / 10 = -1, 2, 0, -3, 0: mean -0.4, squared deviations sum 13.2.
        assertEquals(Math.sqrt(13.2 / 4), s.standardDeviation(), 1e-12);
        Statistics.Interval edge = s.houseEdgeInterval(0.99);
        assertEquals(0.4, (edge.low() + edge.high()) / 2, 1e-12);
        assertEquals(2.5758293035489 * Math.sqrt(3.3 / 5), (edge.high() - edge.low()) / 2, 1e-9);
    }

    @Test
    void withVariableStakesTheRtpIntervalIsTheDeltaMethods() {
        Statistics s = raised();
        // Two-pass over r = (w - R·s) / mean stake, R = 70/90 and mean stake 18: the residuals sum to 0.
        long[] stakes = {10, 20, 10, 30, 20};
        long[] wins = {0, 40, 10, 0, 20};
        double ratio = 70.0 / 90;
        double squares = 0;
        for (int i = 0; i < wins.length; i++) {
            double r = (wins[i] - ratio * stakes[i]) / 18;
            squares += r * r;
        }
        double deviation = Math.sqrt(squares / (wins.length - 1));
        assertEquals(deviation, s.rtpDeviation(), 1e-12);
        Statistics.Interval interval = s.rtpInterval(0.99);
        assertEquals(ratio, (interval.low() + interval.high()) / 2, 1e-12);
        assertEquals(2.5758293035489 * deviation / Math.sqrt(5), (interval.high() - interval.low()) / 2, 1e-9);
    }

    @Test
    void mergedTalliesEqualOneTallyOfAllTheRounds() {
        long[] first = {0, 70, 3, 0, 1_000_000};
        long[] second = {14, 0, 0, 5};
        ScriptedGame a = new ScriptedGame(2, first);
        ScriptedGame b = new ScriptedGame(2, second);
        Tally merged = new Tally(a);
        merged.play(a, null, RoundOutcome.forGame(a), first.length);
        Tally other = new Tally(b);
        other.play(b, null, RoundOutcome.forGame(b), second.length);
        merged.add(other);
        assertEquals(tally(2, 0, 70, 3, 0, 1_000_000, 14, 0, 0, 5), merged.statistics());
    }

    @Test
    void criticalValuesAreTheNormalQuantiles() {
        // Standard normal quantiles from published tables: 1.959964 (95%), 2.575829 (99%).
        assertEquals(1.959964, Statistics.criticalValue(0.95), 1e-6);
        assertEquals(2.575829, Statistics.criticalValue(0.99), 1e-6);
        assertTrue(Statistics.criticalValue(0.999) > 3.29);
    }
}

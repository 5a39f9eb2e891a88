package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.RoundOutcome;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 10^13 rounds overflow no count or sum. Playing them would take days, so the test plays one chunk of a
 * synthetic game with the largest wins and stakes a long holds, and merges tallies by doubling (x.add(x))
 * and adding the binary digits of the round count, exactly as chunks, ranges and Spark tasks merge;
 * every sum is checked against BigInteger arithmetic done independently.
 */
class TallyBoundaryTest {
    private static final long TARGET = 10_000_000_000_000L;

    @Test
    void tenToTheThirteenRoundsOfHugeWinsAndStakesAddUpExactly() throws Exception {
        long stake = 1L << 40;
        long bigWin = Long.MAX_VALUE;
        long bigStake = Long.MAX_VALUE;
        // Four rounds: a huge win on a huge stake, a small win, nothing, a win just below the fast path's limit.
        long[] wins = {bigWin, 7, 0, (1L << Tally.SMALL_BITS) - 1};
        long[] stakes = {bigStake, stake, stake + 3, stake};
        ScriptedGame game = ScriptedGame.staking(stake, stakes, wins);
        Tally four = new Tally(game);
        four.play(game, null, RoundOutcome.forGame(game), 4);

        // TARGET is divisible by 4: sum the tallies of 4·2^k rounds over the binary digits of TARGET / 4.
        long quarters = TARGET / 4;
        Tally total = new Tally(game);
        Tally power = copy(four, game);
        for (long bits = quarters; bits != 0; bits >>>= 1) {
            if ((bits & 1) != 0) {
                total.add(power);
            }
            power.add(copy(power, game));
        }
        Statistics s = total.statistics();

        BigInteger n = BigInteger.valueOf(quarters);
        BigInteger sumW = BigInteger.ZERO;
        BigInteger sumW2 = BigInteger.ZERO;
        BigInteger sumS = BigInteger.ZERO;
        BigInteger sumS2 = BigInteger.ZERO;
        BigInteger sumWS = BigInteger.ZERO;
        for (int i = 0; i < 4; i++) {
            BigInteger w = BigInteger.valueOf(wins[i]);
            BigInteger st = BigInteger.valueOf(stakes[i]);
            sumW = sumW.add(w);
            sumW2 = sumW2.add(w.multiply(w));
            sumS = sumS.add(st);
            sumS2 = sumS2.add(st.multiply(st));
            sumWS = sumWS.add(w.multiply(st));
        }
        assertEquals(TARGET, s.rounds());
        assertEquals(3 * quarters, s.hits());
        assertEquals(n.multiply(sumW), s.totalWin());
        assertTrue(s.totalWin().bitLength() > 100, "far past 64 bits");
        assertEquals(n.multiply(sumW2), s.sumOfSquaredWins());
        assertTrue(s.sumOfSquaredWins().bitLength() > 128, "far past 128 bits");
        assertEquals(n.multiply(sumS), s.totalStake());
        assertEquals(n.multiply(sumS2), s.sumOfSquaredStakes());
        assertEquals(n.multiply(sumWS), s.sumOfWinsTimesStakes());
        assertEquals(List.of(n.multiply(sumW)), s.winByType());
        assertEquals(bigWin, s.maxWin());
        assertEquals(TARGET, s.histogram().stream().mapToLong(Long::longValue).sum());
        assertEquals(Fraction.of(sumW, sumS), s.exactRtp());
        assertTrue(Double.isFinite(s.standardDeviation()) && Double.isFinite(s.rtpDeviation()));
        // The report's figures and a verdict at this size compute without overflow.
        ExactFigures claimed = new ExactFigures(Fraction.of(sumW, sumS), List.of(Fraction.of(sumW, sumS)),
                Fraction.of(3, 4), Fraction.ONE, List.of(Fraction.ZERO));
        assertTrue(Double.isFinite(Verdict.judge(s, claimed, 0.99).rtpZ()));
        // And the tally survives its encoding (what --resume saves and Spark tasks send).
        assertEquals(s, new RangeTally(0, total).statistics());
        assertEquals(s, RangeTally.decode(new RangeTally(0, total).encode(), game).statistics());
    }

    private static Tally copy(Tally tally, ScriptedGame game) throws Exception {
        return RangeTally.decode(new RangeTally(0, tally).encode(), game).tally();
    }
}

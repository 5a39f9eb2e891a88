package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairspin.math.RoundOutcome;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Merging tallies is exact and does not depend on where the rounds were split or in which order merged. */
class TallyProperties {

    private static Tally tally(long stake, long[] wins) {
        Tally tally = new Tally(new ScriptedGame(stake, 0));
        if (wins.length > 0) {
            ScriptedGame game = new ScriptedGame(stake, wins);
            tally.play(game, null, RoundOutcome.forGame(game), wins.length);
        }
        return tally;
    }

    @Property
    void splittingAndMergingInEitherOrderChangesNothing(
            @ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0, max = 4_000_000_000_000L) Long> wins,
            @ForAll @IntRange(min = 0, max = 200) int split, @ForAll @LongRange(min = 1, max = 1000) long stake) {
        long[] all = wins.stream().mapToLong(Long::longValue).toArray();
        int at = Math.min(split, all.length);
        long[] head = Arrays.copyOfRange(all, 0, at);
        long[] tail = Arrays.copyOfRange(all, at, all.length);

        Tally headFirst = tally(stake, head);
        headFirst.add(tally(stake, tail));
        Tally tailFirst = tally(stake, tail);
        tailFirst.add(tally(stake, head));
        Statistics whole = tally(stake, all).statistics();

        assertEquals(whole, headFirst.statistics());
        assertEquals(whole, tailFirst.statistics());
        BigInteger squares = wins.stream().map(BigInteger::valueOf).map(w -> w.multiply(w))
                .reduce(BigInteger.ZERO, BigInteger::add);
        assertEquals(squares, whole.sumOfSquaredWins());
        assertEquals(all.length, whole.histogram().stream().mapToLong(Long::longValue).sum());
    }

    private static Tally staked(long stake, long[] stakes, long[] wins) {
        Tally tally = new Tally(new ScriptedGame(stake, 0));
        if (wins.length > 0) {
            ScriptedGame game = ScriptedGame.staking(stake, stakes, wins);
            tally.play(game, null, RoundOutcome.forGame(game), wins.length);
        }
        return tally;
    }

    @Property
    void stakeSumsAreExactAndMergeInEitherOrder(
            @ForAll @Size(min = 1, max = 100) List<@LongRange(min = 0, max = 4_000_000_000_000L) Long> wins,
            @ForAll @Size(min = 100, max = 100) List<@LongRange(min = 0, max = 3_000_000_000_000L) Long> extras,
            @ForAll @IntRange(min = 0, max = 100) int split, @ForAll @LongRange(min = 1, max = 1000) long stake) {
        long[] w = wins.stream().mapToLong(Long::longValue).toArray();
        long[] s = new long[w.length];
        BigInteger stakes = BigInteger.ZERO;
        BigInteger squares = BigInteger.ZERO;
        BigInteger products = BigInteger.ZERO;
        for (int i = 0; i < w.length; i++) {
            s[i] = stake + extras.get(i);
            BigInteger si = BigInteger.valueOf(s[i]);
            stakes = stakes.add(si);
            squares = squares.add(si.multiply(si));
            products = products.add(si.multiply(BigInteger.valueOf(w[i])));
        }
        int at = Math.min(split, w.length);
        Tally headFirst = staked(stake, Arrays.copyOfRange(s, 0, at), Arrays.copyOfRange(w, 0, at));
        headFirst.add(staked(stake, Arrays.copyOfRange(s, at, w.length), Arrays.copyOfRange(w, at, w.length)));
        Tally tailFirst = staked(stake, Arrays.copyOfRange(s, at, w.length), Arrays.copyOfRange(w, at, w.length));
        tailFirst.add(staked(stake, Arrays.copyOfRange(s, 0, at), Arrays.copyOfRange(w, 0, at)));
        Statistics whole = staked(stake, s, w).statistics();

        assertEquals(whole, headFirst.statistics());
        assertEquals(whole, tailFirst.statistics());
        assertEquals(stakes, whole.totalStake());
        assertEquals(squares, whole.sumOfSquaredStakes());
        assertEquals(products, whole.sumOfWinsTimesStakes());
    }
}

package io.fairspin.sim;

import io.fairspin.math.Game;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The integer sums of a set of rounds: what one chunk accumulates while its rounds are played, and what
 * the chunks add up to. Merging is exact and order-independent, so the totals do not depend on how the
 * chunks were spread over threads. Not thread-safe.
 */
final class Tally {
    private final String gameId;
    private final long stake;
    private final long[] bucketThresholds;
    private final long[] winByType;
    private final long[] featureCounts;
    private final long[] histogram;
    private long rounds;
    private long hits;
    private long totalWin;
    private long squaresHigh;
    private long squaresLow;
    private long maxWin;

    Tally(Game game) {
        this.gameId = game.id();
        this.stake = game.stake();
        if (stake <= 0) {
            throw new IllegalArgumentException(gameId + ": stake: must be positive, was " + stake);
        }
        this.bucketThresholds = WinHistogram.thresholds(stake);
        this.winByType = new long[game.winTypes().size()];
        this.featureCounts = new long[game.features().size()];
        this.histogram = new long[WinHistogram.BUCKETS];
    }

    /**
     * Plays {@code count} rounds of {@code game} from {@code stream} into {@code outcome} and adds them:
     * the simulation's inner loop, which allocates nothing and keeps its sums in locals.
     */
    void play(Game game, RandomStream stream, RoundOutcome outcome, int count) {
        long[] thresholds = bucketThresholds;
        long[] byType = winByType;
        long[] features = featureCounts;
        long[] buckets = histogram;
        long hitCount = 0;
        long winSum = 0;
        long squareHigh = 0;
        long squareLow = 0;
        long max = maxWin;
        for (int i = 0; i < count; i++) {
            game.play(stream, outcome);
            if (outcome.stake() != stake) {
                throw wrongStake(outcome.stake());
            }
            for (int f = 0; f < features.length; f++) {
                if (outcome.triggered(f)) {
                    features[f]++;
                }
            }
            long win = outcome.win();
            if (win == 0) {
                buckets[0]++;
                continue;
            }
            if (win < 0) {
                throw new IllegalStateException(gameId + ": a round won " + win + ", a win must not be negative");
            }
            hitCount++;
            winSum += win;
            long squareLowBefore = squareLow;
            squareLow += win * win;
            squareHigh += Math.multiplyHigh(win, win) + (Long.compareUnsigned(squareLow, squareLowBefore) < 0 ? 1 : 0);
            max = Math.max(max, win);
            for (int t = 0; t < byType.length; t++) {
                byType[t] += outcome.win(t);
            }
            int bucket = 1;
            while (bucket <= thresholds.length && win >= thresholds[bucket - 1]) {
                bucket++;
            }
            buckets[bucket]++;
        }
        rounds += count;
        hits += hitCount;
        totalWin = Math.addExact(totalWin, winSum);
        addSquares(squareHigh, squareLow);
        maxWin = max;
    }

    private IllegalStateException wrongStake(long roundStake) {
        return new IllegalStateException(gameId + ": a round staked " + roundStake + ", expected the standard stake "
                + stake);
    }

    private void addSquares(long high, long low) {
        long before = squaresLow;
        squaresLow += low;
        squaresHigh = Math.addExact(squaresHigh, Math.addExact(high,
                Long.compareUnsigned(squaresLow, before) < 0 ? 1 : 0));
    }

    /** Adds the rounds of {@code other}, a tally of the same game. */
    void add(Tally other) {
        rounds += other.rounds;
        hits += other.hits;
        totalWin = Math.addExact(totalWin, other.totalWin);
        addSquares(other.squaresHigh, other.squaresLow);
        maxWin = Math.max(maxWin, other.maxWin);
        addAll(winByType, other.winByType);
        addAll(featureCounts, other.featureCounts);
        addAll(histogram, other.histogram);
    }

    private static void addAll(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] = Math.addExact(into[i], from[i]);
        }
    }

    long rounds() {
        return rounds;
    }

    long totalWin() {
        return totalWin;
    }

    /** The figures of the rounds so far. */
    Statistics statistics() {
        BigInteger squares = BigInteger.valueOf(squaresHigh).shiftLeft(64)
                .add(new BigInteger(Long.toUnsignedString(squaresLow)));
        return new Statistics(stake, rounds, hits, totalWin, squares, maxWin, toList(winByType),
                toList(featureCounts), toList(histogram));
    }

    private static java.util.List<Long> toList(long[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}

package io.fairspin.sim;

import io.fairspin.math.Game;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * The integer sums of a set of rounds: what one chunk accumulates while its rounds are played, and what
 * the chunks add up to. Merging is exact and order-independent, so the totals do not depend on how the
 * chunks were spread over threads. Not thread-safe.
 *
 * <p>A round's stake is the game's initial stake B plus whatever it added during the round (a raise, a
 * double, odds). The sums of stakes are kept as the sums of that extra e = stake − B, which is 0 in most
 * rounds of most games: the loop only touches them when it is not.
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
    private final Sum128 squaredWins = new Sum128();
    private long extraStake;
    private final Sum128 squaredExtras = new Sum128();
    private final Sum128 winsTimesExtras = new Sum128();
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
            for (int f = 0; f < features.length; f++) {
                if (outcome.triggered(f)) {
                    features[f]++;
                }
            }
            long win = outcome.win();
            if (win < 0) {
                throw new IllegalStateException(gameId + ": a round won " + win + ", a win must not be negative");
            }
            long extra = outcome.stake() - stake;
            if (extra != 0) {
                addExtraStake(extra, win);
            }
            if (win == 0) {
                buckets[0]++;
                continue;
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
        squaredWins.add(squareHigh, squareLow);
        maxWin = max;
    }

    /** Adds a round's stake beyond the initial one, {@code extra}, with the round's {@code win}. */
    private void addExtraStake(long extra, long win) {
        if (extra < 0) {
            throw new IllegalStateException(gameId + ": a round staked " + (stake + extra)
                    + ", less than the initial stake " + stake);
        }
        extraStake = Math.addExact(extraStake, extra);
        squaredExtras.addProduct(extra, extra);
        winsTimesExtras.addProduct(win, extra);
    }

    /** Adds the rounds of {@code other}, a tally of the same game. */
    void add(Tally other) {
        rounds += other.rounds;
        hits += other.hits;
        totalWin = Math.addExact(totalWin, other.totalWin);
        squaredWins.add(other.squaredWins);
        extraStake = Math.addExact(extraStake, other.extraStake);
        squaredExtras.add(other.squaredExtras);
        winsTimesExtras.add(other.winsTimesExtras);
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

    /** The total staked, initial stakes and those added during rounds. */
    BigInteger totalStake() {
        return BigInteger.valueOf(rounds).multiply(BigInteger.valueOf(stake)).add(BigInteger.valueOf(extraStake));
    }

    /**
     * The figures of the rounds so far. With s = B + e: Σs = nB + Σe, Σs² = nB² + 2BΣe + Σe² and
     * Σw·s = BΣw + Σw·e.
     */
    Statistics statistics() {
        BigInteger b = BigInteger.valueOf(stake);
        BigInteger n = BigInteger.valueOf(rounds);
        BigInteger extra = BigInteger.valueOf(extraStake);
        BigInteger squaredStakes = n.multiply(b).multiply(b).add(b.multiply(extra).shiftLeft(1))
                .add(squaredExtras.value());
        BigInteger winsTimesStakes = b.multiply(BigInteger.valueOf(totalWin)).add(winsTimesExtras.value());
        return new Statistics(stake, rounds, hits, totalWin, totalStake(), squaredWins.value(), squaredStakes,
                winsTimesStakes, maxWin, toList(winByType), toList(featureCounts), toList(histogram));
    }

    private static List<Long> toList(long[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}

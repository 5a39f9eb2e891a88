package io.fairspin.sim;

import io.fairspin.math.Game;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.WinDistribution;
import io.fairspin.rng.RandomStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * The integer sums of a set of rounds: what one chunk accumulates while its rounds are played, and what
 * the chunks add up to. Merging is exact and order-independent, so the totals do not depend on how the
 * chunks were spread over threads, tasks or runs. Not thread-safe.
 *
 * <p>A round's stake is the game's initial stake B plus whatever it added during the round (a raise, a
 * double, odds). The sums of stakes are kept as the sums of that extra e = stake − B, which is 0 in most
 * rounds of most games: the loop only touches them when it is not.
 *
 * <p>No sum can overflow: counts are 64-bit (a plan has at most Long.MAX_VALUE rounds),
 * and every sum of money is a {@link BigInteger}. The loop adds rounds whose win and extra stake are
 * below 2^{@value #SMALL_BITS} in 64- and 128-bit locals, which cannot overflow within one call of at
 * most {@link Simulation#CHUNK_ROUNDS} rounds, and folds them into the big sums at the end of the call;
 * a round with a larger amount goes straight to the big sums.
 */
final class Tally {
    /** Amounts below 2^SMALL_BITS are summed in machine words: 2^16 rounds of them fit 63 and 127 bits. */
    static final int SMALL_BITS = 46;
    private static final long SMALL = 1L << SMALL_BITS;

    private final String gameId;
    private final long stake;
    private final long[] bucketThresholds;
    private final long[] winByTypeScratch;
    private final BigInteger[] winByType;
    private final long[] featureCounts;
    private final long[] histogram;
    private long rounds;
    private long hits;
    private BigInteger totalWin = BigInteger.ZERO;
    private BigInteger squaredWins = BigInteger.ZERO;
    private BigInteger extraStake = BigInteger.ZERO;
    private BigInteger squaredExtras = BigInteger.ZERO;
    private BigInteger winsTimesExtras = BigInteger.ZERO;
    private long maxWin;
    /** The small extra-stake sums of the current call of {@link #play}. */
    private final Sum128 smallSquaredExtras = new Sum128();
    private final Sum128 smallWinsTimesExtras = new Sum128();
    private long smallExtraStake;
    /**
     * Where a round's win is counted for the game's exact win distribution ({@link WinDistribution}); {@code
     * winCounts} counts the rounds per win, then (when the distribution leaves them out) the rounds that
     * triggered a feature, then the rounds whose win is not in the distribution ({@link AwardIndex}).
     */
    private final AwardIndex awards;
    private final long[] winCounts;
    /** Per award of {@link AwardIndex#occurrenceAwards()}: its occurrences, and the sum of each round's count squared. */
    private final long[] awardOccurrences;
    private final long[] awardSquares;

    Tally(Game game) {
        this(game, AwardIndex.of(game));
    }

    /** A tally of {@code game} counting wins by {@code awards} (built once per simulation). */
    Tally(Game game, AwardIndex awards) {
        this(game.id(), game.stake(), game.winTypes().size(), game.features().size(), awards);
    }

    private Tally(String gameId, long stake, int winTypes, int features, AwardIndex awards) {
        this.gameId = gameId;
        this.awards = awards;
        this.winCounts = new long[awards.size()];
        this.awardOccurrences = new long[awards.occurrenceAwards().size()];
        this.awardSquares = new long[awardOccurrences.length];
        this.stake = stake;
        if (stake <= 0) {
            throw new IllegalArgumentException(gameId + ": stake: must be positive, was " + stake);
        }
        this.bucketThresholds = WinHistogram.thresholds(stake);
        this.winByTypeScratch = new long[winTypes];
        this.winByType = new BigInteger[winTypes];
        Arrays.fill(winByType, BigInteger.ZERO);
        this.featureCounts = new long[features];
        this.histogram = new long[WinHistogram.BUCKETS];
    }

    /**
     * Plays {@code count} rounds (at most {@link Simulation#CHUNK_ROUNDS}) of {@code game} from
     * {@code stream} into {@code outcome} and adds them: the simulation's inner loop, which allocates
     * nothing while it plays and keeps its sums in locals.
     */
    void play(Game game, RandomStream stream, RoundOutcome outcome, int count) {
        play(game, stream, outcome, count, false);
    }

    /**
     * {@link #play(Game, RandomStream, RoundOutcome, int)}, each round played with {@link Game#playFast} when
     * {@code fast} (a fast-mode simulation), with {@link Game#play} otherwise.
     */
    void play(Game game, RandomStream stream, RoundOutcome outcome, int count, boolean fast) {
        if (count > Simulation.CHUNK_ROUNDS) {
            throw new IllegalArgumentException("count: at most " + Simulation.CHUNK_ROUNDS + ", was " + count);
        }
        long[] thresholds = bucketThresholds;
        long[] byType = winByTypeScratch;
        long[] features = featureCounts;
        long[] buckets = histogram;
        long hitCount = 0;
        long winSum = 0;
        long squareHigh = 0;
        long squareLow = 0;
        long max = maxWin;
        AwardIndex index = awards;
        boolean countWins = index.counts();
        boolean pooled = index.featurePooled();
        long[] counts = winCounts;
        long[] occurrences = awardOccurrences;
        long[] squares = awardSquares;
        if (occurrences.length > 0 && !outcome.countsAwards()) {
            throw new IllegalArgumentException("outcome: must count the awards of " + gameId);
        }
        for (int i = 0; i < count; i++) {
            if (fast) {
                game.playFast(stream, outcome);
            } else {
                game.play(stream, outcome);
            }
            boolean featured = false;
            for (int f = 0; f < features.length; f++) {
                if (outcome.triggered(f)) {
                    features[f]++;
                    featured = true;
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
            if (countWins) {
                counts[pooled && featured ? index.featureIndex() : win == 0 ? index.zeroIndex() : index.of(win)]++;
            }
            if (occurrences.length > 0) {
                for (int k = 0; k < outcome.countedAwards(); k++) {
                    int a = outcome.countedAward(k);
                    long c = outcome.awards(a);
                    occurrences[a] += c;
                    squares[a] += c * c;
                }
            }
            if (win == 0) {
                buckets[0]++;
                continue;
            }
            hitCount++;
            max = Math.max(max, win);
            if (win < SMALL) {
                winSum += win;
                long squareLowBefore = squareLow;
                squareLow += win * win;
                squareHigh += Math.multiplyHigh(win, win)
                        + (Long.compareUnsigned(squareLow, squareLowBefore) < 0 ? 1 : 0);
                for (int t = 0; t < byType.length; t++) {
                    byType[t] += outcome.win(t);
                }
            } else {
                addLargeWin(outcome, win);
            }
            int bucket = 1;
            while (bucket <= thresholds.length && win >= thresholds[bucket - 1]) {
                bucket++;
            }
            buckets[bucket]++;
        }
        rounds = Math.addExact(rounds, count);
        hits += hitCount;
        totalWin = totalWin.add(BigInteger.valueOf(winSum));
        squaredWins = squaredWins.add(Sum128.value(squareHigh, squareLow));
        maxWin = max;
        for (int t = 0; t < byType.length; t++) {
            if (byType[t] != 0) {
                winByType[t] = winByType[t].add(BigInteger.valueOf(byType[t]));
                byType[t] = 0;
            }
        }
        if (smallExtraStake != 0) {
            extraStake = extraStake.add(BigInteger.valueOf(smallExtraStake));
            squaredExtras = squaredExtras.add(smallSquaredExtras.value());
            winsTimesExtras = winsTimesExtras.add(smallWinsTimesExtras.value());
            smallExtraStake = 0;
            smallSquaredExtras.clear();
            smallWinsTimesExtras.clear();
        }
    }

    /** A win of 2^SMALL_BITS or more: straight into the big sums. */
    private void addLargeWin(RoundOutcome outcome, long win) {
        BigInteger w = BigInteger.valueOf(win);
        totalWin = totalWin.add(w);
        squaredWins = squaredWins.add(w.multiply(w));
        for (int t = 0; t < winByType.length; t++) {
            winByType[t] = winByType[t].add(BigInteger.valueOf(outcome.win(t)));
        }
    }

    /** Adds a round's stake beyond the initial one, {@code extra}, with the round's {@code win}. */
    private void addExtraStake(long extra, long win) {
        if (extra < 0) {
            throw new IllegalStateException(gameId + ": a round staked " + (stake + extra)
                    + ", less than the initial stake " + stake);
        }
        if (extra < SMALL && win < SMALL) {
            smallExtraStake += extra;
            smallSquaredExtras.addProduct(extra, extra);
            smallWinsTimesExtras.addProduct(win, extra);
        } else {
            BigInteger e = BigInteger.valueOf(extra);
            extraStake = extraStake.add(e);
            squaredExtras = squaredExtras.add(e.multiply(e));
            winsTimesExtras = winsTimesExtras.add(e.multiply(BigInteger.valueOf(win)));
        }
    }

    /** Adds the rounds of {@code other}, a tally of the same game. */
    void add(Tally other) {
        if (other.stake != stake || other.winByType.length != winByType.length
                || other.featureCounts.length != featureCounts.length) {
            throw new IllegalArgumentException("a tally of " + other.gameId + " does not add to one of " + gameId);
        }
        rounds = Math.addExact(rounds, other.rounds);
        hits = Math.addExact(hits, other.hits);
        totalWin = totalWin.add(other.totalWin);
        squaredWins = squaredWins.add(other.squaredWins);
        extraStake = extraStake.add(other.extraStake);
        squaredExtras = squaredExtras.add(other.squaredExtras);
        winsTimesExtras = winsTimesExtras.add(other.winsTimesExtras);
        maxWin = Math.max(maxWin, other.maxWin);
        for (int t = 0; t < winByType.length; t++) {
            winByType[t] = winByType[t].add(other.winByType[t]);
        }
        addAll(featureCounts, other.featureCounts);
        addAll(histogram, other.histogram);
        addAll(winCounts, other.winCounts);
        addAll(awardOccurrences, other.awardOccurrences);
        addAll(awardSquares, other.awardSquares);
    }

    private static void addAll(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] = Math.addExact(into[i], from[i]);
        }
    }

    long rounds() {
        return rounds;
    }

    BigInteger totalWin() {
        return totalWin;
    }

    /** The total staked, initial stakes and those added during rounds. */
    BigInteger totalStake() {
        return BigInteger.valueOf(rounds).multiply(BigInteger.valueOf(stake)).add(extraStake);
    }

    /**
     * The figures of the rounds so far. With s = B + e: Σs = nB + Σe, Σs² = nB² + 2BΣe + Σe² and
     * Σw·s = BΣw + Σw·e.
     */
    Statistics statistics() {
        BigInteger b = BigInteger.valueOf(stake);
        BigInteger n = BigInteger.valueOf(rounds);
        BigInteger squaredStakes = n.multiply(b).multiply(b).add(b.multiply(extraStake).shiftLeft(1))
                .add(squaredExtras);
        BigInteger winsTimesStakes = b.multiply(totalWin).add(winsTimesExtras);
        return new Statistics(stake, rounds, hits, totalWin, totalStake(), squaredWins, squaredStakes,
                winsTimesStakes, maxWin, List.of(winByType), toList(featureCounts), toList(histogram),
                toList(winCounts), toList(awardOccurrences), toList(awardSquares));
    }

    private static List<Long> toList(long[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    /** Writes the sums (not the game) to {@code out}; {@link #read} reads them back. */
    void write(DataOutput out) throws IOException {
        out.writeLong(stake);
        out.writeInt(winByType.length);
        out.writeInt(featureCounts.length);
        out.writeLong(rounds);
        out.writeLong(hits);
        out.writeLong(maxWin);
        for (BigInteger sum : new BigInteger[] {totalWin, squaredWins, extraStake, squaredExtras, winsTimesExtras}) {
            writeBig(out, sum);
        }
        for (BigInteger sum : winByType) {
            writeBig(out, sum);
        }
        for (long count : featureCounts) {
            out.writeLong(count);
        }
        out.writeInt(histogram.length);
        for (long count : histogram) {
            out.writeLong(count);
        }
        out.writeInt(winCounts.length);
        for (long count : winCounts) {
            out.writeLong(count);
        }
        out.writeInt(awardOccurrences.length);
        for (int a = 0; a < awardOccurrences.length; a++) {
            out.writeLong(awardOccurrences[a]);
            out.writeLong(awardSquares[a]);
        }
    }

    /**
     * Reads a tally of {@code game} that {@link #write} wrote.
     *
     * @throws IOException when the data is not a tally of a game shaped like {@code game}
     */
    static Tally read(DataInput in, Game game) throws IOException {
        long stake = in.readLong();
        int types = in.readInt();
        int features = in.readInt();
        if (stake != game.stake() || types != game.winTypes().size() || features != game.features().size()) {
            throw new IOException("a tally of another game (stake " + stake + ", " + types + " win types, "
                    + features + " features), not of " + game.id());
        }
        Tally tally = new Tally(game.id(), stake, types, features, AwardIndex.of(game));
        tally.rounds = nonNegative(in.readLong());
        tally.hits = nonNegative(in.readLong());
        tally.maxWin = nonNegative(in.readLong());
        tally.totalWin = readBig(in);
        tally.squaredWins = readBig(in);
        tally.extraStake = readBig(in);
        tally.squaredExtras = readBig(in);
        tally.winsTimesExtras = readBig(in);
        for (int t = 0; t < types; t++) {
            tally.winByType[t] = readBig(in);
        }
        for (int f = 0; f < features; f++) {
            tally.featureCounts[f] = nonNegative(in.readLong());
        }
        if (in.readInt() != WinHistogram.BUCKETS) {
            throw new IOException("a tally with another win histogram");
        }
        for (int b = 0; b < WinHistogram.BUCKETS; b++) {
            tally.histogram[b] = nonNegative(in.readLong());
        }
        if (in.readInt() != tally.winCounts.length) {
            throw new IOException("a tally of another win distribution");
        }
        for (int w = 0; w < tally.winCounts.length; w++) {
            tally.winCounts[w] = nonNegative(in.readLong());
        }
        if (in.readInt() != tally.awardOccurrences.length) {
            throw new IOException("a tally of other awards");
        }
        for (int a = 0; a < tally.awardOccurrences.length; a++) {
            tally.awardOccurrences[a] = nonNegative(in.readLong());
            tally.awardSquares[a] = nonNegative(in.readLong());
        }
        return tally;
    }

    private static long nonNegative(long value) throws IOException {
        if (value < 0) {
            throw new IOException("a negative count in a tally: " + value);
        }
        return value;
    }

    private static void writeBig(DataOutput out, BigInteger value) throws IOException {
        byte[] bytes = value.toByteArray();
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static BigInteger readBig(DataInput in) throws IOException {
        int length = in.readUnsignedShort();
        if (length == 0) {
            throw new IOException("an empty number in a tally");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        BigInteger value = new BigInteger(bytes);
        if (value.signum() < 0) {
            throw new IOException("a negative sum in a tally");
        }
        return value;
    }
}

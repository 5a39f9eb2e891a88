package io.fairspin.sim;

import io.fairspin.math.Bet;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.WinDistribution;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Monte Carlo run of a game: the plan's rounds split into chunks of {@link #CHUNK_ROUNDS}, each
 * played from its own stream (see {@link RandomMode}) by whichever thread takes it next, and merged
 * exactly. The report depends on the plan alone, not on the number of threads.
 *
 * <p>{@link #cancel()} (from another thread, for example a shutdown hook on Ctrl-C) stops the run
 * within a few thousand rounds per thread; {@link #run} then returns the chunks completed so far,
 * marked partial. Chunks left unfinished are dropped whole, so every reported chunk is exactly what
 * it would have been in a complete run. {@link #snapshot()} gives the figures so far, for progress.
 */
public final class Simulation {
    /** The rounds in one chunk; part of what fixes a simulation's result. */
    public static final int CHUNK_ROUNDS = 1 << 16;

    /** How many rounds a thread plays between looks at the cancel flag. */
    private static final int CANCEL_CHECK_ROUNDS = 4096;

    private final Game game;
    private final SimulationPlan plan;
    /** Where the chunks count each round's win; built once, shared by the threads. */
    private final AwardIndex awards;
    private final AtomicLong nextChunk = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean cancelled;

    private final Object lock = new Object();
    private final Tally total;
    /** Per range: its sums so far (null before its first chunk), the chunks still to play, whether loaded. */
    private final Tally[] rangeTallies;
    private final long[] chunksLeft;
    private final boolean[] resumed;
    private SimulationCheckpoint checkpoint;

    /**
     * A simulation of {@code plan} over {@code game}, at the plan's bet ({@link #gameAt}); nothing is played before
     * {@link #run}.
     *
     * @param game the game to play; its rounds must be pure functions of their stream
     * @param plan the rounds, seed, random mode, confidence and bet
     * @throws io.fairspin.math.BetException when the game does not accept the plan's bet
     */
    public Simulation(Game game, SimulationPlan plan) {
        this.game = gameAt(game, plan.bet());
        this.plan = plan;
        this.awards = AwardIndex.of(this.game);
        this.total = new Tally(this.game, awards);
        this.rangeTallies = new Tally[plan.ranges()];
        this.chunksLeft = new long[plan.ranges()];
        this.resumed = new boolean[plan.ranges()];
        for (int r = 0; r < chunksLeft.length; r++) {
            chunksLeft[r] = plan.endChunk(r) - plan.firstChunk(r);
        }
    }

    /**
     * The game a simulation at {@code bet} plays: {@code game} itself at its standard wager; for a bought bet
     * ({@link Bet#isBonusBuy()}), its bought rounds (each {@link Game#play(Bet, RandomStream, RoundOutcome)} at the
     * bet, staking {@link Game#stake(Bet)}, with the exact figures {@link Game#exactFigures(Bet)}); for any other bet,
     * {@link Game#at(Bet) game.at(bet)}. Its stake, win types, exact figures and reports are those of a round at the
     * bet, so a simulation's figures are per unit of the bet's stake.
     *
     * @param game the game, at its standard wager
     * @param bet the bet of every round
     * @return the game whose rounds are those at {@code bet}
     * @throws io.fairspin.math.BetException when the game does not accept {@code bet}, naming its field
     */
    public static Game gameAt(Game game, Bet bet) {
        if (bet.isStandard()) {
            return game;
        }
        game.checkBet(bet);
        return bet.isBonusBuy() ? new BoughtRounds(game, bet) : game.at(bet);
    }

    /**
     * Resumes from {@code checkpoint}'s completed ranges (their chunks are not played again) and saves
     * each range completed in this run to it; before {@link #run}.
     *
     * @param checkpoint the checkpoint folder of this game and plan
     * @return this simulation
     * @throws IllegalArgumentException when a saved range does not belong to this plan
     */
    public Simulation resumeFrom(SimulationCheckpoint checkpoint) {
        synchronized (lock) {
            if (started.get()) {
                throw new IllegalStateException("resumeFrom: before run");
            }
            this.checkpoint = checkpoint;
            for (RangeTally done : checkpoint.completed()) {
                int r = done.range();
                long expected = rangeRounds(plan, r);
                if (r >= rangeTallies.length || done.rounds() != expected || resumed[r]) {
                    throw new IllegalArgumentException(checkpoint.directory() + ": range " + r
                            + " does not belong to a plan of " + plan.rounds() + " rounds");
                }
                resumed[r] = true;
                rangeTallies[r] = done.tally();
                chunksLeft[r] = 0;
                total.add(done.tally());
            }
        }
        return this;
    }

    /**
     * The number of ranges loaded from a checkpoint.
     *
     * @return the number of ranges resumed, 0 without a checkpoint
     */
    public int resumedRanges() {
        synchronized (lock) {
            int count = 0;
            for (boolean r : resumed) {
                count += r ? 1 : 0;
            }
            return count;
        }
    }

    private static long rangeRounds(SimulationPlan plan, int range) {
        long rounds = 0;
        for (long c = plan.firstChunk(range); c < plan.endChunk(range); c++) {
            rounds += plan.roundsInChunk(c);
        }
        return rounds;
    }

    /**
     * Plays range {@code range} of {@code plan} on the calling thread, chunk after chunk from the same
     * streams as {@link #run}: what one Spark task does. Equal ranges give equal tallies wherever played.
     *
     * @param game the game to play, at its standard wager (the range is played at the plan's bet)
     * @param plan the plan the range belongs to
     * @param range the range's index, in [0, plan.ranges())
     * @return the range's sums
     */
    public static RangeTally playRange(Game game, SimulationPlan plan, int range) {
        if (range < 0 || range >= plan.ranges()) {
            throw new IllegalArgumentException("range: must be in [0, " + plan.ranges() + "), was " + range);
        }
        Game played = gameAt(game, plan.bet());
        AwardIndex awards = AwardIndex.of(played);
        Tally tally = new Tally(played, awards);
        RoundOutcome outcome = awards.outcome(played);
        try (RandomMode.ChunkStreams streams = plan.mode().streams(plan.seed())) {
            for (long chunk = plan.firstChunk(range); chunk < plan.endChunk(range); chunk++) {
                RandomStream stream = streams.open(chunk);
                try {
                    tally.play(played, stream, outcome, plan.roundsInChunk(chunk), plan.mode().fastDraws());
                } finally {
                    streams.release(stream);
                }
            }
        }
        return new RangeTally(range, tally);
    }

    /**
     * The report of {@code plan} from the tallies of its completed ranges, each range at most once: equal
     * to what {@link #run} reports when all ranges are there, marked partial otherwise.
     *
     * @param game the game the ranges were played on, at its standard wager (as given to {@link #playRange})
     * @param plan the plan the ranges belong to
     * @param ranges the completed ranges, in any order; a range given twice counts once
     * @return the report of the ranges given
     */
    public static SimulationReport report(Game game, SimulationPlan plan, Iterable<RangeTally> ranges) {
        Simulation simulation = new Simulation(game, plan);
        synchronized (simulation.lock) {
            for (RangeTally done : ranges) {
                int r = done.range();
                if (r >= simulation.rangeTallies.length || simulation.rangeTallies[r] != null
                        || done.rounds() != rangeRounds(plan, r)) {
                    throw new IllegalArgumentException("range " + r + " is not a range of this plan, or given twice");
                }
                simulation.rangeTallies[r] = done.tally();
                simulation.chunksLeft[r] = 0;
                simulation.total.add(done.tally());
            }
            return simulation.report();
        }
    }

    /**
     * Plays the plan's rounds on {@code threads} threads and reports them; once per instance.
     *
     * @param threads the number of worker threads, at least 1
     * @return the report of every round played; partial when the run was cancelled
     * @throws InterruptedException when the calling thread is interrupted (the run is cancelled first)
     * @throws RuntimeException     what a thread's game play threw, the run cancelled
     */
    public SimulationReport run(int threads) throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be at least 1, was " + threads);
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a simulation runs once");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try (RandomMode.ChunkStreams streams = plan.mode().streams(plan.seed())) {
            List<Future<Void>> workers = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> work(streams)));
            }
            awaitAll(workers);
        } finally {
            pool.shutdownNow();
        }
        return report();
    }

    private void awaitAll(List<Future<Void>> workers) throws InterruptedException {
        Throwable failure = null;
        for (Future<Void> worker : workers) {
            try {
                worker.get();
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                cancel();
                throw e;
            }
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Asks the run to stop; {@link #run} then returns a partial report. Safe from any thread. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * The figures of the chunks completed so far.
     *
     * @return the sums of the completed chunks; consistent at any moment
     */
    public Statistics snapshot() {
        synchronized (lock) {
            return total.statistics();
        }
    }

    /**
     * The plan this simulation runs.
     *
     * @return the plan
     */
    public SimulationPlan plan() {
        return plan;
    }

    /** One thread's work: chunks in the order taken until none is left; a failure stops the other threads. */
    private Void work(RandomMode.ChunkStreams streams) {
        try {
            RoundOutcome outcome = awards.outcome(game);
            for (long chunk; !cancelled && (chunk = nextChunk.getAndIncrement()) < plan.chunks(); ) {
                int range = plan.rangeOf(chunk);
                if (resumed[range]) {
                    long end = plan.endChunk(range);
                    nextChunk.accumulateAndGet(end, Math::max);
                    continue;
                }
                Tally tally = playChunk(streams, chunk, outcome);
                if (tally != null) {
                    add(chunk, tally);
                }
            }
            return null;
        } catch (RuntimeException | Error e) {
            cancel();
            throw e;
        }
    }

    /** Plays chunk {@code chunk}; null when cancelled before its end. */
    private Tally playChunk(RandomMode.ChunkStreams streams, long chunk, RoundOutcome outcome) {
        RandomStream stream = streams.open(chunk);
        try {
            Tally tally = new Tally(game, awards);
            int rounds = plan.roundsInChunk(chunk);
            for (int done = 0; done < rounds; done += CANCEL_CHECK_ROUNDS) {
                if (cancelled) {
                    return null;
                }
                tally.play(game, stream, outcome, Math.min(CANCEL_CHECK_ROUNDS, rounds - done), plan.mode().fastDraws());
            }
            return tally;
        } finally {
            streams.release(stream);
        }
    }

    private void add(long chunk, Tally tally) {
        RangeTally completed = null;
        synchronized (lock) {
            total.add(tally);
            int range = plan.rangeOf(chunk);
            if (rangeTallies[range] == null) {
                rangeTallies[range] = new Tally(game, awards);
            }
            rangeTallies[range].add(tally);
            if (--chunksLeft[range] == 0 && checkpoint != null) {
                completed = new RangeTally(range, rangeTallies[range]);
                checkpoint.save(completed);
            }
        }
    }

    private SimulationReport report() {
        synchronized (lock) {
            Statistics statistics = total.statistics();
            Optional<ExactFigures> exact = game.exactFigures();
            Optional<Verdict> verdict = statistics.rounds() == 0 ? Optional.empty()
                    : exact.map(figures -> Verdict.judge(statistics, figures, winDistribution(game),
                            AwardIndex.featureRounds(game), awardOccurrences(statistics), plan.confidence()));
            boolean partial = Arrays.stream(chunksLeft).anyMatch(left -> left > 0);
            return new SimulationReport(game.id(), game.winTypes(), game.features(), plan, partial,
                    statistics, exact, verdict, convergence());
        }
    }

    /** The test of the awards' occurrences, when this simulation counted them. */
    private Optional<AwardOccurrenceTest> awardOccurrences(Statistics statistics) {
        if (statistics.awardOccurrences().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(AwardOccurrenceTest.of(statistics.rounds(), awards.occurrenceAwards(),
                awards.occurrencesPerRound(), statistics.awardOccurrences(), statistics.awardSquares()));
    }

    private static Optional<SortedMap<Long, Fraction>> winDistribution(Game game) {
        return game instanceof WinDistribution distribution ? distribution.winDistribution() : Optional.empty();
    }

    /** The running return to player after each range, in chunk order. */
    private List<SimulationReport.Point> convergence() {
        List<SimulationReport.Point> points = new ArrayList<>();
        long rounds = 0;
        BigInteger wins = BigInteger.ZERO;
        BigInteger stakes = BigInteger.ZERO;
        for (Tally range : rangeTallies) {
            if (range != null && range.rounds() > 0) {
                rounds += range.rounds();
                wins = wins.add(range.totalWin());
                stakes = stakes.add(range.totalStake());
                points.add(new SimulationReport.Point(rounds, wins.doubleValue() / stakes.doubleValue()));
            }
        }
        return points;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "fairspin-simulation-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

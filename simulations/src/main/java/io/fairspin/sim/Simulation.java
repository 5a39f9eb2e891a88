package io.fairspin.sim;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Game;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
    private static final int MAX_CONVERGENCE_POINTS = 1000;

    private final Game game;
    private final SimulationPlan plan;
    private final AtomicLong nextChunk = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean cancelled;

    private final Object lock = new Object();
    private final Tally total;
    private final long chunksPerGroup;
    private final long[] groupRounds;
    private final long[] groupWins;
    private final BigInteger[] groupStakes;
    private long chunksDone;

    public Simulation(Game game, SimulationPlan plan) {
        this.game = game;
        this.plan = plan;
        this.total = new Tally(game);
        this.chunksPerGroup = (plan.chunks() - 1) / MAX_CONVERGENCE_POINTS + 1;
        int groups = (int) ((plan.chunks() - 1) / chunksPerGroup + 1);
        this.groupRounds = new long[groups];
        this.groupWins = new long[groups];
        this.groupStakes = new BigInteger[groups];
        Arrays.fill(groupStakes, BigInteger.ZERO);
    }

    /**
     * Plays the plan's rounds on {@code threads} threads and reports them; once per instance.
     *
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

    /** The figures of the chunks completed so far. */
    public Statistics snapshot() {
        synchronized (lock) {
            return total.statistics();
        }
    }

    /** The plan this simulation runs. */
    public SimulationPlan plan() {
        return plan;
    }

    /** One thread's work: chunks in the order taken until none is left; a failure stops the other threads. */
    private Void work(RandomMode.ChunkStreams streams) {
        try {
            RoundOutcome outcome = RoundOutcome.forGame(game);
            for (long chunk; !cancelled && (chunk = nextChunk.getAndIncrement()) < plan.chunks(); ) {
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
            Tally tally = new Tally(game);
            int rounds = plan.roundsInChunk(chunk);
            for (int done = 0; done < rounds; done += CANCEL_CHECK_ROUNDS) {
                if (cancelled) {
                    return null;
                }
                tally.play(game, stream, outcome, Math.min(CANCEL_CHECK_ROUNDS, rounds - done));
            }
            return tally;
        } finally {
            streams.release(stream);
        }
    }

    private void add(long chunk, Tally tally) {
        synchronized (lock) {
            total.add(tally);
            int group = (int) (chunk / chunksPerGroup);
            groupRounds[group] += tally.rounds();
            groupWins[group] = Math.addExact(groupWins[group], tally.totalWin());
            groupStakes[group] = groupStakes[group].add(tally.totalStake());
            chunksDone++;
        }
    }

    private SimulationReport report() {
        synchronized (lock) {
            Statistics statistics = total.statistics();
            Optional<ExactFigures> exact = game.exactFigures();
            Optional<Verdict> verdict = statistics.rounds() == 0 ? Optional.empty()
                    : exact.map(figures -> Verdict.judge(statistics, figures, plan.confidence()));
            return new SimulationReport(game.id(), game.winTypes(), game.features(), plan, chunksDone < plan.chunks(),
                    statistics, exact, verdict, convergence());
        }
    }

    /** The running return to player after each group of chunks, in chunk order. */
    private List<SimulationReport.Point> convergence() {
        List<SimulationReport.Point> points = new ArrayList<>();
        long rounds = 0;
        long wins = 0;
        BigInteger stakes = BigInteger.ZERO;
        for (int g = 0; g < groupRounds.length; g++) {
            if (groupRounds[g] > 0) {
                rounds += groupRounds[g];
                wins += groupWins[g];
                stakes = stakes.add(groupStakes[g]);
                points.add(new SimulationReport.Point(rounds, wins / stakes.doubleValue()));
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

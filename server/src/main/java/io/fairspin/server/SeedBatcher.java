package io.fairspin.server;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.RoundSeed;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Hands out escrowed round seeds, with the round ids they are bound to ({@code prefix} and a counter, in
 * order). Seeds are drawn in batches with one {@link CertifiedRandom#roundSeeds} call each, whose escrow
 * record is sealed and synced once before any seed of the batch is handed out (the escrow's group commit):
 * a round's seed is durable in escrow before its commitment is sent and long before the round is played.
 *
 * <p>With a reserve of {@code n > 0}, a background thread keeps up to {@code n} seeds drawn and escrowed
 * ahead of the requests, drawing a new batch when fewer than half are left, so an open round usually takes a
 * seed that is already durable instead of waiting for a seal and a sync; the reserve's seeds are secrets held
 * in memory until they are handed out, and wiped on {@link #close()} (an escrowed seed no round uses is
 * harmless). With a reserve of 0 a batch is drawn only for the requests waiting: whatever open-round requests
 * queued up while the last batch was being escrowed.
 */
final class SeedBatcher implements AutoCloseable {
    private final CertifiedRandom rng;
    private final String prefix;
    private final int reserve;
    private final int maxBatch;
    private final Thread thread;

    // Guarded by this.
    private final Deque<RoundSeed> ready = new ArrayDeque<>();
    private final Deque<CompletableFuture<RoundSeed>> waiting = new ArrayDeque<>();
    private long nextRound;
    private boolean stopping;
    private Throwable failure;

    /**
     * A batcher drawing the seeds of rounds {@code prefix + 0}, {@code prefix + 1}, ... from {@code rng}.
     *
     * @param reserve seeds kept drawn and escrowed ahead of the requests (0: none), at most the generator's batch
     *     ({@link CertifiedRandom#maxRoundSeeds()}, which is less than the reserve asked when its reseed interval is)
     */
    SeedBatcher(CertifiedRandom rng, String prefix, int reserve) {
        this.rng = rng;
        this.prefix = prefix;
        this.maxBatch = rng.maxRoundSeeds();
        this.reserve = Math.min(reserve, maxBatch);
        this.thread = new Thread(this::run, "fairspin-seed-batcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The next escrowed seed (its round id is {@link RoundSeed#roundId()}), once it is durable in escrow. */
    synchronized CompletableFuture<RoundSeed> next() {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        if (stopping) {
            return CompletableFuture.failedFuture(new IllegalStateException("the server is stopping"));
        }
        RoundSeed seed = ready.poll();
        if (seed != null) {
            if (ready.size() < lowWater()) {
                notifyAll();
            }
            return CompletableFuture.completedFuture(seed);
        }
        CompletableFuture<RoundSeed> future = new CompletableFuture<>();
        waiting.add(future);
        notifyAll();
        return future;
    }

    /** Below this many ready seeds a new batch is drawn. */
    private int lowWater() {
        return (reserve + 1) / 2;
    }

    private void run() {
        while (true) {
            int n;
            List<String> ids;
            synchronized (this) {
                while (!stopping && failure == null && waiting.isEmpty() && ready.size() >= lowWater()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopping || failure != null) {
                    return;
                }
                n = (int) Math.min(maxBatch, Math.max(waiting.size(), (long) reserve - ready.size() + waiting.size()));
                ids = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    ids.add(prefix + nextRound++);
                }
            }
            List<RoundSeed> seeds;
            try {
                seeds = rng.roundSeeds(ids);
            } catch (RuntimeException e) {
                // The generator failed closed (health test, escrow write): nothing of the batch is handed out.
                fail(e);
                return;
            } catch (Error e) {
                fail(e); // the requests waiting would otherwise wait for ever
                throw e;
            }
            List<CompletableFuture<RoundSeed>> served = new ArrayList<>();
            List<RoundSeed> handed = new ArrayList<>();
            synchronized (this) {
                for (RoundSeed seed : seeds) {
                    CompletableFuture<RoundSeed> request = waiting.poll();
                    if (request != null) {
                        served.add(request);
                        handed.add(seed);
                    } else if (stopping) {
                        seed.wipe();
                    } else {
                        ready.add(seed);
                    }
                }
            }
            // Completed outside the lock: a request thread continues with its seed at once.
            for (int i = 0; i < served.size(); i++) {
                served.get(i).complete(handed.get(i));
            }
        }
    }

    /** Fails the requests waiting and every later one with {@code cause}. */
    private synchronized void fail(Throwable cause) {
        failure = cause;
        waiting.forEach(f -> f.completeExceptionally(cause));
        waiting.clear();
    }

    /** The seeds held in reserve now (the same objects, not copies), for a test to watch them wiped. */
    synchronized List<RoundSeed> reserved() {
        return List.copyOf(ready);
    }

    /** Stops drawing; fails the requests still waiting and wipes the seeds never handed out. */
    @Override
    public void close() {
        synchronized (this) {
            stopping = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            waiting.forEach(f -> f.completeExceptionally(new IllegalStateException("the server is stopping")));
            waiting.clear();
            ready.forEach(RoundSeed::wipe);
            ready.clear();
        }
    }
}

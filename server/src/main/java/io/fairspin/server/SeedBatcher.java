package io.fairspin.server;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.RoundSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Draws round seeds for many requests at once: whatever open-round requests queued up while the last
 * batch was being escrowed are drawn with one {@link CertifiedRandom#roundSeeds} call, whose escrow
 * record is sealed and synced once before any seed of the batch is handed out (the escrow's group
 * commit). A request waits for its seed, so a round's seed is durable in escrow before its commitment
 * is sent and long before the round is played.
 */
final class SeedBatcher implements AutoCloseable {
    private static final Request STOP = new Request(null, null);

    private record Request(String roundId, CompletableFuture<RoundSeed> seed) {
    }

    private final CertifiedRandom rng;
    private final int maxBatch;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile RuntimeException failure;

    SeedBatcher(CertifiedRandom rng, int maxBatch) {
        this.rng = rng;
        this.maxBatch = Math.min(maxBatch, CertifiedRandom.MAX_ROUND_SEEDS);
        this.thread = new Thread(this::run, "fairspin-seed-batcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The escrowed seed of {@code roundId}, once its batch is durable in escrow. */
    CompletableFuture<RoundSeed> draw(String roundId) {
        CompletableFuture<RoundSeed> seed = new CompletableFuture<>();
        if (failure != null) {
            seed.completeExceptionally(failure);
            return seed;
        }
        queue.add(new Request(roundId, seed));
        return seed;
    }

    private void run() {
        List<Request> batch = new ArrayList<>();
        while (true) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                drawAll(batch);
            }
            if (stop) {
                List<Request> rest = new ArrayList<>();
                queue.drainTo(rest);
                rest.stream().filter(r -> r != STOP)
                        .forEach(r -> r.seed().completeExceptionally(new IllegalStateException("the server is stopping")));
                return;
            }
        }
    }

    private void drawAll(List<Request> batch) {
        List<String> ids = new ArrayList<>(batch.size());
        batch.forEach(r -> ids.add(r.roundId()));
        try {
            List<RoundSeed> seeds = rng.roundSeeds(ids);
            for (int i = 0; i < seeds.size(); i++) {
                batch.get(i).seed().complete(seeds.get(i));
            }
        } catch (RuntimeException e) {
            // The generator failed closed (health test, escrow write): nothing of the batch is handed out.
            failure = e;
            batch.forEach(r -> r.seed().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        queue.add(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

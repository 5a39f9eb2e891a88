package io.fairspin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.HealthTestedEntropySource;
import io.fairspin.rng.RoundSeed;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The seed reserve: seeds handed out in round order, and the seeds never handed out wiped when the server stops. */
class SeedBatcherTest {
    @Test
    void stoppingWipesTheReserveAndHandsOutNothingMore() throws Exception {
        try (CertifiedRandom rng = CertifiedRandom.builder().build()) {
            SeedBatcher batcher = new SeedBatcher(rng, "r-", 8);
            RoundSeed first = batcher.next().get(10, TimeUnit.SECONDS);
            assertEquals("r-0", first.roundId());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (batcher.reserved().size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            List<RoundSeed> reserve = batcher.reserved();
            assertTrue(reserve.size() >= 4, "the reserve was filled: " + reserve.size());
            assertTrue(reserve.stream().noneMatch(SeedBatcherTest::zero), "the control: reserved seeds hold secrets");

            batcher.close();

            assertTrue(reserve.stream().allMatch(SeedBatcherTest::zero), "every reserved seed is wiped on stop");
            assertFalse(zero(first), "a seed handed out is its round's to wipe, not the batcher's");
            assertTrue(batcher.next().isCompletedExceptionally(), "nothing is handed out after the stop");
        }
    }

    private static boolean zero(RoundSeed seed) {
        byte[] bytes = seed.reveal();
        return Arrays.equals(bytes, new byte[bytes.length]);
    }

    /**
     * A reserve larger than the generator's batch (its reseed interval is smaller) is kept in batches the generator
     * takes: seeds are handed out, none fails.
     */
    @Test
    void aReserveLargerThanTheGeneratorsBatchIsDrawnInBatchesItTakes() throws Exception {
        try (CertifiedRandom rng = CertifiedRandom.builder().reseedInterval(100).build()) {
            assertEquals(100, rng.maxRoundSeeds());
            SeedBatcher batcher = new SeedBatcher(rng, "r-", 1024);
            try {
                for (int i = 0; i < 250; i++) {
                    assertEquals("r-" + i, batcher.next().get(10, TimeUnit.SECONDS).roundId());
                }
            } finally {
                batcher.close();
            }
        }
    }

    /**
     * An Error drawing a batch (out of memory, say) fails the requests waiting for it instead of leaving them waiting
     * for ever, and the batcher hands out nothing more.
     */
    @Test
    void anErrorDrawingABatchFailsTheWaitingRequests() throws Exception {
        SecureRandom os = new SecureRandom();
        boolean[] broken = {false};
        HealthTestedEntropySource source = new HealthTestedEntropySource(samples -> {
            if (broken[0]) {
                throw new OutOfMemoryError("the test's entropy source");
            }
            os.nextBytes(samples);
        }, 1.0, HealthTestedEntropySource.DEFAULT_ALPHA_EXPONENT);
        try (CertifiedRandom rng = CertifiedRandom.builder().entropySource(source).reseedInterval(1).build()) {
            SeedBatcher batcher = new SeedBatcher(rng, "r-", 0);
            try {
                assertEquals("r-0", batcher.next().get(10, TimeUnit.SECONDS).roundId());
                broken[0] = true;
                CompletableFuture<RoundSeed> waiting = batcher.next();
                ExecutionException failed = assertThrows(ExecutionException.class,
                        () -> waiting.get(10, TimeUnit.SECONDS));
                assertTrue(failed.getCause() instanceof OutOfMemoryError, failed.getCause().toString());
                assertTrue(batcher.next().isCompletedExceptionally(), "nothing is handed out after the failure");
            } finally {
                batcher.close();
            }
        }
    }
}

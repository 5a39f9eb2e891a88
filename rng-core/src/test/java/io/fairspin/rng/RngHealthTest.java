package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CertifiedRandom#health()} and its events: reseeds are counted and reported, a health-test failure of
 * the entropy source stops the generator, shows in the health a readiness probe reads, and is emitted.
 */
class RngHealthTest {
    /** OS randomness until stuck, then one byte value forever (what a failed noise source looks like). */
    private static final class Stickable implements EntropySource {
        private final SecureRandom random = new SecureRandom();
        volatile boolean stuck;

        @Override
        public void read(byte[] samples) {
            if (stuck) {
                java.util.Arrays.fill(samples, (byte) 0x5A);
            } else {
                random.nextBytes(samples);
            }
        }
    }

    @Test
    void reseedsAndAHealthFailureAreReportedAndEmitted() {
        Stickable source = new Stickable();
        List<RngHealthEvent> events = new ArrayList<>();
        try (CertifiedRandom rng = CertifiedRandom.builder().reseedInterval(1)
                .entropySource(new HealthTestedEntropySource(source, 8, 30)).healthListener(events::add).build()) {
            RngHealth fresh = rng.health();
            assertTrue(fresh.ready());
            assertEquals(0, fresh.reseeds());
            byte[] out = new byte[3 * CertifiedRandom.REQUEST_BYTES];
            rng.nextBytes(out); // a reseed before every request after the first
            RngHealth after = rng.health();
            assertTrue(after.reseeds() >= 2, after.toString());
            assertTrue(after.lastReseedMillis() > 0);
            assertTrue(events.stream().allMatch(e -> e.kind() == RngHealthEvent.Kind.RESEED));
            assertEquals(after.reseeds(), events.get(events.size() - 1).reseeds());

            source.stuck = true;
            assertThrows(RngFailureException.class, () -> rng.nextBytes(new byte[4 * CertifiedRandom.REQUEST_BYTES]));
            RngHealth failed = rng.health();
            assertFalse(failed.ready());
            assertFalse(failed.healthy());
            assertFalse(failed.entropySourceHealthy());
            assertTrue(failed.lastFailure().orElseThrow().contains("health test") || failed.lastFailure().orElseThrow()
                    .contains("repetition"), failed.lastFailure().toString());
            RngHealthEvent last = events.get(events.size() - 1);
            assertEquals(RngHealthEvent.Kind.HEALTH_FAILURE, last.kind());
            assertEquals(rng.instanceId(), last.instanceId());
        }
    }

    @Test
    void aClosedGeneratorIsNotReady() {
        CertifiedRandom rng = CertifiedRandom.builder().build();
        assertTrue(rng.health().ready());
        rng.close();
        assertFalse(rng.health().ready());
    }
}

package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * {@link CertifiedRandom#health()} and its events: reseeds are counted and reported, a health-test failure of
 * the entropy source stops the generator, shows in the health a readiness probe reads, and is emitted to the
 * health listener and through {@code System.Logger} (logger {@code io.fairspin.rng.CertifiedRandom}: each reseed at
 * DEBUG, the failure at ERROR), so that an embedding server sees them in its own logs. The logged events are captured
 * with a {@code java.util.logging} handler on that logger's name: the JDK's default {@code System.LoggerFinder} logs
 * through java.util.logging (DEBUG is FINE, ERROR is SEVERE), and a handler on one name, unlike a
 * {@code LoggerFinder}, is not global to the JVM.
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

    /** Keeps the records it is given. */
    private static final class Capture extends Handler {
        final List<LogRecord> records = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        synchronized List<String> lines() {
            SimpleFormatter format = new SimpleFormatter();
            List<String> lines = new ArrayList<>();
            for (LogRecord r : records) {
                lines.add(r.getLevel() + " " + format.formatMessage(r));
            }
            return lines;
        }
    }

    @Test
    void reseedsAndTheFailureThatStopsTheGeneratorAreLoggedUnderItsName() {
        // A strong reference: java.util.logging keeps its loggers weakly.
        Logger logger = Logger.getLogger(CertifiedRandom.class.getName());
        Level level = logger.getLevel();
        Capture capture = new Capture();
        capture.setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        Stickable source = new Stickable();
        try (CertifiedRandom rng = CertifiedRandom.builder().reseedInterval(1)
                .entropySource(new HealthTestedEntropySource(source, 8, 30)).build()) {
            rng.nextBytes(new byte[3 * CertifiedRandom.REQUEST_BYTES]); // a reseed before each request after the first
            long reseeds = rng.health().reseeds();
            List<String> lines = capture.lines();
            assertTrue(reseeds >= 2, "reseeds: " + reseeds);
            assertEquals(reseeds, lines.size(), lines.toString());
            assertEquals("FINE certified generator " + rng.instanceId() + " reseeded from the entropy source (reseed "
                    + reseeds + ")", lines.get(lines.size() - 1));

            source.stuck = true;
            assertThrows(RngFailureException.class, () -> rng.nextBytes(new byte[4 * CertifiedRandom.REQUEST_BYTES]));
            String failure = rng.health().lastFailure().orElseThrow();
            lines = capture.lines();
            assertEquals("SEVERE certified generator " + rng.instanceId() + " stopped: " + failure,
                    lines.get(lines.size() - 1));
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(level);
        }
    }
}

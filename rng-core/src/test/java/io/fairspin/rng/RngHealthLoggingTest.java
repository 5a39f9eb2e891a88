package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * {@link CertifiedRandom} emits each reseed (DEBUG) and the health-test failure that stops it (ERROR) through
 * {@code System.Logger}, logger {@code io.fairspin.rng.CertifiedRandom}, so that an embedding server sees them in its
 * own logs. Captured with a {@code java.util.logging} handler on that logger's name: the JDK's default
 * {@code System.LoggerFinder} logs through java.util.logging (DEBUG is FINE, ERROR is SEVERE), and a handler on one
 * logger's name, unlike a {@code LoggerFinder}, is not global to the JVM.
 */
class RngHealthLoggingTest {
    /** OS randomness until stuck, then one byte value forever (a failed noise source). */
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

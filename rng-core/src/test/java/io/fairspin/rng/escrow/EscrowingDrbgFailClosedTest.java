package io.fairspin.rng.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.Drbg;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.RngFailureException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fail closed at the escrowing DRBG itself (written for mutants PIT found alive): when a record cannot be
 * written, the output of the call is zeroed before the exception, the DRBG's state is wiped, and every
 * later call, of any kind, throws without producing anything or writing another record; closing wipes.
 */
class EscrowingDrbgFailClosedTest {
    private static final int REQUEST = 64;

    /** A DRBG that says whether it was closed. */
    private static final class Watched implements Drbg {
        final Drbg drbg = DrbgMechanism.HMAC_SHA256.instantiate(new byte[32], new byte[16], null);
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public DrbgMechanism mechanism() {
            return drbg.mechanism();
        }

        @Override
        public void generate(byte[] out, int offset, int length, byte[] additionalInput) {
            drbg.generate(out, offset, length, additionalInput);
        }

        @Override
        public void reseed(byte[] entropyInput, byte[] additionalInput) {
            drbg.reseed(entropyInput, additionalInput);
        }

        @Override
        public long requestsBeforeReseed() {
            return drbg.requestsBeforeReseed();
        }

        @Override
        public void close() {
            closed.set(true);
            drbg.close();
        }
    }

    private final Watched watched = new Watched();
    private final AtomicInteger records = new AtomicInteger();
    private final AtomicBoolean fail = new AtomicBoolean();
    private final EscrowingDrbg drbg = new EscrowingDrbg(watched, REQUEST, (sequence, payload) -> {
        if (fail.get()) {
            throw new RngFailureException("escrow: disk full");
        }
        records.incrementAndGet();
    });

    @Test
    void aRoundSeedWhoseRecordFailsIsZeroedAndTheDrbgStopsForGood() {
        byte[] seed = new byte[32];
        fail.set(true);
        assertThrows(RngFailureException.class, () -> drbg.generate(seed, 0, seed.length, new byte[] {1}));
        assertArrayEquals(new byte[32], seed, "no unescrowed output is handed out");
        assertTrue(watched.closed.get(), "the state is wiped");
        fail.set(false);
        assertStopped();
    }

    @Test
    void aBatchWhoseRecordFailsIsZeroedWhole() {
        byte[][] seeds = {new byte[32], new byte[32], new byte[32]};
        fail.set(true);
        assertThrows(RngFailureException.class, () -> drbg.generateEach(seeds, new byte[][] {{1}, {2}, {3}}));
        for (byte[] seed : seeds) {
            assertArrayEquals(new byte[32], seed);
        }
        fail.set(false);
        assertStopped();
    }

    @Test
    void aFailedReseedRecordStopsItToo() {
        fail.set(true);
        assertThrows(RngFailureException.class, () -> drbg.reseed(new byte[32], null));
        fail.set(false);
        assertStopped();
    }

    @Test
    void closingRecordsTheCloseAndWipes() {
        drbg.generate(new byte[REQUEST], 0, REQUEST, null);
        drbg.close();
        assertEquals(1, records.get(), "the CLOSE record");
        assertTrue(watched.closed.get());
    }

    /** Every kind of call throws, writes nothing, and leaves its output untouched. */
    private void assertStopped() {
        int before = records.get();
        byte[] out = new byte[REQUEST];
        assertThrows(RngFailureException.class, () -> drbg.generate(out, 0, REQUEST, null));
        assertThrows(RngFailureException.class, () -> drbg.generate(out, 0, 32, new byte[] {9}));
        assertThrows(RngFailureException.class, () -> drbg.generateEach(new byte[][] {out}, new byte[][] {{9}}));
        assertThrows(RngFailureException.class, () -> drbg.reseed(new byte[32], null));
        assertThrows(RngFailureException.class, () -> drbg.reseed(new byte[32], null, 0));
        assertArrayEquals(new byte[REQUEST], out, "nothing was generated");
        assertEquals(before, records.get(), "nothing was recorded");
    }
}

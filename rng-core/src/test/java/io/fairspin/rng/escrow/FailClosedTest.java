package io.fairspin.rng.escrow;

import io.fairspin.rng.keys.KeyFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.RngFailureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a record cannot be written durably, the DRBG it belongs to produces nothing more. */
class FailClosedTest {
    private static final KeyPair AUDITOR = KeyFiles.generate("X25519");

    /** A store in memory that fails from its n-th append on (0-based), like a full or vanished disk. */
    private static final class FailingStore implements EscrowStore {
        final List<byte[]> records = new ArrayList<>();
        int failFrom;

        FailingStore(int failFrom) {
            this.failFrom = failFrom;
        }

        @Override
        public synchronized void append(byte[] record) throws IOException {
            if (records.size() >= failFrom) {
                throw new IOException("No space left on device");
            }
            records.add(record);
        }

        @Override
        public void close() {
        }
    }

    private static CertifiedRandom escrowed(EscrowStore store, int reseedInterval) {
        return CertifiedRandom.builder().reseedInterval(reseedInterval)
                .escrow(new SeedEscrow(AUDITOR.getPublic(), store)).build();
    }

    @Test
    void aGeneratorWhoseInstantiationCannotBeRecordedIsNeverBuilt() {
        RngFailureException e = assertThrows(RngFailureException.class, () -> escrowed(new FailingStore(0), 10));
        assertEquals("escrow: No space left on device", e.getMessage());
    }

    @Test
    void aRoundSeedWhoseDrawCannotBeRecordedIsNotHandedOutAndTheGeneratorStops() {
        FailingStore store = new FailingStore(2);
        CertifiedRandom rng = escrowed(store, 1000);
        rng.roundSeed("round-1");
        assertThrows(RngFailureException.class, () -> rng.roundSeed("round-2"));
        RngFailureException after = assertThrows(RngFailureException.class, rng::nextInt);
        assertTrue(after.getMessage().startsWith("generator stopped after a failure: escrow:"), after.getMessage());
        store.failFrom = Integer.MAX_VALUE;
        assertThrows(RngFailureException.class, () -> rng.roundSeed("round-3"));
        rng.close();
        assertEquals(2, store.records.size(), "no record after the failure, not even a close");
    }

    @Test
    void aBatchOfRoundSeedsWhoseRecordCannotBeWrittenHandsOutNoneOfThemAndTheGeneratorStops() {
        FailingStore store = new FailingStore(2);
        CertifiedRandom rng = escrowed(store, 1000);
        assertEquals(3, rng.roundSeeds(List.of("round-1", "round-2", "round-3")).size());
        assertThrows(RngFailureException.class, () -> rng.roundSeeds(List.of("round-4", "round-5")));
        store.failFrom = Integer.MAX_VALUE;
        assertThrows(RngFailureException.class, () -> rng.roundSeeds(List.of("round-6")));
        assertThrows(RngFailureException.class, () -> rng.roundSeed("round-7"));
        rng.close();
        assertEquals(2, store.records.size(), "the instantiation and the first batch, nothing after the failure");
    }

    @Test
    void aReseedThatCannotBeRecordedStopsTheGeneratorBeforeItsOutput() {
        FailingStore store = new FailingStore(1);
        CertifiedRandom rng = escrowed(store, 1);
        byte[] first = new byte[CertifiedRandom.REQUEST_BYTES];
        rng.nextBytes(first);
        byte[] second = new byte[CertifiedRandom.REQUEST_BYTES];
        assertThrows(RngFailureException.class, () -> rng.nextBytes(second));
        assertArrayEquals(new byte[second.length], second, "nothing was written");
        assertThrows(RngFailureException.class, () -> rng.nextBytes(new byte[1]));
    }

    @Test
    void anEscrowFileThatFailsStopsTheGeneratorAndAcceptsNothingMore(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("rng.escrow");
        EscrowFile file = EscrowFile.open(path);
        CertifiedRandom rng = escrowed(file, 1000);
        long size = Files.size(path);
        file.close();
        RngFailureException e = assertThrows(RngFailureException.class, () -> rng.roundSeed("round-1"));
        assertTrue(e.getMessage().startsWith("escrow: " + path + ": escrow record could not be written durably"),
                e.getMessage());
        IOException again = assertThrows(IOException.class, () -> file.append(new byte[10]));
        assertEquals(path + ": escrow file failed earlier and accepts no more records", again.getMessage());
        assertEquals(size, Files.size(path));
    }

    @Test
    void anEscrowFileCannotBeOpenedOnADirectory(@TempDir Path dir) {
        assertThrows(IOException.class, () -> EscrowFile.open(dir));
    }
}

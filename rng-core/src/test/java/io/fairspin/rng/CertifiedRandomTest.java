package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The certified generator: building, reseeding, failing closed, sharing between threads. */
class CertifiedRandomTest {

    /** Counts reads, so tests can see the reseeds. Healthy output from a hash counter. */
    private static final class CountingSource implements EntropySource {
        private final EntropySource delegate;
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger bytes = new AtomicInteger();
        volatile boolean stuck;

        CountingSource(String label) {
            delegate = TestStreams.hashCounter(label);
        }

        @Override
        public void read(byte[] samples) {
            reads.incrementAndGet();
            bytes.addAndGet(samples.length);
            if (stuck) {
                Arrays.fill(samples, (byte) 0x42);
            } else {
                delegate.read(samples);
            }
        }
    }

    private static HealthTestedEntropySource tested(EntropySource source) {
        return new HealthTestedEntropySource(source, 8, 30);
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void everyMechanismBuildsFromOperatingSystemEntropyAndTwoInstancesDiffer(DrbgMechanism mechanism) {
        try (CertifiedRandom a = CertifiedRandom.builder().mechanism(mechanism).build();
             CertifiedRandom b = CertifiedRandom.builder().mechanism(mechanism).build()) {
            assertEquals(mechanism.maxSecurityStrength(), a.securityStrength());
            assertNotEquals(a.nextLong(), b.nextLong());
        }
    }

    @Test
    void twoInstancesOnTheSameEntropyStillDifferThroughTheNonce() {
        try (CertifiedRandom a = CertifiedRandom.builder().entropySource(tested(TestStreams.hashCounter("same"))).build();
             CertifiedRandom b = CertifiedRandom.builder().entropySource(tested(TestStreams.hashCounter("same"))).build()) {
            assertNotEquals(a.nextLong(), b.nextLong());
        }
    }

    @Test
    void predictionResistanceReseedsBeforeEveryRequest() {
        CountingSource source = new CountingSource("pr");
        try (CertifiedRandom random = CertifiedRandom.builder().predictionResistance(true)
                .entropySource(tested(source)).build()) {
            int afterInstantiate = source.reads.get();
            random.nextBytes(new byte[3 * CertifiedRandom.REQUEST_BYTES]);
            assertEquals(afterInstantiate + 3, source.reads.get());
        }
    }

    @Test
    void theReseedIntervalTriggersAReseed() {
        CountingSource source = new CountingSource("interval");
        try (CertifiedRandom random = CertifiedRandom.builder().reseedInterval(2)
                .entropySource(tested(source)).build()) {
            int afterInstantiate = source.reads.get();
            random.nextBytes(new byte[2 * CertifiedRandom.REQUEST_BYTES]);
            assertEquals(afterInstantiate, source.reads.get());
            random.nextBytes(new byte[CertifiedRandom.REQUEST_BYTES]);
            assertEquals(afterInstantiate + 1, source.reads.get());
        }
    }

    @Test
    void anEntropyFailureStopsTheGeneratorForGood() {
        CountingSource source = new CountingSource("fail");
        CertifiedRandom random = CertifiedRandom.builder().predictionResistance(true)
                .entropySource(tested(source)).build();
        random.nextInt();
        source.stuck = true;
        random.nextBytes(new byte[CertifiedRandom.REQUEST_BYTES - 4]);
        assertThrows(EntropyHealthException.class, random::nextInt);
        source.stuck = false;
        RngFailureException e = assertThrows(RngFailureException.class, random::nextInt);
        assertTrue(e.getMessage().startsWith("generator stopped after a failure"), e.getMessage());
        assertThrows(RngFailureException.class, () -> random.nextBytes(new byte[1]));
    }

    @Test
    void sharedBetweenThreadsEveryWordIsHandedOutOnce() throws Exception {
        int threads = 4;
        int perThread = 50_000;
        long[] concurrent;
        try (CertifiedRandom shared = deterministic("threads")) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                parts.add(pool.submit(() -> shared.longs(perThread).toArray()));
            }
            concurrent = new long[0];
            for (Future<long[]> part : parts) {
                long[] values = part.get();
                long[] merged = Arrays.copyOf(concurrent, concurrent.length + values.length);
                System.arraycopy(values, 0, merged, concurrent.length, values.length);
                concurrent = merged;
            }
            pool.shutdown();
        }
        long[] sequential;
        try (CertifiedRandom alone = deterministic("threads")) {
            sequential = alone.longs((long) threads * perThread).toArray();
        }
        Arrays.sort(concurrent);
        Arrays.sort(sequential);
        assertArrayEquals(sequential, concurrent);
    }

    /** Same entropy and no nonce time dependence: only usable in tests that compare two instances' words. */
    private static CertifiedRandom deterministic(String label) {
        return CertifiedRandom.builder().mechanism(DrbgMechanism.CTR_AES256_NO_DF)
                .entropySource(tested(TestStreams.hashCounter(label))).build();
    }

    @Test
    void theBuilderRejectsSettingsThatDoNotFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CertifiedRandom.builder().mechanism(DrbgMechanism.CTR_AES128).securityStrength(256).build());
        assertEquals("securityStrength: ctr-aes128 supports at most 128 bits, asked for 256", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CertifiedRandom.builder().securityStrength(100));
        assertThrows(IllegalArgumentException.class, () -> CertifiedRandom.builder().reseedInterval(0));
        HealthTestedEntropySource partial = new HealthTestedEntropySource(TestStreams.hashCounter("p"), 4, 30);
        e = assertThrows(IllegalArgumentException.class, () -> CertifiedRandom.builder()
                .mechanism(DrbgMechanism.CTR_AES256_NO_DF).entropySource(partial).build());
        assertTrue(e.getMessage().contains("full-entropy"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CertifiedRandom.builder()
                .mechanism(DrbgMechanism.CTR_AES128_NO_DF).personalization(new byte[33]).build());
        assertTrue(e.getMessage().startsWith("personalization:"), e.getMessage());
    }

    @Test
    void closingRefusesFurtherOutputAndToStringHoldsNoState() {
        CertifiedRandom random = CertifiedRandom.builder().build();
        assertEquals("CertifiedRandom[ctr-aes256, 256-bit]", random.toString());
        random.close();
        assertThrows(IllegalStateException.class, random::nextLong);
    }

    @Test
    void aLowerEntropyClaimDrawsMoreSamples() {
        CountingSource source = new CountingSource("low");
        HealthTestedEntropySource half = new HealthTestedEntropySource(source, 4, 30);
        assertEquals(64, half.samplesFor(256));
        int startUp = source.bytes.get();
        try (CertifiedRandom random = CertifiedRandom.builder().entropySource(half).build()) {
            // 256 bits at 4 bits per sample: 64 samples of entropy input and 32 for the nonce.
            assertEquals(64 + 32, source.bytes.get() - startUp);
            assertEquals(256, random.securityStrength());
        }
    }
}

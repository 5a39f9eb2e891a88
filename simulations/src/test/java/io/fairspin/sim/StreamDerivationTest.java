package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import io.fairspin.rng.RandomStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/** The per-chunk streams are derived exactly as docs/simulation.md says. */
class StreamDerivationTest {

    @Test
    void mix64IsSplitMix64sFinalizer() {
        // SplitMix64 seeded with 0 (state advanced by the golden gamma, then mixed) starts
        // 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f (Vigna's reference splitmix64.c).
        long gamma = 0x9E3779B97F4A7C15L;
        assertEquals(0xe220a8397b1dcdafL, FastStream.mix64(gamma));
        assertEquals(0x6e789e6aa1b965f4L, FastStream.mix64(2 * gamma));
        assertEquals(0x06c45d188009454fL, FastStream.mix64(3 * gamma));
    }

    @Test
    void aFastChunkStreamIsItsLxmGeneratorsLongsBigEndian() {
        long seed = 123456789;
        long chunk = 42;
        RandomGenerator lxm = RandomGeneratorFactory.of("L64X128MixRandom")
                .create(FastStream.mix64(seed + (chunk + 1) * 0x9E3779B97F4A7C15L));
        RandomStream stream = RandomMode.FAST.streams(seed).open(chunk);
        long first = lxm.nextLong();
        assertEquals((int) (first >>> 32), stream.nextInt(), "a word32 is the high half first");
        assertEquals((int) first, stream.nextInt());
        for (int i = 0; i < 1000; i++) {
            assertEquals(lxm.nextLong(), stream.nextLong());
        }
        byte[] bytes = new byte[13];
        stream.nextBytes(bytes);
        ByteBuffer expected = ByteBuffer.allocate(16).putLong(lxm.nextLong()).putLong(lxm.nextLong());
        assertArrayEquals(java.util.Arrays.copyOf(expected.array(), 13), bytes);
    }

    @Test
    void aCertifiedChunkStreamIsCtrDrbgAes256OverTheDocumentedInputs() throws Exception {
        long seed = -5;
        long chunk = 70_000;
        byte[] entropy = MessageDigest.getInstance("SHA-256").digest(ByteBuffer.allocate(38)
                .put("fairspin simulate certified v1".getBytes(StandardCharsets.US_ASCII)).putLong(seed).array());
        byte[] nonce = new byte[16];
        ByteBuffer.wrap(nonce).putLong(8, chunk);
        DrbgStream expected = new DrbgStream(DrbgMechanism.CTR_AES256.instantiate(entropy, nonce,
                "fairspin simulate".getBytes(StandardCharsets.US_ASCII)), DrbgMechanism.MAX_BYTES_PER_REQUEST);
        RandomStream stream = RandomMode.CERTIFIED.streams(seed).open(chunk);
        byte[] want = new byte[200_000];
        byte[] got = new byte[200_000];
        expected.nextBytes(want);
        stream.nextBytes(got);
        assertArrayEquals(want, got);
    }

    @Test
    void chunksAndSeedsGiveDifferentStreams() {
        for (RandomMode mode : RandomMode.values()) {
            long a = mode.streams(1).open(0).nextLong();
            assertNotEquals(a, mode.streams(1).open(1).nextLong(), mode + ": another chunk");
            assertNotEquals(a, mode.streams(2).open(0).nextLong(), mode + ": another seed");
            assertEquals(a, mode.streams(1).open(0).nextLong(), mode + ": the same address");
        }
    }

    @Test
    void modesAreNamedForTheCommandLine() {
        assertEquals(RandomMode.CERTIFIED, RandomMode.fromCliName("Certified"));
        assertEquals("fast", RandomMode.FAST.cliName());
        assertEquals("rng: unknown mode 'slow', expected fast or certified",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> RandomMode.fromCliName("slow")).getMessage());
    }
}

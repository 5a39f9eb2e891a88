package io.fairspin.sim;

import io.fairspin.rng.RandomStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The random stream of one chunk in {@link RandomMode#FAST} mode: the JDK's {@code L64X128MixRandom}
 * (an LXM generator built for many independent instances), seeded with the chunk's seed. Its byte
 * sequence is the generator's successive {@code nextLong()} values, each written big-endian, so derivation
 * v1 reads one {@code nextLong()} as one word64 and as two word32 (high half first).
 *
 * <p>Not a DRBG: for design work only. The JDK specifies the same sequence for the same seed within one
 * JDK version; a JDK that changed its LXM seeding would change fast-mode results (certified mode is fully
 * specified by SP 800-90A and does not depend on the JDK).
 */
final class FastStream extends RandomStream {
    /** The JDK algorithm behind fast mode. */
    static final String ALGORITHM = "L64X128MixRandom";

    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of(ALGORITHM);
    private static final VarHandle LONG_BIG_ENDIAN =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int BLOCK_BYTES = 512;
    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

    private final RandomGenerator generator;

    private FastStream(long generatorSeed) {
        super(BLOCK_BYTES);
        this.generator = FACTORY.create(generatorSeed);
    }

    /**
     * The stream of chunk {@code chunk} of a simulation seeded with {@code seed}: the generator is
     * seeded with {@code mix64(seed + (chunk + 1) * 0x9E3779B97F4A7C15)}, SplitMix64's output function,
     * a bijection, so the chunks of one seed never share a generator seed.
     */
    static FastStream forChunk(long seed, long chunk) {
        return new FastStream(mix64(seed + (chunk + 1) * GOLDEN_GAMMA));
    }

    /** SplitMix64's finalizer (Stafford's variant 13). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    @Override
    protected void nextBlock(byte[] destination, int offset) {
        for (int i = 0; i < BLOCK_BYTES; i += Long.BYTES) {
            LONG_BIG_ENDIAN.set(destination, offset + i, generator.nextLong());
        }
    }

    // The same byte sequence read without the byte buffer: the current nextLong() value and how many of its
    // bytes (from the most significant) are still unread. Every read of RandomStream goes through these
    // three methods, so the buffer above is never used; FastStreamTest checks them against it.
    private long current;
    private int unread;

    @Override
    protected int nextWord32() {
        if (unread == 4) {
            unread = 0;
            return (int) current;
        }
        if (unread == 0) {
            current = generator.nextLong();
            unread = 4;
            return (int) (current >>> 32);
        }
        return (int) bytesAsWord(4);
    }

    @Override
    protected long nextWord64() {
        if (unread == 0) {
            return generator.nextLong();
        }
        if (unread == 8) {
            unread = 0;
            return current;
        }
        return bytesAsWord(8);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) nextByte();
        }
    }

    private long bytesAsWord(int count) {
        long word = 0;
        for (int i = 0; i < count; i++) {
            word = word << 8 | nextByte();
        }
        return word;
    }

    private int nextByte() {
        if (unread == 0) {
            current = generator.nextLong();
            unread = 8;
        }
        unread--;
        return (int) (current >>> (8 * unread)) & 0xFF;
    }
}

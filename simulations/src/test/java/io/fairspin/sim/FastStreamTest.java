package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairspin.rng.RandomStream;
import io.fairspin.rng.WeightedTable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * {@link FastStream} reads its generator's longs without a byte buffer; the stream it gives must be, read
 * for read, the one RandomStream's buffered reading gives over the same bytes (each nextLong() big-endian).
 * Random mixes of every kind of read (words of 32 and 64 bits, bounded integers, bytes of odd lengths,
 * doubles, weighted picks) from both, compared value by value.
 */
class FastStreamTest {
    @Test
    void readsEqualTheBufferedStreamOverTheSameBytes() {
        SplittableRandom choices = new SplittableRandom(7);
        WeightedTable table = WeightedTable.of(new long[] {3, 1, 4, 1, 5, 9, 2, 6});
        for (long seed = 0; seed < 200; seed++) {
            RandomStream fast = FastStream.forChunk(seed, seed * 31);
            RandomStream buffered = new Buffered(seed, seed * 31);
            for (int i = 0; i < 2_000; i++) {
                switch (choices.nextInt(7)) {
                    case 0 -> assertEquals(buffered.nextInt(), fast.nextInt());
                    case 1 -> assertEquals(buffered.nextLong(), fast.nextLong());
                    case 2 -> {
                        int bound = 1 + choices.nextInt(1000);
                        assertEquals(buffered.nextInt(bound), fast.nextInt(bound));
                    }
                    case 3 -> {
                        byte[] a = new byte[choices.nextInt(20)];
                        byte[] b = new byte[a.length];
                        buffered.nextBytes(a);
                        fast.nextBytes(b);
                        assertArrayEquals(a, b);
                    }
                    case 4 -> assertEquals(buffered.nextDouble(), fast.nextDouble());
                    case 5 -> assertEquals(buffered.pick(table), fast.pick(table));
                    default -> {
                        long bound = (1L << 40) + choices.nextLong(1L << 50);
                        assertEquals(buffered.nextLong(bound), fast.nextLong(bound));
                    }
                }
            }
        }
    }

    /** The stream as RandomStream buffers it: blocks of the generator's longs, big-endian. */
    private static final class Buffered extends RandomStream {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
        private final RandomGenerator generator;

        Buffered(long seed, long chunk) {
            super(24);
            generator = RandomGeneratorFactory.of(FastStream.ALGORITHM)
                    .create(FastStream.mix64(seed + (chunk + 1) * 0x9E3779B97F4A7C15L));
        }

        @Override
        protected void nextBlock(byte[] destination, int offset) {
            for (int i = 0; i < 24; i += 8) {
                LONGS.set(destination, offset + i, generator.nextLong());
            }
        }
    }
}

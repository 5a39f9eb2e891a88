package io.fairspin.math.table;

import io.fairspin.rng.RandomStream;
import java.util.SplittableRandom;

/** A reproducible test stream: derivation v1 over the bytes of a seeded {@link SplittableRandom}. */
public final class SeededStream extends RandomStream {
    private final SplittableRandom source;

    public SeededStream(long seed) {
        super(64);
        this.source = new SplittableRandom(seed);
    }

    @Override
    protected void nextBlock(byte[] destination, int offset) {
        for (int i = 0; i < blockSize(); i += 8) {
            long word = source.nextLong();
            for (int b = 0; b < 8; b++) {
                destination[offset + i + b] = (byte) (word >>> (56 - 8 * b));
            }
        }
    }
}

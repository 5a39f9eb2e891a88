package io.fairspin.audit.monitor;

import io.fairspin.rng.RandomStream;
import java.util.SplittableRandom;

/** A fast, seeded, non-certified stream for statistical tests of the control limits (never for play). */
final class SeededStream extends RandomStream {
    private final SplittableRandom random;

    SeededStream(long seed) {
        super(4096);
        this.random = new SplittableRandom(seed);
    }

    @Override
    protected void nextBlock(byte[] destination, int offset) {
        for (int i = offset; i < offset + blockSize(); i += 8) {
            long v = random.nextLong();
            for (int b = 0; b < 8 && i + b < offset + blockSize(); b++) {
                destination[i + b] = (byte) (v >>> (8 * b));
            }
        }
    }
}

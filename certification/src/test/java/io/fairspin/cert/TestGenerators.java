package io.fairspin.cert;

import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import io.fairspin.rng.RandomStream;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Generators for the statistical tests: the DRBGs seeded deterministically, and known-bad generators
 * (a biased coin, the low bits of a 32-bit LCG, RANDU, a good generator with a short cycle).
 */
public final class TestGenerators {
    private TestGenerators() {
    }

    /** A DRBG stream whose entropy input, nonce and personalization are derived from {@code seed}. */
    public static RandomStream drbg(DrbgMechanism mechanism, long seed) {
        byte[] seedMaterial = ByteBuffer.allocate(Math.max(32, mechanism.seedLengthBytes())).putLong(seed).array();
        byte[] nonce = mechanism.usesNonce() ? ByteBuffer.allocate(16).putLong(~seed).array() : null;
        return new DrbgStream(mechanism.instantiate(seedMaterial, nonce, "fairspin certification tests".getBytes()),
                DrbgMechanism.MAX_BYTES_PER_REQUEST);
    }

    /** A source of bytes and of outcomes in a range: what a test battery reads. */
    public interface Source {
        void nextBytes(byte[] bytes);

        long nextOutcome(long range);
    }

    /** The certified mapping (derivation v1) over a seeded DRBG. */
    public static Source good(DrbgMechanism mechanism, long seed) {
        RandomStream stream = drbg(mechanism, seed);
        return new Source() {
            @Override
            public void nextBytes(byte[] bytes) {
                stream.nextBytes(bytes);
            }

            @Override
            public long nextOutcome(long range) {
                return stream.nextLong(range);
            }
        };
    }

    /** Independent bits that are 1 with probability {@code p}; outcomes are single bits (range 2). */
    public static Source biasedCoin(double p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Source() {
            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    int b = 0;
                    for (int k = 0; k < 8; k++) {
                        b = (b << 1) | (random.nextDouble() < p ? 1 : 0);
                    }
                    bytes[i] = (byte) b;
                }
            }

            @Override
            public long nextOutcome(long range) {
                return random.nextDouble() < p ? 1 : 0;
            }
        };
    }

    /** x = 1664525 x + 1013904223 mod 2^32 (Numerical Recipes); bytes and outcomes from the low bits. */
    public static Source lcgLowBits(long seed) {
        return new Source() {
            private int x = (int) seed;

            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    x = 1664525 * x + 1013904223;
                    bytes[i] = (byte) x;
                }
            }

            @Override
            public long nextOutcome(long range) {
                x = 1664525 * x + 1013904223;
                return Integer.toUnsignedLong(x) % range;
            }
        };
    }

    /** RANDU, x = 65539 x mod 2^31 (odd seed): bytes and outcomes from the top bits, the best it has. */
    public static Source randu(long seed) {
        return new Source() {
            private long x = seed | 1;

            private long next() {
                x = (65539 * x) & 0x7FFF_FFFFL;
                return x;
            }

            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) (next() >>> 23);
                }
            }

            @Override
            public long nextOutcome(long range) {
                return next() * range >>> 31;
            }
        };
    }

    /** RANDU's whole 31-bit outputs packed one after the other into bytes, most significant bit first. */
    public static Source randuPacked(long seed) {
        return new Source() {
            private long x = seed | 1;
            private long pending;
            private int pendingBits;

            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    if (pendingBits < 8) {
                        x = (65539 * x) & 0x7FFF_FFFFL;
                        pending = (pending << 31) | x;
                        pendingBits += 31;
                    }
                    bytes[i] = (byte) (pending >>> (pendingBits - 8));
                    pendingBits -= 8;
                    pending &= (1L << pendingBits) - 1;
                }
            }

            @Override
            public long nextOutcome(long range) {
                throw new UnsupportedOperationException("bytes only");
            }
        };
    }

    /** A DRBG's first {@code cycle} bytes (or outcomes) repeated forever. */
    public static Source shortCycle(DrbgMechanism mechanism, long seed, int cycle) {
        RandomStream stream = drbg(mechanism, seed);
        byte[] bytes = new byte[cycle];
        stream.nextBytes(bytes);
        long[] outcomes = new long[cycle];
        return new Source() {
            private int bytePosition;
            private int outcomePosition;
            private long range;

            @Override
            public void nextBytes(byte[] out) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = bytes[bytePosition];
                    bytePosition = (bytePosition + 1) % cycle;
                }
            }

            @Override
            public long nextOutcome(long r) {
                if (range != r) {
                    range = r;
                    for (int i = 0; i < cycle; i++) {
                        outcomes[i] = stream.nextLong(r);
                    }
                }
                long v = outcomes[outcomePosition];
                outcomePosition = (outcomePosition + 1) % cycle;
                return v;
            }
        };
    }
}

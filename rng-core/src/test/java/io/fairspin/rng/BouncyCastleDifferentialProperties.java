package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.prng.EntropySource;
import org.bouncycastle.crypto.prng.drbg.CTRSP800DRBG;
import org.bouncycastle.crypto.prng.drbg.HMacSP800DRBG;
import org.bouncycastle.crypto.prng.drbg.HashSP800DRBG;
import org.bouncycastle.crypto.prng.drbg.SP80090DRBG;

/**
 * Each mechanism gives the same output as Bouncy Castle's independent implementation of the same
 * SP 800-90A mechanism, over random inputs, request sizes, additional inputs and reseeds. (Bouncy
 * Castle's CTR_DRBG always uses the derivation function, so the no-df variants rest on the CAVP
 * vectors alone.)
 */
class BouncyCastleDifferentialProperties {

    @Provide
    Arbitrary<DrbgMechanism> mechanisms() {
        return Arbitraries.of(DrbgMechanism.HMAC_SHA256, DrbgMechanism.HMAC_SHA512, DrbgMechanism.HASH_SHA256,
                DrbgMechanism.HASH_SHA512, DrbgMechanism.CTR_AES128, DrbgMechanism.CTR_AES256);
    }

    @Property(tries = 60)
    void sameOutputAsBouncyCastle(@ForAll("mechanisms") DrbgMechanism mechanism, @ForAll long seed) {
        Random random = new Random(seed);
        int strength = mechanism.maxSecurityStrength();
        byte[] entropy = bytes(random, strength / 8);
        byte[] nonce = bytes(random, strength / 16);
        byte[] personalization = random.nextBoolean() ? bytes(random, random.nextInt(64)) : null;

        QueuedEntropy queue = new QueuedEntropy(strength);
        queue.add(entropy);
        SP80090DRBG theirs = bouncyCastle(mechanism, strength, queue, personalization, nonce);
        Drbg ours = mechanism.instantiate(entropy, nonce, personalization);

        for (int step = 0; step < 6; step++) {
            byte[] additional = random.nextBoolean() ? bytes(random, 1 + random.nextInt(80)) : null;
            if (random.nextInt(4) == 0) {
                byte[] fresh = bytes(random, strength / 8);
                queue.add(fresh);
                theirs.reseed(additional);
                ours.reseed(fresh, additional);
            } else {
                // Bouncy Castle caps a request at 2^18 bits, half of what SP 800-90A allows.
                int length = random.nextInt(4) == 0 ? 1 + random.nextInt(1 << 15)
                        : 1 + random.nextInt(200);
                byte[] expected = new byte[length];
                byte[] actual = new byte[length];
                theirs.generate(expected, additional, false);
                ours.generate(actual, 0, length, additional);
                assertArrayEquals(expected, actual, mechanism + " step " + step + ", " + length + " bytes");
            }
        }
    }

    /**
     * Requests on both sides of the length where CTR_DRBG moves from its own AES to the JDK's cipher, in turn,
     * with and without additional input: the same output as Bouncy Castle's.
     */
    @Example
    void requestsAroundTheJdkCipherThresholdMatchBouncyCastle() {
        for (DrbgMechanism mechanism : new DrbgMechanism[] {DrbgMechanism.CTR_AES128, DrbgMechanism.CTR_AES256}) {
            Random random = new Random(mechanism.ordinal());
            int strength = mechanism.maxSecurityStrength();
            byte[] entropy = bytes(random, strength / 8);
            byte[] nonce = bytes(random, strength / 16);
            QueuedEntropy queue = new QueuedEntropy(strength);
            queue.add(entropy);
            SP80090DRBG theirs = bouncyCastle(mechanism, strength, queue, null, nonce);
            Drbg ours = mechanism.instantiate(entropy, nonce, null);
            int threshold = CtrDrbg.JDK_OUTPUT_BYTES;
            int[] lengths = {threshold, threshold + 1, 16, threshold - 1, threshold + 15, 1, 4096, threshold + 16, 33};
            for (int i = 0; i < lengths.length; i++) {
                byte[] additional = i % 2 == 0 ? null : bytes(random, 40);
                byte[] expected = new byte[lengths[i]];
                byte[] actual = new byte[lengths[i]];
                theirs.generate(expected, additional, false);
                ours.generate(actual, 0, actual.length, additional);
                assertArrayEquals(expected, actual, mechanism + " request " + i + ", " + lengths[i] + " bytes");
            }
        }
    }

    static SP80090DRBG bouncyCastle(DrbgMechanism mechanism, int strength, EntropySource entropy,
                                            byte[] personalization, byte[] nonce) {
        switch (mechanism) {
            case HMAC_SHA256: return new HMacSP800DRBG(new HMac(new SHA256Digest()), strength, entropy, personalization, nonce);
            case HMAC_SHA512: return new HMacSP800DRBG(new HMac(new SHA512Digest()), strength, entropy, personalization, nonce);
            case HASH_SHA256: return new HashSP800DRBG(new SHA256Digest(), strength, entropy, personalization, nonce);
            case HASH_SHA512: return new HashSP800DRBG(new SHA512Digest(), strength, entropy, personalization, nonce);
            case CTR_AES128: return new CTRSP800DRBG(AESEngine.newInstance(), 128, strength, entropy, personalization, nonce);
            case CTR_AES256: return new CTRSP800DRBG(AESEngine.newInstance(), 256, strength, entropy, personalization, nonce);
            default: throw new IllegalArgumentException(mechanism.toString());
        }
    }

    private static byte[] bytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /** Hands Bouncy Castle the same entropy inputs fairspin's mechanism is given, in order. */
    static final class QueuedEntropy implements EntropySource {
        private final Deque<byte[]> inputs = new ArrayDeque<>();
        private final int bits;

        QueuedEntropy(int bits) {
            this.bits = bits;
        }

        void add(byte[] input) {
            inputs.add(input.clone());
        }

        @Override
        public boolean isPredictionResistant() {
            return false;
        }

        @Override
        public byte[] getEntropy() {
            return inputs.remove();
        }

        @Override
        public int entropySize() {
            return bits;
        }
    }
}

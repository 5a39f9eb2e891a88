package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.bouncycastle.crypto.prng.drbg.SP80090DRBG;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The lengths the CAVP vectors never use, against Bouncy Castle's independent implementation of the same
 * mechanism (as {@link BouncyCastleDifferentialProperties} does at random, here at every length that matters,
 * deterministically): the CAVP files request whole blocks (64 to 256 bytes) with inputs of 0, 16 or 32 bytes,
 * so a request that ends inside a block (Hashgen's last partial hash, CTR_DRBG's update after a partial block)
 * and a derivation-function input of every length modulo the AES block (Block_Cipher_df's padding) are
 * checked only here. Each case: instantiate with a personalization of 0 to 17 bytes, then generate every
 * length from 1 to 80 bytes with additional inputs of 0 to 33 bytes, with a reseed among them.
 */
class DrbgOddLengthsTest {

    private static byte[] bytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @EnumSource(value = DrbgMechanism.class, names = {"HMAC_SHA256", "HMAC_SHA512", "HASH_SHA256", "HASH_SHA512",
        "CTR_AES128", "CTR_AES256"})
    void everyRequestAndInputLengthAgreesWithBouncyCastle(DrbgMechanism mechanism) {
        int strength = mechanism.maxSecurityStrength();
        for (int personalizationLength = 0; personalizationLength < 18; personalizationLength++) {
            Random random = new Random(31L * mechanism.ordinal() + personalizationLength);
            byte[] entropy = bytes(random, strength / 8);
            byte[] nonce = bytes(random, strength / 16);
            byte[] personalization = personalizationLength == 0 ? null : bytes(random, personalizationLength);
            BouncyCastleDifferentialProperties.QueuedEntropy queue =
                    new BouncyCastleDifferentialProperties.QueuedEntropy(strength);
            queue.add(entropy);
            SP80090DRBG theirs = BouncyCastleDifferentialProperties.bouncyCastle(mechanism, strength, queue,
                    personalization, nonce);
            Drbg ours = mechanism.instantiate(entropy, nonce, personalization);
            for (int length = 1; length <= 80; length++) {
                int additionalLength = (length + personalizationLength) % 34;
                byte[] additional = additionalLength == 0 ? null : bytes(random, additionalLength);
                if (length % 29 == 0) {
                    byte[] fresh = bytes(random, strength / 8);
                    queue.add(fresh);
                    theirs.reseed(additional);
                    ours.reseed(fresh, additional);
                    additional = null;
                }
                byte[] expected = new byte[length];
                byte[] actual = new byte[length];
                theirs.generate(expected, additional, false);
                ours.generate(actual, 0, length, additional);
                assertArrayEquals(expected, actual, mechanism + ", personalization of " + personalizationLength
                        + " bytes, request of " + length + " bytes, additional input of " + additionalLength + " bytes");
            }
            ours.close();
        }
    }
}

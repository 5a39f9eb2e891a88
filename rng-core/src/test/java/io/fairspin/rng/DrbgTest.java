package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The contract every mechanism keeps: splitting, reseed interval, closing, input checks. */
class DrbgTest {

    private static Drbg instantiate(DrbgMechanism mechanism, String seed, long reseedInterval) {
        byte[] entropy = Arrays.copyOf(TestStreams.sha256(seed + "a"), mechanism.requiresFullEntropy() ? mechanism.seedLengthBytes() : 32);
        if (mechanism.requiresFullEntropy()) {
            System.arraycopy(TestStreams.sha256(seed + "b"), 0, entropy, 32, mechanism.seedLengthBytes() - 32);
        }
        byte[] nonce = mechanism.usesNonce() ? TestStreams.sha256(seed + "n") : null;
        return mechanism.instantiate(entropy, nonce, null, reseedInterval);
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void aLongRequestIsSplitWithTheAdditionalInputOnTheFirstPart(DrbgMechanism mechanism) {
        int max = DrbgMechanism.MAX_BYTES_PER_REQUEST;
        byte[] additional = {1, 2, 3, 4};
        Drbg whole = instantiate(mechanism, "split", 100);
        Drbg parts = instantiate(mechanism, "split", 100);
        byte[] expected = new byte[2 * max + 100];
        parts.generate(expected, 0, max, additional);
        parts.generate(expected, max, max, null);
        parts.generate(expected, 2 * max, 100, null);

        byte[] actual = new byte[expected.length];
        whole.generate(actual, 0, actual.length, additional);

        assertArrayEquals(expected, actual);
        assertEquals(parts.requestsBeforeReseed(), whole.requestsBeforeReseed());
        assertEquals(97, whole.requestsBeforeReseed());
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void theReseedIntervalIsEnforcedWithoutWritingAnything(DrbgMechanism mechanism) {
        Drbg drbg = instantiate(mechanism, "interval", 2);
        byte[] out = new byte[16];
        drbg.generate(out);
        drbg.generate(out);
        byte[] untouched = new byte[16];
        assertThrows(ReseedRequiredException.class, () -> drbg.generate(untouched));
        assertArrayEquals(new byte[16], untouched);

        drbg.reseed(Arrays.copyOf(TestStreams.sha256("more"), mechanism.requiresFullEntropy()
                ? mechanism.seedLengthBytes() : 32), null);
        assertEquals(2, drbg.requestsBeforeReseed());
        drbg.generate(untouched);
        assertFalse(Arrays.equals(new byte[16], untouched));
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void closingWipesAndRefusesFurtherUse(DrbgMechanism mechanism) {
        Drbg drbg = instantiate(mechanism, "close", 10);
        drbg.close();
        drbg.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> drbg.generate(new byte[8]));
        assertTrue(e.getMessage().contains("closed"));
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void sameInputsGiveSameOutputAndOtherPersonalizationDiffers(DrbgMechanism mechanism) {
        byte[] a = new byte[64];
        byte[] b = new byte[64];
        instantiate(mechanism, "same", 10).generate(a);
        instantiate(mechanism, "same", 10).generate(b);
        assertArrayEquals(a, b);
        instantiate(mechanism, "other", 10).generate(b);
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void tooShortEntropyIsRejectedNamingTheInputButNotItsContent() {
        byte[] entropy = new byte[10];
        Arrays.fill(entropy, (byte) 0x5A);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DrbgMechanism.HASH_SHA256.instantiate(entropy, null, null));
        assertEquals("entropyInput: length must be in [14, 65536] bytes, was 10", e.getMessage());
    }

    @Test
    void ctrWithoutDerivationFunctionNeedsExactlySeedlenEntropyAndNoNonce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DrbgMechanism.CTR_AES256_NO_DF.instantiate(new byte[32], null, null));
        assertEquals("entropyInput: length must be in [48, 48] bytes, was 32", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DrbgMechanism.CTR_AES128_NO_DF.instantiate(new byte[32], new byte[8], null));
        assertTrue(e.getMessage().startsWith("nonce:"), e.getMessage());
    }

    @Test
    void reseedIntervalOutsideTheStandardIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> DrbgMechanism.HMAC_SHA256.instantiate(new byte[32], null, null, 0));
        assertThrows(IllegalArgumentException.class,
                () -> DrbgMechanism.HMAC_SHA256.instantiate(new byte[32], null, null, (1L << 48) + 1));
    }

    @Test
    void mechanismsAreFoundByTheirCommandLineNames() {
        for (DrbgMechanism m : DrbgMechanism.values()) {
            assertEquals(m, DrbgMechanism.fromCliName(m.cliName()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DrbgMechanism.fromCliName("ctr-aes512"));
        assertTrue(e.getMessage().contains("ctr-aes256"), e.getMessage());
    }
}

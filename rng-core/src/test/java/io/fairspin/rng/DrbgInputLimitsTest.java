package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every input of every mechanism is checked at its limits, at instantiation, reseed and generate alike: one
 * byte past a limit is refused with a message naming the input and its allowed lengths (never its content),
 * and the limit itself is accepted. The limits: entropy input 14 to 65,536 bytes (seedlen exactly without a
 * derivation function), nonce and personalization and additional input at most 65,536 bytes (no nonce, and at
 * most seedlen, without a derivation function). Also: a request larger than the requests left before a reseed
 * is refused up front, and a closed instance refuses a reseed as it refuses a generate.
 */
class DrbgInputLimitsTest {
    private static final int MAX = 1 << 16;

    private static byte[] bytes(int length, int fill) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) fill);
        return b;
    }

    private static boolean df(DrbgMechanism m) {
        return m.usesNonce();
    }

    /** Entropy input of the mechanism's usual length: 32 bytes, seedlen without a derivation function. */
    private static byte[] entropy(DrbgMechanism m) {
        return bytes(df(m) ? 32 : m.seedLengthBytes(), 0x11);
    }

    private static Drbg instance(DrbgMechanism m, long interval) {
        return m.instantiate(entropy(m), df(m) ? bytes(16, 0x22) : null, null, interval);
    }

    private static void refused(String name, int min, int max, int was, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, name + " of " + was + " bytes");
        assertEquals(name + ": length must be in [" + min + ", " + max + "] bytes, was " + was, e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void instantiationInputsAreCheckedAtTheirLimits(DrbgMechanism m) {
        byte[] nonce = df(m) ? bytes(16, 0x22) : null;
        if (df(m)) {
            refused("entropyInput", 14, MAX, 13, () -> m.instantiate(bytes(13, 0x33), nonce, null));
            refused("entropyInput", 14, MAX, MAX + 1, () -> m.instantiate(bytes(MAX + 1, 0x33), nonce, null));
            refused("nonce", 0, MAX, MAX + 1, () -> m.instantiate(entropy(m), bytes(MAX + 1, 0x44), null));
            refused("personalization", 0, MAX, MAX + 1, () -> m.instantiate(entropy(m), nonce, bytes(MAX + 1, 0x55)));
            // The limits themselves are accepted.
            m.instantiate(bytes(14, 0x33), nonce, null).close();
            m.instantiate(bytes(MAX, 0x33), bytes(MAX, 0x44), bytes(MAX, 0x55)).close();
        } else {
            int seedlen = m.seedLengthBytes();
            refused("entropyInput", seedlen, seedlen, seedlen - 1, () -> m.instantiate(bytes(seedlen - 1, 0x33), null, null));
            refused("entropyInput", seedlen, seedlen, seedlen + 1, () -> m.instantiate(bytes(seedlen + 1, 0x33), null, null));
            refused("nonce", 0, 0, 1, () -> m.instantiate(entropy(m), bytes(1, 0x44), null));
            refused("personalization", 0, seedlen, seedlen + 1,
                    () -> m.instantiate(entropy(m), null, bytes(seedlen + 1, 0x55)));
            m.instantiate(entropy(m), new byte[0], bytes(seedlen, 0x55)).close();
        }
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void reseedInputsAreCheckedAtTheirLimits(DrbgMechanism m) {
        Drbg drbg = instance(m, 100);
        int additional = m.maxAdditionalInputBytes();
        if (df(m)) {
            refused("entropyInput", 14, MAX, 13, () -> drbg.reseed(bytes(13, 0x33), null));
            refused("entropyInput", 14, MAX, MAX + 1, () -> drbg.reseed(bytes(MAX + 1, 0x33), null));
            refused("additionalInput", 0, MAX, MAX + 1, () -> drbg.reseed(entropy(m), bytes(MAX + 1, 0x66)));
            drbg.reseed(bytes(MAX, 0x33), bytes(MAX, 0x66));
        } else {
            int seedlen = m.seedLengthBytes();
            refused("entropyInput", seedlen, seedlen, seedlen - 1, () -> drbg.reseed(bytes(seedlen - 1, 0x33), null));
            refused("entropyInput", seedlen, seedlen, seedlen + 1, () -> drbg.reseed(bytes(seedlen + 1, 0x33), null));
            refused("additionalInput", 0, seedlen, seedlen + 1, () -> drbg.reseed(entropy(m), bytes(seedlen + 1, 0x66)));
            drbg.reseed(entropy(m), bytes(additional, 0x66));
        }
        drbg.close();
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void generateChecksTheAdditionalInputAndWritesNothingWhenItRefuses(DrbgMechanism m) {
        Drbg drbg = instance(m, 100);
        Drbg twin = instance(m, 100);
        int limit = m.maxAdditionalInputBytes();
        byte[] out = new byte[40];
        refused("additionalInput", 0, limit, limit + 1, () -> drbg.generate(out, 0, out.length, bytes(limit + 1, 0x77)));
        assertArrayEquals(new byte[40], out, "nothing written");
        assertEquals(100, drbg.requestsBeforeReseed(), "no request counted");
        // The refused call changed nothing: the next output is the twin's.
        byte[] expected = new byte[40];
        twin.generate(expected, 0, expected.length, bytes(limit, 0x77));
        drbg.generate(out, 0, out.length, bytes(limit, 0x77));
        assertArrayEquals(expected, out);
        drbg.close();
        twin.close();
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void aRequestOfMoreGenerateCallsThanAreLeftIsRefusedUpFront(DrbgMechanism m) {
        // One request left: 65,537 bytes need two, and are refused before anything is written.
        Drbg drbg = instance(m, 1);
        byte[] out = new byte[DrbgMechanism.MAX_BYTES_PER_REQUEST + 1];
        assertThrows(ReseedRequiredException.class, () -> drbg.generate(out, 0, out.length, null));
        assertArrayEquals(new byte[out.length], out);
        assertEquals(1, drbg.requestsBeforeReseed());
        // Exactly one request's worth is allowed, and uses it up.
        drbg.generate(out, 0, DrbgMechanism.MAX_BYTES_PER_REQUEST, null);
        assertFalse(Arrays.equals(new byte[16], Arrays.copyOf(out, 16)));
        assertEquals(0, drbg.requestsBeforeReseed());
        drbg.close();
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void aClosedInstanceRefusesAReseedAndStillNamesItsMechanism(DrbgMechanism m) {
        Drbg drbg = instance(m, 10);
        assertSame(m, drbg.mechanism());
        drbg.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> drbg.reseed(entropy(m), null));
        assertEquals(m.cliName() + ": DRBG instance was closed", e.getMessage());
        assertSame(m, drbg.mechanism());
        assertTrue(drbg.requestsBeforeReseed() <= 10);
    }
}

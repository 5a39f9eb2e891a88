package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.internal.SecretBuffers;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The DRBGs' secrets are wiped, observably (CTR_DRBG's close is {@link CtrDrbgWipeTest}):
 * <ul>
 * <li>Hash_DRBG: V, C and the scratch (Hashgen's counter, a request's last block) are zero after close;</li>
 * <li>HMAC_DRBG: K and V are zero after close, and the HMAC's keyed digest states are re-keyed with the zero
 * key (its next HMAC is HMAC under the all-zero key, computed here by the JDK's {@code Mac}); the HMAC's key pad
 * is zero after every re-key, not only at close;</li>
 * <li>CTR_DRBG: the update's scratch is zero after every call, not only at close;</li>
 * <li>the derivation functions' buffers (CTR_DRBG's Block_Cipher_df: the BCC chain, the derived key and X,
 * their output; the entropy concatenation; Hash_df's output and scratch) are watched through
 * {@link SecretBuffers} as they are made, and all hold zeros once instantiate, reseed or generate returns.</li>
 * </ul>
 * Each check has its control: the same state is non-zero while the instance is in use.
 */
class DrbgWipeTest {

    private static Object field(Object owner, Class<?> type, String name) throws ReflectiveOperationException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] random(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /** An instance used once with additional input, as a server's generator is. */
    private static Drbg used(DrbgMechanism m, Random random) {
        byte[] entropy = random(random, m.usesNonce() ? 48 : m.seedLengthBytes());
        Drbg drbg = m.instantiate(entropy, m.usesNonce() ? random(random, 16) : null, random(random, 20), 1000);
        drbg.generate(new byte[100], 0, 100, random(random, 7));
        return drbg;
    }

    @ParameterizedTest
    @EnumSource(value = DrbgMechanism.class, names = "HASH_.*", mode = EnumSource.Mode.MATCH_ANY)
    void closingAHashDrbgZeroesVAndCAndTheScratch(DrbgMechanism m) throws Exception {
        Drbg drbg = used(m, new Random(m.ordinal()));
        String[] names = {"value", "constant", "data", "block"};
        for (String name : names) {
            assertFalse(allZero((byte[]) field(drbg, HashDrbg.class, name)), "control: " + name + " is set in use");
        }
        drbg.close();
        for (String name : names) {
            assertTrue(allZero((byte[]) field(drbg, HashDrbg.class, name)), name + " is zero after close");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DrbgMechanism.class, names = "HMAC_.*", mode = EnumSource.Mode.MATCH_ANY)
    void closingAnHmacDrbgZeroesKAndVAndReKeysTheHmacWithZeros(DrbgMechanism m) throws Exception {
        Drbg drbg = used(m, new Random(m.ordinal()));
        Hmac mac = (Hmac) field(drbg, HmacDrbg.class, "mac");
        byte[] key = (byte[]) field(drbg, HmacDrbg.class, "key");
        byte[] value = (byte[]) field(drbg, HmacDrbg.class, "value");
        assertFalse(allZero(key), "control: K is set in use");
        assertFalse(allZero(value), "control: V is set in use");
        assertTrue(allZero((byte[]) field(mac, Hmac.class, "pad")), "the key pad is zero after every re-key");
        String jdkName = m == DrbgMechanism.HMAC_SHA256 ? "HmacSHA256" : "HmacSHA512";
        byte[] message = "after close".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Mac zeroKey = Mac.getInstance(jdkName);
        zeroKey.init(new SecretKeySpec(new byte[key.length], jdkName));
        byte[] underZeroKey = zeroKey.doFinal(message);
        Mac oldKey = Mac.getInstance(jdkName);
        oldKey.init(new SecretKeySpec(key.clone(), jdkName));
        byte[] underOldKey = oldKey.doFinal(message);

        drbg.close();

        assertTrue(allZero(key), "K is zero after close");
        assertTrue(allZero(value), "V is zero after close");
        byte[] after = new byte[mac.outputLength()];
        mac.update(message);
        mac.doFinal(after);
        assertFalse(Arrays.equals(underOldKey, after), "the HMAC no longer holds K's keyed states");
        assertArrayEquals(underZeroKey, after, "the HMAC is re-keyed with the all-zero key");
    }

    @ParameterizedTest
    @EnumSource(value = DrbgMechanism.class, names = "CTR_.*", mode = EnumSource.Mode.MATCH_ANY)
    void ctrDrbgsScratchIsZeroAfterEveryCall(DrbgMechanism m) throws Exception {
        Random random = new Random(m.ordinal());
        Drbg drbg = used(m, random);
        byte[] temp = (byte[]) field(drbg, CtrDrbg.class, "temp");
        assertTrue(allZero(temp), "after instantiate and generate");
        drbg.generate(new byte[33], 0, 33, null);
        assertTrue(allZero(temp), "after a generate without additional input");
        drbg.reseed(random(random, m.usesNonce() ? 32 : m.seedLengthBytes()), random(random, 9));
        assertTrue(allZero(temp), "after a reseed");
        assertFalse(allZero((byte[]) field(drbg, CtrDrbg.class, "key")), "control: K is set in use");
        drbg.close();
    }

    @ParameterizedTest
    @EnumSource(value = DrbgMechanism.class, names = {"CTR_.*", "HASH_.*"}, mode = EnumSource.Mode.MATCH_ANY)
    void theDerivationFunctionsBuffersAreZeroWhenEachCallReturns(DrbgMechanism m) throws Exception {
        Random random = new Random(100 + m.ordinal());
        List<byte[]> watched = new ArrayList<>();
        // The control: as each buffer is made, whether one made before it holds non-zero bytes at that moment
        // (Block_Cipher_df fills its chain with the input before it makes the next buffer).
        boolean[] sawSecretsInUse = {false};
        java.util.function.Consumer<byte[]> watcher = buffer -> {
            sawSecretsInUse[0] |= watched.stream().anyMatch(b -> !allZero(b));
            watched.add(buffer);
        };
        Drbg drbg = SecretBuffers.watching(watcher, () -> used(m, random));
        int made = watched.size();
        // Without a derivation function only the XORed seed material is a buffer: instantiate and the
        // additional input's update make one each; with one, each derivation makes six or seven.
        assertTrue(made >= 2, m + ": only " + made + " secret buffers were made");
        assertAllZero(watched, m + " instantiate and generate");
        SecretBuffers.watching(watcher, () -> {
            drbg.reseed(random(random, m.usesNonce() ? 32 : m.seedLengthBytes()), random(random, 23));
            return null;
        });
        assertTrue(watched.size() > made, "the reseed made buffers of its own");
        assertAllZero(watched, m + " reseed");
        byte[] out = new byte[70];
        SecretBuffers.watching(watcher, () -> {
            drbg.generate(out, 0, out.length, random(random, 6));
            return null;
        });
        assertAllZero(watched, m + " generate with additional input");
        assertFalse(allZero(out));
        if (m.name().startsWith("CTR_") && m.usesNonce()) {
            assertTrue(sawSecretsInUse[0], "control: the derivation function's buffers held secrets while in use");
        }
        drbg.close();
    }

    private static void assertAllZero(List<byte[]> buffers, String after) {
        for (int i = 0; i < buffers.size(); i++) {
            assertTrue(allZero(buffers.get(i)), after + ": secret buffer " + i + " of " + buffers.size() + " ("
                    + buffers.get(i).length + " bytes) was not wiped");
        }
    }

    @Test
    void ctrDrbgsOnOneThreadShareTheThreadsCiphers() throws Exception {
        // A round stream's DRBG is one instance per round: they use their thread's ciphers, none of their own
        // (fairspin.rng.threadCiphers unset), so no Cipher.getInstance is paid per round.
        Random random = new Random(7);
        Drbg a = used(DrbgMechanism.CTR_AES256, random);
        Drbg b = used(DrbgMechanism.CTR_AES256, random);
        assertEquals(null, field(a, CtrDrbg.class, "own"));
        java.lang.reflect.Method ciphers = CtrDrbg.class.getDeclaredMethod("ciphers");
        ciphers.setAccessible(true);
        assertSame(ciphers.invoke(a), ciphers.invoke(b));
        a.close();
        b.close();
    }
}

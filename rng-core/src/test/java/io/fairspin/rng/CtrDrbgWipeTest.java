package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Closing a CTR_DRBG wipes it, observably: K, V, the counter block and the scratch hold zeros, the JDK's
 * counter-mode cipher encrypts under the all-zero key (so the provider's key schedule of K is overwritten,
 * also after a long request keyed it with K), and no field holds a {@code SecretKeySpec} copy of a key.
 * Before closing, K and V are not zero, and after a long request the JDK cipher is not on the zero key
 * (the controls). {@link Aes}'s key schedule is zero whenever a call returns (instantiate, generate with
 * and without additional input, short and long, reseed); this test failed with the wipe after an update
 * left out.
 */
class CtrDrbgWipeTest {

    static Object field(Object drbg, String name) throws ReflectiveOperationException {
        Field f = CtrDrbg.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(drbg);
    }

    /** The cipher {@code name} ("counterMode") that the DRBG uses on this thread. */
    private static Cipher cipher(Object drbg, String name) throws ReflectiveOperationException {
        java.lang.reflect.Method ciphers = CtrDrbg.class.getDeclaredMethod("ciphers");
        ciphers.setAccessible(true);
        Object record = ciphers.invoke(drbg);
        java.lang.reflect.Method accessor = record.getClass().getDeclaredMethod(name);
        accessor.setAccessible(true);
        return (Cipher) accessor.invoke(record);
    }

    static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The first bytes of AES-CTR's keystream under the all-zero key of {@code keyLength} from IV {@code iv}. */
    private static byte[] zeroKeyStream(int keyLength, byte[] iv, int length) throws Exception {
        Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[keyLength], "AES"), new IvParameterSpec(iv));
        return c.update(new byte[length]);
    }

    /** The buffer where the JDK's CBC mode, run without the processor's AES instructions, keeps its last input block. */
    private static byte[] cbcInputBlock(Cipher cbc) throws ReflectiveOperationException {
        Object spi = declared(Cipher.class, "spi").get(cbc);
        Object core = declared(spi.getClass(), "core").get(spi);
        Object mode = declared(core.getClass(), "cipher").get(core);
        return (byte[]) declared(mode.getClass(), "k").get(mode);
    }

    /** The field {@code name} of {@code type} or of a superclass. */
    private static Field declared(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    @ParameterizedTest
    @EnumSource(value = DrbgMechanism.class, names = {"CTR_AES128", "CTR_AES256"})
    void theBccCipherKeepsNothingOfTheSecretInput(DrbgMechanism mechanism) throws Exception {
        Random random = new Random(70 + mechanism.ordinal());
        byte[] entropy = new byte[32];
        random.nextBytes(entropy);
        Drbg drbg = mechanism.instantiate(entropy, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, null);
        java.lang.reflect.Method ciphers = CtrDrbg.class.getDeclaredMethod("ciphers");
        ciphers.setAccessible(true);
        Object record = ciphers.invoke(drbg);
        java.lang.reflect.Method bcc = record.getClass().getDeclaredMethod("bcc", int.class);
        bcc.setAccessible(true);
        Cipher cbc = (Cipher) bcc.invoke(record, ((byte[]) field(drbg, "key")).length);
        byte[] k = cbcInputBlock(cbc);
        assertTrue(allZero(k), "after instantiate, the CBC cipher's own input block is zero");
        drbg.generate(new byte[10], 0, 10, new byte[] {9, 9, 9});
        assertTrue(allZero(k), "after a generate with additional input (a derivation), too");
        drbg.close();
        // The control: where the processor's instructions are not used (the interpreter's path; rng-core's tests
        // run with the CBC intrinsic disabled, see the pom), the block is where the last input goes.
        Cipher probe = Cipher.getInstance("AES/CBC/NoPadding");
        probe.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[16], "AES"), new IvParameterSpec(new byte[16]));
        byte[] data = new byte[32];
        random.nextBytes(data);
        probe.doFinal(data);
        assertFalse(allZero(cbcInputBlock(probe)), "control: CBC keeps its last input block");
    }

    @ParameterizedTest
    @EnumSource(value = DrbgMechanism.class, names = "CTR_.*", mode = EnumSource.Mode.MATCH_ANY)
    void aesScheduleIsZeroWhenEveryCallReturns(DrbgMechanism mechanism) throws Exception {
        Random random = new Random(50 + mechanism.ordinal());
        boolean df = mechanism.usesNonce();
        byte[] entropy = new byte[df ? 32 : mechanism.seedLengthBytes()];
        random.nextBytes(entropy);
        Drbg drbg = mechanism.instantiate(entropy, df ? new byte[] {7, 7, 7, 7, 7, 7, 7, 7} : null, new byte[] {1});
        Aes aes = (Aes) field(drbg, "aes");
        assertTrue(aes.isWiped(), "after instantiate");
        byte[] additional = new byte[] {4, 5, 6};
        for (int length : new int[] {1, 16, 100, CtrDrbg.JDK_OUTPUT_BYTES, CtrDrbg.JDK_OUTPUT_BYTES + 1}) {
            drbg.generate(new byte[length], 0, length, null);
            assertTrue(aes.isWiped(), "after a generate of " + length + " bytes");
            drbg.generate(new byte[length], 0, length, additional);
            assertTrue(aes.isWiped(), "after a generate of " + length + " bytes with additional input");
        }
        byte[] fresh = new byte[entropy.length];
        random.nextBytes(fresh);
        drbg.reseed(fresh, additional);
        assertTrue(aes.isWiped(), "after a reseed");
        drbg.close();
    }

    @ParameterizedTest
    @EnumSource(value = DrbgMechanism.class, names = "CTR_.*", mode = EnumSource.Mode.MATCH_ANY)
    void closeLeavesZerosInTheStateAndInBothCiphers(DrbgMechanism mechanism) throws Exception {
        Random random = new Random(mechanism.ordinal());
        boolean df = mechanism.usesNonce();
        byte[] entropy = new byte[df ? 48 : mechanism.seedLengthBytes()];
        random.nextBytes(entropy);
        byte[] nonce = df ? new byte[16] : null;
        if (nonce != null) {
            random.nextBytes(nonce);
        }
        Drbg drbg = mechanism.instantiate(entropy, nonce, null, 1000);
        Object ctr = drbg instanceof CtrDrbg ? drbg : null;
        assertTrue(ctr != null, mechanism + " is a CtrDrbg");
        byte[] out = new byte[100];
        drbg.generate(out, 0, out.length, new byte[] {1, 2, 3});
        int keyLength = ((byte[]) field(ctr, "key")).length;
        assertFalse(allZero((byte[]) field(ctr, "key")), "control: K is set before close");
        assertFalse(allZero((byte[]) field(ctr, "value")), "control: V is set before close");
        assertTrue(((Aes) field(ctr, "aes")).isWiped(), "AES's schedule is zero after a generate");
        byte[] jdkKeystream = new byte[64];
        drbg.generate(new byte[CtrDrbg.JDK_OUTPUT_BYTES + 1], 0, CtrDrbg.JDK_OUTPUT_BYTES + 1, null);
        assertFalse(Arrays.equals(zeroKeyStream(keyLength, new byte[16], 64), cipher(ctr, "counterMode")
                .update(jdkKeystream)), "control: a long request leaves K's schedule in the JDK cipher until close");
        drbg.close();

        for (String name : new String[] {"key", "value", "counter", "temp"}) {
            assertTrue(allZero((byte[]) field(ctr, name)), name + " is zero after close");
        }
        assertArrayEquals(zeroKeyStream(keyLength, new byte[16], 64), cipher(ctr, "counterMode")
                .update(new byte[64]), "the counter-mode cipher is re-keyed with zeros");
        assertTrue(((Aes) field(ctr, "aes")).isWiped(), "AES's schedule is zero after close");
        for (Field f : CtrDrbg.class.getDeclaredFields()) {
            f.setAccessible(true);
            Object value = java.lang.reflect.Modifier.isStatic(f.getModifiers()) ? null : f.get(ctr);
            assertFalse(value instanceof SecretKeySpec, f.getName() + " holds a SecretKeySpec copy of a key");
        }
    }
}

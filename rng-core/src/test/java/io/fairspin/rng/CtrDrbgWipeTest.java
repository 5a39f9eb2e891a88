package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Closing a CTR_DRBG wipes it, observably: K, V, the counter block and the scratch hold zeros, both
 * ciphers encrypt under the all-zero key (so the provider's key schedule of K is overwritten), and no
 * field holds a {@code SecretKeySpec} copy of a key. Before closing, K and V are not zero (the control),
 * and after each derivation-function run the block cipher is back on the zero key.
 */
class CtrDrbgWipeTest {

    private static Object field(Object drbg, String name) throws ReflectiveOperationException {
        Field f = CtrDrbg.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(drbg);
    }

    private static boolean allZero(byte[] bytes) {
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

    private static byte[] zeroKeyBlock(int keyLength, byte[] block) throws Exception {
        Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[keyLength], "AES"));
        return c.doFinal(block);
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
        byte[] probe = new byte[16];
        random.nextBytes(probe);
        if (df) {
            assertArrayEquals(zeroKeyBlock(keyLength, probe), ((Cipher) field(ctr, "blockMode")).doFinal(probe),
                    "the derivation function leaves the block cipher on the zero key");
        }
        drbg.close();

        for (String name : new String[] {"key", "value", "counter", "temp"}) {
            assertTrue(allZero((byte[]) field(ctr, name)), name + " is zero after close");
        }
        assertArrayEquals(zeroKeyStream(keyLength, new byte[16], 64), ((Cipher) field(ctr, "counterMode"))
                .update(new byte[64]), "the counter-mode cipher is re-keyed with zeros");
        assertArrayEquals(zeroKeyBlock(keyLength, probe), ((Cipher) field(ctr, "blockMode")).doFinal(probe),
                "the block cipher is re-keyed with zeros");
        for (Field f : CtrDrbg.class.getDeclaredFields()) {
            f.setAccessible(true);
            Object value = java.lang.reflect.Modifier.isStatic(f.getModifiers()) ? null : f.get(ctr);
            assertFalse(value instanceof SecretKeySpec, f.getName() + " holds a SecretKeySpec copy of a key");
        }
    }
}

package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Aes} against FIPS 197's own examples (Appendix C) and against the JDK's AES (an independent
 * implementation, on the processor's AES instructions) over random keys, blocks and counter-mode
 * keystreams, and its wipe.
 */
class AesTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @CsvSource({
        "000102030405060708090a0b0c0d0e0f, 69c4e0d86a7b0430d8cdb78070b4c55a",
        "000102030405060708090a0b0c0d0e0f1011121314151617, dda97ca4864cdfe06eaf70a0ec0d7191",
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f, 8ea2b7ca516745bfeafc49904b496089"})
    void fips197AppendixC(String key, String ciphertext) {
        byte[] block = HEX.parseHex("00112233445566778899aabbccddeeff");
        Aes aes = Aes.keyed(HEX.parseHex(key));
        aes.encrypt(block, 0, block, 0);
        assertArrayEquals(HEX.parseHex(ciphertext), block);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32})
    void sameBlocksAsTheJdk(int keyLength) throws Exception {
        Random random = new Random(keyLength);
        Cipher jdk = Cipher.getInstance("AES/ECB/NoPadding");
        Aes aes = new Aes();
        for (int k = 0; k < 300; k++) {
            byte[] key = bytes(random, keyLength);
            byte[] blocks = bytes(random, 16 * (1 + random.nextInt(8)));
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            byte[] expected = jdk.doFinal(blocks);
            byte[] actual = new byte[blocks.length + 3];
            int offset = random.nextInt(4);
            aes.init(key, 0, keyLength);
            for (int i = 0; i < blocks.length; i += 16) {
                aes.encrypt(blocks, i, actual, offset + i);
            }
            assertArrayEquals(expected, Arrays.copyOfRange(actual, offset, offset + blocks.length), "key " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 32})
    void sameKeystreamAsTheJdksCounterMode(int keyLength) throws Exception {
        Random random = new Random(100 + keyLength);
        Cipher jdk = Cipher.getInstance("AES/CTR/NoPadding");
        Aes aes = new Aes();
        byte[] scratch = new byte[16];
        for (int k = 0; k < 300; k++) {
            byte[] key = bytes(random, keyLength);
            byte[] counter = bytes(random, 16);
            if (k % 3 == 0) {
                // Near the wrap of the 128-bit counter, which carries through every byte.
                Arrays.fill(counter, 1 + random.nextInt(15), 16, (byte) 0xFF);
            }
            int first = random.nextInt(70);
            int second = 16 * random.nextInt(4);
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
            byte[] expected = jdk.doFinal(new byte[(first + 15) / 16 * 16 + second]);
            aes.init(key, 0, keyLength);
            byte[] actual = new byte[first + second];
            aes.keystream(counter, actual, 0, first, scratch);
            aes.keystream(counter, actual, first, second, scratch);
            assertArrayEquals(Arrays.copyOf(expected, first), Arrays.copyOf(actual, first), "key " + k);
            assertArrayEquals(Arrays.copyOfRange(expected, expected.length - second, expected.length),
                    Arrays.copyOfRange(actual, first, first + second), "key " + k + ": a partial block is used up");
            assertTrue(isZero(scratch), "the scratch block is zeroed");
        }
    }

    @Test
    void wipeZeroesTheSchedule() {
        Aes aes = Aes.keyed(bytes(new Random(1), 32));
        assertFalse(aes.isWiped(), "control: a keyed schedule is not zero");
        aes.wipe();
        assertTrue(aes.isWiped());
        assertThrows(IllegalStateException.class, () -> aes.encrypt(new byte[16], 0, new byte[16], 0));
        assertThrows(IllegalArgumentException.class, () -> aes.init(new byte[20], 0, 20));
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}

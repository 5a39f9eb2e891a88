package io.fairspin.rng;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * AES encryption (FIPS 197), for the CTR_DRBG's short-lived keys: its key schedule is an array this object
 * owns, computed for encryption only and zeroed by {@link #wipe()}.
 *
 * <p>Why not the JDK's {@code Cipher}: its key setup also computes the decryption schedule, allocates and
 * compares on every {@code init}, and the only way to erase a schedule it holds is to re-key it (another
 * full key setup). A CTR_DRBG with a derivation function keys AES with a new key for every three to twenty
 * blocks (the derivation function's derived key, each update's key), so the JDK's key setups were about
 * a third of a game round's CPU. Bouncy Castle's {@code AESEngine} keeps its schedule in a private array
 * that it replaces, unwiped, on every {@code init} and that no method clears.
 *
 * <p>This is the table-driven form (four 1 KiB tables, big-endian words, as in the reference
 * {@code rijndael-alg-fst.c}); the tables are computed from the S-box, itself computed from its
 * definition (the inverse in GF(2^8) followed by the affine map). Its table look-ups depend on the key
 * and the data, so it is not constant-time in the face of a cache-timing attacker on the same machine;
 * the CTR_DRBG uses it only for keys that encrypt a few dozen blocks each (such attacks need many
 * encryptions under one key) and keeps the JDK's constant-time AES instructions for long requests.
 * Checked against the JDK's AES (CAVP CTR_DRBG vectors, {@code AesTest}). Not thread-safe while keyed;
 * {@link #encrypt} only reads the schedule, so a schedule of a public constant key may be shared.
 */
final class Aes {
    static final int BLOCK = 16;
    private static final VarHandle BIG_ENDIAN_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final int[] SBOX = new int[256];
    private static final int[] TE0 = new int[256];
    private static final int[] TE1 = new int[256];
    private static final int[] TE2 = new int[256];
    private static final int[] TE3 = new int[256];

    static {
        // The S-box from its definition: walk the multiplicative group with p = 3^k and q = 3^-k, so q is
        // p's inverse, and apply the affine map to q (FIPS 197 section 5.1.1).
        int p = 1;
        int q = 1;
        do {
            p = p ^ ((p << 1) & 0xFF) ^ ((p & 0x80) != 0 ? 0x1B : 0);
            q ^= q << 1;
            q ^= q << 2;
            q ^= q << 4;
            q &= 0xFF;
            if ((q & 0x80) != 0) {
                q ^= 0x09;
            }
            int affine = q ^ rotl8(q, 1) ^ rotl8(q, 2) ^ rotl8(q, 3) ^ rotl8(q, 4);
            SBOX[p] = (affine ^ 0x63) & 0xFF;
        } while (p != 1);
        SBOX[0] = 0x63;
        for (int x = 0; x < 256; x++) {
            int s = SBOX[x];
            int s2 = times2(s);
            int s3 = s2 ^ s;
            // SubBytes and MixColumns of one byte: the column (2s, s, s, 3s), big-endian.
            int t = (s2 << 24) | (s << 16) | (s << 8) | s3;
            TE0[x] = t;
            TE1[x] = Integer.rotateRight(t, 8);
            TE2[x] = Integer.rotateRight(t, 16);
            TE3[x] = Integer.rotateRight(t, 24);
        }
    }

    /** Round keys as big-endian words: 4 * (rounds + 1) of them, at most 60 (AES-256). */
    private final int[] schedule = new int[60];
    /** 10, 12 or 14 while keyed; 0 when wiped. */
    private int rounds;

    private static int rotl8(int x, int shift) {
        return ((x << shift) | (x >>> (8 - shift))) & 0xFF;
    }

    private static int times2(int b) {
        return ((b << 1) ^ ((b & 0x80) != 0 ? 0x1B : 0)) & 0xFF;
    }

    private static int subWord(int w) {
        return (SBOX[w >>> 24] << 24) | (SBOX[(w >>> 16) & 0xFF] << 16) | (SBOX[(w >>> 8) & 0xFF] << 8)
                | SBOX[w & 0xFF];
    }

    private static int word(byte[] bytes, int offset) {
        return (int) BIG_ENDIAN_INT.get(bytes, offset);
    }

    private static void putWord(int w, byte[] bytes, int offset) {
        BIG_ENDIAN_INT.set(bytes, offset, w);
    }

    /** A new AES keyed with {@code key} (16, 24 or 32 bytes), which is not kept. */
    static Aes keyed(byte[] key) {
        Aes aes = new Aes();
        aes.init(key, 0, key.length);
        return aes;
    }

    /**
     * Computes the encryption schedule of the key {@code key[offset, offset + length)}, replacing (overwriting)
     * the previous one. The key bytes are not kept.
     */
    void init(byte[] key, int offset, int length) {
        if (length != 16 && length != 24 && length != 32) {
            throw new IllegalArgumentException("AES key length must be 16, 24 or 32 bytes, was " + length);
        }
        int nk = length / 4;
        int words = 4 * (nk + 7);
        int[] w = schedule;
        for (int i = 0; i < nk; i++) {
            w[i] = word(key, offset + 4 * i);
        }
        int rcon = 1;
        for (int i = nk; i < words; i++) {
            int temp = w[i - 1];
            if (i % nk == 0) {
                temp = subWord(Integer.rotateLeft(temp, 8)) ^ (rcon << 24);
                rcon = times2(rcon);
            } else if (nk > 6 && i % nk == 4) {
                temp = subWord(temp);
            }
            w[i] = w[i - nk] ^ temp;
        }
        rounds = nk + 6;
    }

    /** Encrypts the block {@code in[inOffset, +16)} into {@code out[outOffset, +16)} (they may overlap exactly). */
    void encrypt(byte[] in, int inOffset, byte[] out, int outOffset) {
        int[] k = schedule;
        int r = rounds;
        if (r == 0) {
            throw new IllegalStateException("AES: not keyed");
        }
        int s0 = word(in, inOffset) ^ k[0];
        int s1 = word(in, inOffset + 4) ^ k[1];
        int s2 = word(in, inOffset + 8) ^ k[2];
        int s3 = word(in, inOffset + 12) ^ k[3];
        int i = 4;
        for (int round = 1; round < r; round++, i += 4) {
            int t0 = TE0[s0 >>> 24] ^ TE1[(s1 >>> 16) & 0xFF] ^ TE2[(s2 >>> 8) & 0xFF] ^ TE3[s3 & 0xFF] ^ k[i];
            int t1 = TE0[s1 >>> 24] ^ TE1[(s2 >>> 16) & 0xFF] ^ TE2[(s3 >>> 8) & 0xFF] ^ TE3[s0 & 0xFF] ^ k[i + 1];
            int t2 = TE0[s2 >>> 24] ^ TE1[(s3 >>> 16) & 0xFF] ^ TE2[(s0 >>> 8) & 0xFF] ^ TE3[s1 & 0xFF] ^ k[i + 2];
            int t3 = TE0[s3 >>> 24] ^ TE1[(s0 >>> 16) & 0xFF] ^ TE2[(s1 >>> 8) & 0xFF] ^ TE3[s2 & 0xFF] ^ k[i + 3];
            s0 = t0;
            s1 = t1;
            s2 = t2;
            s3 = t3;
        }
        // The last round: SubBytes, ShiftRows, AddRoundKey (no MixColumns).
        putWord(lastRound(s0, s1, s2, s3) ^ k[i], out, outOffset);
        putWord(lastRound(s1, s2, s3, s0) ^ k[i + 1], out, outOffset + 4);
        putWord(lastRound(s2, s3, s0, s1) ^ k[i + 2], out, outOffset + 8);
        putWord(lastRound(s3, s0, s1, s2) ^ k[i + 3], out, outOffset + 12);
    }

    private static int lastRound(int a, int b, int c, int d) {
        return (SBOX[a >>> 24] << 24) | (SBOX[(b >>> 16) & 0xFF] << 16) | (SBOX[(c >>> 8) & 0xFF] << 8)
                | SBOX[d & 0xFF];
    }

    /**
     * The counter-mode keystream E(K, C), E(K, C + 1), ... into {@code out[offset, offset + length)}, with C
     * the 16-byte big-endian {@code counter}, which is left at the block after the last one used (a last
     * partial block counts as used). {@code scratch} (16 bytes) is zeroed afterwards.
     */
    void keystream(byte[] counter, byte[] out, int offset, int length, byte[] scratch) {
        int end = offset + length;
        int position = offset;
        for (; end - position >= BLOCK; position += BLOCK) {
            encrypt(counter, 0, out, position);
            Bytes.increment(counter);
        }
        if (position < end) {
            encrypt(counter, 0, scratch, 0);
            Bytes.increment(counter);
            System.arraycopy(scratch, 0, out, position, end - position);
            Arrays.fill(scratch, (byte) 0);
        }
    }

    /** Zeroes the key schedule; {@link #encrypt} fails until {@link #init} is called again. */
    void wipe() {
        Arrays.fill(schedule, 0);
        rounds = 0;
    }

    /** Whether every word of the schedule is zero (for tests of the wipe). */
    boolean isWiped() {
        for (int w : schedule) {
            if (w != 0) {
                return false;
            }
        }
        return rounds == 0;
    }
}

package io.fairspin.rng;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

import static io.fairspin.rng.Bytes.isEmpty;
import static io.fairspin.rng.internal.SecretBuffers.secret;

/**
 * CTR_DRBG with AES, SP 800-90A Rev.1 section 10.2, with ctr_len equal to the block length.
 *
 * <p>The output is AES in counter mode starting at V + 1, which is exactly the JDK's
 * {@code AES/CTR/NoPadding} keystream with the IV set to V + 1; that cipher runs on the processor's AES
 * instructions, which is where the speed comes from.
 *
 * <p>Secrets: the key, V, the update's scratch and every intermediate of the derivation function are
 * arrays this class owns and zeroes when done ({@link #wipe()} on close); the derivation function's buffers are
 * marked as they are made ({@code SecretBuffers}), so that a test sees each of them zeroed. The ciphers are given keys
 * through {@link KeyView}, a view of one of those arrays, so no {@code SecretKeySpec} copy is left behind
 * per rekey; on wipe both ciphers are re-keyed with zeros, overwriting the key schedule the JCA provider
 * holds. What the provider copies internally is out of reach (see docs/rng.md).
 *
 * <p>The {@link Cipher} objects are per thread, not per instance: every use initializes them with this
 * instance's key before it encrypts anything, so instances on one thread can share them, and a round
 * stream's DRBG (one per game round) does not pay {@code Cipher.getInstance} each time. The BCC of the
 * derivation function has a cipher of its own, whose fixed key keeps its schedule from one instantiation
 * to the next. Wiping re-keys the ciphers of the thread that wipes (a round stream is used and closed on
 * one thread). Set the system property {@code fairspin.rng.threadCiphers=false} to give each instance its
 * own ciphers again (the old path, for comparing speeds); the output is the same either way.
 */
final class CtrDrbg extends AbstractDrbg {
    private static final int BLOCK = 16;
    private static final int MAX_INPUT_BYTES = 1 << 16;
    /** Counter mode encrypts these zeros to produce the keystream; never written. */
    private static final byte[] ZEROS = new byte[DrbgMechanism.MAX_BYTES_PER_REQUEST];
    private static final boolean THREAD_CIPHERS = !"false".equals(System.getProperty("fairspin.rng.threadCiphers"));
    private static final ThreadLocal<Ciphers> THREAD_LOCAL = ThreadLocal.withInitial(Ciphers::create);

    /**
     * AES in counter mode (output, updates), in ECB mode (the derivation function), and in ECB mode for BCC
     * under the derivation function's fixed key (00 01 02 ...), one cipher per key length: those are keyed
     * once, when created, since their key is a constant.
     */
    private record Ciphers(Cipher counterMode, Cipher blockMode, Cipher bcc128, Cipher bcc256) {
        static Ciphers create() {
            try {
                return new Ciphers(Cipher.getInstance("AES/CTR/NoPadding"), Cipher.getInstance("AES/ECB/NoPadding"),
                        bccCipher(16), bccCipher(32));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES is not available in this JDK", e);
            }
        }

        /** An ECB cipher keyed with the derivation function's key of {@code keyLength} bytes: 00 01 02 ... */
        private static Cipher bccCipher(int keyLength) throws GeneralSecurityException {
            byte[] dfKey = new byte[keyLength];
            for (int i = 0; i < keyLength; i++) {
                dfKey[i] = (byte) i;
            }
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new KeyView(dfKey));
            return cipher;
        }

        Cipher bcc(int keyLength) {
            return keyLength == 16 ? bcc128 : bcc256;
        }
    }

    private final boolean derivationFunction;
    private final int keyLength;
    private final int seedLength;
    /** This instance's own ciphers, or null when it uses its thread's. */
    private final Ciphers own;
    private final byte[] key;
    private final byte[] value = new byte[BLOCK];
    /** Scratch: the update's seedlen bytes, and the counter block that starts a keystream. */
    private final byte[] temp;
    private final byte[] counter = new byte[BLOCK];
    /** The cipher key: a view of {@link #key}, never a copy. */
    private final KeyView keyView;

    CtrDrbg(DrbgMechanism mechanism, int keyLength, boolean derivationFunction, byte[] entropyInput,
            byte[] nonce, byte[] personalization, long reseedInterval) {
        super(mechanism, reseedInterval);
        this.derivationFunction = derivationFunction;
        this.keyLength = keyLength;
        this.seedLength = keyLength + BLOCK;
        this.key = new byte[keyLength];
        this.temp = new byte[seedLength];
        this.own = THREAD_CIPHERS ? null : Ciphers.create();
        this.keyView = new KeyView(key);
        if (derivationFunction) {
            requireLength("entropyInput", entropyInput, MIN_ENTROPY_BYTES, MAX_INPUT_BYTES);
            requireLength("nonce", nonce, 0, MAX_INPUT_BYTES);
            requireLength("personalization", personalization, 0, MAX_INPUT_BYTES);
            updateWiping(derive(Bytes.concat(entropyInput, nonce, personalization)));
        } else {
            requireLength("entropyInput", entropyInput, seedLength, seedLength);
            requireLength("nonce", nonce, 0, 0);
            requireLength("personalization", personalization, 0, seedLength);
            updateWiping(xorPadded(entropyInput, personalization));
        }
    }

    /**
     * A secret key that is a view of an array the DRBG owns: {@link #getEncoded()} hands the provider a
     * copy (which the provider may zero), and the array itself is zeroed by the DRBG, not by the JVM's
     * garbage. Not a {@code SecretKeySpec}, which would keep a copy of its own per rekey.
     */
    private static final class KeyView implements SecretKey {
        private static final long serialVersionUID = 1L;
        private final transient byte[] bytes;
        private final int length;

        KeyView(byte[] bytes) {
            this(bytes, bytes.length);
        }

        KeyView(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
        }

        @Override
        public String getAlgorithm() {
            return "AES";
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return Arrays.copyOf(bytes, length);
        }
    }

    /** The derivation function of {@code input}, which is zeroed afterwards (an entropy concatenation). */
    private byte[] derive(byte[] input) {
        secret(input);
        try {
            return blockCipherDf(input);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    /** CTR_DRBG_Update with {@code provided}, which is zeroed afterwards. */
    private void updateWiping(byte[] provided) {
        try {
            update(provided);
        } finally {
            Arrays.fill(provided, (byte) 0);
        }
    }

    @Override
    void reseedAlgorithm(byte[] entropyInput, byte[] additionalInput) {
        if (derivationFunction) {
            requireLength("entropyInput", entropyInput, MIN_ENTROPY_BYTES, MAX_INPUT_BYTES);
            requireLength("additionalInput", additionalInput, 0, MAX_INPUT_BYTES);
            updateWiping(derive(Bytes.concat(entropyInput, additionalInput)));
        } else {
            requireLength("entropyInput", entropyInput, seedLength, seedLength);
            requireLength("additionalInput", additionalInput, 0, seedLength);
            updateWiping(xorPadded(entropyInput, additionalInput));
        }
    }

    @Override
    void generateRequest(byte[] out, int offset, int length, byte[] additionalInput) {
        byte[] provided = null;
        if (!isEmpty(additionalInput)) {
            if (derivationFunction) {
                requireLength("additionalInput", additionalInput, 0, MAX_INPUT_BYTES);
                provided = blockCipherDf(additionalInput);
            } else {
                requireLength("additionalInput", additionalInput, 0, seedLength);
                provided = xorPadded(new byte[seedLength], additionalInput);
            }
            update(provided);
        }
        try {
            outputAndUpdate(out, offset, length, provided);
        } finally {
            if (provided != null) {
                Arrays.fill(provided, (byte) 0);
            }
        }
    }

    /**
     * The output blocks and the closing CTR_DRBG_Update in one counter-mode pass: the update's blocks
     * E(K, V+m+1), ... directly follow the m output blocks, so one cipher initialization serves both.
     */
    private void outputAndUpdate(byte[] out, int offset, int length, byte[] provided) {
        Cipher counterMode = ciphers().counterMode();
        try {
            startKeystream(counterMode);
            counterMode.update(ZEROS, 0, length, out, offset);
            int restOfLastBlock = -length & (BLOCK - 1);
            counterMode.update(ZEROS, 0, restOfLastBlock, temp, 0);
            counterMode.doFinal(ZEROS, 0, seedLength, temp, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed", e);
        }
        rekeyFromTemp(provided);
    }

    private Ciphers ciphers() {
        return own != null ? own : THREAD_LOCAL.get();
    }

    /** Sets the counter-mode cipher to produce E(K, V+1), E(K, V+2), ... */
    private void startKeystream(Cipher counterMode) throws GeneralSecurityException {
        System.arraycopy(value, 0, counter, 0, BLOCK);
        Bytes.increment(counter);
        counterMode.init(Cipher.ENCRYPT_MODE, keyView, new IvParameterSpec(counter));
    }

    /** CTR_DRBG_Update: (Key, V) from the next seedlen bytes of keystream XOR provided (null: zeros). */
    private void update(byte[] provided) {
        Cipher counterMode = ciphers().counterMode();
        try {
            startKeystream(counterMode);
            counterMode.doFinal(ZEROS, 0, seedLength, temp, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed", e);
        }
        rekeyFromTemp(provided);
    }

    /** Key and V from temp XOR provided; temp is wiped. */
    private void rekeyFromTemp(byte[] provided) {
        if (provided != null) {
            for (int i = 0; i < seedLength; i++) {
                temp[i] ^= provided[i];
            }
        }
        System.arraycopy(temp, 0, key, 0, keyLength);
        System.arraycopy(temp, keyLength, value, 0, BLOCK);
        Arrays.fill(temp, (byte) 0);
    }

    /** seedlen bytes: {@code a} XOR ({@code b} padded with zeros); {@code a} is seedlen long. */
    private byte[] xorPadded(byte[] a, byte[] b) {
        byte[] result = secret(a.clone());
        if (b != null) {
            for (int i = 0; i < b.length; i++) {
                result[i] ^= b[i];
            }
        }
        return result;
    }

    /** Block_Cipher_df (section 10.3.2) of the input, returning seedlen bytes. */
    private byte[] blockCipherDf(byte[] input) {
        int padded = ((8 + input.length + 1 + BLOCK - 1) / BLOCK) * BLOCK;
        byte[] chain = secret(new byte[BLOCK + padded]);
        System.arraycopy(Bytes.bigEndian32(input.length), 0, chain, BLOCK, 4);
        System.arraycopy(Bytes.bigEndian32(seedLength), 0, chain, BLOCK + 4, 4);
        System.arraycopy(input, 0, chain, BLOCK + 8, input.length);
        chain[BLOCK + 8 + input.length] = (byte) 0x80;

        byte[] keyAndX = secret(new byte[seedLength]);
        byte[] chaining = secret(new byte[BLOCK]);
        byte[] scratch = secret(new byte[BLOCK]);
        byte[] result = secret(new byte[seedLength]);
        byte[] x = secret(new byte[BLOCK]);
        Cipher blockMode = ciphers().blockMode();
        try {
            for (int i = 0; i * BLOCK < seedLength; i++) {
                System.arraycopy(Bytes.bigEndian32(i), 0, chain, 0, 4);
                bcc(chain, chaining, scratch);
                System.arraycopy(chaining, 0, keyAndX, i * BLOCK, Math.min(BLOCK, seedLength - i * BLOCK));
            }
            System.arraycopy(keyAndX, keyLength, x, 0, BLOCK);
            blockMode.init(Cipher.ENCRYPT_MODE, new KeyView(keyAndX, keyLength));
            for (int position = 0; position < seedLength; position += BLOCK) {
                blockMode.doFinal(x, 0, BLOCK, x, 0);
                System.arraycopy(x, 0, result, position, Math.min(BLOCK, seedLength - position));
            }
            // The block cipher holds the derived key's schedule until it is re-keyed: re-key it with zeros.
            Arrays.fill(keyAndX, (byte) 0);
            blockMode.init(Cipher.ENCRYPT_MODE, new KeyView(keyAndX, keyLength));
        } catch (GeneralSecurityException e) {
            Arrays.fill(result, (byte) 0);
            throw new IllegalStateException("AES failed", e);
        } finally {
            Arrays.fill(chain, (byte) 0);
            Arrays.fill(keyAndX, (byte) 0);
            Arrays.fill(chaining, (byte) 0);
            Arrays.fill(scratch, (byte) 0);
            Arrays.fill(x, (byte) 0);
        }
        return result;
    }

    /**
     * BCC: the CBC-MAC of {@code data} under the derivation function's fixed key with a zero IV (the last
     * ciphertext block), into {@code chaining}; {@code input} is scratch. Both are the caller's, to be zeroed by it.
     */
    private void bcc(byte[] data, byte[] chaining, byte[] input) throws GeneralSecurityException {
        Cipher bccMode = ciphers().bcc(keyLength);
        Arrays.fill(chaining, (byte) 0);
        for (int position = 0; position < data.length; position += BLOCK) {
            for (int i = 0; i < BLOCK; i++) {
                input[i] = (byte) (chaining[i] ^ data[position + i]);
            }
            bccMode.doFinal(input, 0, BLOCK, chaining, 0);
        }
    }

    /** Zeroes the key, V and the scratch, and re-keys both ciphers with the all-zero key. */
    @Override
    void wipe() {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(value, (byte) 0);
        Arrays.fill(counter, (byte) 0);
        Arrays.fill(temp, (byte) 0);
        Ciphers ciphers = ciphers();
        try {
            ciphers.counterMode().init(Cipher.ENCRYPT_MODE, keyView, new IvParameterSpec(counter));
            ciphers.blockMode().init(Cipher.ENCRYPT_MODE, keyView);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed while wiping", e);
        }
    }
}

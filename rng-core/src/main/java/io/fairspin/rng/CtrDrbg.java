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
 * <p>The output is AES in counter mode starting at V + 1. A request longer than {@link #JDK_OUTPUT_BYTES}
 * runs on the JDK's {@code AES/CTR/NoPadding} with the IV set to V + 1, on the processor's AES
 * instructions; shorter requests, every CTR_DRBG_Update and the derivation function's derived key run on
 * {@link Aes}, this package's AES, whose key setup is a small fraction of the JDK's: a round stream's DRBG
 * and the draw of a round seed key AES with a new key for every few blocks, and the JDK's key setups were
 * about a third of a game round's CPU. The derivation function's BCC, under a fixed public key, runs on the
 * JDK's CBC mode (keyed once per thread); the instantiate's update from Key = 0, V = 0 XORs a constant
 * keystream. All give the same bytes (the CAVP vectors, {@code BouncyCastleDifferentialProperties}). A round stream
 * reads its requests block by block ({@link #nextRequestBlock}): only the blocks a round reads are encrypted.
 *
 * <p>Secrets: the key, V, the update's scratch and every intermediate of the derivation function are
 * arrays this class owns and zeroes when done ({@link #wipe()} on close); the derivation function's buffers are
 * marked as they are made ({@code SecretBuffers}), so that a test sees each of them zeroed. {@link Aes}'s key
 * schedule (of K, or of the derivation function's derived key) is zeroed when each operation returns, so
 * between calls no schedule of a secret key exists outside the JDK cipher. That cipher is given keys through
 * {@link KeyView}, a view of the key array, so no {@code SecretKeySpec} copy is left behind per rekey; on wipe
 * it is re-keyed with zeros if this instance keyed it, overwriting the key schedule the JCA provider holds.
 * What the provider copies internally is out of reach (see docs/rng.md).
 *
 * <p>The JDK {@link Cipher} is per thread, not per instance (created keyed with zeros): every use initializes
 * it with this instance's key before it encrypts anything, so instances on one thread can share it, and no
 * DRBG pays {@code Cipher.getInstance}. Wiping re-keys the cipher of the thread that wipes (a round stream is
 * used and closed on one thread). Set the system property {@code fairspin.rng.threadCiphers=false} to give
 * each instance its own cipher (for comparing speeds); the output is the same either way.
 */
final class CtrDrbg extends AbstractDrbg {
    private static final int BLOCK = 16;
    private static final int MAX_INPUT_BYTES = 1 << 16;
    /** Counter mode encrypts these zeros to produce the keystream; never written. */
    private static final byte[] ZEROS = new byte[DrbgMechanism.MAX_BYTES_PER_REQUEST];
    private static final boolean THREAD_CIPHERS = !"false".equals(System.getProperty("fairspin.rng.threadCiphers"));
    private static final ThreadLocal<Ciphers> THREAD_LOCAL = ThreadLocal.withInitial(Ciphers::create);

    /**
     * Requests longer than this many bytes use the JDK's AES in counter mode (the processor's AES
     * instructions, one key setup per request); shorter ones, the updates and the derivation function's
     * derived key use {@link Aes}, whose key setup costs a small fraction of the JDK's.
     */
    static final int JDK_OUTPUT_BYTES = 1024;
    /**
     * The keystream of the CTR_DRBG_Update that instantiates (Key = 0, V = 0): E(0, 1), E(0, 2), ..., seedlen
     * bytes, a public constant per key length, so instantiating encrypts nothing for it.
     */
    private static final byte[] ZERO_STATE_KEYSTREAM_128 = zeroStateKeystream(16);
    private static final byte[] ZERO_STATE_KEYSTREAM_256 = zeroStateKeystream(32);

    /**
     * The JDK's AES in counter mode, for long requests, left keyed with zeros when not in use; and in CBC mode
     * under the derivation function's fixed key (00 01 02 ...) with a zero IV, one per key length, for BCC
     * (a CBC-MAC): keyed once, when created, since their key is a public constant.
     */
    private record Ciphers(Cipher counterMode, Cipher bcc128, Cipher bcc256) {
        static Ciphers create() {
            try {
                Cipher counterMode = Cipher.getInstance("AES/CTR/NoPadding");
                counterMode.init(Cipher.ENCRYPT_MODE, new KeyView(new byte[32]), new IvParameterSpec(new byte[BLOCK]));
                return new Ciphers(counterMode, bccCipher(16), bccCipher(32));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES is not available in this JDK", e);
            }
        }

        private static Cipher bccCipher(int keyLength) throws GeneralSecurityException {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new KeyView(dfKey(keyLength)), new IvParameterSpec(new byte[BLOCK]));
            return cipher;
        }

        Cipher bcc(int keyLength) {
            return keyLength == 16 ? bcc128 : bcc256;
        }
    }

    private static byte[] zeroStateKeystream(int keyLength) {
        byte[] counter = new byte[BLOCK];
        Bytes.increment(counter);
        byte[] keystream = new byte[keyLength + BLOCK];
        Aes.keyed(new byte[keyLength]).keystream(counter, keystream, 0, keystream.length, new byte[BLOCK]);
        return keystream;
    }

    /** The derivation function's key of {@code keyLength} bytes: 00 01 02 ... */
    private static byte[] dfKey(int keyLength) {
        byte[] dfKey = new byte[keyLength];
        for (int i = 0; i < keyLength; i++) {
            dfKey[i] = (byte) i;
        }
        return dfKey;
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
    /** Scratch for a last partial keystream block; zero between calls. */
    private final byte[] block = new byte[BLOCK];
    /** The cipher key: a view of {@link #key}, never a copy. */
    private final KeyView keyView;
    /** AES for this instance's keys; its schedule is wiped when each operation returns. */
    private final Aes aes = new Aes();
    /** Whether this instance keyed its thread's JDK counter-mode cipher since that was last re-keyed with zeros. */
    private boolean keyedJdkCipher;
    /** The blocks still to come of the request read block by block ({@link #nextRequestBlock}); 0 when none is open. */
    private int blocksLeft;
    /** Whether the latest request read block by block has yet to run its closing CTR_DRBG_Update. */
    private boolean updateOwed;

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
            instantiateWiping(derive(Bytes.concat(entropyInput, nonce, personalization)));
        } else {
            requireLength("entropyInput", entropyInput, seedLength, seedLength);
            requireLength("nonce", nonce, 0, 0);
            requireLength("personalization", personalization, 0, seedLength);
            instantiateWiping(xorPadded(entropyInput, personalization));
        }
    }

    /**
     * The instantiate's CTR_DRBG_Update (Key = 0, V = 0) with {@code seedMaterial}, which is zeroed afterwards: its
     * keystream is a constant.
     */
    private void instantiateWiping(byte[] seedMaterial) {
        try {
            System.arraycopy(keyLength == 16 ? ZERO_STATE_KEYSTREAM_128 : ZERO_STATE_KEYSTREAM_256, 0, temp, 0, seedLength);
            rekeyFromTemp(seedMaterial);
        } finally {
            Arrays.fill(seedMaterial, (byte) 0);
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
     * E(K, V+m+1), ... directly follow the m output blocks, so one key setup serves both. Long requests run
     * on the JDK's cipher, the others on {@link Aes}.
     */
    private void outputAndUpdate(byte[] out, int offset, int length, byte[] provided) {
        if (length > JDK_OUTPUT_BYTES) {
            Cipher counterMode = ciphers().counterMode();
            try {
                startKeystream();
                keyedJdkCipher = true;
                counterMode.init(Cipher.ENCRYPT_MODE, keyView, new IvParameterSpec(counter));
                counterMode.update(ZEROS, 0, length, out, offset);
                int restOfLastBlock = -length & (BLOCK - 1);
                counterMode.update(ZEROS, 0, restOfLastBlock, temp, 0);
                counterMode.doFinal(ZEROS, 0, seedLength, temp, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-CTR failed", e);
            }
        } else {
            try {
                startKeystream();
                aes.init(key, 0, keyLength);
                aes.keystream(counter, out, offset, length, block);
                aes.keystream(counter, temp, 0, seedLength, block);
            } finally {
                aes.wipe();
            }
        }
        rekeyFromTemp(provided);
    }

    /**
     * The next 16 bytes of the byte sequence of successive generate requests of {@code requestBytes} bytes without
     * additional input, into {@code out[offset, offset + 16)}: each output block is computed when it is read. A
     * request's closing CTR_DRBG_Update runs when the next request starts, from the counter block after the
     * request's last output block, exactly as {@link #outputAndUpdate} runs it, so the bytes are those of
     * {@link #generate}; a reader that stops part way through a request (a round stream, closed after a few
     * blocks) never computes the blocks it did not read nor that update. Only for a DRBG that its reader alone
     * uses, for nothing but this and {@link #close()}: a generate or reseed in between would run before the owed
     * update. Like every call, it leaves {@link Aes}'s schedule zeroed.
     *
     * @param requestBytes the request size: a multiple of 16, at most {@link #JDK_OUTPUT_BYTES}
     * @throws ReseedRequiredException when a request starts and the reseed interval is used up
     * @throws IllegalStateException   when the instance was closed
     */
    void nextRequestBlock(byte[] out, int offset, int requestBytes) {
        if (blocksLeft == 0) {
            countRequest();
            if (updateOwed) {
                // The counter is at V + m + 1, after the m output blocks of the previous request.
                updateFromCounter(null);
            }
            startKeystream();
            blocksLeft = requestBytes / BLOCK;
            updateOwed = true;
        }
        try {
            aes.init(key, 0, keyLength);
            aes.encrypt(counter, 0, out, offset);
        } finally {
            aes.wipe();
        }
        Bytes.increment(counter);
        blocksLeft--;
    }

    private Ciphers ciphers() {
        return own != null ? own : THREAD_LOCAL.get();
    }

    /** Sets the counter block to V + 1, where the keystream E(K, V+1), E(K, V+2), ... starts. */
    private void startKeystream() {
        System.arraycopy(value, 0, counter, 0, BLOCK);
        Bytes.increment(counter);
    }

    /** CTR_DRBG_Update: (Key, V) from the next seedlen bytes of keystream XOR provided (null: zeros). */
    private void update(byte[] provided) {
        startKeystream();
        updateFromCounter(provided);
    }

    /** CTR_DRBG_Update from the keystream at the counter block as it is (not necessarily V + 1). */
    private void updateFromCounter(byte[] provided) {
        try {
            aes.init(key, 0, keyLength);
            aes.keystream(counter, temp, 0, seedLength, block);
        } finally {
            aes.wipe();
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
        byte[] ciphertext = secret(new byte[chain.length]);
        byte[] result = secret(new byte[seedLength]);
        byte[] x = secret(new byte[BLOCK]);
        Cipher cbc = ciphers().bcc(keyLength);
        try {
            for (int i = 0; i * BLOCK < seedLength; i++) {
                System.arraycopy(Bytes.bigEndian32(i), 0, chain, 0, 4);
                bcc(cbc, chain, chaining, ciphertext);
                System.arraycopy(chaining, 0, keyAndX, i * BLOCK, Math.min(BLOCK, seedLength - i * BLOCK));
            }
            // The JDK's CBC, where it runs without the processor's instructions, keeps the last block it
            // encrypted (chaining XOR data, a secret) in a buffer of its own: one zero block (IV zero) overwrites it.
            cbc.doFinal(ZEROS, 0, BLOCK, ciphertext, 0);
            System.arraycopy(keyAndX, keyLength, x, 0, BLOCK);
            aes.init(keyAndX, 0, keyLength);
            for (int position = 0; position < seedLength; position += BLOCK) {
                aes.encrypt(x, 0, x, 0);
                System.arraycopy(x, 0, result, position, Math.min(BLOCK, seedLength - position));
            }
        } catch (GeneralSecurityException e) {
            Arrays.fill(result, (byte) 0);
            throw new IllegalStateException("AES failed", e);
        } finally {
            // The derived key's schedule, and every intermediate, zeroed.
            aes.wipe();
            Arrays.fill(chain, (byte) 0);
            Arrays.fill(keyAndX, (byte) 0);
            Arrays.fill(chaining, (byte) 0);
            Arrays.fill(ciphertext, (byte) 0);
            Arrays.fill(x, (byte) 0);
        }
        return result;
    }

    /**
     * BCC: the CBC-MAC of {@code data} under the derivation function's fixed key with a zero IV (the last
     * ciphertext block), into {@code chaining}; {@code ciphertext} (as long as {@code data}) is scratch, zeroed here.
     * The JDK's CBC cipher goes back to its zero IV after each {@code doFinal}.
     */
    private void bcc(Cipher cbc, byte[] data, byte[] chaining, byte[] ciphertext) throws GeneralSecurityException {
        try {
            cbc.doFinal(data, 0, data.length, ciphertext, 0);
            System.arraycopy(ciphertext, data.length - BLOCK, chaining, 0, BLOCK);
        } finally {
            Arrays.fill(ciphertext, (byte) 0);
        }
    }

    /**
     * Zeroes the key, V and the scratch and {@link Aes}'s schedule, and re-keys the thread's JDK cipher with the
     * all-zero key if this instance keyed it (a long request).
     */
    @Override
    void wipe() {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(value, (byte) 0);
        Arrays.fill(counter, (byte) 0);
        Arrays.fill(temp, (byte) 0);
        Arrays.fill(block, (byte) 0);
        aes.wipe();
        blocksLeft = 0;
        updateOwed = false;
        if (keyedJdkCipher) {
            try {
                ciphers().counterMode().init(Cipher.ENCRYPT_MODE, keyView, new IvParameterSpec(counter));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES failed while wiping", e);
            }
            keyedJdkCipher = false;
        }
    }
}

package io.fairspin.rng;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import static io.fairspin.rng.Bytes.addInto;
import static io.fairspin.rng.Bytes.increment;
import static io.fairspin.rng.Bytes.isEmpty;
import static io.fairspin.rng.internal.SecretBuffers.secret;

/**
 * Hash_DRBG, SP 800-90A Rev.1 section 10.1.1, on the JDK's {@link MessageDigest}. V, C and the scratch are zeroed
 * on close; Hash_df's buffers (the new V and C before they are copied in) are marked as they are made
 * ({@code SecretBuffers}) and zeroed once copied.
 */
final class HashDrbg extends AbstractDrbg {
    private static final int MAX_INPUT_BYTES = 1 << 16;

    private final MessageDigest digest;
    private final int outLength;
    private final byte[] value;
    private final byte[] constant;
    /** Scratch: the running counter of Hashgen and the block a request ends in. */
    private final byte[] data;
    private final byte[] block;

    HashDrbg(DrbgMechanism mechanism, String algorithm, int outLength, int seedLength,
             byte[] entropyInput, byte[] nonce, byte[] personalization, long reseedInterval) {
        super(mechanism, reseedInterval);
        requireLength("entropyInput", entropyInput, MIN_ENTROPY_BYTES, MAX_INPUT_BYTES);
        requireLength("nonce", nonce, 0, MAX_INPUT_BYTES);
        requireLength("personalization", personalization, 0, MAX_INPUT_BYTES);
        try {
            this.digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available in this JDK", e);
        }
        this.outLength = outLength;
        this.value = new byte[seedLength];
        this.constant = new byte[seedLength];
        this.data = new byte[seedLength];
        this.block = new byte[outLength];
        setSeed(hashDf(seedLength, entropyInput, nonce, personalization));
    }

    @Override
    void reseedAlgorithm(byte[] entropyInput, byte[] additionalInput) {
        requireLength("entropyInput", entropyInput, MIN_ENTROPY_BYTES, MAX_INPUT_BYTES);
        requireLength("additionalInput", additionalInput, 0, MAX_INPUT_BYTES);
        setSeed(hashDf(value.length, new byte[] {0x01}, value, entropyInput, additionalInput));
    }

    /** V = seed; C = Hash_df(0x00 || V, seedlen). */
    private void setSeed(byte[] seed) {
        System.arraycopy(seed, 0, value, 0, value.length);
        Arrays.fill(seed, (byte) 0);
        byte[] c = hashDf(value.length, new byte[] {0x00}, value);
        System.arraycopy(c, 0, constant, 0, constant.length);
        Arrays.fill(c, (byte) 0);
    }

    @Override
    void generateRequest(byte[] out, int offset, int length, byte[] additionalInput) {
        requireLength("additionalInput", additionalInput, 0, MAX_INPUT_BYTES);
        if (!isEmpty(additionalInput)) {
            digest.update((byte) 0x02);
            digest.update(value);
            digest.update(additionalInput);
            addDigestToValue();
        }
        hashgen(out, offset, length);
        digest.update((byte) 0x03);
        digest.update(value);
        addDigestToValue();
        addInto(value, constant);
        addInto(value, Bytes.bigEndian64(reseedCounter()));
    }

    /** Hashgen: output Hash(data), Hash(data + 1), ... starting from data = V. */
    private void hashgen(byte[] out, int offset, int length) {
        System.arraycopy(value, 0, data, 0, data.length);
        int position = offset;
        int end = offset + length;
        while (end - position >= outLength) {
            digest.update(data);
            digestInto(out, position);
            position += outLength;
            increment(data);
        }
        if (position < end) {
            digest.update(data);
            digestInto(block, 0);
            System.arraycopy(block, 0, out, position, end - position);
        }
    }

    /** V = (V + Hash(pending input)) mod 2^seedlen. */
    private void addDigestToValue() {
        digestInto(block, 0);
        addInto(value, block);
    }

    private void digestInto(byte[] target, int offset) {
        try {
            digest.digest(target, offset, outLength);
        } catch (DigestException e) {
            throw new IllegalStateException("digest failed", e);
        }
    }

    /** Hash_df (section 10.3.1) of the concatenated inputs, to {@code bytes} bytes. */
    private byte[] hashDf(int bytes, byte[]... inputs) {
        byte[] result = secret(new byte[bytes]);
        byte[] temp = secret(new byte[outLength]);
        int bits = bytes * 8;
        byte counter = 1;
        for (int position = 0; position < bytes; position += outLength) {
            digest.update(counter++);
            digest.update(Bytes.bigEndian32(bits));
            for (byte[] input : inputs) {
                if (input != null) {
                    digest.update(input);
                }
            }
            digestInto(temp, 0);
            System.arraycopy(temp, 0, result, position, Math.min(outLength, bytes - position));
        }
        Arrays.fill(temp, (byte) 0);
        return result;
    }

    @Override
    void wipe() {
        Arrays.fill(value, (byte) 0);
        Arrays.fill(constant, (byte) 0);
        Arrays.fill(data, (byte) 0);
        Arrays.fill(block, (byte) 0);
        digest.reset();
    }
}

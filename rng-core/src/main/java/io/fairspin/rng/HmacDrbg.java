package io.fairspin.rng;

import java.util.Arrays;

import static io.fairspin.rng.Bytes.isEmpty;

/** HMAC_DRBG, SP 800-90A Rev.1 section 10.1.2, on the JDK's message digests (see {@link Hmac}). */
final class HmacDrbg extends AbstractDrbg {
    private static final int MAX_INPUT_BYTES = 1 << 16;

    private final Hmac mac;
    private final byte[] key;
    private final byte[] value;

    HmacDrbg(DrbgMechanism mechanism, String digestAlgorithm, int blockLength, byte[] entropyInput, byte[] nonce,
             byte[] personalization, long reseedInterval) {
        super(mechanism, reseedInterval);
        requireLength("entropyInput", entropyInput, MIN_ENTROPY_BYTES, MAX_INPUT_BYTES);
        requireLength("nonce", nonce, 0, MAX_INPUT_BYTES);
        requireLength("personalization", personalization, 0, MAX_INPUT_BYTES);
        this.mac = new Hmac(digestAlgorithm, blockLength);
        int outLength = mac.outputLength();
        this.key = new byte[outLength];
        this.value = new byte[outLength];
        Arrays.fill(value, (byte) 0x01);
        rekey();
        update(entropyInput, nonce, personalization);
    }

    @Override
    void reseedAlgorithm(byte[] entropyInput, byte[] additionalInput) {
        requireLength("entropyInput", entropyInput, MIN_ENTROPY_BYTES, MAX_INPUT_BYTES);
        requireLength("additionalInput", additionalInput, 0, MAX_INPUT_BYTES);
        update(entropyInput, additionalInput, null);
    }

    @Override
    void generateRequest(byte[] out, int offset, int length, byte[] additionalInput) {
        requireLength("additionalInput", additionalInput, 0, MAX_INPUT_BYTES);
        if (!isEmpty(additionalInput)) {
            update(additionalInput, null, null);
        }
        int position = offset;
        int end = offset + length;
        while (position < end) {
            macValueIntoValue();
            int n = Math.min(value.length, end - position);
            System.arraycopy(value, 0, out, position, n);
            position += n;
        }
        update(additionalInput, null, null);
    }

    /** HMAC_DRBG_Update over the concatenation of up to three inputs (null parts are skipped). */
    private void update(byte[] a, byte[] b, byte[] c) {
        boolean noData = isEmpty(a) && isEmpty(b) && isEmpty(c);
        updateRound((byte) 0x00, a, b, c);
        if (!noData) {
            updateRound((byte) 0x01, a, b, c);
        }
    }

    /** K = HMAC(K, V || round || data); V = HMAC(K, V). */
    private void updateRound(byte round, byte[] a, byte[] b, byte[] c) {
        mac.update(value);
        mac.update(round);
        updateIfPresent(a);
        updateIfPresent(b);
        updateIfPresent(c);
        doFinalInto(key);
        rekey();
        macValueIntoValue();
    }

    private void updateIfPresent(byte[] data) {
        if (data != null) {
            mac.update(data);
        }
    }

    private void macValueIntoValue() {
        mac.update(value);
        doFinalInto(value);
    }

    private void doFinalInto(byte[] target) {
        mac.doFinal(target);
    }

    private void rekey() {
        mac.init(key);
    }

    @Override
    void wipe() {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(value, (byte) 0);
        rekey();
    }
}

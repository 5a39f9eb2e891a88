package io.fairspin.rng.escrow;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One escrow record as stored: a 66-byte header in the clear and the HPKE ciphertext of the payload.
 * See {@code docs/escrow-format.md}. The header's first 30 bytes are the HPKE {@code aad}; the HPKE
 * {@code info} binds the key ID and the DRBG instance.
 */
final class Frame {
    static final byte[] MAGIC = {'F', 'S', 'E', 'R'};
    static final int VERSION = 1;
    /** The header's size: magic, version, type, key ID, instance, sequence, enc, ciphertext length. */
    static final int HEADER_BYTES = 4 + 1 + 1 + 8 + 8 + 8 + Hpke.ENC_BYTES + 4;
    /** The authenticated part of the header: magic through sequence. */
    static final int AAD_BYTES = 30;
    /** AES-GCM's tag; the shortest possible ciphertext. */
    static final int TAG_BYTES = 16;
    /** The longest ciphertext accepted (a payload holds at most a few inputs of SP 800-90A's limits). */
    static final int MAX_CIPHERTEXT_BYTES = 1 << 20;

    private static final byte[] INFO_TAG = "fairspin escrow v1".getBytes(StandardCharsets.US_ASCII);

    final RecordType type;
    final byte[] keyId;
    final byte[] instance;
    final long sequence;
    final byte[] enc;
    final byte[] ciphertext;

    Frame(RecordType type, byte[] keyId, byte[] instance, long sequence, byte[] enc, byte[] ciphertext) {
        this.type = type;
        this.keyId = keyId;
        this.instance = instance;
        this.sequence = sequence;
        this.enc = enc;
        this.ciphertext = ciphertext;
    }

    /** The HPKE aad of a record: magic, version, type, key ID, instance and sequence. */
    static byte[] aad(RecordType type, byte[] keyId, byte[] instance, long sequence) {
        return ByteBuffer.allocate(AAD_BYTES).put(MAGIC).put((byte) VERSION).put((byte) type.code)
                .put(keyId).put(instance).putLong(sequence).array();
    }

    /** The HPKE info of a record: "fairspin escrow v1", a zero byte, the key ID and the instance. */
    static byte[] info(byte[] keyId, byte[] instance) {
        return ByteBuffer.allocate(INFO_TAG.length + 1 + 16).put(INFO_TAG).put((byte) 0).put(keyId).put(instance)
                .array();
    }

    byte[] aad() {
        return aad(type, keyId, instance, sequence);
    }

    byte[] info() {
        return info(keyId, instance);
    }

    /** The stored bytes: header, then ciphertext. */
    byte[] encode() {
        return ByteBuffer.allocate(HEADER_BYTES + ciphertext.length).put(aad()).put(enc).putInt(ciphertext.length)
                .put(ciphertext).array();
    }

    /**
     * What is wrong with the first {@code available} bytes of a record header (magic, version, type and,
     * in a whole header, the ciphertext length), or null when they can start a record. A torn record at
     * the end of a file has a consistent, partial header or a whole header and a short ciphertext.
     */
    static String headerProblem(byte[] header, int available) {
        int magic = Math.min(available, MAGIC.length);
        if (!Arrays.equals(header, 0, magic, MAGIC, 0, magic)) {
            return "not an escrow record (expected the magic bytes \"FSER\")";
        }
        if (available > MAGIC.length && (header[MAGIC.length] & 0xFF) != VERSION) {
            return "format version " + (header[MAGIC.length] & 0xFF) + " is not supported (expected " + VERSION + ")";
        }
        if (available > MAGIC.length + 1 && RecordType.of(header[MAGIC.length + 1] & 0xFF) == null) {
            return "unknown record type " + (header[MAGIC.length + 1] & 0xFF) + " (expected 1 to 5)";
        }
        if (available >= HEADER_BYTES) {
            int length = ciphertextLength(header);
            if (length < TAG_BYTES || length > MAX_CIPHERTEXT_BYTES) {
                return "ciphertext length " + length + " is outside [" + TAG_BYTES + ", " + MAX_CIPHERTEXT_BYTES + "]";
            }
        }
        return null;
    }

    /** The ciphertext length a whole header declares. */
    static int ciphertextLength(byte[] header) {
        return ByteBuffer.wrap(header, HEADER_BYTES - 4, 4).getInt();
    }

    /** The key ID in a header of at least {@link #KEY_ID_END} bytes. */
    static byte[] keyId(byte[] header) {
        return Arrays.copyOfRange(header, MAGIC.length + 2, KEY_ID_END);
    }

    /** Where the key ID ends in a header. */
    static final int KEY_ID_END = MAGIC.length + 2 + 8;
}

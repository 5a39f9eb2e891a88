package io.fairspin.rng.escrow;

import io.fairspin.rng.DrbgMechanism;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * Reads a stream of escrow records, checks each one (framing, key, instance and sequence, HPKE
 * authentication, payload) and opens it; the first problem stops the reading with an
 * {@link EscrowException} naming the source, the offset and what was expected.
 */
final class EscrowReader {
    private static final HexFormat HEX = HexFormat.of();

    private final String source;
    private final AsymmetricCipherKeyPair recipient;
    private final byte[] keyId;
    private final Map<String, List<Payload>> instances = new LinkedHashMap<>();
    private long offset;

    private EscrowReader(String source, AsymmetricCipherKeyPair recipient, byte[] keyId) {
        this.source = source;
        this.recipient = recipient;
        this.keyId = keyId;
    }

    /** The opened payloads of every instance in {@code in}, by instance ID, in order. */
    static Map<String, List<Payload>> read(InputStream in, String source, AsymmetricCipherKeyPair recipient,
                                           byte[] keyId) throws IOException {
        EscrowReader reader = new EscrowReader(source, recipient, keyId);
        try {
            while (reader.readRecord(in)) {
                // one record per iteration
            }
        } catch (IOException | RuntimeException e) {
            reader.instances.values().forEach(list -> list.forEach(Payload::wipe));
            throw e;
        }
        if (reader.instances.isEmpty()) {
            throw reader.error("empty: no escrow records");
        }
        return reader.instances;
    }

    /** Reads, checks and opens one record; false at the end of the stream. */
    private boolean readRecord(InputStream in) throws IOException {
        byte[] header = in.readNBytes(Frame.HEADER_BYTES);
        if (header.length == 0) {
            return false;
        }
        if (header.length < Frame.HEADER_BYTES) {
            throw error("truncated record: the header has " + Frame.HEADER_BYTES + " bytes, only " + header.length
                    + " are present");
        }
        Frame frame = parseHeader(header, in);
        List<Payload> payloads = checkPlace(frame);
        Payload payload = open(frame);
        payloads.add(payload);
        if (payload.type == RecordType.INSTANTIATE) {
            checkInstantiate(payload);
        }
        offset += Frame.HEADER_BYTES + frame.ciphertext.length;
        return true;
    }

    private Frame parseHeader(byte[] header, InputStream in) throws IOException {
        if (!Frame.hasMagic(header)) {
            throw error("not an escrow record (expected the magic bytes \"FSER\")");
        }
        ByteBuffer b = ByteBuffer.wrap(header, Frame.MAGIC.length, Frame.HEADER_BYTES - Frame.MAGIC.length);
        int version = b.get() & 0xFF;
        if (version != Frame.VERSION) {
            throw error("format version " + version + " is not supported (expected " + Frame.VERSION + ")");
        }
        int code = b.get() & 0xFF;
        RecordType type = RecordType.of(code);
        if (type == null) {
            throw error("unknown record type " + code + " (expected 1 to 5)");
        }
        byte[] recordKey = new byte[8];
        byte[] instance = new byte[8];
        byte[] enc = new byte[Hpke.ENC_BYTES];
        b.get(recordKey).get(instance);
        long sequence = b.getLong();
        b.get(enc);
        int length = b.getInt();
        if (!Arrays.equals(recordKey, keyId)) {
            throw error("the record is sealed to key " + HEX.formatHex(recordKey) + ", the given private key is "
                    + HEX.formatHex(keyId) + " (wrong key)");
        }
        if (length < Frame.TAG_BYTES || length > Frame.MAX_CIPHERTEXT_BYTES) {
            throw error("ciphertext length " + length + " is outside [" + Frame.TAG_BYTES + ", "
                    + Frame.MAX_CIPHERTEXT_BYTES + "]");
        }
        byte[] ciphertext = in.readNBytes(length);
        if (ciphertext.length < length) {
            throw error("truncated record: the ciphertext has " + length + " bytes, only " + ciphertext.length
                    + " are present");
        }
        return new Frame(type, recordKey, instance, sequence, enc, ciphertext);
    }

    /** The instance's records so far, after checking that this record is the next one. */
    private List<Payload> checkPlace(Frame frame) throws EscrowException {
        String instance = HEX.formatHex(frame.instance);
        List<Payload> payloads = instances.computeIfAbsent(instance, k -> new ArrayList<>());
        long expected = payloads.size();
        if (frame.sequence != expected) {
            throw error("DRBG " + instance + " record " + frame.sequence + " where record " + expected
                    + " was expected: a record is missing, duplicated or out of order");
        }
        if ((expected == 0) != (frame.type == RecordType.INSTANTIATE)) {
            throw error("DRBG " + instance + " record " + expected + " is of type " + frame.type
                    + "; an instance starts with one INSTANTIATE record, and only its first record is one");
        }
        if (expected > 0 && payloads.get(payloads.size() - 1).type == RecordType.CLOSE) {
            throw error("DRBG " + instance + " has a record after its CLOSE record");
        }
        return payloads;
    }

    private Payload open(Frame frame) throws EscrowException {
        byte[] plaintext;
        try {
            plaintext = Hpke.open(recipient, frame.enc, frame.info(), frame.aad(), frame.ciphertext);
        } catch (InvalidCipherTextException e) {
            throw error("DRBG " + HEX.formatHex(frame.instance) + " record " + frame.sequence
                    + " fails authentication: the record was altered, or moved from another place or file");
        }
        try {
            return Payload.decode(frame.type, plaintext);
        } catch (IllegalArgumentException e) {
            throw error("DRBG " + HEX.formatHex(frame.instance) + " record " + frame.sequence + " (" + frame.type
                    + ") has a malformed payload: " + e.getMessage());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private void checkInstantiate(Payload payload) throws EscrowException {
        try {
            DrbgMechanism.fromCliName(payload.mechanism);
        } catch (IllegalArgumentException e) {
            throw error("INSTANTIATE record names an unknown mechanism");
        }
        if (payload.requestBytes < 1 || payload.requestBytes > DrbgMechanism.MAX_BYTES_PER_REQUEST) {
            throw error("INSTANTIATE record has request size " + payload.requestBytes + ", expected 1 to "
                    + DrbgMechanism.MAX_BYTES_PER_REQUEST);
        }
    }

    private EscrowException error(String what) {
        return new EscrowException(source + ": offset " + offset + ": " + what);
    }
}

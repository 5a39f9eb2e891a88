package io.fairspin.rng.escrow;

import static io.fairspin.rng.internal.SecretBuffers.secret;

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
    private TornTail tornTail;

    private EscrowReader(String source, AsymmetricCipherKeyPair recipient, byte[] keyId) {
        this.source = source;
        this.recipient = recipient;
        this.keyId = keyId;
    }

    /**
     * What a reading found: the opened payloads of every instance, by instance ID, in order, and a torn
     * last record (null when the escrow ends with a whole record).
     */
    record Result(Map<String, List<Payload>> instances, TornTail tornTail) {
    }

    /** The opened payloads of every instance in {@code in}, and a torn last record if there is one. */
    static Result read(InputStream in, String source, AsymmetricCipherKeyPair recipient, byte[] keyId)
            throws IOException {
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
            throw reader.error(reader.tornTail == null ? "empty: no escrow records"
                    : "no whole escrow record, only a torn one of " + reader.tornTail.length() + " bytes");
        }
        return new Result(reader.instances, reader.tornTail);
    }

    /** Reads, checks and opens one record; false at the end of the stream. */
    private boolean readRecord(InputStream in) throws IOException {
        byte[] header = in.readNBytes(Frame.HEADER_BYTES);
        if (header.length == 0) {
            return false;
        }
        String problem = Frame.headerProblem(header, header.length);
        if (problem != null) {
            throw error(problem);
        }
        if (header.length < Frame.HEADER_BYTES) {
            return torn(header.length);
        }
        Frame frame = parseHeader(header, in);
        if (frame == null) {
            return false;
        }
        List<Payload> payloads = checkPlace(frame);
        Payload payload = open(frame);
        payloads.add(payload);
        String rejected = payloadProblem(payload);
        if (rejected == null) {
            rejected = unreadProblem(payloads);
        }
        if (rejected != null) {
            throw error(rejected);
        }
        offset += Frame.HEADER_BYTES + frame.ciphertext.length;
        return true;
    }

    /** A record cut short at the end: the reading stops before it. */
    private boolean torn(long present) {
        tornTail = new TornTail(offset, present);
        return false;
    }

    /** The record whose header this is, or null (and a torn tail) when its ciphertext is cut short. */
    private Frame parseHeader(byte[] header, InputStream in) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(header, Frame.MAGIC.length + 1, Frame.HEADER_BYTES - Frame.MAGIC.length - 1);
        RecordType type = RecordType.of(b.get() & 0xFF);
        byte[] recordKey = new byte[8];
        byte[] instance = new byte[8];
        byte[] enc = new byte[Hpke.ENC_BYTES];
        b.get(recordKey).get(instance);
        long sequence = b.getLong();
        b.get(enc);
        int length = b.getInt();
        if (!Arrays.equals(recordKey, keyId)) {
            throw new EscrowException(source + ": offset " + offset + ": the record is sealed to key "
                    + HEX.formatHex(recordKey) + ", the given private key is " + HEX.formatHex(keyId) + " (wrong key)", true);
        }
        byte[] ciphertext = in.readNBytes(length);
        if (ciphertext.length < length) {
            torn(Frame.HEADER_BYTES + ciphertext.length);
            return null;
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
            plaintext = secret(Hpke.open(recipient, frame.enc, frame.info(), frame.aad(), frame.ciphertext));
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

    /**
     * What a reader holds against a well-formed payload, or null when it accepts it. The writer asks the
     * same question before it seals a record ({@link SeedEscrow}), so that it never writes a record that a
     * reader rejects.
     */
    static String payloadProblem(Payload payload) {
        if (payload.type != RecordType.INSTANTIATE) {
            return null;
        }
        try {
            DrbgMechanism.fromCliName(payload.mechanism);
        } catch (IllegalArgumentException e) {
            return "INSTANTIATE record names an unknown mechanism";
        }
        if (payload.requestBytes < 1 || payload.requestBytes > DrbgMechanism.MAX_BYTES_PER_REQUEST) {
            return "INSTANTIATE record has request size " + payload.requestBytes + ", expected 1 to "
                    + DrbgMechanism.MAX_BYTES_PER_REQUEST;
        }
        return null;
    }

    /**
     * What a reader holds against the unread byte count of an instance's last record, a RESEED after which
     * the caller dropped the rest of its latest ordinary request: there must be such a request (one made
     * after the previous drop) and the count must be less than its size. Null when it accepts it.
     */
    static String unreadProblem(List<Payload> records) {
        Payload last = records.get(records.size() - 1);
        if (last.type != RecordType.RESEED || last.unread == 0) {
            return null;
        }
        int requestBytes = records.get(0).requestBytes;
        if (last.unread >= requestBytes) {
            return "RESEED record drops " + Integer.toUnsignedLong(last.unread) + " unread bytes of a request of "
                    + requestBytes + ", expected fewer";
        }
        long ordinary = last.requestsBefore;
        for (int i = records.size() - 2; i > 0 && ordinary == 0; i--) {
            Payload earlier = records.get(i);
            if (earlier.type == RecordType.RESEED && earlier.unread > 0) {
                break;
            }
            ordinary += earlier.requestsBefore;
        }
        return ordinary > 0 ? null
                : "RESEED record drops unread bytes of a request, but no request was made since the instance's start"
                + " or its previous drop";
    }

    private EscrowException error(String what) {
        return new EscrowException(source + ": offset " + offset + ": " + what);
    }
}

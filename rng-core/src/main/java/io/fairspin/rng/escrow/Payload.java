package io.fairspin.rng.escrow;

import static io.fairspin.rng.internal.SecretBuffers.secret;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The plaintext of an escrow record: what one DRBG call took as input. Byte fields are length-prefixed
 * (4 bytes, big-endian); {@code requestsBefore} counts the ordinary generate requests the instance made
 * since its previous record. Holds secrets: {@link #wipe()} when done, and no {@code toString()}.
 */
final class Payload {
    final RecordType type;
    /** INSTANTIATE: the mechanism's command-line name. */
    final String mechanism;
    /** INSTANTIATE: the reseed interval in requests; the size of ordinary requests. */
    final long reseedInterval;
    final int requestBytes;
    /** RESEED, GENERATE, CLOSE: ordinary requests since the previous record. */
    final long requestsBefore;
    /** GENERATE: the number of bytes generated. */
    final int length;
    /** INSTANTIATE and RESEED: entropy input. INSTANTIATE: nonce and personalization. */
    final byte[] entropyInput;
    final byte[] nonce;
    final byte[] personalization;
    /** RESEED and GENERATE: additional input. */
    final byte[] additionalInput;
    /** GENERATE_BATCH: the generate calls, in order, as GENERATE payloads with no requests before them. */
    final List<Payload> draws;
    /**
     * RESEED: the bytes at the end of the instance's latest ordinary request that its caller dropped unread
     * before the reseed ({@code CertifiedRandom.reseed(additionalInput)}); 0 for none, and then not encoded.
     */
    final int unread;

    private Payload(RecordType type, String mechanism, long reseedInterval, int requestBytes, long requestsBefore,
                    int length, byte[] entropyInput, byte[] nonce, byte[] personalization, byte[] additionalInput,
                    List<Payload> draws, int unread) {
        this.type = type;
        this.mechanism = mechanism;
        this.reseedInterval = reseedInterval;
        this.requestBytes = requestBytes;
        this.requestsBefore = requestsBefore;
        this.length = length;
        this.entropyInput = entropyInput;
        this.nonce = nonce;
        this.personalization = personalization;
        this.additionalInput = additionalInput;
        this.draws = draws;
        this.unread = unread;
    }

    static Payload instantiate(String mechanism, long reseedInterval, int requestBytes, byte[] entropyInput,
                               byte[] nonce, byte[] personalization) {
        return new Payload(RecordType.INSTANTIATE, mechanism, reseedInterval, requestBytes, 0, 0,
                copy(entropyInput), copy(nonce), copy(personalization), new byte[0], List.of(), 0);
    }

    static Payload reseed(long requestsBefore, byte[] entropyInput, byte[] additionalInput) {
        return reseed(requestsBefore, entropyInput, additionalInput, 0);
    }

    /** A RESEED after the caller dropped {@code unread} bytes of the latest ordinary request (0 for none). */
    static Payload reseed(long requestsBefore, byte[] entropyInput, byte[] additionalInput, int unread) {
        if (unread < 0) {
            throw new IllegalArgumentException("unread: must not be negative, was " + unread);
        }
        return new Payload(RecordType.RESEED, "", 0, 0, requestsBefore, 0, copy(entropyInput), new byte[0],
                new byte[0], copy(additionalInput), List.of(), unread);
    }

    static Payload generate(long requestsBefore, int length, byte[] additionalInput) {
        return new Payload(RecordType.GENERATE, "", 0, 0, requestsBefore, length, new byte[0], new byte[0],
                new byte[0], copy(additionalInput), List.of(), 0);
    }

    /** Several generate calls: the output lengths and additional inputs (null for none), by index. */
    static Payload generateBatch(long requestsBefore, int[] lengths, byte[][] additionalInputs) {
        List<Payload> draws = new ArrayList<>(lengths.length);
        for (int i = 0; i < lengths.length; i++) {
            draws.add(generate(0, lengths[i], additionalInputs[i]));
        }
        return batch(requestsBefore, draws);
    }

    private static Payload batch(long requestsBefore, List<Payload> draws) {
        return new Payload(RecordType.GENERATE_BATCH, "", 0, 0, requestsBefore, 0, new byte[0], new byte[0],
                new byte[0], new byte[0], List.copyOf(draws), 0);
    }

    static Payload close(long requestsBefore) {
        return new Payload(RecordType.CLOSE, "", 0, 0, requestsBefore, 0, new byte[0], new byte[0], new byte[0],
                new byte[0], List.of(), 0);
    }

    /** The plaintext bytes of this payload. */
    byte[] encode() {
        int drawBytes = draws.stream().mapToInt(d -> 8 + d.additionalInput.length).sum();
        ByteBuffer b = ByteBuffer.wrap(secret(new byte[64 + entropyInput.length + nonce.length + personalization.length
                + additionalInput.length + drawBytes]));
        switch (type) {
            case INSTANTIATE:
                byte[] name = mechanism.getBytes(StandardCharsets.US_ASCII);
                b.put((byte) name.length).put(name).putLong(reseedInterval).putInt(requestBytes);
                putField(b, entropyInput);
                putField(b, nonce);
                putField(b, personalization);
                break;
            case RESEED:
                b.putLong(requestsBefore);
                putField(b, entropyInput);
                putField(b, additionalInput);
                if (unread > 0) {
                    b.putInt(unread);
                }
                break;
            case GENERATE:
                b.putLong(requestsBefore).putInt(length);
                putField(b, additionalInput);
                break;
            case GENERATE_BATCH:
                b.putLong(requestsBefore).putInt(draws.size());
                for (Payload draw : draws) {
                    b.putInt(draw.length);
                    putField(b, draw.additionalInput);
                }
                break;
            default:
                b.putLong(requestsBefore);
        }
        byte[] encoded = secret(Arrays.copyOf(b.array(), b.position()));
        Arrays.fill(b.array(), (byte) 0);
        return encoded;
    }

    /**
     * Reads the payload of a record of {@code type}.
     *
     * @throws IllegalArgumentException when the bytes are not a well-formed payload of that type
     */
    static Payload decode(RecordType type, byte[] plaintext) {
        ByteBuffer b = ByteBuffer.wrap(plaintext);
        try {
            Payload p;
            switch (type) {
                case INSTANTIATE:
                    byte[] name = new byte[b.get() & 0xFF];
                    b.get(name);
                    p = new Payload(type, new String(name, StandardCharsets.US_ASCII), b.getLong(), b.getInt(), 0, 0,
                            field(b), field(b), field(b), new byte[0], List.of(), 0);
                    break;
                case RESEED:
                    p = decodeReseed(b);
                    break;
                case GENERATE:
                    p = new Payload(type, "", 0, 0, b.getLong(), b.getInt(), new byte[0], new byte[0], new byte[0],
                            field(b), List.of(), 0);
                    break;
                case GENERATE_BATCH:
                    p = decodeBatch(b);
                    break;
                default:
                    p = close(b.getLong());
            }
            if (b.hasRemaining()) {
                throw new IllegalArgumentException(b.remaining() + " bytes after the last field");
            }
            return p;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("the payload ends inside a field");
        }
    }

    /** requests (8) · lp(entropy input) · lp(additional input) · [unread (4), 1 or more; absent for 0]. */
    private static Payload decodeReseed(ByteBuffer b) {
        long requestsBefore = b.getLong();
        byte[] entropyInput = field(b);
        byte[] additionalInput = field(b);
        int unread = 0;
        if (b.remaining() == Integer.BYTES) {
            unread = b.getInt();
            if (unread < 1) {
                throw new IllegalArgumentException("a RESEED record's unread byte count is " + Integer.toUnsignedLong(unread)
                        + ", expected 1 or more (0 is written as no count)");
            }
        }
        return new Payload(RecordType.RESEED, "", 0, 0, requestsBefore, 0, entropyInput, new byte[0], new byte[0],
                additionalInput, List.of(), unread);
    }

    /** requests (8) · count (4) · count times: length (4) · lp(additional input); count is 1 or more. */
    private static Payload decodeBatch(ByteBuffer b) {
        long requestsBefore = b.getLong();
        int count = b.getInt();
        if (count < 1 || count > b.remaining() / 8) {
            throw new IllegalArgumentException("a batch of " + count + " generate calls does not fit the payload");
        }
        List<Payload> draws = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = b.getInt();
            // The field as read, not a copy: a copy would leave the read bytes unwiped.
            draws.add(new Payload(RecordType.GENERATE, "", 0, 0, 0, length, new byte[0], new byte[0], new byte[0],
                    field(b), List.of(), 0));
        }
        return batch(requestsBefore, draws);
    }

    /** Overwrites the secret fields with zeros. */
    void wipe() {
        Arrays.fill(entropyInput, (byte) 0);
        Arrays.fill(nonce, (byte) 0);
        Arrays.fill(personalization, (byte) 0);
        Arrays.fill(additionalInput, (byte) 0);
        draws.forEach(Payload::wipe);
    }

    private static byte[] copy(byte[] value) {
        return value == null ? new byte[0] : secret(value.clone());
    }

    private static void putField(ByteBuffer b, byte[] value) {
        b.putInt(value.length).put(value);
    }

    private static byte[] field(ByteBuffer b) {
        int length = b.getInt();
        if (length < 0 || length > b.remaining()) {
            throw new IllegalArgumentException("a field's length " + length + " runs past the payload's end");
        }
        byte[] value = secret(new byte[length]);
        b.get(value);
        return value;
    }
}

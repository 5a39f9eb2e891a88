package io.fairspin.rng.escrow;

import io.fairspin.rng.keys.KeyFiles;
import io.fairspin.rng.Drbg;
import io.fairspin.rng.DrbgEscrow;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.RngFailureException;
import java.io.Closeable;
import java.io.IOException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * Seed escrow to an auditor: every input of a DRBG instance is sealed with HPKE (RFC 9180,
 * DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, base mode) to the auditor's X25519 public key
 * and appended durably to a store before the output that depends on it is handed out.
 *
 * <pre>{@code
 * try (SeedEscrow escrow = new SeedEscrow(KeyFiles.readPublicKey(Path.of("auditor.pub"), "X25519"),
 *                                         EscrowFile.open(Path.of("rng.escrow")));
 *      CertifiedRandom rng = CertifiedRandom.builder().escrow(escrow).build()) { ... }
 * }</pre>
 *
 * <p>Each record is bound to its DRBG instance and sequence number (HPKE {@code info} and {@code aad}).
 * Safe to share between generators and threads. Closing it closes the store.
 */
public final class SeedEscrow implements DrbgEscrow, Closeable {
    private final AsymmetricKeyParameter recipient;
    private final byte[] keyId;
    private final EscrowStore store;

    /**
     * Escrow to {@code auditorKey} in {@code store}.
     *
     * @param auditorKey the auditor's X25519 public key, which seals every record
     * @param store where sealed records are appended
     * @throws IllegalArgumentException when the key is not an X25519 public key, or the store holds records
     *                                  sealed to another key (an escrow file holds one auditor key's
     *                                  records); the store is closed then
     */
    public SeedEscrow(PublicKey auditorKey, EscrowStore store) {
        if (auditorKey == null || store == null) {
            throw new IllegalArgumentException("auditorKey, store: must not be null");
        }
        try {
            this.recipient = Hpke.recipient(auditorKey);
            this.keyId = KeyFiles.keyIdBytes(auditorKey.getEncoded());
            String given = HexFormat.of().formatHex(keyId);
            store.keyId().filter(k -> !k.equals(given)).ifPresent(k -> {
                throw new IllegalArgumentException(store.name() + ": its records are sealed to auditor key " + k
                        + ", not to the given key " + given + "; an escrow file holds one auditor key's records "
                        + "(use that key, or another escrow file)");
            });
        } catch (RuntimeException e) {
            try {
                store.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        this.store = store;
    }

    /**
     * The auditor key's ID, stored in every record.
     *
     * @return the key ID: 16 lowercase hex digits of SHA-256 over the key's SubjectPublicKeyInfo
     */
    public String keyId() {
        return HexFormat.of().formatHex(keyId);
    }

    @Override
    public Drbg instantiate(String instanceId, DrbgMechanism mechanism, byte[] entropyInput, byte[] nonce,
                            byte[] personalization, long reseedInterval, int requestBytes) {
        byte[] instance = parseInstanceId(instanceId);
        Drbg drbg = mechanism.instantiate(entropyInput, nonce, personalization, reseedInterval);
        EscrowingDrbg escrowed = new EscrowingDrbg(drbg, requestBytes, (sequence, payload) ->
                append(instance, sequence, payload));
        escrowed.record(Payload.instantiate(mechanism.cliName(), reseedInterval, requestBytes, entropyInput, nonce,
                personalization));
        return escrowed;
    }

    /** Seals one payload as record {@code sequence} of {@code instance} and appends it durably. */
    private void append(byte[] instance, long sequence, Payload payload) {
        byte[] plaintext = payload.encode();
        try {
            if (plaintext.length + Frame.TAG_BYTES > Frame.MAX_CIPHERTEXT_BYTES) {
                throw new IOException("a record of " + plaintext.length + " bytes is longer than a reader accepts");
            }
            checkReadable(payload.type, plaintext);
            byte[][] sealed = Hpke.seal(recipient, Frame.info(keyId, instance),
                    Frame.aad(payload.type, keyId, instance, sequence), plaintext);
            store.append(new Frame(payload.type, keyId, instance, sequence, sealed[0], sealed[1]).encode());
        } catch (IOException e) {
            throw new RngFailureException("escrow: " + e.getMessage(), e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
            payload.wipe();
        }
    }

    /** Fails closed when a reader would reject the payload: the record is not written then. */
    private static void checkReadable(RecordType type, byte[] plaintext) throws IOException {
        Payload decoded;
        try {
            decoded = Payload.decode(type, plaintext);
        } catch (IllegalArgumentException e) {
            throw new IOException("a " + type + " record that a reader rejects (" + e.getMessage() + ") was not written");
        }
        try {
            String problem = EscrowReader.payloadProblem(decoded);
            if (problem != null) {
                throw new IOException("a record that a reader rejects (" + problem + ") was not written");
            }
        } finally {
            decoded.wipe();
        }
    }

    private static byte[] parseInstanceId(String instanceId) {
        if (instanceId == null || !instanceId.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("instanceId: must be 16 lowercase hex digits, was " + instanceId);
        }
        return HexFormat.of().parseHex(instanceId);
    }

    /** Closes the store. */
    @Override
    public void close() throws IOException {
        store.close();
    }

    @Override
    public String toString() {
        return "SeedEscrow[key " + keyId() + ", " + store + "]";
    }
}

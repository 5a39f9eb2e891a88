package io.fairspin.audit.witness;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.Ed25519Keys;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.merkle.ProofException;
import io.fairspin.rng.keys.KeyFiles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * C2SP tlog-cosignature v1 with Ed25519: a witness's signature line on a checkpoint note.
 *
 * <pre>
 * key ID    = SHA-256(name || "\n" || 0x04 || 32-byte public key)[:4]
 * signature = timestamp u64 (big-endian, POSIX seconds) || Ed25519 signature (64 bytes)
 * signed    = "cosignature/v1\n" || "time " || decimal timestamp || "\n" || the checkpoint note's text
 * </pre>
 *
 * <p>The verifier key string is {@code name+hex(key ID)+base64(0x04 || public key)}.
 */
public final class Cosignature {
    static final byte ALGORITHM = 0x04;
    private static final String HEADER = "cosignature/v1\n";

    private Cosignature() {
    }

    /**
     * The key ID of a cosigner's name and Ed25519 key.
     *
     * @param name the cosigner's name
     * @param key its Ed25519 public key
     * @return the 4-byte key ID
     */
    public static byte[] keyId(String name, PublicKey key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(ALGORITHM);
            digest.update(Ed25519Keys.raw(key));
            return Arrays.copyOf(digest.digest(), 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The verifier key string of a cosigner.
     *
     * @param name the cosigner's name
     * @param key its Ed25519 public key
     * @return the verifier key text
     */
    public static String verifierKey(String name, PublicKey key) {
        byte[] raw = new byte[33];
        raw[0] = ALGORITHM;
        System.arraycopy(Ed25519Keys.raw(key), 0, raw, 1, 32);
        return name + "+" + HexFormat.of().formatHex(keyId(name, key)) + "+" + Base64.getEncoder().encodeToString(raw);
    }

    static byte[] message(String text, long timestamp) {
        return (HEADER + "time " + timestamp + "\n" + text).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code note} with the cosignature of {@code name}'s {@code key} at {@code timestamp} (POSIX seconds) added.
     *
     * @param note the checkpoint note
     * @param name the cosigner's name
     * @param key its Ed25519 key pair
     * @param timestamp POSIX seconds
     * @return a new note with the cosignature line
     */
    public static SignedNote cosign(SignedNote note, String name, KeyPair key, long timestamp) {
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp: negative");
        }
        try {
            Signature ed = Signature.getInstance(KeyFiles.SIGNING_ALGORITHM);
            ed.initSign(key.getPrivate());
            ed.update(message(note.text(), timestamp));
            byte[] signature = ed.sign();
            ByteBuffer blob = ByteBuffer.allocate(4 + 8 + signature.length);
            blob.put(keyId(name, key.getPublic())).putLong(timestamp).put(signature);
            return note.withSignature(name, blob.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /**
     * Checks that {@code note} carries a valid cosignature by {@code key} under any of its signature lines' names
     * (the key ID binds the name); returns the cosigner's name and the timestamp.
     *
     * @param note the checkpoint note
     * @param key the cosigner's Ed25519 public key
     * @return the cosigner's name and timestamp
     * @throws io.fairspin.audit.merkle.ProofException when no valid cosignature by {@code key} is found
     */
    public static Verified verify(SignedNote note, PublicKey key) throws ProofException {
        byte[] raw = Ed25519Keys.raw(key);
        boolean found = false;
        for (String name : note.signerNames()) {
            List<byte[]> blobs = note.signatures(name, keyId(name, key));
            for (byte[] blob : blobs) {
                found = true;
                if (blob.length != 8 + Ed25519.SIGNATURE_SIZE) {
                    continue;
                }
                long timestamp = ByteBuffer.wrap(blob).getLong();
                byte[] message = message(note.text(), timestamp);
                if (timestamp >= 0 && Ed25519.verify(blob, 8, raw, 0, message, 0, message.length)) {
                    return new Verified(name, timestamp);
                }
            }
        }
        throw new ProofException(found ? "the cosignature by witness key " + KeyFiles.keyId(key) + " does not verify"
                : "the checkpoint has no cosignature by witness key " + KeyFiles.keyId(key));
    }

    /** A cosignature that verified: the cosigner's name and when it cosigned (POSIX seconds). */
    public record Verified(String name, long timestamp) {
    }

    /** The tree head a note holds. */
    static Checkpoint checkpoint(SignedNote note) throws ProofException {
        return Checkpoint.parse(note.text());
    }
}

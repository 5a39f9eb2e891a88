package io.fairspin.audit.checkpoint;

import io.fairspin.audit.merkle.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 verifier key of the C2SP signed-note format: a key name, its 4-byte key ID
 * (SHA-256(name || 0x0A || 0x01 || public key)[:4]) and the public key. Written as
 * {@code name+hex(key ID)+base64(0x01 || public key)}.
 */
public final class NoteVerifier {
    static final byte ED25519 = 0x01;

    private final String name;
    private final byte[] keyId;
    private final PublicKey publicKey;
    private final byte[] rawKey;

    private NoteVerifier(String name, byte[] keyId, PublicKey publicKey) {
        this.name = name;
        this.keyId = keyId;
        this.publicKey = publicKey;
        this.rawKey = Ed25519Keys.raw(publicKey);
    }

    /**
     * The verifier for a key name and an Ed25519 public key.
     *
     * @param name the key name in signature lines
     * @param key the Ed25519 public key
     * @return the verifier
     */
    public static NoteVerifier of(String name, PublicKey key) {
        requireValidName(name);
        return new NoteVerifier(name, keyId(name, Ed25519Keys.raw(key)), key);
    }

    /**
     * Parses {@code name+hex(key ID)+base64(0x01 || public key)}, checking that the key ID matches.
     *
     * @param vkey the verifier key's text form
     * @return the verifier
     */
    public static NoteVerifier parse(String vkey) {
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is name+keyid+key, got '" + vkey + "'");
        }
        byte[] key;
        byte[] id;
        try {
            key = Base64.getDecoder().decode(parts[2]);
            id = HexFormat.of().parseHex(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("verifier key '" + vkey + "': malformed hex or base64");
        }
        if (key.length != 33 || key[0] != ED25519) {
            throw new IllegalArgumentException("verifier key '" + vkey + "': not an Ed25519 key");
        }
        NoteVerifier verifier = of(parts[0], Ed25519Keys.fromRaw(Arrays.copyOfRange(key, 1, 33)));
        if (!Arrays.equals(id, verifier.keyId)) {
            throw new IllegalArgumentException("verifier key '" + vkey + "': the key ID does not match the key");
        }
        return verifier;
    }

    static byte[] keyId(String name, byte[] rawKey) {
        MessageDigest digest = MerkleTree.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(ED25519);
        digest.update(rawKey);
        return Arrays.copyOf(digest.digest(), 4);
    }

    static void requireValidName(String name) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == '+' || c == 0x7f)) {
            throw new IllegalArgumentException("key name '" + name + "': must be non-empty, without spaces or '+'");
        }
    }

    /**
     * The key name.
     *
     * @return the name signature lines carry
     */
    public String name() {
        return name;
    }

    /**
     * The 4-byte signed-note key ID.
     *
     * @return a copy of the key ID
     */
    public byte[] keyId() {
        return keyId.clone();
    }

    /**
     * The public key.
     *
     * @return the Ed25519 public key
     */
    public PublicKey publicKey() {
        return publicKey;
    }

    /**
     * The text form, {@code name+hex(key ID)+base64(0x01 || public key)}.
     *
     * @return the verifier key text
     */
    public String encode() {
        byte[] key = new byte[33];
        key[0] = ED25519;
        System.arraycopy(Ed25519Keys.raw(publicKey), 0, key, 1, 32);
        return name + "+" + HexFormat.of().formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(key);
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code text} (Bouncy Castle's RFC 8032 code). */
    boolean verifies(byte[] text, byte[] signature) {
        return signature.length == Ed25519.SIGNATURE_SIZE
                && Ed25519.verify(signature, 0, rawKey, 0, text, 0, text.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteVerifier && name.equals(((NoteVerifier) o).name)
                && Arrays.equals(publicKey.getEncoded(), ((NoteVerifier) o).publicKey.getEncoded());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keyId);
    }

    @Override
    public String toString() {
        return encode();
    }
}

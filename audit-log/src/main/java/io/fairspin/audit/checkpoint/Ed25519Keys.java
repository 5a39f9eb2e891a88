package io.fairspin.audit.checkpoint;

import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * What the audit log needs of Ed25519 beyond the shared key files ({@link KeyFiles}: PEM reading and
 * writing, key IDs): the raw 32-byte public keys of C2SP signed notes, and the public key of a private
 * key file.
 */
public final class Ed25519Keys {
    /** The algorithm name for {@link KeyFiles}. */
    public static final String ALGORITHM = KeyFiles.SIGNING_ALGORITHM;

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32-byte key follows (RFC 8410). */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519Keys() {
    }

    /**
     * The 32 raw bytes of an Ed25519 public key.
     *
     * @param key an Ed25519 public key
     * @return its 32 raw bytes
     */
    public static byte[] raw(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der.length != SPKI_PREFIX.length + 32 || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0,
                SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
    }

    /**
     * An Ed25519 public key from its 32 raw bytes.
     *
     * @param raw 32 raw bytes
     * @return the public key
     */
    public static PublicKey fromRaw(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, not " + raw.length);
        }
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(raw, 0, der, SPKI_PREFIX.length, 32);
        return publicKey(der);
    }

    /**
     * An Ed25519 public key from SubjectPublicKeyInfo DER.
     *
     * @param der DER-encoded SubjectPublicKeyInfo
     * @return the public key
     */
    public static PublicKey publicKey(byte[] der) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
            raw(key);
            return key;
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an Ed25519 SubjectPublicKeyInfo");
        }
    }

    /**
     * Reads a PEM "PRIVATE KEY" (PKCS#8) file holding an Ed25519 key, with its public key.
     *
     * @param file the PEM file
     * @return the key pair: the private key and the public key derived from it
     * @throws IllegalArgumentException naming the file when it holds no Ed25519 private key
     * @throws java.io.IOException when the file cannot be read
     */
    public static KeyPair readPrivate(Path file) throws IOException {
        PrivateKey key = KeyFiles.readPrivateKey(file, ALGORITHM);
        return new KeyPair(publicOf(key), key);
    }

    /** Derives the public key from the private seed with Bouncy Castle's Ed25519 (the JDK has no such call). */
    private static PublicKey publicOf(PrivateKey key) {
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("the private key has no seed"));
        try {
            return fromRaw(new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded());
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }
}

package io.fairspin.rng.escrow;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * The escrow's HPKE suite, RFC 9180 base mode with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and
 * AES-256-GCM, through Bouncy Castle; single-shot seal and open.
 */
final class Hpke {
    /** The length of the encapsulated key (an X25519 public key). */
    static final int ENC_BYTES = 32;

    private Hpke() {
    }

    private static HPKE suite() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }

    /** The recipient key in Bouncy Castle's form; the key must be X25519. */
    static AsymmetricKeyParameter recipient(PublicKey key) {
        try {
            AsymmetricKeyParameter parameter = PublicKeyFactory.createKey(key.getEncoded());
            if (!(parameter instanceof X25519PublicKeyParameters)) {
                throw new IllegalArgumentException("escrow key: expected an X25519 public key, got " + key.getAlgorithm());
            }
            return parameter;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("escrow key: expected an X25519 public key, got " + key.getAlgorithm(), e);
        }
    }

    /** The recipient's key pair in Bouncy Castle's form, from an X25519 private key. */
    static AsymmetricCipherKeyPair recipientPair(PrivateKey key) {
        AsymmetricKeyParameter parameter;
        try {
            parameter = PrivateKeyFactory.createKey(key.getEncoded());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("escrow key: expected an X25519 private key, got " + key.getAlgorithm());
        }
        if (!(parameter instanceof X25519PrivateKeyParameters)) {
            throw new IllegalArgumentException("escrow key: expected an X25519 private key, got " + key.getAlgorithm());
        }
        X25519PrivateKeyParameters privateKey = (X25519PrivateKeyParameters) parameter;
        return new AsymmetricCipherKeyPair(privateKey.generatePublicKey(), privateKey);
    }

    /** Seals {@code plaintext}: returns {enc, ciphertext}. */
    static byte[][] seal(AsymmetricKeyParameter recipient, byte[] info, byte[] aad, byte[] plaintext) {
        return seal(recipient, info, aad, plaintext, null);
    }

    /**
     * Seals {@code plaintext} with the given ephemeral key pair (a fresh one when null): returns {enc,
     * ciphertext}. A fixed ephemeral key is for known-answer tests only: it makes the sealing deterministic.
     */
    static byte[][] seal(AsymmetricKeyParameter recipient, byte[] info, byte[] aad, byte[] plaintext,
                         AsymmetricCipherKeyPair ephemeral) {
        try {
            HPKE suite = suite();
            HPKEContextWithEncapsulation context = ephemeral == null ? suite.setupBaseS(recipient, info)
                    : suite.setupBaseS(recipient, info, ephemeral);
            return new byte[][] {context.getEncapsulation(), context.seal(aad, plaintext)};
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE seal failed", e);
        }
    }

    /**
     * Opens a sealed record.
     *
     * @throws InvalidCipherTextException when authentication fails (wrong key, altered or moved record)
     */
    static byte[] open(AsymmetricCipherKeyPair recipient, byte[] enc, byte[] info, byte[] aad, byte[] ciphertext)
            throws InvalidCipherTextException {
        return suite().open(enc, recipient, info, aad, ciphertext, null, null, null);
    }
}

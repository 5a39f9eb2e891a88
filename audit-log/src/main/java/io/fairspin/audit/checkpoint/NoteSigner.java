package io.fairspin.audit.checkpoint;

import io.fairspin.rng.keys.KeyFiles;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;

/** Signs notes with an Ed25519 private key under a key name; its {@code toString} never shows the key. */
public final class NoteSigner {
    private final KeyPair pair;
    private final NoteVerifier verifier;

    /**
     * A signer under a key name.
     *
     * @param name the key name in signature lines, such as the log's origin
     * @param pair the Ed25519 key pair
     */
    public NoteSigner(String name, KeyPair pair) {
        this.pair = pair;
        this.verifier = NoteVerifier.of(name, pair.getPublic());
    }

    /**
     * The matching verifier key.
     *
     * @return the verifier of this signer's signatures
     */
    public NoteVerifier verifier() {
        return verifier;
    }

    /**
     * The ID of the key file convention (first 8 bytes of SHA-256 over the public key's DER, hex).
     *
     * @return 16 lowercase hex digits
     */
    public String fileKeyId() {
        return KeyFiles.keyId(pair.getPublic());
    }

    byte[] sign(byte[] text) {
        try {
            Signature ed = Signature.getInstance(KeyFiles.SIGNING_ALGORITHM);
            ed.initSign(pair.getPrivate());
            ed.update(text);
            return ed.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "NoteSigner[" + verifier.name() + ", key ID " + fileKeyId() + "]";
    }
}

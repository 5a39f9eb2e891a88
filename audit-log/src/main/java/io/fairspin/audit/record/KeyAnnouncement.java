package io.fairspin.audit.record;

import io.fairspin.audit.checkpoint.Ed25519Keys;
import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.rng.keys.KeyFiles;
import java.security.PublicKey;
import java.util.Arrays;

/**
 * The log's checkpoint signing key from this entry on: entry 0 of every log announces the first key, and
 * a key rotation appends one (signed over by the old key's next checkpoint, then used for the ones after).
 *
 * <p>Body encoding, version 1: {@code key_name str | public_key bytes (X.509 SubjectPublicKeyInfo DER) |
 * announced_at i64 (epoch milliseconds)}.
 */
public final class KeyAnnouncement implements LogEvent {
    private final String keyName;
    private final byte[] publicKey;
    private final long announcedAtMillis;

    /**
     * An announcement of a checkpoint key.
     *
     * @param keyName the signed-note key name, the log's origin
     * @param publicKey the Ed25519 public key
     * @param announcedAtMillis when, in milliseconds since the epoch
     */
    public KeyAnnouncement(String keyName, PublicKey publicKey, long announcedAtMillis) {
        this(keyName, publicKey.getEncoded(), announcedAtMillis);
    }

    private KeyAnnouncement(String keyName, byte[] publicKeyDer, long announcedAtMillis) {
        this.keyName = keyName;
        this.publicKey = publicKeyDer;
        this.announcedAtMillis = announcedAtMillis;
    }

    /**
     * The signed-note key name, which is the log's origin.
     *
     * @return the key name
     */
    public String keyName() {
        return keyName;
    }

    /**
     * The announced key as a note verifier.
     *
     * @return the verifier
     */
    public NoteVerifier verifier() {
        return NoteVerifier.of(keyName, Ed25519Keys.publicKey(publicKey));
    }

    /**
     * When the key was announced.
     *
     * @return milliseconds since the epoch
     */
    public long announcedAtMillis() {
        return announcedAtMillis;
    }

    void encode(CanonicalWriter out) {
        out.string(keyName).bytes(publicKey).i64(announcedAtMillis);
    }

    static KeyAnnouncement decode(CanonicalReader in) throws MalformedRecordException {
        String name = in.string("key_name", RoundRecord.MAX_ID_BYTES);
        byte[] der = in.bytes("public_key", RoundRecord.MAX_ID_BYTES);
        long at = in.i64("announced_at");
        try {
            Ed25519Keys.publicKey(der);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("public_key: " + e.getMessage());
        }
        return new KeyAnnouncement(name, der, at);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyAnnouncement && keyName.equals(((KeyAnnouncement) o).keyName)
                && Arrays.equals(publicKey, ((KeyAnnouncement) o).publicKey)
                && announcedAtMillis == ((KeyAnnouncement) o).announcedAtMillis;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "KeyAnnouncement[" + keyName + ", key ID " + KeyFiles.keyId(Ed25519Keys.publicKey(publicKey)) + "]";
    }
}

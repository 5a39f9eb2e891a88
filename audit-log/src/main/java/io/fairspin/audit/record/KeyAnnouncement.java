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
 * <p>It may also declare the log's checkpoint bound, {@code max_unsigned}: the writer signs a checkpoint before
 * more than that many entries follow the last one, so a verifier reads the bound from the log (signed by the
 * checkpoints that cover the announcement) instead of guessing it. Logs written before the bound existed have
 * announcements without it.
 *
 * <p>Body encoding, version 1: {@code key_name str | public_key bytes (X.509 SubjectPublicKeyInfo DER) |
 * announced_at i64 (epoch milliseconds) [| max_unsigned i64, at least 1]}; the last field is present exactly
 * when a bound is declared.
 */
public final class KeyAnnouncement implements LogEvent {
    private final String keyName;
    private final byte[] publicKey;
    private final long announcedAtMillis;
    /** The declared checkpoint bound, or 0 when none is declared. */
    private final long maxUnsigned;

    /**
     * An announcement of a checkpoint key that declares no checkpoint bound (as logs written before the bound
     * existed have them).
     *
     * @param keyName the signed-note key name, the log's origin
     * @param publicKey the Ed25519 public key
     * @param announcedAtMillis when, in milliseconds since the epoch
     */
    public KeyAnnouncement(String keyName, PublicKey publicKey, long announcedAtMillis) {
        this(keyName, publicKey.getEncoded(), announcedAtMillis, 0);
    }

    /**
     * An announcement of a checkpoint key that declares the log's checkpoint bound.
     *
     * @param keyName the signed-note key name, the log's origin
     * @param publicKey the Ed25519 public key
     * @param announcedAtMillis when, in milliseconds since the epoch
     * @param maxUnsigned the most entries that ever follow a signed checkpoint before the next is durable, at least 1
     */
    public KeyAnnouncement(String keyName, PublicKey publicKey, long announcedAtMillis, long maxUnsigned) {
        this(keyName, publicKey.getEncoded(), announcedAtMillis, requirePositive(maxUnsigned));
    }

    private KeyAnnouncement(String keyName, byte[] publicKeyDer, long announcedAtMillis, long maxUnsigned) {
        this.keyName = keyName;
        this.publicKey = publicKeyDer;
        this.announcedAtMillis = announcedAtMillis;
        this.maxUnsigned = maxUnsigned;
    }

    private static long requirePositive(long maxUnsigned) {
        if (maxUnsigned < 1) {
            throw new IllegalArgumentException("max_unsigned: " + maxUnsigned + ", at least 1");
        }
        return maxUnsigned;
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

    /**
     * The checkpoint bound this announcement declares: the most entries that follow a signed checkpoint before the
     * next one is durable, from the first checkpoint that covers this entry on.
     *
     * @return the bound, or empty when the announcement declares none (a log written before the bound existed)
     */
    public java.util.OptionalLong maxUnsigned() {
        return maxUnsigned == 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(maxUnsigned);
    }

    void encode(CanonicalWriter out) {
        out.string(keyName).bytes(publicKey).i64(announcedAtMillis);
        if (maxUnsigned != 0) {
            out.i64(maxUnsigned);
        }
    }

    static KeyAnnouncement decode(CanonicalReader in) throws MalformedRecordException {
        String name = in.string("key_name", RoundRecord.MAX_ID_BYTES);
        byte[] der = in.bytes("public_key", RoundRecord.MAX_ID_BYTES);
        long at = in.i64("announced_at");
        long bound = 0;
        if (!in.atEnd()) {
            bound = in.i64("max_unsigned");
            if (bound < 1) {
                throw new MalformedRecordException("max_unsigned: " + bound + ", at least 1");
            }
        }
        try {
            Ed25519Keys.publicKey(der);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("public_key: " + e.getMessage());
        }
        return new KeyAnnouncement(name, der, at, bound);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyAnnouncement && keyName.equals(((KeyAnnouncement) o).keyName)
                && Arrays.equals(publicKey, ((KeyAnnouncement) o).publicKey)
                && announcedAtMillis == ((KeyAnnouncement) o).announcedAtMillis
                && maxUnsigned == ((KeyAnnouncement) o).maxUnsigned;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "KeyAnnouncement[" + keyName + ", key ID " + KeyFiles.keyId(Ed25519Keys.publicKey(publicKey))
                + (maxUnsigned == 0 ? "" : ", max_unsigned " + maxUnsigned) + "]";
    }
}

package io.fairspin.audit.witness;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.log.ConsistencyProof;
import io.fairspin.audit.merkle.ProofException;
import java.io.IOException;
import java.security.KeyPair;
import java.util.List;

/**
 * A witness in the manner of C2SP tlog-witness: it keeps the latest checkpoint it cosigned for each log origin
 * ({@link WitnessStore}), accepts a new checkpoint only if the log's key signed it and an RFC 9162 consistency
 * proof shows that its tree extends the stored one, and then cosigns it (C2SP tlog-cosignature v1).
 *
 * <p>It refuses, with {@link WitnessException}: a checkpoint smaller than the stored one ({@link
 * WitnessException.Kind#ROLLBACK}); one of the same size with another root, or one the proof does not connect
 * to the stored one ({@link WitnessException.Kind#SPLIT_VIEW}: two histories shown to two parties, or a history
 * rewritten); a checkpoint not signed by the log's key ({@link WitnessException.Kind#BAD_SIGNATURE}); and a
 * proof for another old size than the stored one ({@link WitnessException.Kind#CONFLICT}: ask again with the
 * stored size). The first checkpoint of an origin is taken on trust.
 */
public final class Witness {
    private final WitnessStore store;
    private final String name;
    private final KeyPair key;

    /**
     * @param name the witness's key name, a schema-less URL such as {@code witness.example.com/w1}
     * @param key  its Ed25519 key pair
     * @param store where the witness keeps the latest checkpoint of each log
     */
    public Witness(WitnessStore store, String name, KeyPair key) {
        this.store = store;
        this.name = name;
        this.key = key;
    }

    /** What the witness did with a checkpoint. */
    public record Result(SignedNote cosigned, Checkpoint checkpoint, Checkpoint previous) {
        /**
         * Whether it was the first checkpoint seen for the origin.
         *
         * @return true for the first checkpoint of its origin
         */
        public boolean first() {
            return previous == null;
        }
    }

    /**
     * The size of the latest checkpoint witnessed for {@code origin}, 0 when none.
     *
     * @param origin a log's origin
     * @return the tree size, 0 when none
     * @throws java.io.IOException when the store cannot be read
     * @throws io.fairspin.audit.merkle.ProofException when the stored checkpoint is malformed
     */
    public long latestSize(String origin) throws IOException, ProofException {
        SignedNote stored = store.latest(origin);
        return stored == null ? 0 : Checkpoint.parse(stored.text()).size();
    }

    /**
     * Checks {@code note} (signed by {@code logKey}) against the stored checkpoint of its origin with
     * {@code proof}, a consistency proof from {@code oldSize} (which must be the stored size) to the note's size;
     * stores and returns it cosigned at {@code timestamp} (POSIX seconds).
     *
     * @param note the checkpoint note to witness
     * @param logKey the log's key
     * @param oldSize the size of the stored checkpoint, 0 for a first one
     * @param proof the consistency proof from {@code oldSize} to the note's size
     * @param timestamp POSIX seconds
     * @return the cosigned note and whether it was the first
     * @throws io.fairspin.audit.witness.WitnessException when the note is not signed by {@code logKey}, the proof does
     *     not check out, or the sizes conflict
     * @throws java.io.IOException when the store cannot be read or written
     */
    public Result witness(SignedNote note, NoteVerifier logKey, long oldSize, List<byte[]> proof, long timestamp)
            throws IOException, WitnessException {
        Checkpoint head;
        try {
            head = Checkpoint.parse(note.text());
        } catch (ProofException e) {
            throw new WitnessException(WitnessException.Kind.BAD_SIGNATURE, "not a checkpoint: " + e.getMessage());
        }
        try {
            note.verify(logKey);
        } catch (ProofException e) {
            throw new WitnessException(WitnessException.Kind.BAD_SIGNATURE, head.origin() + ": " + e.getMessage());
        }
        if (!head.origin().equals(logKey.name())) {
            throw new WitnessException(WitnessException.Kind.BAD_SIGNATURE, "the checkpoint's origin '" + head.origin()
                    + "' is not the key's name '" + logKey.name() + "'");
        }
        SignedNote storedNote = store.latest(head.origin());
        Checkpoint stored = null;
        if (storedNote != null) {
            try {
                stored = Checkpoint.parse(storedNote.text());
            } catch (ProofException e) {
                throw new IOException("the witness store's checkpoint of " + head.origin() + " is damaged: "
                        + e.getMessage());
            }
            if (head.size() < stored.size()) {
                throw new WitnessException(WitnessException.Kind.ROLLBACK, head.origin() + ": ROLLBACK: the checkpoint"
                        + " has size " + head.size() + ", smaller than the " + stored.size() + " this witness cosigned"
                        + " before: the log was rolled back");
            }
            if (head.size() == stored.size() && !java.security.MessageDigest.isEqual(head.rootHash(), stored.rootHash())) {
                throw new WitnessException(WitnessException.Kind.SPLIT_VIEW, head.origin() + ": SPLIT VIEW: a"
                        + " checkpoint of size " + head.size() + " with another root than the one this witness cosigned"
                        + " for that size: two different histories");
            }
            if (oldSize != stored.size()) {
                throw new WitnessException(WitnessException.Kind.CONFLICT, head.origin() + ": the proof starts at size "
                        + oldSize + ", but this witness last cosigned size " + stored.size());
            }
            try {
                ConsistencyProof.verify(stored.size(), stored.rootHash(), head.size(), head.rootHash(), proof);
            } catch (ProofException e) {
                throw new WitnessException(WitnessException.Kind.SPLIT_VIEW, head.origin() + ": SPLIT VIEW: the"
                        + " checkpoint of size " + head.size() + " does not extend the one of size " + stored.size()
                        + " this witness cosigned before (" + e.getMessage() + "): a split view, or a rewritten history");
            }
        }
        SignedNote cosigned = Cosignature.cosign(note, name, key, timestamp);
        store.put(head.origin(), cosigned);
        return new Result(cosigned, head, stored);
    }
}

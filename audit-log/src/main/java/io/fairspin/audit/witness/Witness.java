package io.fairspin.audit.witness;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.log.ConsistencyProof;
import io.fairspin.audit.log.KeyRotationProof;
import io.fairspin.audit.merkle.ProofException;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.security.KeyPair;
import java.security.MessageDigest;
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
 * stored size); a checkpoint of a log it is not configured for, or signed by another key than the one it witnesses
 * the log with ({@link WitnessException.Kind#WRONG_LOG}); a checkpoint signed by a new key that the log does not
 * prove ({@link WitnessException.Kind#UNPROVEN_KEY}: its announcement is not covered by a checkpoint of the key before,
 * in the history of the new checkpoint). The first checkpoint of a log is taken on trust.
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

    /**
     * What the witness did with a checkpoint.
     *
     * @param cosigned the checkpoint with the witness's cosignature
     * @param checkpoint the checkpoint cosigned
     * @param previous the checkpoint cosigned before for its origin, or null for the first
     * @param operatorKey the operator key the store holds for the origin now: the one that signed the checkpoint
     * @param retiredKey the operator key the store held before, when the checkpoint was signed by a key the log proves
     *     after it (the store's key was replaced); else null
     */
    public record Result(SignedNote cosigned, Checkpoint checkpoint, Checkpoint previous, NoteVerifier operatorKey,
                         NoteVerifier retiredKey) {
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
     * Checks {@code note} against the stored checkpoint of its log with {@code proof}, a consistency proof from
     * {@code oldSize} (which must be the stored size) to the note's size; stores and returns it cosigned at
     * {@code timestamp} (POSIX seconds).
     *
     * <p>The witness witnesses only the logs it is configured for, as C2SP tlog-witness has it: {@code log} names the
     * log (its origin, the key's name) and the operator's key. The note must be of that origin and signed by that key;
     * the store must witness that log with that key ({@link WitnessStore#log}), else it is refused as
     * {@link WitnessException.Kind#WRONG_LOG}. A store that witnesses no log yet is configured by its first checkpoint
     * (the log and key are recorded with it); another log is added only when {@code addLog} says so.
     *
     * @param note the checkpoint note to witness
     * @param log the log's verifier key: its origin and the operator's key
     * @param addLog whether a log the store does not witness yet may be added to it
     * @param oldSize the size of the stored checkpoint, 0 for a first one
     * @param proof the consistency proof from {@code oldSize} to the note's size
     * @param timestamp POSIX seconds
     * @return the cosigned note and whether it was the first
     * @throws io.fairspin.audit.witness.WitnessException when the note is not of the log, or not signed by its key, the
     *     store does not witness that log, the proof does not check out, or the sizes conflict
     * @throws java.io.IOException when the store cannot be read or written
     */
    public Result witness(SignedNote note, NoteVerifier log, boolean addLog, long oldSize, List<byte[]> proof,
            long timestamp) throws IOException, WitnessException {
        return witness(note, log, KeyRotationProof.NONE, addLog, oldSize, proof, timestamp);
    }

    /**
     * As {@link #witness(SignedNote, NoteVerifier, boolean, long, List, long)}, with the log's proof of its key
     * rotations up to the note ({@link KeyRotationProof#of}), so that a checkpoint of a known log signed by a newer key
     * than the one the store holds is accepted when the log proves that key, and the store's key is replaced by it.
     *
     * <p>For a log the store witnesses, the key the store holds is the anchor: the note must be signed by it, or by a
     * key {@code rotations} proves after it (each new key's announcement covered by a checkpoint of the key before,
     * consistent with the note), else it is refused as {@link WitnessException.Kind#UNPROVEN_KEY} (a rotation that does
     * not check out) or {@link WitnessException.Kind#BAD_SIGNATURE}. {@code log}'s key names the log: it must be the
     * held key or one {@code rotations} proves before or after it, else {@link WitnessException.Kind#WRONG_LOG}.
     *
     * @param note the checkpoint note to witness
     * @param log the log's verifier key: its origin and an operator key of the log
     * @param rotations the log's key rotations up to the note, {@link KeyRotationProof#NONE} when not at hand
     * @param addLog whether a log the store does not witness yet may be added to it
     * @param oldSize the size of the stored checkpoint, 0 for a first one
     * @param proof the consistency proof from {@code oldSize} to the note's size
     * @param timestamp POSIX seconds
     * @return the cosigned note, whether it was the first, and the key the store holds now
     * @throws io.fairspin.audit.witness.WitnessException when the note is not of the log, or not signed by its key, the
     *     store does not witness that log, a rotation is not proven, the proof does not check out, or the sizes conflict
     * @throws java.io.IOException when the store cannot be read or written
     */
    @SuppressWarnings("try") // the lock is held, not used, in its try block
    public Result witness(SignedNote note, NoteVerifier log, KeyRotationProof rotations, boolean addLog, long oldSize,
            List<byte[]> proof, long timestamp) throws IOException, WitnessException {
        Checkpoint head;
        try {
            head = Checkpoint.parse(note.text());
        } catch (ProofException e) {
            throw new WitnessException(WitnessException.Kind.BAD_SIGNATURE, "not a checkpoint: " + e.getMessage());
        }
        if (!head.origin().equals(log.name())) {
            throw new WitnessException(WitnessException.Kind.WRONG_LOG, "WRONG LOG: the checkpoint is of origin '"
                    + head.origin() + "', not of the log this witness was asked to witness, '" + log.name() + "'");
        }
        // Held from reading the stored checkpoint to writing the new one: another witness run on this store (thread
        // or process) with a checkpoint that extends the stored one but not this one must check against this one.
        try (WitnessStore.Lock held = store.lock()) {
            NoteVerifier pinned = store.log(log.name());
            NoteVerifier signer = pinned == null ? configureNew(log, addLog) : provenSigner(pinned, log, rotations, head);
            try {
                note.verify(signer);
            } catch (ProofException e) {
                throw new WitnessException(WitnessException.Kind.BAD_SIGNATURE, head.origin() + ": " + e.getMessage()
                        + (pinned == null ? "" : " (the operator key this witness holds for that origin, or the last"
                        + " one the log proves after it, is " + KeyFiles.keyId(signer.publicKey()) + ")"));
            }
            Checkpoint stored = stored(head.origin());
            if (stored != null) {
                checkExtends(head, stored, oldSize, proof);
            }
            SignedNote cosigned = Cosignature.cosign(note, name, key, timestamp);
            if (!signer.equals(pinned)) {
                store.pin(signer); // a new log's key, or the key the log proves after the one held: before the checkpoint
            }
            store.put(head.origin(), cosigned);
            return new Result(cosigned, head, stored, signer, pinned == null || pinned.equals(signer) ? null : pinned);
        }
    }

    /**
     * The key that must sign {@code head} of a log the store holds {@code pinned} for: {@code pinned}, or the last key
     * {@code rotations} proves after it; refuses a rotation that is not proven, and a {@code log} key that is neither
     * {@code pinned} nor a key the log proves before or after it.
     */
    private static NoteVerifier provenSigner(NoteVerifier pinned, NoteVerifier log, KeyRotationProof rotations,
            Checkpoint head) throws WitnessException {
        KeyRotationProof.Proven proven;
        try {
            proven = rotations.verify(pinned, head);
        } catch (ProofException e) {
            throw new WitnessException(WitnessException.Kind.UNPROVEN_KEY, head.origin() + ": UNPROVEN KEY: "
                    + e.getMessage() + "; this witness holds the operator key " + KeyFiles.keyId(pinned.publicKey())
                    + " for that origin and accepts another only when the log proves it");
        }
        if (!log.equals(pinned) && !proven.keys().contains(log) && !provenBefore(log, pinned, rotations, head)) {
            throw new WitnessException(WitnessException.Kind.WRONG_LOG, log.name() + ": WRONG LOG: this witness"
                    + " witnesses that origin with the operator key " + KeyFiles.keyId(pinned.publicKey())
                    + ", not with " + KeyFiles.keyId(log.publicKey()) + " (nor does the log prove it a key of its own"
                    + " before or after that one)");
        }
        return proven.signer();
    }

    /** Whether {@code rotations} proves {@code pinned} after {@code older} in {@code head}'s history. */
    private static boolean provenBefore(NoteVerifier older, NoteVerifier pinned, KeyRotationProof rotations,
            Checkpoint head) {
        try {
            return rotations.verify(older, head).keys().contains(pinned);
        } catch (ProofException e) {
            return false;
        }
    }

    /**
     * The key of {@code log}, new to the store (recorded once cosigned); refuses a log the store does not witness unless
     * it witnesses none yet or {@code addLog}, and a store kept before logs were recorded whose checkpoint of that
     * origin is not signed by it.
     */
    private NoteVerifier configureNew(NoteVerifier log, boolean addLog) throws IOException, WitnessException {
        List<String> witnessed = store.origins();
        if (!witnessed.isEmpty() && !addLog) {
            throw new WitnessException(WitnessException.Kind.WRONG_LOG, log.name() + ": WRONG LOG: this witness"
                    + " witnesses " + String.join(", ", witnessed) + ", not this origin (a log is added to a witness"
                    + " deliberately)");
        }
        SignedNote old = store.latest(log.name());
        if (old != null) {
            try {
                old.verify(log); // a store kept before logs were recorded: its checkpoint must be this log's
            } catch (ProofException e) {
                throw new WitnessException(WitnessException.Kind.WRONG_LOG, log.name() + ": WRONG LOG: the checkpoint"
                        + " this witness cosigned before for that origin is not signed by the operator key "
                        + KeyFiles.keyId(log.publicKey()) + " (" + e.getMessage() + ")");
            }
        }
        return log;
    }

    /** The stored checkpoint of {@code origin}, or null. */
    private Checkpoint stored(String origin) throws IOException {
        SignedNote storedNote = store.latest(origin);
        if (storedNote == null) {
            return null;
        }
        try {
            return Checkpoint.parse(storedNote.text());
        } catch (ProofException e) {
            throw new IOException("the witness store's checkpoint of " + origin + " is damaged: " + e.getMessage());
        }
    }

    /** Refuses {@code head} unless {@code proof} shows that it extends {@code stored}. */
    private static void checkExtends(Checkpoint head, Checkpoint stored, long oldSize, List<byte[]> proof)
            throws WitnessException {
        if (head.size() < stored.size()) {
            throw new WitnessException(WitnessException.Kind.ROLLBACK, head.origin() + ": ROLLBACK: the checkpoint"
                    + " has size " + head.size() + ", smaller than the " + stored.size() + " this witness cosigned"
                    + " before: the log was rolled back");
        }
        if (head.size() == stored.size() && !MessageDigest.isEqual(head.rootHash(), stored.rootHash())) {
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
}

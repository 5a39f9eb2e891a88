package io.fairspin.audit.log;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.merkle.ProofException;
import io.fairspin.audit.record.KeyAnnouncement;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A log's proof of its key rotations up to a checkpoint, for a witness that holds an older key of the log: each
 * rotation's announcement of the new key, proven in the tree of the first checkpoint that covers it (which the key
 * before signs, so that key vouches for the new one, as {@link AuditLog#rotateKey} writes it and {@link KeyChain}
 * reads it), and that checkpoint proven consistent with the checkpoint the witness is given.
 *
 * @param links the log's rotations in log order, the first from the key announced at entry 0
 */
public record KeyRotationProof(List<Link> links) {
    /** No rotation: the checkpoint must be signed by the key the witness holds. */
    public static final KeyRotationProof NONE = new KeyRotationProof(List.of());

    /**
     * Copies the links.
     *
     * @param links the log's rotations in log order
     */
    public KeyRotationProof {
        links = List.copyOf(links);
    }

    /**
     * One rotation: the announcement of a new key and the checkpoint of the key before it that vouches for it.
     *
     * @param announcement the entry announcing the new key
     * @param inclusion the RFC 9162 inclusion proof of that entry in the vouching checkpoint's tree
     * @param vouching the first checkpoint that covers the announcement, signed by the key before
     * @param consistency the RFC 9162 consistency proof from the vouching checkpoint's size to the witnessed one's
     */
    public record Link(LogEntry announcement, List<byte[]> inclusion, SignedNote vouching, List<byte[]> consistency) {
        /**
         * Copies the proofs.
         *
         * @param announcement the entry announcing the new key
         * @param inclusion the inclusion proof of that entry
         * @param vouching the checkpoint that covers it
         * @param consistency the consistency proof from it to the witnessed checkpoint
         */
        public Link {
            inclusion = List.copyOf(inclusion);
            consistency = List.copyOf(consistency);
        }
    }

    /**
     * What a proof shows from a key on: the keys the log rotated to after it, in order, and the one that must have
     * signed the checkpoint.
     *
     * @param keys the keys proven after the starting key, in order (empty when none)
     * @param signer the key that signs the checkpoint: the last one proven, or the one before it when the checkpoint
     *     itself is the one that vouches for the last
     */
    public record Proven(List<NoteVerifier> keys, NoteVerifier signer) {
        /**
         * Copies the keys.
         *
         * @param keys the keys proven, in order
         * @param signer the key that signs the checkpoint
         */
        public Proven {
            keys = List.copyOf(keys);
        }
    }

    /**
     * The rotations of the log in {@code dir} whose first covering checkpoint is of at most {@code size} entries,
     * each proven against the tree of {@code size} entries; the log must be intact up to {@code size}.
     *
     * @param dir the log's folder
     * @param size the size of the checkpoint a witness is given
     * @return the proof
     * @throws java.io.IOException when the log cannot be read, or is damaged
     */
    public static KeyRotationProof of(Path dir, long size) throws IOException {
        List<byte[]> leaves = new ArrayList<>();
        Map<Long, LogEntry> announced = new HashMap<>();
        LogScanner.Result scan = LogScanner.scan(dir, entry -> {
            leaves.add(entry.leafHashUnsafe());
            if (entry.event() instanceof KeyAnnouncement) {
                announced.put(entry.index(), entry);
            }
        });
        if (!scan.problems.isEmpty()) {
            throw new LogCorruptedException(scan.problems);
        }
        if (size > leaves.size() || scan.announcements.isEmpty()) {
            throw new IllegalArgumentException(dir + ": the log has " + leaves.size() + " entries, fewer than " + size
                    + " or no key announcement");
        }
        MerkleTree.SubtreeHashes hashes = MerkleTree.hashOfLeaves(leaves);
        List<Link> links = new ArrayList<>();
        NoteVerifier active = scan.announcements.get(0).key().verifier();
        for (LogScanner.StoredCheckpoint stored : scan.checkpoints) {
            long covered = stored.checkpoint().size();
            if (covered > size) {
                break;
            }
            LogScanner.Announcement latest = java.util.Objects.requireNonNullElse(
                    KeyChain.lastAnnouncedBefore(scan.announcements, covered), scan.announcements.get(0));
            if (!latest.key().verifier().equals(active)) {
                links.add(new Link(announced.get(latest.index()),
                        MerkleTree.inclusionProof(latest.index(), covered, hashes), stored.note(),
                        covered == size ? List.of() : MerkleTree.consistencyProof(covered, size, hashes)));
                active = latest.key().verifier();
            }
        }
        return new KeyRotationProof(links);
    }

    /**
     * Checks the rotations after {@code from} against {@code head}, a checkpoint whose root the caller has: each key's
     * announcement in the tree of a checkpoint that covers it, signed by the key before (the first by {@code from})
     * and consistent with {@code head}. The links before the last that announces
     * {@code from} are not read: {@code from} is trusted (when none announces it, it must be the log's first key).
     *
     * @param from the key the caller trusts
     * @param head the checkpoint the rotations must lead to
     * @return the keys proven after {@code from}, and the key that must have signed {@code head}
     * @throws io.fairspin.audit.merkle.ProofException naming the rotation that is not proven, and why
     */
    public Proven verify(NoteVerifier from, Checkpoint head) throws ProofException {
        List<NoteVerifier> keys = new ArrayList<>();
        NoteVerifier key = from;
        NoteVerifier signer = from;
        for (Link link : links.subList(start(from), links.size())) {
            Checkpoint vouching = vouching(link, key, head);
            long index = link.announcement().index();
            NoteVerifier next = announced(link);
            String what = "the announcement of key " + KeyFiles.keyId(next.publicKey()) + " at entry " + index;
            if (!next.name().equals(head.origin())) {
                throw new ProofException(what + " names the key '" + next.name() + "', not the log's origin '"
                        + head.origin() + "': it is not one of the log's keys");
            }
            if (index >= vouching.size()) {
                throw new ProofException(what + " is not covered by the checkpoint of size " + vouching.size()
                        + " that should vouch for it");
            }
            try {
                MerkleTree.verifyInclusion(index, vouching.size(), link.announcement().leafHashUnsafe(),
                        link.inclusion(), vouching.rootHash());
            } catch (ProofException e) {
                throw new ProofException(what + " is not in the tree of the checkpoint of size " + vouching.size()
                        + " that vouches for it (" + e.getMessage() + ")");
            }
            signer = vouching.size() == head.size() ? key : next;
            key = next;
            keys.add(next);
        }
        return new Proven(keys, signer);
    }

    /** Where the links after {@code from} start: after the last that announces it, else at the first. */
    private int start(NoteVerifier from) {
        for (int i = links.size() - 1; i >= 0; i--) {
            if (links.get(i).announcement().event() instanceof KeyAnnouncement a && a.verifier().equals(from)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The checkpoint of {@code link}: signed by {@code key}, and in {@code head}'s history. */
    private static Checkpoint vouching(Link link, NoteVerifier key, Checkpoint head) throws ProofException {
        String what = "the checkpoint that vouches for entry " + link.announcement().index();
        Checkpoint vouching;
        try {
            vouching = Checkpoint.parse(link.vouching().text());
        } catch (ProofException e) {
            throw new ProofException(what + " is not a checkpoint: " + e.getMessage());
        }
        try {
            link.vouching().verify(key);
        } catch (ProofException e) {
            throw new ProofException(what + " (size " + vouching.size() + ") is not signed by the key before it, "
                    + KeyFiles.keyId(key.publicKey()) + ": the new key is not vouched for (" + e.getMessage() + ")");
        }
        try {
            ConsistencyProof.verify(vouching.size(), vouching.rootHash(), head.size(), head.rootHash(),
                    link.consistency());
        } catch (ProofException e) {
            throw new ProofException(what + " (size " + vouching.size() + ") is not in the history of the checkpoint"
                    + " of size " + head.size() + " (" + e.getMessage() + ")");
        }
        return vouching;
    }

    /** The key {@code link} announces. */
    private static NoteVerifier announced(Link link) throws ProofException {
        if (!(link.announcement().event() instanceof KeyAnnouncement a)) {
            throw new ProofException("entry " + link.announcement().index() + " is not a key announcement");
        }
        return a.verifier();
    }
}

package io.fairspin.audit.checkpoint;

import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.merkle.ProofException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A tree head in the C2SP tlog-checkpoint format: the note text {@code origin \n size \n base64(root) \n},
 * signed as a {@link SignedNote}. Extension lines after the root are tolerated when parsing.
 *
 * @param origin   the log's name, one non-empty line
 * @param size     the tree size: the number of entries the checkpoint covers
 * @param rootHash the tree's 32-byte root hash
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    /**
     * Checks the origin and the root hash's length.
     *
     * @param origin the log's name, one non-empty line
     * @param size the tree size: the number of entries the checkpoint covers
     * @param rootHash the tree's 32-byte root hash
     */
    public Checkpoint {
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        if (rootHash.length != MerkleTree.HASH_BYTES) {
            throw new IllegalArgumentException("a root hash is " + MerkleTree.HASH_BYTES + " bytes");
        }
        rootHash = rootHash.clone();
    }

    /**
     * The note text.
     *
     * @return the checkpoint's note text: origin, tree size and base64 root hash, one per line
     */
    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /**
     * Reads the checkpoint from a note's text.
     *
     * @param text the note text
     * @return the checkpoint
     * @throws io.fairspin.audit.merkle.ProofException when the text is not a checkpoint, naming the line
     */
    public static Checkpoint parse(String text) throws ProofException {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new ProofException("a checkpoint has an origin, a size and a root hash line");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new ProofException("checkpoint size '" + lines[1] + "' is not a decimal number");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new ProofException("checkpoint root hash is not base64");
        }
        try {
            return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
        } catch (IllegalArgumentException e) {
            throw new ProofException("checkpoint: " + e.getMessage());
        }
    }

    /**
     * The tree's root hash.
     *
     * @return a copy of the 32-byte root hash
     */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint && origin.equals(((Checkpoint) o).origin) && size == ((Checkpoint) o).size
                && Arrays.equals(rootHash, ((Checkpoint) o).rootHash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + size + ", root " + HexFormat.of().formatHex(rootHash) + "]";
    }
}

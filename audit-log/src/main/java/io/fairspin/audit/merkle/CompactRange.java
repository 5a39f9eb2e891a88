package io.fairspin.audit.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a Merkle tree: the roots of its maximal complete subtrees, left to right, enough to
 * append leaves and compute the root in O(log n) memory.
 */
public final class CompactRange {
    private final List<byte[]> nodes = new ArrayList<>();
    private final MessageDigest digest = MerkleTree.sha256();
    private long size;

    /** An empty range: no leaves yet. */
    public CompactRange() {
    }

    private CompactRange(CompactRange other) {
        nodes.addAll(other.nodes);
        size = other.size;
    }

    /**
     * An independent copy of this range.
     *
     * @return the copy
     */
    public CompactRange copy() {
        return new CompactRange(this);
    }

    /**
     * The number of leaves appended.
     *
     * @return the tree size
     */
    public long size() {
        return size;
    }

    /**
     * Appends a leaf.
     *
     * @param leafHash the leaf's hash, {@link MerkleTree#leafHash(byte[])} of its data
     */
    public void append(byte[] leafHash) {
        byte[] node = leafHash;
        for (long s = size; (s & 1) == 1; s >>= 1) {
            node = MerkleTree.nodeHash(digest, nodes.remove(nodes.size() - 1), node);
        }
        nodes.add(node);
        size++;
    }

    /**
     * MTH of all leaves appended so far.
     *
     * @return the 32-byte root hash
     */
    public byte[] root() {
        if (nodes.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] root = nodes.get(nodes.size() - 1);
        for (int i = nodes.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(digest, nodes.get(i), root);
        }
        return root;
    }

    /**
     * The hash of the complete subtree [start, end) if it is one of this range's nodes, else null.
     *
     * @param start the subtree's first leaf
     * @param end the leaf after its last
     * @return the 32-byte hash, or null
     */
    public byte[] node(long start, long end) {
        long at = 0;
        int i = 0;
        for (long bit = Long.highestOneBit(size); bit > 0; bit >>= 1) {
            if ((size & bit) != 0) {
                if (at == start && at + bit == end) {
                    return nodes.get(i);
                }
                at += bit;
                i++;
            }
        }
        return null;
    }
}

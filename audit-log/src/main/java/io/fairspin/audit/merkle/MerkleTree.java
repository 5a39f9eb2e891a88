package io.fairspin.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9162 Merkle tree hash (SHA-256, leaf prefix 0x00, node prefix 0x01): proofs of inclusion and
 * consistency, their verification, and the subtree proofs of the Merkle Tree Certificates draft.
 *
 * <p>Proofs are generated from any {@link SubtreeHashes} source, so the same code serves the log
 * writer (which keeps only the tree's frontier) and offline tools (which hold every leaf hash). Every
 * {@code verify} method throws {@link ProofException} rather than returning false. Tree sizes and
 * indexes are signed longs: sizes of 2^63 or more are rejected as out of range.
 */
public final class MerkleTree {
    /** The length of every hash in the tree. */
    public static final int HASH_BYTES = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {
    }

    /** MTH of a range of leaves, {@code [start, end)}; what proofs are built from. */
    @FunctionalInterface
    public interface SubtreeHashes {
        /**
         * The hash of the subtree of leaves {@code [start, end)}.
         *
         * @param start the first leaf
         * @param end the leaf after the last, above {@code start}
         * @return the 32-byte hash
         */
        byte[] hash(long start, long end);
    }

    /**
     * A new SHA-256 digest.
     *
     * @return a new digest
     */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * SHA-256 of the empty string: the root of the empty tree.
     *
     * @return 32 bytes
     */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /**
     * SHA-256(0x00 || data).
     *
     * @param data the leaf's data
     * @return the 32-byte leaf hash
     */
    public static byte[] leafHash(byte[] data) {
        return leafHash(sha256(), data, 0, data.length);
    }

    /**
     * SHA-256(0x00 || data[offset, offset + length)), with {@code digest} (reset first).
     *
     * @param digest a SHA-256 digest to reuse
     * @param data the bytes holding the leaf's data
     * @param offset where the leaf's data starts
     * @param length the leaf's data length
     * @return the 32-byte leaf hash
     */
    public static byte[] leafHash(MessageDigest digest, byte[] data, int offset, int length) {
        digest.update(LEAF_PREFIX);
        digest.update(data, offset, length);
        return digest.digest();
    }

    /**
     * SHA-256(0x01 || left || right).
     *
     * @param left the left child's hash
     * @param right the right child's hash
     * @return the 32-byte node hash
     */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return nodeHash(sha256(), left, right);
    }

    static byte[] nodeHash(MessageDigest digest, byte[] left, byte[] right) {
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /**
     * The root of a tree given all its leaf hashes (MTH, RFC 9162 section 2.1.1).
     *
     * @param leafHashes every leaf hash, in order
     * @return the 32-byte root hash
     */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        return hashOfLeaves(leafHashes).hash(0, leafHashes.size());
    }

    /**
     * A {@link SubtreeHashes} over leaf hashes held in memory; each call costs O(end - start) hashes.
     *
     * @param leafHashes every leaf hash, in order
     * @return the subtree hashes
     */
    public static SubtreeHashes hashOfLeaves(List<byte[]> leafHashes) {
        return new SubtreeHashes() {
            private final MessageDigest digest = sha256();

            @Override
            public byte[] hash(long start, long end) {
                if (end - start == 1) {
                    return leafHashes.get((int) start);
                }
                long k = largestPowerOfTwoBelow(end - start);
                return nodeHash(digest, hash(start, start + k), hash(start + k, end));
            }
        };
    }

    // ---------------------------------------------------------------- proof generation

    /**
     * PATH(index, D[0:size]) of RFC 9162 section 2.1.3.1, leaf-side first.
     *
     * @param index the leaf, in [0, size)
     * @param size the tree size
     * @param hashes the tree's subtree hashes
     * @return the proof's hashes
     */
    public static List<byte[]> inclusionProof(long index, long size, SubtreeHashes hashes) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, hashes, proof);
        return proof;
    }

    private static void path(long index, long start, long end, SubtreeHashes hashes, List<byte[]> proof) {
        if (end - start <= 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(end - start);
        if (index < start + k) {
            path(index, start, start + k, hashes, proof);
            proof.add(hashes.hash(start + k, end));
        } else {
            path(index, start + k, end, hashes, proof);
            proof.add(hashes.hash(start, start + k));
        }
    }

    /**
     * PROOF(size1, D[0:size2]) of RFC 9162 section 2.1.4.1; requires 0 &lt; size1 &lt;= size2.
     *
     * @param size1 the older tree size
     * @param size2 the newer tree size
     * @param hashes the newer tree's subtree hashes
     * @return the proof's hashes
     */
    public static List<byte[]> consistencyProof(long size1, long size2, SubtreeHashes hashes) {
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to size " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(size1, 0, size2, true, hashes, proof);
        return proof;
    }

    private static void subproof(long m, long start, long end, boolean complete, SubtreeHashes hashes,
                                 List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                proof.add(hashes.hash(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, hashes, proof);
            proof.add(hashes.hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, hashes, proof);
            proof.add(hashes.hash(start, start + k));
        }
    }

    // ---------------------------------------------------------------- verification

    /**
     * Checks an inclusion proof (RFC 9162 section 2.1.3.2).
     *
     * @param index the leaf, in [0, size)
     * @param size the tree size
     * @param leafHash the leaf's hash
     * @param proof the proof's hashes, leaf-side first
     * @param root the tree's root hash
     * @throws io.fairspin.audit.merkle.ProofException when the proof does not lead to {@code root}
     */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws ProofException {
        if (size <= 0) {
            throw new ProofException("tree size " + size + " has no leaves");
        }
        if (index < 0 || index >= size) {
            throw new ProofException("leaf index " + index + " is outside a tree of size " + size);
        }
        requireHash("leaf hash", leafHash);
        requireHash("root hash", root);
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        MessageDigest digest = sha256();
        for (byte[] p : proof) {
            requireHash("proof hash", p);
            if (sn == 0) {
                throw new ProofException("the inclusion proof is longer than the path to the root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(digest, p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(digest, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the inclusion proof is shorter than the path to the root");
        }
        requireEqual("root hash", r, root);
    }

    /**
     * Checks a consistency proof between two tree heads (RFC 9162 section 2.1.4.2).
     *
     * @param size1 the older tree size
     * @param size2 the newer tree size
     * @param proof the proof's hashes
     * @param root1 the older root hash
     * @param root2 the newer root hash
     * @throws io.fairspin.audit.merkle.ProofException when the proof does not lead to both roots
     */
    public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
            throws ProofException {
        if (size1 <= 0) {
            throw new ProofException("a consistency proof from an empty tree proves nothing");
        }
        if (size1 > size2) {
            throw new ProofException("the first tree (" + size1 + ") is larger than the second (" + size2 + ")");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new ProofException("trees of equal size need an empty consistency proof");
            }
            requireEqual("root hash", root1, root2);
            return;
        }
        verifySubtreeConsistency(0, size1, size2, proof, root1, root2);
    }

    /**
     * Checks that leaf {@code index} is in the subtree {@code [start, end)} whose hash is {@code subtreeHash}
     * (Merkle Tree Certificates draft, subtree inclusion proofs).
     *
     * @param index the leaf
     * @param start the subtree's first leaf
     * @param end the leaf after its last
     * @param leafHash the leaf's hash
     * @param proof the proof's hashes
     * @param subtreeHash the subtree's hash
     * @throws io.fairspin.audit.merkle.ProofException when the proof does not lead to {@code subtreeHash}
     */
    public static void verifySubtreeInclusion(long index, long start, long end, byte[] leafHash, List<byte[]> proof,
                                              byte[] subtreeHash) throws ProofException {
        requireValidSubtree(start, end);
        if (index < start || index >= end) {
            throw new ProofException("leaf index " + index + " is outside the subtree [" + start + ", " + end + ")");
        }
        verifyInclusion(index - start, end - start, leafHash, proof, subtreeHash);
    }

    /**
     * Checks that the subtree {@code [start, end)} with hash {@code subtreeHash} is part of the tree of
     * {@code size} leaves with hash {@code root} (Merkle Tree Certificates draft, subtree consistency
     * proofs; with {@code start = 0} this is the RFC 9162 consistency proof). Hashes are compared, not
     * length-checked, where no hashing is needed.
     *
     * @param start the subtree's first leaf
     * @param end the leaf after its last
     * @param size the tree size
     * @param proof the proof's hashes
     * @param subtreeHash the subtree's hash
     * @param root the tree's root hash
     * @throws io.fairspin.audit.merkle.ProofException when the proof does not lead to both hashes
     */
    public static void verifySubtreeConsistency(long start, long end, long size, List<byte[]> proof,
                                                byte[] subtreeHash, byte[] root) throws ProofException {
        if (start < 0 || size < end) {
            throw new ProofException("the subtree [" + start + ", " + end + ") is not inside a tree of size " + size);
        }
        if (start == end) {
            // The empty subtree, whose hash is the empty tree's, is part of every tree; nothing to prove.
            if (!proof.isEmpty()) {
                throw new ProofException("an empty subtree needs an empty proof");
            }
            requireEqual("subtree hash", emptyRoot(), subtreeHash);
            return;
        }
        requireValidSubtree(start, end);
        long fn = start;
        long sn = end - 1;
        long tn = size - 1;
        // Climb to the lowest node that both trees share on the subtree's right edge: the subtree's own
        // root when the subtree ends the tree, else the highest complete node ending at sn.
        while (fn != sn && (sn == tn || (sn & 1) == 1)) {
            fn >>= 1;
            sn >>= 1;
            tn >>= 1;
        }
        int next = 0;
        byte[] fr;
        if (fn == sn) {
            fr = subtreeHash;
        } else {
            if (proof.isEmpty()) {
                throw new ProofException("the consistency proof is empty");
            }
            fr = proof.get(next++);
            requireHash("proof hash", fr);
        }
        byte[] sr = fr;
        MessageDigest digest = sha256();
        for (; next < proof.size(); next++) {
            byte[] p = proof.get(next);
            requireHash("proof hash", p);
            if (tn == 0) {
                throw new ProofException("the consistency proof is longer than the path to the root");
            }
            if ((sn & 1) == 1 || sn == tn) {
                if (fn < sn) {
                    fr = nodeHash(digest, p, fr);
                }
                sr = nodeHash(digest, p, sr);
                while ((sn & 1) == 0) {
                    fn >>= 1;
                    sn >>= 1;
                    tn >>= 1;
                }
            } else {
                sr = nodeHash(digest, sr, p);
            }
            fn >>= 1;
            sn >>= 1;
            tn >>= 1;
        }
        if (tn != 0) {
            throw new ProofException("the consistency proof is shorter than the path to the root");
        }
        requireEqual("subtree hash", fr, subtreeHash);
        requireEqual("root hash", sr, root);
    }

    /** A subtree [start, end) is valid when it is non-empty and start is a multiple of BIT_CEIL(end - start). */
    private static void requireValidSubtree(long start, long end) throws ProofException {
        if (start < 0 || end <= start) {
            throw new ProofException("[" + start + ", " + end + ") is not a non-empty range of leaves");
        }
        long size = end - start;
        long ceil = Long.highestOneBit(size) == size ? size : Long.highestOneBit(size) << 1;
        if (ceil <= 0 || start % ceil != 0) {
            throw new ProofException("[" + start + ", " + end + ") is not a subtree of a Merkle tree");
        }
    }

    private static void requireHash(String what, byte[] hash) throws ProofException {
        if (hash == null || hash.length != HASH_BYTES) {
            throw new ProofException("the " + what + " is " + (hash == null ? "missing" : hash.length + " bytes")
                    + ", expected " + HASH_BYTES);
        }
    }

    private static void requireEqual(String what, byte[] computed, byte[] expected) throws ProofException {
        if (!MessageDigest.isEqual(computed, expected)) {
            throw new ProofException("the computed " + what + " does not match");
        }
    }

    /** The largest power of two strictly below n, for n &gt;= 2 (the split point k of RFC 9162). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}

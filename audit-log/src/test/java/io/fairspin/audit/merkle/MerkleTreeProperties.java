package io.fairspin.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Generated proofs verify, and any changed hash or size makes them fail. Roots are compared with a
 * direct transcription of RFC 9162's MTH recursion over lists.
 */
class MerkleTreeProperties {

    @Property(tries = 200)
    void inclusionProofsVerifyAndATamperedOneDoesNot(@ForAll @IntRange(min = 1, max = 70) int size,
                                                     @ForAll @IntRange(min = 0, max = 69) int rawIndex,
                                                     @ForAll @IntRange(min = 0, max = 1000) int flip)
            throws ProofException {
        int index = rawIndex % size;
        List<byte[]> leaves = leaves(size);
        byte[] root = mth(leaves);
        assertArrayEquals(root, MerkleTree.root(leaves));
        List<byte[]> proof = MerkleTree.inclusionProof(index, size, MerkleTree.hashOfLeaves(leaves));
        MerkleTree.verifyInclusion(index, size, leaves.get(index), proof, root);
        if (!proof.isEmpty()) {
            List<byte[]> bad = flipOne(proof, flip);
            assertThrows(ProofException.class, () -> MerkleTree.verifyInclusion(index, size, leaves.get(index), bad, root));
        }
        byte[] otherLeaf = MerkleTree.leafHash(new byte[] {(byte) 0xee});
        assertThrows(ProofException.class, () -> MerkleTree.verifyInclusion(index, size, otherLeaf, proof, root));
    }

    @Property(tries = 200)
    void consistencyProofsVerifyAndATamperedOneDoesNot(@ForAll @IntRange(min = 1, max = 70) int size2,
                                                       @ForAll @IntRange(min = 1, max = 70) int rawSize1,
                                                       @ForAll @IntRange(min = 0, max = 1000) int flip)
            throws ProofException {
        int size1 = 1 + (rawSize1 - 1) % size2;
        List<byte[]> leaves = leaves(size2);
        byte[] root1 = mth(leaves.subList(0, size1));
        byte[] root2 = mth(leaves);
        List<byte[]> proof = MerkleTree.consistencyProof(size1, size2, MerkleTree.hashOfLeaves(leaves));
        MerkleTree.verifyConsistency(size1, size2, proof, root1, root2);
        if (!proof.isEmpty()) {
            List<byte[]> bad = flipOne(proof, flip);
            assertThrows(ProofException.class, () -> MerkleTree.verifyConsistency(size1, size2, bad, root1, root2));
        }
        byte[] otherRoot = MerkleTree.leafHash(new byte[] {1});
        assertThrows(ProofException.class, () -> MerkleTree.verifyConsistency(size1, size2, proof, otherRoot, root2));
    }

    /** MTH as RFC 9162 section 2.1.1 writes it. */
    private static byte[] mth(List<byte[]> leafHashes) {
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int k = 1;
        while (k * 2 < leafHashes.size()) {
            k *= 2;
        }
        return MerkleTree.nodeHash(mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, leafHashes.size())));
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
        }
        return leaves;
    }

    private static List<byte[]> flipOne(List<byte[]> proof, int which) {
        List<byte[]> copy = new ArrayList<>();
        proof.forEach(h -> copy.add(Arrays.copyOf(h, h.length)));
        int bit = which % (copy.size() * 256);
        copy.get(bit / 256)[bit % 256 / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}

package io.fairspin.audit.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.audit.json.ProofJson;
import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.merkle.ProofException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An RFC 9162 (section 2.1.4) consistency proof between two sizes of a log's tree, with both roots: what a
 * witness needs to check that the newer tree extends the older one.
 *
 * <p>JSON ({@code fairspin audit prove --consistency OLD NEW}): {@code {"format": "fairspin-consistency-proof/1",
 * "origin", "oldSize", "oldRoot", "newSize", "newRoot" (base64), "proof" (base64 hashes)}}.
 *
 * @param origin  the log's name
 * @param oldSize the older tree size, at least 1
 * @param oldRoot the older tree's 32-byte root hash
 * @param newSize the newer tree size, at least {@code oldSize}
 * @param newRoot the newer tree's 32-byte root hash
 * @param proof   the proof's hashes, 32 bytes each
 */
public record ConsistencyProof(String origin, long oldSize, byte[] oldRoot, long newSize, byte[] newRoot,
                               List<byte[]> proof) {
    /** The format string this code writes and reads. */
    public static final String FORMAT = "fairspin-consistency-proof/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Checks the sizes and copies the hashes.
     *
     * @param origin the log's name
     * @param oldSize the older tree size, at least 1
     * @param oldRoot the older tree's 32-byte root hash
     * @param newSize the newer tree size, at least {@code oldSize}
     * @param newRoot the newer tree's 32-byte root hash
     * @param proof the proof's hashes, 32 bytes each
     */
    public ConsistencyProof {
        proof = List.copyOf(proof);
    }

    /**
     * The proof from the tree of the first {@code oldSize} entries of the log in {@code dir} to the tree of its
     * first {@code newSize}; the log must be intact up to {@code newSize}.
     *
     * @param dir the log's folder
     * @param oldSize the older tree size, at least 1
     * @param newSize the newer tree size, at least {@code oldSize}
     * @return the proof with both roots
     * @throws java.io.IOException when the log cannot be read
     */
    public static ConsistencyProof of(Path dir, long oldSize, long newSize) throws IOException {
        if (oldSize < 0 || newSize < oldSize) {
            throw new IllegalArgumentException("--consistency: need 0 <= OLD <= NEW, got " + oldSize + " and " + newSize);
        }
        List<byte[]> leaves = new ArrayList<>();
        LogScanner.Result scan = LogScanner.scan(dir, entry -> leaves.add(entry.leafHashUnsafe()));
        if (!scan.problems.isEmpty()) {
            throw new LogCorruptedException(scan.problems);
        }
        if (newSize > leaves.size()) {
            throw new IllegalArgumentException(dir + ": the log has " + leaves.size() + " entries, fewer than " + newSize);
        }
        MerkleTree.SubtreeHashes hashes = MerkleTree.hashOfLeaves(leaves);
        List<byte[]> proof = oldSize == 0 || oldSize == newSize ? List.of()
                : MerkleTree.consistencyProof(oldSize, newSize, hashes);
        return new ConsistencyProof(scan.origin, oldSize, root(leaves, oldSize), newSize, root(leaves, newSize), proof);
    }

    private static byte[] root(List<byte[]> leaves, long size) {
        return MerkleTree.root(leaves.subList(0, (int) size));
    }

    /**
     * Checks the proof against two roots the caller trusts (for example a stored and a newly signed checkpoint).
     *
     * @param oldSize the older tree size
     * @param oldRoot the older root hash
     * @param newSize the newer tree size
     * @param newRoot the newer root hash
     * @param proof the proof's hashes
     * @throws io.fairspin.audit.merkle.ProofException when the proof does not lead to both roots
     */
    public static void verify(long oldSize, byte[] oldRoot, long newSize, byte[] newRoot, List<byte[]> proof)
            throws ProofException {
        if (oldSize == newSize) {
            if (!java.security.MessageDigest.isEqual(oldRoot, newRoot)) {
                throw new ProofException("two different roots for the same size " + newSize);
            }
            return;
        }
        if (oldSize == 0) {
            return; // every tree extends the empty one
        }
        MerkleTree.verifyConsistency(oldSize, newSize, proof, oldRoot, newRoot);
    }

    /**
     * The proof as JSON: sizes, roots and hashes in base64.
     *
     * @return the JSON text, which {@link #parse(String)} reads back
     */
    public String toJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT);
        json.put("origin", origin);
        json.put("oldSize", oldSize);
        json.put("oldRoot", Base64.getEncoder().encodeToString(oldRoot));
        json.put("newSize", newSize);
        json.put("newRoot", Base64.getEncoder().encodeToString(newRoot));
        ArrayNode hashes = json.putArray("proof");
        proof.forEach(h -> hashes.add(Base64.getEncoder().encodeToString(h)));
        try {
            return JSON.writeValueAsString(json) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the JSON form; errors name the JSON path.
     *
     * @param text the JSON text
     * @return the proof
     * @throws io.fairspin.audit.merkle.ProofException when the JSON is malformed, naming the path
     */
    public static ConsistencyProof parse(String text) throws ProofException {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (IOException e) {
            throw new ProofException("not JSON");
        }
        if (json == null || !json.isObject() || !FORMAT.equals(json.path("format").asText())) {
            throw new ProofException("$.format: expected \"" + FORMAT + "\"");
        }
        List<byte[]> proof = ProofJson.hashes(json, "proof");
        return new ConsistencyProof(json.path("origin").asText(), size(json, "oldSize"), ProofJson.base64(json.get("oldRoot"),
                "$.oldRoot"), size(json, "newSize"), ProofJson.base64(json.get("newRoot"), "$.newRoot"), proof);
    }

    private static long size(JsonNode json, String field) throws ProofException {
        JsonNode node = json.get(field);
        if (node == null || !node.isIntegralNumber() || node.asLong() < 0) {
            throw new ProofException("$." + field + ": expected a non-negative integer");
        }
        return node.asLong();
    }

}

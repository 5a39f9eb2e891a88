package io.fairspin.audit.round;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.log.LogReader;
import io.fairspin.audit.log.LogScanner;
import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.merkle.ProofException;
import io.fairspin.audit.record.EntryJson;
import io.fairspin.audit.record.LogEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The proof of one round for a dispute, checkable offline: the entry's canonical bytes, its RFC 9162
 * inclusion proof, and a signed checkpoint whose tree contains it.
 *
 * <p>JSON: {@code {"format": "fairspin-dispute-packet/1", "index", "entry" (base64 canonical bytes),
 * "inclusionProof" (base64 hashes, leaf side first), "checkpoint" (the signed note), "view" (a readable
 * copy of the entry, which {@link #verify} requires to match the bytes)}}.
 */
public final class DisputePacket {
    /** The format string this code writes and reads. */
    public static final String FORMAT = "fairspin-dispute-packet/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final long index;
    private final byte[] entry;
    private final List<byte[]> proof;
    private final String checkpoint;
    private final JsonNode view;

    private DisputePacket(long index, byte[] entry, List<byte[]> proof, String checkpoint, JsonNode view) {
        this.index = index;
        this.entry = entry;
        this.proof = proof;
        this.checkpoint = checkpoint;
        this.view = view;
    }

    /** What a verified packet proves: this entry is at its index in the tree of this signed checkpoint. */
    public record Verified(LogEntry entry, Checkpoint checkpoint) {
    }

    /**
     * Builds the packet for the round with this id, against the latest checkpoint that covers it. Fails when
     * no round or several rounds have the id, or when the log has problems other than a torn tail.
     */
    public static DisputePacket forRound(Path dir, String roundId) throws IOException {
        return build(LogReader.find(dir, LogReader.isRound(roundId), "round id '" + roundId + "'"), dir);
    }

    /** Builds the packet for the entry at {@code index}. */
    public static DisputePacket forIndex(Path dir, long index) throws IOException {
        return build(LogReader.find(dir, e -> e.index() == index, "entry index " + index), dir);
    }

    private static DisputePacket build(LogReader.Found found, Path dir) {
        LogEntry entry = found.entry();
        LogScanner.StoredCheckpoint stored = found.scan().lastCheckpoint();
        if (stored == null || stored.checkpoint().size() <= entry.index()) {
            throw new IllegalArgumentException(dir + ": entry " + entry.index()
                    + " is not yet covered by a signed checkpoint; sign one and try again");
        }
        long size = stored.checkpoint().size();
        List<byte[]> proof = MerkleTree.inclusionProof(entry.index(), size, MerkleTree.hashOfLeaves(found.leaves()));
        return new DisputePacket(entry.index(), entry.encoded(), proof, stored.note().encode(), EntryJson.of(entry));
    }

    /** The packet as JSON. */
    public String toJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT);
        json.put("index", index);
        json.put("entry", Base64.getEncoder().encodeToString(entry));
        ArrayNode hashes = json.putArray("inclusionProof");
        proof.forEach(h -> hashes.add(Base64.getEncoder().encodeToString(h)));
        json.put("checkpoint", checkpoint);
        json.set("view", view);
        try {
            return JSON.writeValueAsString(json) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a packet; errors name the JSON path and what was expected. */
    public static DisputePacket parse(String text) throws ProofException {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProofException("not JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + withoutSource(e.getOriginalMessage()));
        }
        if (json == null || !json.isObject()) {
            throw new ProofException("$: expected a JSON object");
        }
        if (!FORMAT.equals(text(json, "format"))) {
            throw new ProofException("$.format: expected \"" + FORMAT + "\"");
        }
        JsonNode index = json.get("index");
        if (index == null || !index.canConvertToLong() || !index.isIntegralNumber() || index.asLong() < 0) {
            throw new ProofException("$.index: expected a non-negative integer");
        }
        JsonNode proofNode = json.get("inclusionProof");
        if (proofNode == null || !proofNode.isArray()) {
            throw new ProofException("$.inclusionProof: expected an array of base64 hashes");
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = 0; i < proofNode.size(); i++) {
            proof.add(base64(proofNode.get(i), "$.inclusionProof[" + i + "]"));
        }
        JsonNode view = json.get("view");
        return new DisputePacket(index.asLong(), base64(json.get("entry"), "$.entry"), proof, text(json, "checkpoint"),
                view);
    }

    /** Jackson's message with any embedded location ("[Source: REDACTED ...; line: 1, column: 1]") made short. */
    private static String withoutSource(String message) {
        return message.replaceAll("\\[Source: [^\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2");
    }

    private static String text(JsonNode json, String field) throws ProofException {
        JsonNode node = json.get(field);
        if (node == null || !node.isTextual()) {
            throw new ProofException("$." + field + ": expected a string");
        }
        return node.asText();
    }

    private static byte[] base64(JsonNode node, String path) throws ProofException {
        if (node == null || !node.isTextual()) {
            throw new ProofException(path + ": expected a base64 string");
        }
        try {
            return Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw new ProofException(path + ": not base64");
        }
    }

    /** The node as it reads back from text, so numbers compare by value whatever their Java type. */
    private static JsonNode reparsed(JsonNode node) {
        try {
            return JSON.readTree(node.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks the packet offline: the checkpoint is signed by {@code operatorKey}, the entry decodes, sits at
     * the packet's index and is included in the checkpoint's tree, and the readable view matches the bytes.
     */
    public Verified verify(PublicKey operatorKey) throws ProofException {
        SignedNote note = SignedNote.parse(checkpoint);
        Checkpoint head = Checkpoint.parse(note.text());
        note.verify(NoteVerifier.of(head.origin(), operatorKey));
        LogEntry decoded = LogEntry.decode(entry);
        if (decoded.index() != index) {
            throw new ProofException("$.index is " + index + " but the entry's own index is " + decoded.index());
        }
        MerkleTree.verifyInclusion(index, head.size(), decoded.leafHash(), proof, head.rootHash());
        if (view != null && !view.equals(reparsed(EntryJson.of(decoded)))) {
            throw new ProofException("$.view does not match the entry's bytes: the readable copy was altered");
        }
        return new Verified(decoded, head);
    }
}

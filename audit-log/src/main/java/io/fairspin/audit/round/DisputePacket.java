package io.fairspin.audit.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.json.EntryJson;
import io.fairspin.audit.json.ProofJson;
import io.fairspin.audit.log.LogReader;
import io.fairspin.audit.log.LogScanner;
import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.merkle.ProofException;
import io.fairspin.audit.record.LogEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
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
     *
     * @param dir the log's folder
     * @param roundId the round's id
     * @return the packet
     * @throws java.io.IOException when the log cannot be read
     */
    public static DisputePacket forRound(Path dir, String roundId) throws IOException {
        return build(LogReader.find(dir, LogReader.isRound(roundId), "round id '" + roundId + "'"), dir);
    }

    /**
     * Builds the packet for the entry at {@code index}.
     *
     * @param dir the log's folder
     * @param index the entry's index, from 0
     * @return the packet
     * @throws java.io.IOException when the log cannot be read
     */
    public static DisputePacket forIndex(Path dir, long index) throws IOException {
        return build(LogReader.find(dir, e -> e.index() == index, "entry index " + index), dir);
    }

    /**
     * Builds the packet for the round with this id against {@code checkpoint}, a checkpoint of this log as a witness
     * cosigned it (its cosignature lines are kept, so that {@code check-packet --witness-key} can require them).
     *
     * @param dir the log's folder
     * @param roundId the round's id
     * @param checkpoint a checkpoint note of this log covering the round
     * @return the packet
     * @throws java.io.IOException when the log cannot be read
     */
    public static DisputePacket forRound(Path dir, String roundId, SignedNote checkpoint) throws IOException {
        return build(LogReader.find(dir, LogReader.isRound(roundId), "round id '" + roundId + "'"), dir, checkpoint);
    }

    /**
     * Builds the packet for the entry at {@code index} against {@code checkpoint} (see {@link #forRound(Path, String,
     * SignedNote)}).
     *
     * @param dir the log's folder
     * @param index the entry's index, from 0
     * @param checkpoint a checkpoint note of this log covering the entry
     * @return the packet
     * @throws java.io.IOException when the log cannot be read
     */
    public static DisputePacket forIndex(Path dir, long index, SignedNote checkpoint) throws IOException {
        return build(LogReader.find(dir, e -> e.index() == index, "entry index " + index), dir, checkpoint);
    }

    private static DisputePacket build(LogReader.Found found, Path dir) {
        LogScanner.StoredCheckpoint stored = found.scan().lastCheckpoint();
        return build(found, dir, stored == null ? null : stored.note());
    }

    private static DisputePacket build(LogReader.Found found, Path dir, SignedNote note) {
        LogEntry entry = found.entry();
        Checkpoint head;
        try {
            head = note == null ? null : Checkpoint.parse(note.text());
        } catch (ProofException e) {
            throw new IllegalArgumentException("--checkpoint: not a checkpoint: " + e.getMessage());
        }
        if (head == null || head.size() <= entry.index()) {
            throw new IllegalArgumentException(dir + ": entry " + entry.index()
                    + " is not yet covered by a signed checkpoint; sign one and try again");
        }
        long size = head.size();
        if (size > found.leaves().size() || !java.security.MessageDigest.isEqual(head.rootHash(),
                MerkleTree.root(found.leaves().subList(0, (int) size)))) {
            throw new IllegalArgumentException("--checkpoint: the checkpoint of size " + size + " is not one of the log "
                    + dir + " (its root differs from the log's tree at that size)");
        }
        List<byte[]> proof = MerkleTree.inclusionProof(entry.index(), size, MerkleTree.hashOfLeaves(found.leaves()));
        return new DisputePacket(entry.index(), entry.encoded(), proof, note.encode(), EntryJson.of(entry));
    }

    /**
     * The packet's checkpoint note, with every signature line it carries (the log's, any witnesses').
     *
     * @return the note
     * @throws io.fairspin.audit.merkle.ProofException when the packet's note is malformed
     */
    public SignedNote checkpointNote() throws ProofException {
        return SignedNote.parse(checkpoint);
    }

    /**
     * The packet as JSON.
     *
     * @return the JSON text, which {@link #parse(String)} reads back
     */
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

    /**
     * Reads a packet; errors name the JSON path and what was expected.
     *
     * @param text the packet's JSON text
     * @return the packet
     * @throws io.fairspin.audit.merkle.ProofException when the JSON is malformed
     */
    public static DisputePacket parse(String text) throws ProofException {
        JsonNode json;
        try {
            json = io.fairspin.math.json.StrictJson.read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (io.fairspin.math.json.StrictJson.InvalidJsonException e) {
            throw new ProofException(e.getMessage());
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
        List<byte[]> proof = ProofJson.hashes(json, "inclusionProof");
        JsonNode view = json.get("view");
        if (view == null || !view.isObject()) {
            throw new ProofException("$.view: expected the readable copy of the entry (an object); a packet"
                    + " without it is refused");
        }
        return new DisputePacket(index.asLong(), ProofJson.base64(json.get("entry"), "$.entry"), proof, text(json, "checkpoint"),
                view);
    }

    private static String text(JsonNode json, String field) throws ProofException {
        JsonNode node = json.get(field);
        if (node == null || !node.isTextual()) {
            throw new ProofException("$." + field + ": expected a string");
        }
        return node.asText();
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
     *
     * @param operatorKey the operator's Ed25519 public key
     * @return the entry and checkpoint that checked out
     * @throws io.fairspin.audit.merkle.ProofException when any check fails, naming it
     */
    public Verified verify(PublicKey operatorKey) throws ProofException {
        return verify(operatorKey, null);
    }

    /**
     * {@link #verify(PublicKey)}, and the checkpoint must be of the log {@code origin}: a client that expects one log
     * is not shown another log's tree (signed by the same key, or cosigned by the same witness) as that log's.
     *
     * @param operatorKey the operator's Ed25519 public key
     * @param origin the origin of the log the client expects; null for any
     * @return the entry and checkpoint that checked out
     * @throws io.fairspin.audit.merkle.ProofException when any check fails, naming it
     */
    public Verified verify(PublicKey operatorKey, String origin) throws ProofException {
        SignedNote note = SignedNote.parse(checkpoint);
        Checkpoint head = Checkpoint.parse(note.text());
        if (origin != null && !origin.equals(head.origin())) {
            throw new ProofException("$.checkpoint: its origin is '" + head.origin() + "', not the expected '" + origin + "'");
        }
        note.verify(NoteVerifier.of(head.origin(), operatorKey));
        LogEntry decoded = LogEntry.decode(entry);
        if (decoded.index() != index) {
            throw new ProofException("$.index is " + index + " but the entry's own index is " + decoded.index());
        }
        MerkleTree.verifyInclusion(index, head.size(), decoded.leafHash(), proof, head.rootHash());
        if (!view.equals(reparsed(EntryJson.of(decoded)))) {
            throw new ProofException("$.view does not match the entry's bytes: the readable copy was altered");
        }
        return new Verified(decoded, head);
    }
}

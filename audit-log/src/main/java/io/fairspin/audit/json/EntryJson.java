package io.fairspin.audit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.audit.record.KeyAnnouncement;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.LogEvent;
import io.fairspin.audit.record.RngHealthRecord;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.audit.record.TailCut;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A readable JSON view of a log entry: hashes in hex, times in ISO 8601, a round's outcome and player
 * choices decoded (the canonical JSON the game wrote: cards, reel stops, window symbols, wins; the bet and
 * the decisions), and any byte field that is not JSON in base64 ({@code outcomeBase64},
 * {@code playerChoicesBase64}).
 */
public final class EntryJson {
    private static final HexFormat HEX = HexFormat.of();

    private EntryJson() {
    }

    /**
     * An entry as JSON, for {@code audit inspect} and dispute packets: its index, hashes and event, binary fields in
     * base64.
     *
     * @param entry the entry
     * @return the JSON object
     */
    public static ObjectNode of(LogEntry entry) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("index", entry.index());
        json.put("previousHash", HEX.formatHex(entry.previousHash()));
        json.put("leafHash", HEX.formatHex(entry.leafHash()));
        LogEvent event = entry.event();
        if (event instanceof RoundRecord) {
            json.set("round", round((RoundRecord) event));
        } else if (event instanceof KeyAnnouncement) {
            KeyAnnouncement k = (KeyAnnouncement) event;
            ObjectNode key = json.putObject("keyAnnouncement");
            key.put("verifierKey", k.verifier().encode());
            key.put("keyId", KeyFiles.keyId(k.verifier().publicKey()));
            key.put("announcedAt", Instant.ofEpochMilli(k.announcedAtMillis()).toString());
            k.maxUnsigned().ifPresent(n -> key.put("maxUnsigned", n));
        } else if (event instanceof RngHealthRecord) {
            RngHealthRecord h = (RngHealthRecord) event;
            ObjectNode rng = json.putObject("rngHealth");
            rng.put("drbgId", h.drbgId());
            rng.put("kind", h.kind());
            rng.put("at", Instant.ofEpochMilli(h.atMillis()).toString());
            rng.put("reseeds", h.reseeds());
            rng.put("detail", h.detail());
        } else {
            TailCut c = (TailCut) event;
            ObjectNode cut = json.putObject("tailCut");
            cut.put("segment", c.segment());
            cut.put("offset", c.offset());
            cut.put("length", c.length());
            cut.put("sha256", HEX.formatHex(c.sha256()));
            cut.put("savedAs", c.savedAs());
            cut.put("cutAt", Instant.ofEpochMilli(c.cutAtMillis()).toString());
        }
        return json;
    }

    private static ObjectNode round(RoundRecord r) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("roundId", r.roundId());
        json.put("gameId", r.gameId());
        json.put("modelHash", HEX.formatHex(r.modelHash()));
        json.put("startedAt", Instant.ofEpochMilli(r.startedAtMillis()).toString());
        json.put("settledAt", Instant.ofEpochMilli(r.settledAtMillis()).toString());
        json.put("sessionId", r.sessionId());
        json.put("traceId", r.traceId());
        json.put("currency", r.currency());
        json.put("bet", r.bet());
        json.put("win", r.win());
        decoded(json, "playerChoices", r.playerChoices());
        json.put("seedCommitment", HEX.formatHex(r.seedCommitment()));
        json.put("escrowReference", r.escrowReference());
        decoded(json, "outcome", r.outcome());
        return json;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Puts {@code bytes} under {@code name} as the JSON they hold (null when empty), or under
     * {@code name + "Base64"} when they are not JSON in UTF-8.
     */
    private static void decoded(ObjectNode json, String name, byte[] bytes) {
        if (bytes.length == 0) {
            json.putNull(name);
            return;
        }
        try {
            JsonNode value = MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (value != null && value.isContainerNode()
                    && java.util.Arrays.equals(CanonicalJson.encode(value), bytes)) {
                json.set(name, value);
                return;
            }
        } catch (IOException | IllegalArgumentException e) {
            // not canonical JSON: shown as base64 below
        }
        json.put(name + "Base64", Base64.getEncoder().encodeToString(bytes));
    }
}

package io.fairspin.audit.record;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.rng.keys.KeyFiles;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** A readable JSON view of a log entry: hashes in hex, opaque byte fields in base64, times in ISO 8601. */
public final class EntryJson {
    private static final HexFormat HEX = HexFormat.of();

    private EntryJson() {
    }

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
        json.put("playerChoices", Base64.getEncoder().encodeToString(r.playerChoices()));
        json.put("seedCommitment", HEX.formatHex(r.seedCommitment()));
        json.put("escrowReference", r.escrowReference());
        json.put("outcome", Base64.getEncoder().encodeToString(r.outcome()));
        return json;
    }
}

package io.fairspin.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.merkle.ProofException;
import java.io.IOException;
import java.util.HexFormat;

/** Signs a checkpoint now and then, and on request when a dispute packet needs one. */
final class Checkpoints {
    private final AuditLog log;
    private SignedNote latest;
    private long latestSize;

    Checkpoints(AuditLog log) {
        this.log = log;
    }

    void tick() {
        try {
            if (log.size() > size()) {
                sign();
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("fairspin serve: signing a checkpoint failed: " + e.getMessage());
        }
    }

    private synchronized long size() {
        return latestSize;
    }

    private synchronized SignedNote sign() throws IOException {
        SignedNote note = log.checkpoint();
        try {
            latestSize = Checkpoint.parse(note.text()).size();
        } catch (ProofException e) {
            throw new IllegalStateException("the log signed a checkpoint it cannot parse", e);
        }
        latest = note;
        return note;
    }

    synchronized SignedNote covering(long index) throws IOException {
        return latest != null && latestSize > index ? latest : sign();
    }

    synchronized ObjectNode latestJson() throws ApiException {
        try {
            SignedNote note = latest != null ? latest : sign();
            Checkpoint checkpoint = Checkpoint.parse(note.text());
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("origin", checkpoint.origin());
            json.put("size", checkpoint.size());
            json.put("rootHash", HexFormat.of().formatHex(checkpoint.rootHash()));
            json.put("note", note.encode());
            return json;
        } catch (IOException | ProofException e) {
            throw new ApiException(503, null, "no checkpoint could be signed: the audit log failed");
        }
    }
}

package io.fairspin.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.rng.RngHealth;
import java.time.Instant;

/**
 * The answer to {@code GET /api/health}, a readiness probe: 200 while the certified generator can draw and its
 * entropy source passes its health tests ({@link RngHealth#ready()}), else 503, with the same body either way. A
 * generator stopped by a health-test failure stays stopped, so the 503 lasts as long as this process: the server
 * fails closed and its orchestrator replaces it.
 */
final class Readiness {
    private Readiness() {
    }

    /** The probe's reply for the generator's health now. */
    static HttpApi.Reply reply(RngHealth health) {
        ObjectNode rng = JsonNodeFactory.instance.objectNode();
        rng.put("instanceId", health.instanceId());
        rng.put("healthy", health.healthy());
        rng.put("entropySourceHealthy", health.entropySourceHealthy());
        rng.put("reseeds", health.reseeds());
        rng.put("lastReseedAt", instant(health.lastReseedMillis()));
        rng.put("lastFailure", health.lastFailure().orElse(null));
        rng.put("lastFailureAt", instant(health.lastFailureMillis()));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("ready", health.ready());
        body.set("rng", rng);
        return HttpApi.Reply.json(health.ready() ? 200 : 503, body);
    }

    /** ISO 8601 UTC, or null for 0 (never). */
    private static String instant(long epochMillis) {
        return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis).toString();
    }
}

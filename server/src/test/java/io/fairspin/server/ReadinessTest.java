package io.fairspin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.rng.RngHealth;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/health}, the readiness probe: 200 while the certified generator is ready, 503 once it is not (a
 * closed generator here; a health-test failure by its record), with the generator's health in the body either way and
 * no session needed.
 */
class ReadinessTest {
    @Test
    void theProbeFollowsTheGeneratorsHealth(@TempDir Path dir) throws Exception {
        try (TestServer s = new TestServer(dir, "sizzling-hot.json")) {
            TestServer.Reply ready = s.send("GET", "/api/health", null, null);
            assertEquals(200, ready.status(), ready.text());
            assertTrue(ready.body().get("ready").asBoolean());
            assertEquals(s.rng.instanceId(), ready.body().at("/rng/instanceId").asText());
            assertTrue(ready.body().at("/rng/healthy").asBoolean());
            assertTrue(ready.body().at("/rng/lastFailure").isNull());
            assertEquals("no-store", ready.headers().firstValue("Cache-Control").orElseThrow());
            assertEquals(405, s.send("POST", "/api/health", null, "{}").status());

            s.rng.close();
            TestServer.Reply closed = s.send("GET", "/api/health", null, null);
            assertEquals(503, closed.status(), closed.text());
            assertFalse(closed.body().get("ready").asBoolean());
            assertFalse(closed.body().at("/rng/healthy").asBoolean());
        }
    }

    @Test
    void aHealthTestFailureIsNotReadyAndSaysWhyAndWhen() throws Exception {
        RngHealth failed = new RngHealth("742836594cdbb2e0", false, false, 2, 1_764_970_000_000L,
                Optional.of("repetition count test failed"), 1_764_970_001_000L);
        HttpApi.Reply reply = Readiness.reply(failed);
        assertEquals(503, reply.status());
        JsonNode body = TestServer.JSON.readTree(new String(reply.body(), StandardCharsets.UTF_8));
        assertFalse(body.get("ready").asBoolean());
        assertEquals("repetition count test failed", body.at("/rng/lastFailure").asText());
        assertEquals("2025-12-05T21:26:41Z", body.at("/rng/lastFailureAt").asText());
        assertEquals("2025-12-05T21:26:40Z", body.at("/rng/lastReseedAt").asText());
        assertEquals(2, body.at("/rng/reseeds").asLong());
        assertFalse(body.at("/rng/entropySourceHealthy").asBoolean());

        RngHealth neverReseeded = new RngHealth("742836594cdbb2e0", true, true, 0, 0, Optional.empty(), 0);
        HttpApi.Reply ok = Readiness.reply(neverReseeded);
        assertEquals(200, ok.status());
        JsonNode okBody = TestServer.JSON.readTree(new String(ok.body(), StandardCharsets.UTF_8));
        assertTrue(okBody.at("/rng/lastReseedAt").isNull());
        assertTrue(okBody.at("/rng/lastFailureAt").isNull());
    }
}

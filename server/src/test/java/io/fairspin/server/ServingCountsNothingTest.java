package io.fairspin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairspin.math.AnalysisBudget;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} computes no exact analysis, so a model of any cycle is served: after rounds were opened and settled,
 * the served game has still not computed its exact figures. A game computes them once and keeps them, so had the
 * server computed them on any thread, asking for them under a budget of one combination would return them without
 * counting; instead the first step of the count is refused. (The budget cannot simply be put around the server:
 * Jetty's selector threads do not inherit it.)
 */
class ServingCountsNothingTest {
    @TempDir
    Path dir;

    @Test
    void aServedRoundCountsNoCombination() throws Exception {
        TestServer s = new TestServer(dir, "sizzling-hot.json");
        try {
            String token = s.newSession();
            for (int i = 0; i < 3; i++) {
                TestServer.Reply opened = s.send("POST", "/api/rounds", token, "{\"game\": \"sizzling-hot\"}");
                assertEquals(201, opened.status(), opened.text());
                String id = opened.body().get("roundId").asText();
                TestServer.Reply settled = s.send("POST", "/api/rounds/" + id + "/settle", token, null);
                assertEquals(200, settled.status(), settled.text());
            }
        } finally {
            s.close();
        }
        AnalysisBudget one = new AnalysisBudget(1);
        assertThrows(AnalysisBudget.TooLarge.class, () -> one.run(() -> s.models.get(0).game().exactFigures()),
                "the served game computed its exact figures");
    }
}

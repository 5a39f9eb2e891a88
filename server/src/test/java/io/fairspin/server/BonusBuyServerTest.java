package io.fairspin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.audit.round.RoundReplay;
import io.fairspin.rng.escrow.EscrowReplay;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bought round over the server's API: the game list shows the buy (price and stake), a round opened with
 * {@code "bonusBuy": true} in its bet stakes the price x the bet, settles as the bought feature, is logged with its
 * bet and replays from escrow; a buy at a bet outside the limits is refused naming the field, with nothing drawn,
 * escrowed or logged.
 */
class BonusBuyServerTest {
    private static final String SLOT = "lucky-wilds";

    @TempDir
    static Path dir;
    static TestServer s;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        s = new TestServer(dir, "lucky-wilds.json", "sizzling-hot.json");
        token = s.newSession();
    }

    @AfterAll
    static void stop() throws Exception {
        s.close();
    }

    @Test
    void theGameListShowsTheBuy() throws Exception {
        JsonNode games = s.send("GET", "/api/games", null, null).body().get("games");
        for (JsonNode game : games) {
            if (game.get("id").asText().equals(SLOT)) {
                assertEquals(26, game.get("bonusBuy").get("price").asLong(), game.toString());
                assertEquals(520, game.get("bonusBuy").get("stake").asLong(), game.toString());
            } else {
                assertFalse(game.has("bonusBuy"), game.toString());
            }
        }
    }

    @Test
    void aBoughtRoundIsPlayedLoggedAndReplayed() throws Exception {
        TestServer.Reply opened = s.send("POST", "/api/rounds", token, "{\"game\": \"" + SLOT + "\", \"bet\": {\"lines\": 10,"
                + " \"lineBet\": 2, \"bonusBuy\": true}}");
        assertEquals(201, opened.status(), opened.text());
        assertEquals(520, opened.body().get("stake").asLong());
        assertTrue(opened.body().get("bet").get("bonusBuy").asBoolean(), opened.text());
        String id = opened.body().get("roundId").asText();
        TestServer.Reply settled = s.send("POST", "/api/rounds/" + id + "/play", token, null);
        assertEquals(200, settled.status(), settled.text());
        assertEquals("settled", settled.body().get("state").asText());
        JsonNode outcome = settled.body().get("outcome");
        assertEquals(26, outcome.get("bonusBuy").get("price").asLong(), outcome.toString());
        assertEquals("free", outcome.get("spins").get(0).get("kind").asText());
        LogEntry entry = s.entries().stream().filter(e -> e.event() instanceof RoundRecord r && r.roundId().equals(id))
                .findFirst().orElseThrow();
        RoundRecord record = (RoundRecord) entry.event();
        assertEquals(520, record.bet());
        assertEquals(settled.body().get("win").asLong(), record.win());
        try (EscrowReplay escrow = EscrowReplay.read(s.escrowFile, TestServer.AUDITOR.getPrivate())) {
            RoundReplay replay = RoundReplay.of(entry, s.models.get(0), escrow);
            assertTrue(replay.matches(), replay.differences().toString());
        }
    }

    /** A line bet's field left out is the standard wager's (lucky-wilds: 20 lines at 1 a coin, 1 coin). */
    @Test
    void aBetLeavingOutFieldsTakesTheStandardWagersAndKeepsItsErrorsPaths() throws Exception {
        TestServer.Reply opened = s.send("POST", "/api/rounds", token, "{\"game\": \"" + SLOT + "\", \"bet\": {\"lines\": 10,"
                + " \"bonusBuy\": true}}");
        assertEquals(201, opened.status(), opened.text());
        assertEquals(26 * 10, opened.body().get("stake").asLong(), opened.text());
        assertEquals(TestServer.JSON.readTree("{\"bonusBuy\":true,\"coins\":1,\"lineBet\":1,\"lines\":10}"), opened.body().get("bet"));
        assertEquals(200, s.send("POST", "/api/rounds/" + opened.body().get("roundId").asText() + "/settle", token, null)
                .status());
        String[][] cases = {
            {"{\"coins\": 2}", "bet.coins"},
            {"{\"line\": 10}", "bet.line"},
            {"{\"lines\": \"10\"}", "bet.lines"},
        };
        for (String[] c : cases) {
            TestServer.Reply reply = s.send("POST", "/api/rounds", token, "{\"game\": \"" + SLOT + "\", \"bet\": " + c[0] + "}");
            assertEquals(422, reply.status(), reply.text());
            assertEquals(c[1], reply.body().get("error").get("field").asText(), reply.text());
        }
    }

    @Test
    void aBuyOutsideTheLimitsIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        // As GameServerTest does: a round first, so that the server's reserve of seeds is drawn before we measure.
        String settledId = s.send("POST", "/api/rounds", token, "{\"game\": \"" + SLOT + "\"}").body().get("roundId").asText();
        assertEquals(200, s.send("POST", "/api/rounds/" + settledId + "/settle", token, null).status());
        long logBefore = s.entries().size();
        long escrowBefore = s.escrowBytes();
        String[][] cases = {
            {SLOT, "{\"lines\": 10, \"lineBet\": 3, \"bonusBuy\": true}", "bet.lineBet"},
            {SLOT, "{\"lines\": 21, \"lineBet\": 1, \"bonusBuy\": true}", "bet.lines"},
            {"sizzling-hot", "{\"lines\": 5, \"lineBet\": 1, \"bonusBuy\": true}", "bet.bonusBuy"},
        };
        for (String[] c : cases) {
            TestServer.Reply reply = s.send("POST", "/api/rounds", token, "{\"game\": \"" + c[0] + "\", \"bet\": " + c[1]
                    + "}");
            assertEquals(422, reply.status(), reply.text());
            assertEquals(c[2], reply.body().get("error").get("field").asText(), reply.text());
        }
        assertEquals(logBefore, s.entries().size(), "nothing logged for refused requests");
        assertEquals(escrowBefore, s.escrowBytes(), "nothing drawn or escrowed for refused requests");
        String next = s.send("POST", "/api/rounds", token, "{\"game\": \"" + SLOT + "\"}").body().get("roundId").asText();
        assertEquals(number(settledId) + 1, number(next), "no seed taken for refused requests");
        assertEquals(200, s.send("POST", "/api/rounds/" + next + "/settle", token, null).status());
    }

    private static long number(String roundId) {
        return Long.parseLong(roundId.substring(roundId.lastIndexOf('-') + 1));
    }
}

package io.fairspin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.audit.round.DisputePacket;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.log.LogVerifier;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.audit.round.RoundReplay;
import io.fairspin.rng.RoundSeed;
import io.fairspin.rng.escrow.EscrowReplay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's API over real HTTP on loopback: a round's life (commitment first, escrow before play,
 * settled only once durable), retries, sessions, refused requests that change nothing, dispute packets
 * and checkpoints, and the shutdown that settles open rounds.
 */
class GameServerTest {
    private static final String SLOT = "sizzling-hot";
    private static final String POKER = "jacks-or-better-9-6";

    @TempDir
    static Path dir;
    static TestServer s;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        s = new TestServer(dir, "sizzling-hot.json", "jacks-or-better-9-6.json");
        token = s.newSession();
    }

    @AfterAll
    static void stop() throws Exception {
        s.close();
    }

    private static TestServer.Reply open(String game, String... headers) throws Exception {
        return s.send("POST", "/api/rounds", token, "{\"game\": \"" + game + "\"}", headers);
    }

    /**
     * Jetty turns Nagle's algorithm off on every connection it accepts (with it on, a response written in two parts
     * waited about 40 ms for the client's delayed acknowledgement: docs/performance.md, the server's Nagle delay).
     */
    @Test
    void turnsNaglesAlgorithmOffOnAcceptedConnections() throws Exception {
        assertEquals(200, s.send("GET", "/api/games", null, null).status());
        var endPoints = s.server.connector().getConnectedEndPoints();
        assertFalse(endPoints.isEmpty(), "the client's keep-alive connection is open");
        for (var endPoint : endPoints) {
            var channel = (java.nio.channels.SocketChannel) ((org.eclipse.jetty.io.SocketChannelEndPoint) endPoint)
                    .getChannel();
            assertTrue(channel.getOption(java.net.StandardSocketOptions.TCP_NODELAY), endPoint.toString());
        }
    }

    /**
     * The handlers never block, and say so: Jetty then runs a request on the selector thread that read it instead of
     * handing it to a pool thread (what the JDK's server did for every request, half of its CPU per round).
     */
    @Test
    void handlesRequestsWithoutBlocking() {
        assertEquals(org.eclipse.jetty.util.thread.Invocable.InvocationType.NON_BLOCKING,
                s.server.jetty().getInvocationType());
    }

    @Test
    void answersWithTheApisHeadersAndNoServerVersion() throws Exception {
        for (String path : new String[] {"/api/games", "/api/nothing", "/"}) {
            TestServer.Reply reply = s.send("GET", path, null, null);
            assertTrue(reply.headers().firstValue("Content-Type").orElseThrow().endsWith("; charset=utf-8"), path);
            assertEquals("no-store", reply.headers().firstValue("Cache-Control").orElseThrow(), path);
            assertEquals("nosniff", reply.headers().firstValue("X-Content-Type-Options").orElseThrow(), path);
            assertTrue(reply.headers().firstValue("Server").isEmpty(), path + ": " + reply.headers().map());
        }
        TestServer.Reply wrongMethod = s.send("DELETE", "/api/games", null, null);
        assertEquals(405, wrongMethod.status());
        assertEquals("GET", wrongMethod.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void aChunkedBodyOverTheLimitGets413() throws Exception {
        String big = "{\"game\": \"" + "x".repeat(GameServer.MAX_BODY_BYTES) + "\"}";
        long escrowBefore = s.escrowBytes();
        TestServer.Reply reply = s.sendChunked("POST", "/api/rounds", token, big);
        assertEquals(413, reply.status(), reply.text());
        assertEquals("$", reply.body().get("error").get("field").asText());
        assertEquals(escrowBefore, s.escrowBytes());
        TestServer.Reply small = s.sendChunked("POST", "/api/rounds", token, "{\"game\": \"" + SLOT + "\"}");
        assertEquals(201, small.status(), small.text());
        assertEquals(200, s.send("POST", "/api/rounds/" + small.body().get("roundId").asText() + "/settle", token,
                null).status());
    }

    /** Errors Jetty answers itself (a header too long to parse, a Content-Length that is no number) are the API's JSON. */
    @Test
    void jettysOwnErrorsAreTheApisJson() throws Exception {
        JsonNode tooLong = rawError("GET /api/games HTTP/1.1\r\nHost: x\r\nX-Long: " + "a".repeat(20_000) + "\r\n\r\n",
                431);
        assertFalse(tooLong.has("field"), tooLong.toString());
        JsonNode length = rawError("POST /api/rounds HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400);
        assertEquals("Content-Length", length.get("field").asText(), length.toString());
    }

    /** Sends a raw request, checks the status and that nothing of the request or the server's version is echoed. */
    private static JsonNode rawError(String request, int status) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(s.server.address().getAddress(), s.server.address().getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
            assertFalse(answer.contains("aaaa") || answer.contains("abc") || answer.contains("Server:"), answer);
            assertTrue(answer.contains("X-Content-Type-Options: nosniff"), answer);
            JsonNode error = TestServer.JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).get("error");
            assertEquals(status, error.get("status").asInt(), answer);
            return error;
        }
    }

    @Test
    void listensOnLoopbackOnly() {
        assertTrue(s.server.address().getAddress().isLoopbackAddress());
    }

    @Test
    void listsTheGamesWithTheirBetLimits() throws Exception {
        TestServer.Reply reply = s.send("GET", "/api/games", null, null);
        assertEquals(200, reply.status());
        JsonNode games = reply.body().get("games");
        assertEquals(2, games.size());
        assertEquals(POKER, games.get(0).get("id").asText());
        assertEquals(SLOT, games.get(1).get("id").asText());
        assertTrue(games.get(1).has("betLimits"));
        assertEquals(s.models.get(0).game().stake(), games.get(1).get("stake").asLong());
    }

    @Test
    void aRoundIsCommittedAndEscrowedBeforePlayAndAnsweredSettledOnlyWhenDurable() throws Exception {
        long logBefore = s.entries().size();
        TestServer.Reply opened = open(SLOT);
        assertEquals(201, opened.status(), opened.text());
        String id = opened.body().get("roundId").asText();
        String commitment = opened.body().get("commitment").asText();
        assertEquals("open", opened.body().get("state").asText());
        assertEquals(64, commitment.length());
        assertFalse(opened.body().has("outcome"));
        // The seed is in escrow already (drawn with the server's reserve, or for this request): the auditor
        // finds it by the round id and it opens the commitment sent. Nothing is in the log yet.
        try (EscrowReplay escrow = EscrowReplay.read(s.escrowFile, TestServer.AUDITOR.getPrivate())) {
            assertEquals(commitment, HexFormat.of().formatHex(escrow.round(id).seed().commitment()),
                    "the seed is escrowed when the round opens");
        }
        assertEquals(logBefore, s.entries().size());

        TestServer.Reply settled = s.send("POST", "/api/rounds/" + id + "/settle", token, null);
        assertEquals(200, settled.status(), settled.text());
        assertEquals("settled", settled.body().get("state").asText());
        assertEquals(commitment, settled.body().get("commitment").asText());
        // Answered as settled: it is durable in the log already, with the commitment sent before play.
        RoundRecord record = round(id);
        assertEquals(commitment, HexFormat.of().formatHex(record.seedCommitment()));
        assertEquals(settled.body().get("win").asLong(), record.win());
        assertEquals(settled.body().get("logIndex").asLong(), indexOf(id));

        // The round replays from escrow with the auditor's key.
        LogEntry entry = entry(id);
        try (EscrowReplay escrow = EscrowReplay.read(s.escrowFile, TestServer.AUDITOR.getPrivate())) {
            RoundReplay replay = RoundReplay.of(entry, s.models.get(0), escrow);
            assertTrue(replay.matches(), replay.differences().toString());
            RoundSeed seed = replay.seed();
            assertEquals(commitment, HexFormat.of().formatHex(seed.commitment()));
        }
    }

    @Test
    void aRetriedRequestNeverPlaysARoundTwice() throws Exception {
        TestServer.Reply first = open(SLOT, "Idempotency-Key", "bet-42");
        long escrowAfterFirst = s.escrowBytes();
        TestServer.Reply again = open(SLOT, "Idempotency-Key", "bet-42");
        assertEquals(first.body().get("roundId"), again.body().get("roundId"));
        assertEquals(first.body().get("commitment"), again.body().get("commitment"));
        assertEquals(escrowAfterFirst, s.escrowBytes(), "a retried open draws no second seed");
        String id = first.body().get("roundId").asText();
        // Nor does it take one from the server's reserve: the next round opened gets the next seed.
        String next = open(SLOT).body().get("roundId").asText();
        assertEquals(roundNumber(id) + 1, roundNumber(next), "a retried open takes no second seed");
        assertEquals(200, s.send("POST", "/api/rounds/" + next + "/settle", token, null).status());
        TestServer.Reply settled = s.send("POST", "/api/rounds/" + id + "/settle", token, null);
        TestServer.Reply settledAgain = s.send("POST", "/api/rounds/" + id + "/settle", token, null);
        assertEquals(settled.body(), settledAgain.body());
        TestServer.Reply playedAgain = s.send("POST", "/api/rounds/" + id + "/play", token, null);
        assertEquals(settled.body(), playedAgain.body());
        TestServer.Reply openedAgain = open(SLOT, "Idempotency-Key", "bet-42");
        assertEquals("settled", openedAgain.body().get("state").asText());
        assertEquals(1, s.entries().stream().filter(e -> e.event() instanceof RoundRecord r && r.roundId().equals(id))
                .count());
    }

    @Test
    void anotherSessionsTokenGets403AndChangesNothing() throws Exception {
        String id = open(SLOT).body().get("roundId").asText();
        String other = s.newSession();
        long logBefore = s.entries().size();
        for (String[] call : new String[][] {{"POST", "/settle"}, {"POST", "/play"}, {"GET", ""}, {"GET", "/packet"}}) {
            TestServer.Reply reply = s.send(call[0], "/api/rounds/" + id + call[1], other, null);
            assertEquals(403, reply.status(), call[1] + ": " + reply.text());
            assertEquals("Authorization", reply.body().get("error").get("field").asText());
            assertFalse(reply.text().contains(other), "the token is never echoed");
        }
        TestServer.Reply act = s.send("POST", "/api/rounds/" + id + "/actions", other,
                "{\"decision\": {\"action\": \"hold\", \"values\": []}}");
        assertEquals(403, act.status());
        assertEquals(logBefore, s.entries().size());
        assertEquals("open", s.send("GET", "/api/rounds/" + id, token, null).body().get("state").asText());
        TestServer.Reply none = s.send("GET", "/api/rounds/" + id, null, null);
        assertEquals(401, none.status());
        TestServer.Reply forged = s.send("GET", "/api/rounds/" + id, "forged-token-123", null);
        assertEquals(401, forged.status());
        assertFalse(forged.text().contains("forged-token-123"));
        s.send("POST", "/api/rounds/" + id + "/settle", token, null);
    }

    @Test
    void refusedRequestsGet4xxNamingTheFieldAndDrawEscrowAndLogNothing() throws Exception {
        String settledId = open(SLOT).body().get("roundId").asText();
        assertEquals(200, s.send("POST", "/api/rounds/" + settledId + "/settle", token, null).status());
        long logBefore = s.entries().size();
        long escrowBefore = s.escrowBytes();
        String big = "{\"game\": \"" + "x".repeat(GameServer.MAX_BODY_BYTES) + "\"}";
        Object[][] cases = {
            {"POST", "/api/rounds", "{\"game\": ", 400, "$"},
            {"POST", "/api/rounds", "[1, 2]", 400, "$"},
            {"POST", "/api/rounds", "{\"game\": \"x\", \"game\": \"y\"}", 400, "$"},
            {"POST", "/api/rounds", "{}", 400, "game"},
            {"POST", "/api/rounds", "{\"game\": 7}", 400, "game"},
            {"POST", "/api/rounds", "{\"game\": \"no-such-game\"}", 422, "game"},
            {"POST", "/api/rounds", "{\"game\": \"" + SLOT + "\", \"bet\": {\"lines\": 3, \"lineBet\": 999999999}}", 422, null},
            {"POST", "/api/rounds", "{\"game\": \"" + SLOT + "\", \"bet\": 5}", 400, "bet"},
            {"POST", "/api/rounds", "{\"game\": \"" + SLOT + "\", \"bet\": {\"bonusBuy\": true}}", 422, "bet.bonusBuy"},
            {"POST", "/api/rounds", "{\"game\": \"" + SLOT + "\", \"bet\": {\"bonusBuy\": \"yes\"}}", 422, "bet.bonusBuy"},
            {"POST", "/api/rounds", big, 413, "$"},
            {"POST", "/api/rounds/" + settledId + "/actions", "{\"decision\": {\"action\": \"hold\", \"values\": [0]}}", 409, "decision"},
            {"POST", "/api/rounds/" + settledId + "/actions", "{}", 400, "decision"},
            {"POST", "/api/rounds/no-such-round/settle", null, 404, "roundId"},
            {"GET", "/api/rounds", null, 405, "method"},
            {"GET", "/api/nothing", null, 404, "path"},
        };
        for (Object[] c : cases) {
            TestServer.Reply reply = s.send((String) c[0], (String) c[1], token, (String) c[2]);
            String what = c[0] + " " + c[1] + " " + c[2];
            assertEquals(c[3], reply.status(), what + ": " + reply.text());
            JsonNode error = reply.body().get("error");
            assertEquals(c[3], error.get("status").asInt());
            if (c[4] != null) {
                assertEquals(c[4], error.get("field").asText(), what);
            } else {
                assertTrue(error.get("field").asText().startsWith("bet"), what + ": " + error);
            }
            assertFalse(error.get("message").asText().isEmpty());
            assertFalse(reply.text().contains("Exception") || reply.text().contains("\tat "), reply.text());
            assertFalse(reply.text().contains(token));
        }
        assertEquals(logBefore, s.entries().size(), "nothing logged for refused requests");
        assertEquals(escrowBefore, s.escrowBytes(), "nothing drawn or escrowed for refused requests");
        // No seed was taken from the server's reserve either: the next round opened gets the next seed.
        String next = open(SLOT).body().get("roundId").asText();
        assertEquals(roundNumber(settledId) + 1, roundNumber(next), "no seed taken for refused requests");
        assertEquals(200, s.send("POST", "/api/rounds/" + next + "/settle", token, null).status());
    }

    /** The number of a round id {@code r-<generator>-<n>}: the server hands out its seeds in that order. */
    private static long roundNumber(String roundId) {
        return Long.parseLong(roundId.substring(roundId.lastIndexOf('-') + 1));
    }

    @Test
    void aVideoPokerHandTakesThePlayersHoldOrSettlesByDefault() throws Exception {
        String id = open(POKER).body().get("roundId").asText();
        TestServer.Reply dealt = s.send("POST", "/api/rounds/" + id + "/play", token, null);
        assertEquals(200, dealt.status(), dealt.text());
        if (dealt.body().get("state").asText().equals("decision")) {
            JsonNode pending = dealt.body().get("pending");
            assertEquals("hold", pending.get("step").asText());
            TestServer.Reply illegal = s.send("POST", "/api/rounds/" + id + "/actions", token,
                    "{\"decision\": {\"action\": \"hold\", \"values\": [7]}}");
            assertEquals(422, illegal.status(), illegal.text());
            assertEquals(dealt.body(), s.send("GET", "/api/rounds/" + id, token, null).body(), "state unchanged");
            TestServer.Reply drawn = s.send("POST", "/api/rounds/" + id + "/actions", token,
                    "{\"decision\": {\"action\": \"hold\", \"values\": [0, 1]}}");
            assertEquals("settled", drawn.body().get("state").asText(), drawn.text());
        } else {
            assertEquals("settled", dealt.body().get("state").asText());
        }
        assertEquals(POKER, round(id).gameId());
    }

    @Test
    void disputePacketsAndCheckpointsCheckOutWithTheOperatorKey() throws Exception {
        String id = open(SLOT).body().get("roundId").asText();
        s.send("POST", "/api/rounds/" + id + "/settle", token, null);
        TestServer.Reply packet = s.send("GET", "/api/rounds/" + id + "/packet", token, null);
        assertEquals(200, packet.status(), packet.text());
        DisputePacket.Verified verified = DisputePacket.parse(packet.text()).verify(TestServer.OPERATOR.getPublic());
        assertEquals(id, ((RoundRecord) verified.entry().event()).roundId());
        TestServer.Reply checkpoint = s.send("GET", "/api/checkpoint", null, null);
        assertEquals(200, checkpoint.status());
        assertTrue(checkpoint.body().get("size").asLong() > verified.entry().index());
        assertTrue(checkpoint.body().get("note").asText().startsWith("test.fairspin.local/server\n"));
    }

    @Test
    void thePageIsServed() throws Exception {
        TestServer.Reply page = s.send("GET", "/", null, null);
        assertEquals(200, page.status());
        assertTrue(page.text().contains("<script src=\"/app.js\">"));
        assertEquals(200, s.send("GET", "/app.js", null, null).status());
    }

    @Test
    void theTokenNeverReachesTheLog() throws Exception {
        String id = open(SLOT).body().get("roundId").asText();
        s.send("POST", "/api/rounds/" + id + "/settle", token, null);
        try (Stream<Path> files = Files.walk(s.logDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(token), file.toString());
            }
        }
    }

    @Test
    void shutdownSettlesOpenRoundsByTheirDefaults(@TempDir Path other) throws Exception {
        List<String> ids;
        TestServer second = new TestServer(other, "sizzling-hot.json", "jacks-or-better-9-6.json");
        try {
            String t = second.newSession();
            String a = second.send("POST", "/api/rounds", t, "{\"game\": \"" + SLOT + "\"}").body().get("roundId").asText();
            String b = second.send("POST", "/api/rounds", t, "{\"game\": \"" + POKER + "\"}").body().get("roundId").asText();
            second.send("POST", "/api/rounds/" + b + "/play", t, null);
            ids = List.of(a, b);
        } finally {
            second.close();
        }
        List<String> logged = second.entries().stream().filter(e -> e.event() instanceof RoundRecord)
                .map(e -> ((RoundRecord) e.event()).roundId()).toList();
        assertEquals(ids.stream().sorted().toList(), logged.stream().sorted().toList());
        assertTrue(LogVerifier.verify(second.logDir, TestServer.OPERATOR.getPublic()).ok());
    }

    private static List<LogEntry> rounds() throws Exception {
        return s.entries().stream().filter(e -> e.event() instanceof RoundRecord).toList();
    }

    private static LogEntry entry(String id) throws Exception {
        return rounds().stream().filter(e -> ((RoundRecord) e.event()).roundId().equals(id)).findFirst().orElseThrow();
    }

    private static RoundRecord round(String id) throws Exception {
        return (RoundRecord) entry(id).event();
    }

    private static long indexOf(String id) throws Exception {
        return entry(id).index();
    }
}

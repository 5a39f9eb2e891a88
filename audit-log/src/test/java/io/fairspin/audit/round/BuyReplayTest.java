package io.fairspin.audit.round;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.log.LogReader;
import io.fairspin.audit.log.TestLogs;
import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.math.Bet;
import io.fairspin.math.Game;
import io.fairspin.math.RoundChoices;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.escrow.EscrowFile;
import io.fairspin.rng.escrow.EscrowReplay;
import io.fairspin.rng.escrow.SeedEscrow;
import io.fairspin.rng.keys.KeyFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bought rounds ({@code "bonusBuy": true} in the bet) played and logged by {@link RoundPlayer} as a game server logs
 * them, then replayed from escrow byte for byte with their logged bet: the free games of examples/lucky-wilds.json
 * (price 26) at the standard lines and at 10 lines of 2, and the hold-and-win feature of
 * examples/coin-rush-deluxe.json (price 54); the record's bet is the price x the bet; the same round logged without
 * the buy in its choices does not replay; the dispute packet shows what was bought.
 */
class BuyReplayTest {
    private static final KeyPair AUDITOR = KeyFiles.generate("X25519");
    private static final KeyPair OPERATOR = KeyFiles.generate("Ed25519");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 8;

    @TempDir
    static Path dir;

    /** Each case: its model and its bet. */
    record Case(String model, Bet bet) {
    }

    static final Map<String, Case> CASES = Map.of(
            "slot-standard", new Case("lucky-wilds.json", Bet.standard().withBonusBuy()),
            "slot-10-lines-of-2", new Case("lucky-wilds.json", Bet.lines(10, 2, 1).withBonusBuy()),
            "hold-and-win", new Case("coin-rush-deluxe.json", Bet.lines(20, 5, 1).withBonusBuy()));

    static ModelFile model(String name) throws Exception {
        return ModelFile.load(Path.of("..", "examples", name));
    }

    @BeforeAll
    static void play() throws Exception {
        try (SeedEscrow escrow = new SeedEscrow(AUDITOR.getPublic(), EscrowFile.open(dir.resolve("rng.escrow")));
             CertifiedRandom rng = CertifiedRandom.builder().escrow(escrow).build();
             AuditLog log = AuditLog.create(dir.resolve("log"), TestLogs.ORIGIN, OPERATOR)) {
            for (Map.Entry<String, Case> e : CASES.entrySet()) {
                RoundPlayer player = new RoundPlayer(log, rng, escrow.keyId(), model(e.getValue().model()), "s", "EUR");
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < ROUNDS; i++) {
                    ids.add(e.getKey() + "/" + i);
                }
                player.play(ids, e.getValue().bet()).forEach(java.util.concurrent.CompletableFuture::join);
            }
            log.checkpoint();
        }
    }

    @Test
    void everyBoughtRoundReplaysByteForByteFromEscrowAtItsStake() throws Exception {
        int rounds = 0;
        try (EscrowReplay escrow = EscrowReplay.read(dir.resolve("rng.escrow"), AUDITOR.getPrivate())) {
            for (LogEntry entry : TestLogs.entries(dir.resolve("log"))) {
                if (!(entry.event() instanceof RoundRecord round)) {
                    continue;
                }
                rounds++;
                Case c = CASES.get(round.roundId().split("/")[0]);
                ModelFile model = model(c.model());
                Game game = model.game();
                assertEquals(game.stake(c.bet()), round.bet(), round.roundId());
                RoundChoices logged = RoundChoices.fromJson(new String(round.playerChoices(), StandardCharsets.UTF_8));
                assertEquals(c.bet().explicit(game.standardBet()), logged.bet());
                assertTrue(logged.bet().isBonusBuy());
                JsonNode outcome = JSON.readTree(round.outcome());
                assertTrue(outcome.has("bonusBuy"), outcome.toString());
                RoundReplay replay = RoundReplay.of(entry, model, escrow);
                assertTrue(replay.matches(), round.roundId() + ": " + replay.differences());
                assertArrayEquals(round.outcome(), replay.replayedOutcome());
                assertEquals(round.bet(), replay.replayedBet());
            }
        }
        assertEquals(CASES.size() * ROUNDS, rounds);
    }

    /** The record's stake is the price x the bet: 26 x 20 at the standard lines, 26 x 20 again at 10 lines of 2. */
    @Test
    void theLoggedBetIsThePriceTimesTheBet() throws Exception {
        assertEquals(520, ((RoundRecord) LogReader.round(dir.resolve("log"), "slot-standard/0").event()).bet());
        assertEquals(520, ((RoundRecord) LogReader.round(dir.resolve("log"), "slot-10-lines-of-2/0").event()).bet());
        assertEquals(54 * 100, ((RoundRecord) LogReader.round(dir.resolve("log"), "hold-and-win/0").event()).bet());
    }

    /** A bought round whose logged choices drop the buy replays as a base round: it does not match. */
    @Test
    void theRoundLoggedWithoutItsBuyDoesNotReplay() throws Exception {
        for (String id : List.of("slot-10-lines-of-2/3", "hold-and-win/3")) {
            LogEntry entry = LogReader.round(dir.resolve("log"), id);
            RoundRecord genuine = (RoundRecord) entry.event();
            Bet unbought = RoundChoices.fromJson(new String(genuine.playerChoices(), StandardCharsets.UTF_8)).bet()
                    .withoutBonusBuy();
            RoundRecord altered = RoundRecord.builder().roundId(genuine.roundId()).gameId(genuine.gameId())
                    .modelHash(genuine.modelHash()).startedAtMillis(0).settledAtMillis(genuine.settledAtMillis())
                    .sessionId(genuine.sessionId()).traceId("").currency("EUR").bet(genuine.bet()).win(genuine.win())
                    .playerChoices(new RoundChoices(unbought, List.of()).toJson().getBytes(StandardCharsets.UTF_8))
                    .seedCommitment(genuine.seedCommitment()).escrowReference(genuine.escrowReference())
                    .outcome(genuine.outcome()).build();
            try (EscrowReplay escrow = EscrowReplay.read(dir.resolve("rng.escrow"), AUDITOR.getPrivate())) {
                RoundReplay replay = RoundReplay.of(LogEntry.create(entry.index(), new byte[32], altered,
                        MerkleTree.sha256()), model(CASES.get(id.split("/")[0]).model()), escrow);
                assertFalse(replay.matches(), id);
                assertTrue(replay.differences().stream().anyMatch(d -> d.startsWith("bet: logged " + genuine.bet())),
                        replay.differences().toString());
                assertTrue(replay.differences().contains("outcome: the logged bytes differ from the replayed ones"),
                        replay.differences().toString());
            }
        }
    }

    @Test
    void theDisputePacketShowsWhatWasBought() throws Exception {
        JsonNode packet = JSON.readTree(DisputePacket.forRound(dir.resolve("log"), "slot-10-lines-of-2/2").toJson());
        JsonNode round = packet.get("view").get("round");
        assertEquals(JSON.readTree("{\"bet\":{\"bonusBuy\":true,\"coins\":1,\"lineBet\":2,\"lines\":10},"
                + "\"decisions\":[]}"), round.get("playerChoices"));
        JsonNode outcome = round.get("outcome");
        assertEquals(JSON.readTree("{\"freeGames\":10,\"price\":26}"), outcome.get("bonusBuy"));
        assertEquals("free", outcome.get("spins").get(0).get("kind").asText());
        JsonNode hold = JSON.readTree(DisputePacket.forRound(dir.resolve("log"), "hold-and-win/2").toJson())
                .get("view").get("round").get("outcome");
        assertEquals(JSON.readTree("{\"coins\":6,\"price\":54}"), hold.get("bonusBuy"));
        assertFalse(hold.has("base"), hold.toString());
        assertEquals(6, hold.get("holdAndWin").get("coins").size());
        DisputePacket.parse(JSON.writeValueAsString(packet)).verify(OPERATOR.getPublic());
    }
}

package io.fairspin.audit.round;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.log.LogReader;
import io.fairspin.audit.log.TestLogs;
import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.RoundRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.Bet;
import io.fairspin.math.Decision;
import io.fairspin.math.Game;
import io.fairspin.math.PendingDecision;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.Round;
import io.fairspin.math.RoundChoices;
import io.fairspin.math.Wager;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.DrbgStream;
import io.fairspin.rng.RoundSeed;
import io.fairspin.rng.escrow.EscrowFile;
import io.fairspin.rng.escrow.EscrowReplay;
import io.fairspin.rng.keys.KeyFiles;
import io.fairspin.rng.escrow.SeedEscrow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rounds played as a game server plays them (a chosen bet, the player's own decisions, an abandoned round),
 * logged with their player choices, and replayed from escrow byte for byte; the dispute packet shows the
 * decoded outcome. The first case is the failure issue 12 reported: a round logged at 3 lines and 5 per
 * line did not replay ("bet: logged 15, replayed 5").
 */
class BetReplayTest {
    private static final KeyPair AUDITOR = KeyFiles.generate("X25519");
    private static final KeyPair OPERATOR = KeyFiles.generate("Ed25519");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 12;

    @TempDir
    static Path dir;
    static final Map<String, ModelFile> models = new HashMap<>();
    static final Map<String, PlayedRound> played = new HashMap<>();

    /** How the player plays a round of each case: its model, its bet, its decisions. */
    record Case(String model, Bet bet, Function<Round, PlayedRound> player) {
    }

    static final Map<String, Case> CASES = Map.of(
            "lines-3-bet-5", new Case("sizzling-hot.json", Bet.lines(3, 5, 1), Round::settle),
            "three-coins", new Case("red-white-blue.json", Bet.lines(1, 100, 3), Round::settle),
            "cascade-bet-5-three-coins", new Case("tumbling-ways.json", Bet.lines(50, 5, 3), Round::settle),
            "roulette-inside-outside", new Case("roulette-european.json", Bet.wagers(Wager.on("straight", 10, 17),
                    Wager.on("corner", 20, 1, 2, 4, 5), Wager.of("red", 50), Wager.of("dozen-3", 30)), Round::settle),
            "hold-the-first-two", new Case("jacks-or-better-9-6.json", Bet.lines(1, 5, 3), round -> {
                round.act(Decision.of("hold", 0, 1));
                return round.result();
            }),
            "abandoned-hand", new Case("jacks-or-better-9-6.json", Bet.standard(), Round::settle),
            "hit-then-stand", new Case("blackjack.json", Bet.wagers(Wager.of("hand", 250)), round -> {
                boolean hit = false;
                while (!round.isSettled()) {
                    PendingDecision pending = round.pending().get();
                    if (pending.step().equals("hand") && !hit && pending.allows("hit")) {
                        round.act(Decision.of("hit"));
                        hit = true;
                    } else {
                        round.act(pending.step().equals("insurance") ? Decision.of("insure") : Decision.of("stand"));
                    }
                }
                return round.result();
            }),
            "pick-the-last-item", new Case("treasure-pick.json", Bet.lines(10, 1, 1), round -> {
                while (!round.isSettled()) {
                    List<Integer> open = round.pending().get().values();
                    round.act(Decision.of("pick", open.get(open.size() - 1)));
                }
                return round.result();
            }));

    @BeforeAll
    static void play() throws Exception {
        for (Case c : CASES.values()) {
            models.computeIfAbsent(c.model(), name -> {
                try {
                    return ModelFile.load(Path.of("..", "examples", name));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        try (SeedEscrow escrow = new SeedEscrow(AUDITOR.getPublic(), EscrowFile.open(dir.resolve("rng.escrow")));
             CertifiedRandom rng = CertifiedRandom.builder().escrow(escrow).build();
             AuditLog log = AuditLog.create(dir.resolve("log"), TestLogs.ORIGIN, OPERATOR)) {
            for (Map.Entry<String, Case> e : CASES.entrySet()) {
                Case c = e.getValue();
                RoundPlayer player = new RoundPlayer(log, rng, escrow.keyId(), models.get(c.model()), "s", "EUR");
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < ROUNDS; i++) {
                    ids.add(e.getKey() + "/" + i);
                }
                for (RoundSeed seed : rng.roundSeeds(ids)) {
                    PlayedRound round;
                    byte[] commitment = seed.commitment();
                    try (DrbgStream stream = seed.stream()) {
                        round = c.player().apply(models.get(c.model()).game().open(c.bet(), stream));
                    }
                    played.put(seed.roundId(), round);
                    log.submit(player.record(seed.roundId(), commitment, 0, round)).join();
                }
            }
            log.checkpoint();
        }
    }

    @Test
    void everyRoundReplaysByteForByteAtItsBetWithItsChoices() throws Exception {
        List<LogEntry> entries = TestLogs.entries(dir.resolve("log"));
        int rounds = 0;
        try (EscrowReplay escrow = EscrowReplay.read(dir.resolve("rng.escrow"), AUDITOR.getPrivate())) {
            for (LogEntry entry : entries) {
                if (!(entry.event() instanceof RoundRecord round)) {
                    continue;
                }
                rounds++;
                Case c = CASES.get(round.roundId().split("/")[0]);
                RoundReplay replay = RoundReplay.of(entry, models.get(c.model()), escrow);
                assertTrue(replay.matches(), round.roundId() + ": " + replay.differences());
                assertArrayEquals(round.outcome(), replay.replayedOutcome());
                PlayedRound original = played.get(round.roundId());
                assertEquals(original.outcome().stake(), round.bet());
                Game game = models.get(c.model()).game();
                Bet explicit = c.bet().isStandard() ? game.standardBet() : c.bet();
                if (!explicit.equals(game.standardBet()) || !original.choices().isEmpty()) {
                    RoundChoices logged = RoundChoices.fromJson(new String(round.playerChoices(), StandardCharsets.UTF_8));
                    assertEquals(explicit, logged.bet());
                    assertEquals(original.choices(), logged.decisions());
                }
            }
        }
        assertEquals(CASES.size() * ROUNDS, rounds);
    }

    @Test
    void theReportedRoundAtThreeLinesAndFivePerLineReplaysItsBet() throws Exception {
        LogEntry entry = LogReader.round(dir.resolve("log"), "lines-3-bet-5/4");
        RoundRecord round = (RoundRecord) entry.event();
        assertEquals(15, round.bet());
        try (EscrowReplay escrow = EscrowReplay.read(dir.resolve("rng.escrow"), AUDITOR.getPrivate())) {
            RoundReplay replay = RoundReplay.of(entry, models.get("sizzling-hot.json"), escrow);
            assertEquals(15, replay.replayedBet());
            assertTrue(replay.matches(), replay.differences().toString());
        }
    }

    /** A cascading round logged at 5 per line and 3 coins (stake 750) replays from escrow at that bet. */
    @Test
    void aCascadingRoundAtAChosenBetReplaysItsBet() throws Exception {
        try (EscrowReplay escrow = EscrowReplay.read(dir.resolve("rng.escrow"), AUDITOR.getPrivate())) {
            for (int i = 0; i < ROUNDS; i++) {
                LogEntry entry = LogReader.round(dir.resolve("log"), "cascade-bet-5-three-coins/" + i);
                RoundRecord round = (RoundRecord) entry.event();
                assertEquals(750, round.bet());
                assertEquals(0, round.win() % 15, "every cascading amount is credits x 5 x 3");
                RoundReplay replay = RoundReplay.of(entry, models.get("tumbling-ways.json"), escrow);
                assertEquals(750, replay.replayedBet());
                assertTrue(replay.matches(), replay.differences().toString());
            }
        }
    }

    @Test
    void threeCoinsStakeThreeTimesTheLineBet() {
        for (int i = 0; i < ROUNDS; i++) {
            assertEquals(300, played.get("three-coins/" + i).outcome().stake());
        }
    }

    @Test
    void anAbandonedVideoPokerHandHoldsNothingAsTheModelDeclares() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            PlayedRound round = played.get("abandoned-hand/" + i);
            assertEquals(List.of(Decision.of("hold")), round.choices());
            JsonNode detail = JSON.readTree(round.detail());
            assertEquals(0, detail.get("held").size());
            for (int card = 0; card < 5; card++) {
                assertFalse(detail.get("final").get(card).equals(detail.get("dealt").get(card)),
                        "a discarded card is replaced by another: " + detail);
            }
        }
    }

    @Test
    void otherDecisionsInTheLogDoNotReplayAsTheLoggedRound() throws Exception {
        LogEntry entry = LogReader.round(dir.resolve("log"), "hold-the-first-two/2");
        RoundRecord genuine = (RoundRecord) entry.event();
        RoundChoices other = new RoundChoices(Bet.lines(1, 5, 3), List.of(Decision.of("hold", 2, 3, 4)));
        RoundRecord altered = RoundRecord.builder().roundId(genuine.roundId()).gameId(genuine.gameId())
                .modelHash(genuine.modelHash()).startedAtMillis(0).settledAtMillis(genuine.settledAtMillis())
                .sessionId(genuine.sessionId()).traceId("").currency("EUR").bet(genuine.bet()).win(genuine.win())
                .playerChoices(other.toJson().getBytes(StandardCharsets.UTF_8)).seedCommitment(genuine.seedCommitment())
                .escrowReference(genuine.escrowReference()).outcome(genuine.outcome()).build();
        try (EscrowReplay escrow = EscrowReplay.read(dir.resolve("rng.escrow"), AUDITOR.getPrivate())) {
            RoundReplay replay = RoundReplay.of(LogEntry.create(entry.index(), new byte[32], altered,
                    MerkleTree.sha256()), models.get("jacks-or-better-9-6.json"), escrow);
            assertFalse(replay.matches());
            assertTrue(replay.differences().contains("outcome: the logged bytes differ from the replayed ones"),
                    replay.differences().toString());
        }
    }

    @Test
    void choicesTheModelRefusesAreADifferenceNotAnError() throws Exception {
        LogEntry entry = LogReader.round(dir.resolve("log"), "hold-the-first-two/2");
        RoundRecord genuine = (RoundRecord) entry.event();
        String illegal = new RoundChoices(Bet.lines(1, 5, 3), List.of(Decision.of("hold", 7))).toJson();
        for (String choices : List.of(illegal, "{\"bet\": {\"lines\": 1, \"lineBet\": 5, \"coins\": 99}}", "not json")) {
            RoundRecord altered = RoundRecord.builder().roundId(genuine.roundId()).gameId(genuine.gameId())
                    .modelHash(genuine.modelHash()).startedAtMillis(0).settledAtMillis(genuine.settledAtMillis())
                    .sessionId(genuine.sessionId()).traceId("").currency("EUR").bet(genuine.bet())
                    .win(genuine.win()).playerChoices(choices.getBytes(StandardCharsets.UTF_8))
                    .seedCommitment(genuine.seedCommitment()).escrowReference(genuine.escrowReference())
                    .outcome(genuine.outcome()).build();
            try (EscrowReplay escrow = EscrowReplay.read(dir.resolve("rng.escrow"), AUDITOR.getPrivate())) {
                RoundReplay replay = RoundReplay.of(LogEntry.create(entry.index(), new byte[32], altered,
                        MerkleTree.sha256()), models.get("jacks-or-better-9-6.json"), escrow);
                assertFalse(replay.matches(), choices);
                assertEquals(1, replay.differences().size(), replay.differences().toString());
                assertTrue(replay.differences().get(0).startsWith("player_choices: the model refuses"),
                        replay.differences().toString());
            }
        }
    }

    @Test
    void theDisputePacketShowsTheDecodedOutcomeAndChoices() throws Exception {
        JsonNode packet = JSON.readTree(DisputePacket.forRound(dir.resolve("log"), "hold-the-first-two/5").toJson());
        JsonNode round = packet.get("view").get("round");
        assertFalse(round.has("outcomeBase64"), round.toString());
        JsonNode outcome = round.get("outcome");
        assertEquals(5, outcome.get("dealt").size());
        assertEquals(5, outcome.get("final").size());
        assertTrue(outcome.get("dealt").get(0).asText().matches("[2-9TJQKA][cdhs]"), outcome.toString());
        assertEquals(JSON.readTree("{\"bet\":{\"coins\":3,\"lineBet\":5,\"lines\":1},\"decisions\":[{\"action\":\"hold\","
                + "\"values\":[0,1]}]}"), round.get("playerChoices"));
        JsonNode slot = JSON.readTree(DisputePacket.forRound(dir.resolve("log"), "lines-3-bet-5/1").toJson())
                .get("view").get("round");
        JsonNode spin = slot.get("outcome").get("spins").get(0);
        assertEquals(5, spin.get("stops").size());
        assertEquals(3, spin.get("window").size());
        assertEquals(3, slot.get("outcome").get("lines").asInt());
        DisputePacket.parse(JSON.writeValueAsString(packet)).verify(OPERATOR.getPublic());
    }

    @Test
    void aBetTheModelRefusesIsAnErrorNamingTheField() {
        Game game = models.get("sizzling-hot.json").game();
        var e = assertThrows(io.fairspin.math.BetException.class, () -> game.checkBet(Bet.lines(6, 5, 1)));
        assertEquals("bet: $.lines: 6 is outside the model's limits: expected from 1 to 5", e.getMessage());
    }
}

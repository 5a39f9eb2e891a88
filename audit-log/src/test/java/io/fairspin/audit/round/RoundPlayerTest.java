package io.fairspin.audit.round;

import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.log.LogReader;
import io.fairspin.audit.log.Receipt;
import io.fairspin.audit.log.TestLogs;
import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.RoundRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.escrow.EscrowFile;
import io.fairspin.rng.escrow.EscrowReplay;
import io.fairspin.rng.keys.KeyFiles;
import io.fairspin.rng.escrow.SeedEscrow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rounds played and logged as a game server does, then replayed from escrow: every logged round matches,
 * and a round the operator altered (and logged and signed as if genuine) does not.
 */
class RoundPlayerTest {
    private static final KeyPair AUDITOR = KeyFiles.generate("X25519");
    private static final KeyPair OPERATOR = KeyFiles.generate("Ed25519");
    private static final List<String> MODELS = List.of("roulette-european.json", "blackjack.json", "keno.json",
            "sizzling-hot.json", "lucky-wilds.json");
    private static final int ROUNDS = 40;

    @TempDir
    static Path dir;
    /** Each model loaded once: blackjack derives its strategy tables on first play, which takes seconds. */
    static final Map<String, ModelFile> models = new HashMap<>();

    @BeforeAll
    static void play() throws Exception {
        for (String name : MODELS) {
            models.put(name, ModelFile.load(example(name)));
        }
        try (SeedEscrow escrow = new SeedEscrow(AUDITOR.getPublic(), EscrowFile.open(dir.resolve("rng.escrow")));
             CertifiedRandom rng = CertifiedRandom.builder().escrow(escrow).build();
             AuditLog log = AuditLog.create(dir.resolve("log"), TestLogs.ORIGIN, OPERATOR)) {
            for (String model : MODELS) {
                RoundPlayer player = new RoundPlayer(log, rng, escrow.keyId(), models.get(model), "session-1", "EUR");
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < ROUNDS; i++) {
                    ids.add(model + "/" + i);
                }
                // Two batches, so rounds come from two escrow records.
                List<CompletableFuture<Receipt>> acks = new ArrayList<>(player.play(ids.subList(0, 15)));
                acks.addAll(player.play(ids.subList(15, ROUNDS)));
                acks.forEach(CompletableFuture::join);
            }
        }
    }

    private static Path example(String name) {
        return Path.of("..", "examples", name);
    }

    @Test
    void everyLoggedRoundReplaysExactlyFromTheEscrow() throws Exception {
        List<LogEntry> entries = TestLogs.entries(dir.resolve("log"));
        assertEquals(1 + MODELS.size() * ROUNDS, entries.size());
        try (EscrowReplay escrow = EscrowReplay.read(dir.resolve("rng.escrow"), AUDITOR.getPrivate())) {
            for (LogEntry entry : entries.subList(1, entries.size())) {
                RoundRecord round = (RoundRecord) entry.event();
                ModelFile model = models.get(round.roundId().split("/")[0]);
                RoundReplay replay = RoundReplay.of(entry, model, escrow);
                assertTrue(replay.matches(), round.roundId() + ": " + replay.differences());
                assertEquals(round.win(), replay.replayedWin());
                assertEquals(EscrowReference.parse(round.escrowReference()).instanceId(),
                        replay.escrowed().instanceId());
            }
        }
    }

    @Test
    void aModelFileWithOtherBytesIsRefusedEvenForTheSameGame() throws Exception {
        Path edited = dir.resolve("roulette-edited.json");
        Files.writeString(edited, Files.readString(example("roulette-european.json")) + "\n");
        LogEntry entry = LogReader.round(dir.resolve("log"), "roulette-european.json/3");
        try (EscrowReplay escrow = EscrowReplay.read(dir.resolve("rng.escrow"), AUDITOR.getPrivate())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RoundReplay.of(entry, ModelFile.load(edited), escrow));
            assertTrue(e.getMessage().startsWith(edited + ": this model (game 'roulette-european', SHA-256 "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("is not the one round 'roulette-european.json/3' was played with"),
                    e.getMessage());
        }
    }

    @Test
    void aRoundAlteredByTheOperatorDoesNotReplay() throws Exception {
        RoundRecord genuine = (RoundRecord) LogReader.round(dir.resolve("log"), "blackjack.json/7").event();
        ModelFile model = models.get("blackjack.json");
        try (EscrowReplay escrow = EscrowReplay.read(dir.resolve("rng.escrow"), AUDITOR.getPrivate())) {
            RoundReplay won = RoundReplay.of(entry(copy(genuine, b -> b.win(genuine.win() + 1000)
                    .outcome("{\"player\":\"blackjack\"}".getBytes(StandardCharsets.UTF_8)))), model, escrow);
            assertFalse(won.matches());
            assertEquals(List.of("win: logged " + (genuine.win() + 1000) + ", replayed " + genuine.win(),
                    "outcome: the logged bytes differ from the replayed ones"), won.differences());

            RoundReplay otherSeed = RoundReplay.of(entry(copy(genuine, b -> b.seedCommitment(new byte[32])
                    .escrowReference("escrow/elsewhere"))), model, escrow);
            assertEquals(2, otherSeed.differences().size(), otherSeed.differences().toString());
            assertTrue(otherSeed.differences().get(0).startsWith("seed_commitment: "));
            assertTrue(otherSeed.differences().get(1).startsWith("escrow_reference: 'escrow/elsewhere' is not"));
        }
    }

    private static LogEntry entry(RoundRecord round) {
        return LogEntry.create(1, new byte[32], round, MerkleTree.sha256());
    }

    /** The round with some fields changed, as an operator rewriting history would log it. */
    private static RoundRecord copy(RoundRecord r, UnaryOperator<RoundRecord.Builder> change) {
        return change.apply(RoundRecord.builder().roundId(r.roundId()).gameId(r.gameId()).modelHash(r.modelHash())
                .startedAtMillis(r.startedAtMillis()).settledAtMillis(r.settledAtMillis()).sessionId(r.sessionId())
                .traceId(r.traceId()).currency(r.currency()).bet(r.bet()).win(r.win()).playerChoices(r.playerChoices())
                .seedCommitment(r.seedCommitment()).escrowReference(r.escrowReference()).outcome(r.outcome())).build();
    }
}

package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.checkpoint.Ed25519Keys;
import io.fairspin.audit.log.LogReader;
import io.fairspin.audit.record.RoundRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain from the command line, as docs/dispute-walkthrough.md runs it: keys, rounds played
 * into a log with escrow, the log verified, one round proven and its packet checked, the round replayed;
 * then a wrong model, a damaged escrow and a log whose operator rewrote a round.
 */
class GameServerWalkthroughTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 300;
    private static final String MODEL = Path.of("..", "examples", "three-card-poker.json").toString();

    @TempDir
    static Path dir;
    static String log;
    static JsonNode played;

    @BeforeAll
    static void play() throws Exception {
        assertEquals(0, CommandRun.of("keys", "escrow", "--out", path("auditor")).exitCode());
        assertEquals(0, CommandRun.of("keys", "signing", "--out", path("operator")).exitCode());
        log = path("log");
        CommandRun play = CommandRun.of("play", "--format", "json", MODEL, "--rounds", String.valueOf(ROUNDS),
                "--batch", "64", "--threads", "1", "--checkpoint-every", "100", "--log", log, "--escrow-key", path("auditor.pub"),
                "--signing-key", path("operator.key"));
        assertEquals(0, play.exitCode(), play.stderr());
        assertTrue(play.stderr().contains("durable rounds/s (escrow batches of 64)"), play.stderr());
        played = JSON.readTree(play.stdout());
    }

    private static String path(String name) {
        return dir.resolve(name).toString();
    }

    /** Round ids are the game id, the generator's DRBG id and the round's number. */
    private static String round(int n) {
        return played.get("game").asText() + "/" + played.get("drbg").asText() + "/" + n;
    }

    @Test
    void playWritesAVerifiableLogAndAnEscrowBesideIt() throws Exception {
        assertEquals(ROUNDS, played.get("rounds").asLong());
        assertEquals("three-card-poker", played.get("game").asText(), "the id in examples/three-card-poker.json");
        assertEquals(round(0), played.get("firstRound").asText());
        assertEquals(round(ROUNDS - 1), played.get("lastRound").asText());
        assertEquals(ROUNDS + 1, played.get("treeSize").asLong());
        assertEquals(dir.resolve("log.escrow").toString(), played.get("escrow").asText());

        CommandRun verify = CommandRun.of("audit", "verify", "--format", "json", log, "--operator-key", path("operator.pub"));
        assertEquals(0, verify.exitCode(), verify.text());
        JsonNode report = JSON.readTree(verify.stdout());
        assertEquals(ROUNDS + 1, report.get("entries").asLong());
        assertEquals(4, report.get("checkpoints").size(), "at creation, after 100, 200 and 300 rounds (the end)");

        CommandRun prove = CommandRun.of("audit", "prove", log, "--round", round(123));
        assertEquals(0, prove.exitCode(), prove.stderr());
        Files.write(dir.resolve("packet.json"), prove.stdout());
        CommandRun check = CommandRun.of("audit", "check-packet", path("packet.json"), "--operator-key", path("operator.pub"));
        assertEquals(0, check.exitCode(), check.text());
    }

    @Test
    void aLoggedRoundReplaysFromTheEscrow() throws Exception {
        CommandRun replay = CommandRun.of("audit", "replay", "--format", "json", log, "--round", round(123),
                "--auditor-key", path("auditor.key"), "--model", MODEL);
        assertEquals(0, replay.exitCode(), replay.text() + replay.stderr());
        JsonNode result = JSON.readTree(replay.stdout());
        assertTrue(result.get("matches").asBoolean());
        assertEquals(124, result.get("index").asLong());
        assertEquals(played.get("drbg").asText(), result.get("drbg").asText());
        assertEquals(result.get("loggedOutcome").asText(), result.get("replayedOutcome").asText());
        assertEquals(result.get("loggedWin").asLong(), result.get("replayedWin").asLong());
        assertFalse(replay.text().contains("seed"), "the seed itself is not shown");

        CommandRun text = CommandRun.of("audit", "replay", log, "--round", round(0), "--auditor-key",
                path("auditor.key"), "--model", MODEL);
        assertEquals(0, text.exitCode(), text.stderr());
        assertTrue(text.text().contains("MATCH: "), text.text());
    }

    @Test
    void playingAgainAppendsToTheLogAndTheEscrowWithANewGenerator() throws Exception {
        String again = path("again");
        JsonNode[] runs = new JsonNode[2];
        for (int i = 0; i < 2; i++) {
            CommandRun play = CommandRun.of("play", "--format", "json", MODEL, "--rounds", "20", "--batch", "7",
                    "--log", again, "--escrow-key", path("auditor.pub"), "--signing-key", path("operator.key"));
            assertEquals(0, play.exitCode(), play.stderr());
            runs[i] = JSON.readTree(play.stdout());
        }
        assertEquals(21, runs[1].get("firstIndex").asLong());
        assertEquals(41, runs[1].get("treeSize").asLong());
        assertFalse(runs[0].get("drbg").equals(runs[1].get("drbg")));
        assertEquals(0, CommandRun.of("audit", "verify", again, "--operator-key", path("operator.pub")).exitCode());
        for (JsonNode run : runs) {
            CommandRun replay = CommandRun.of("audit", "replay", again, "--round", run.get("lastRound").asText(),
                    "--auditor-key", path("auditor.key"), "--model", MODEL);
            assertEquals(0, replay.exitCode(), replay.text() + replay.stderr());
        }
    }

    @Test
    void anotherModelIsAClearError() {
        String roulette = Path.of("..", "examples", "roulette-european.json").toString();
        CommandRun replay = CommandRun.of("audit", "replay", log, "--round", round(5), "--auditor-key",
                path("auditor.key"), "--model", roulette);
        assertEquals(ExitCode.ERROR, replay.exitCode());
        assertTrue(replay.stderr().startsWith("fairspin: " + roulette + ": this model (game 'roulette-european'"),
                replay.stderr());
        assertTrue(replay.stderr().contains("is not the one round '" + round(5) + "' was played with (game"
                + " 'three-card-poker'"), replay.stderr());
    }

    @Test
    void aDamagedEscrowIsAClearError() throws Exception {
        byte[] escrow = Files.readAllBytes(dir.resolve("log.escrow"));
        escrow[escrow.length - 5] ^= 0x01;
        Path damaged = Files.write(dir.resolve("damaged.escrow"), escrow);
        CommandRun replay = CommandRun.of("audit", "replay", log, "--round", round(5), "--auditor-key",
                path("auditor.key"), "--model", MODEL, "--escrow", damaged.toString());
        assertEquals(ExitCode.ERROR, replay.exitCode());
        assertTrue(replay.stderr().startsWith("fairspin: " + damaged + ": offset "), replay.stderr());
        assertTrue(replay.stderr().contains("fails authentication"), replay.stderr());
    }

    /** The operator rewrites one round's win and outcome and signs the log: it verifies, but does not replay. */
    @Test
    void aRoundRewrittenAndSignedByTheOperatorVerifiesButDoesNotReplay() throws Exception {
        Path rewritten = dir.resolve("rewritten");
        try (AuditLog copy = AuditLog.create(rewritten, "play.fairspin.local/audit",
                Ed25519Keys.readPrivate(dir.resolve("operator.key")))) {
            for (int i = 0; i < 10; i++) {
                RoundRecord r = (RoundRecord) LogReader.round(Path.of(log), round(i)).event();
                copy.append(i != 7 ? r : RoundRecord.builder().roundId(r.roundId()).gameId(r.gameId())
                        .modelHash(r.modelHash()).startedAtMillis(r.startedAtMillis())
                        .settledAtMillis(r.settledAtMillis()).sessionId(r.sessionId()).currency(r.currency())
                        .bet(r.bet()).win(0).seedCommitment(r.seedCommitment()).escrowReference(r.escrowReference())
                        .outcome("{\"dealer\":\"no qualifier\"}".getBytes(StandardCharsets.UTF_8)).build());
            }
        }
        assertEquals(0, CommandRun.of("audit", "verify", rewritten.toString(), "--operator-key", path("operator.pub"))
                .exitCode());
        CommandRun replay = CommandRun.of("audit", "replay", rewritten.toString(), "--round", round(7),
                "--auditor-key", path("auditor.key"), "--model", MODEL, "--escrow", path("log.escrow"));
        assertEquals(ExitCode.TAMPERED, replay.exitCode(), replay.text() + replay.stderr());
        assertTrue(replay.text().contains("DIFFERS from the log (tampering):"), replay.text());
        assertTrue(replay.text().contains("  outcome: the logged bytes differ from the replayed ones"), replay.text());
        assertEquals(0, CommandRun.of("audit", "replay", rewritten.toString(), "--round", round(6), "--auditor-key",
                path("auditor.key"), "--model", MODEL, "--escrow", path("log.escrow")).exitCode());
    }
}

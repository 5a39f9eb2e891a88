package io.fairspin.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.log.LogReader;
import io.fairspin.audit.log.LogReport;
import io.fairspin.audit.log.LogVerifier;
import io.fairspin.audit.round.ModelFile;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.audit.round.RoundReplay;
import io.fairspin.rng.escrow.EscrowReplay;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Keys, a models folder and the checks every serve test makes on the log it leaves. */
final class ServeFixture {
    static final String GAME = "sizzling-hot";

    final Path dir;
    final Path models;
    final KeyPair auditor = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);
    final KeyPair operator = KeyFiles.generate(KeyFiles.SIGNING_ALGORITHM);
    final ModelFile model;

    ServeFixture(Path dir) throws IOException {
        this.dir = dir;
        this.models = Files.createDirectories(dir.resolve("models"));
        Path example = Path.of(System.getProperty("fairspin.root", ".."), "examples", GAME + ".json");
        Files.copy(example, models.resolve(GAME + ".json"));
        model = ModelFile.load(models.resolve(GAME + ".json"));
        KeyFiles.write(auditor, dir.resolve("auditor"));
        KeyFiles.write(operator, dir.resolve("operator"));
    }

    /**
     * Checks the log against what the clients saw: it verifies with the operator's key; every round a
     * client saw settled is in it once, at the index the client was told, with the commitment it was
     * sent, and replays from escrow; no round id or seed commitment appears twice.
     *
     * @return the number of rounds in the log
     */
    long check(Map<String, Players.Settled> seen) throws IOException {
        LogReport report = LogVerifier.verify(dir.resolve("log"), operator.getPublic());
        assertTrue(report.ok(), "the log verifies: " + report.problems());
        Map<String, LogEntry> byId = new HashMap<>();
        Set<String> commitments = new HashSet<>();
        LogReader.forEach(dir.resolve("log"), entry -> {
            if (entry.event() instanceof RoundRecord round) {
                assertTrue(byId.put(round.roundId(), entry) == null, "round " + round.roundId() + " played twice");
                assertTrue(commitments.add(HexFormat.of().formatHex(round.seedCommitment())),
                        "seed commitment of " + round.roundId() + " appears twice");
            }
        });
        try (EscrowReplay escrow = EscrowReplay.read(dir.resolve("log.escrow"), auditor.getPrivate())) {
            // All the seeds in one pass over the escrow (each generator re-run once).
            Map<String, EscrowReplay.Round> seeds = escrow.rounds(seen.keySet());
            for (Players.Settled s : seen.values()) {
                LogEntry entry = byId.get(s.roundId());
                assertTrue(entry != null, "round " + s.roundId() + " was answered as settled but is not in the log");
                RoundRecord round = (RoundRecord) entry.event();
                assertEquals(s.logIndex(), entry.index(), s.roundId());
                assertEquals(s.commitment(), HexFormat.of().formatHex(round.seedCommitment()), s.roundId());
                assertEquals(s.win(), round.win(), s.roundId());
                RoundReplay replay = RoundReplay.of(entry, model, seeds.get(s.roundId()));
                assertTrue(replay.matches(), s.roundId() + ": " + replay.differences());
            }
        }
        return byId.size();
    }
}

package io.fairspin.audit.log;

import io.fairspin.audit.merkle.ProofException;
import io.fairspin.audit.round.DisputePacket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every single-bit change of every file of a small log is found by verification; dispute packets resist edits. */
class TamperTest {
    private final KeyPair operator = KeyFiles.generate("Ed25519");

    @Test
    void everyFlippedBitOfASmallLogIsDetected(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("log");
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator)) {
            log.append(TestLogs.round(0));
        }
        assertEquals(List.of(), LogVerifier.verify(dir, operator.getPublic()).problems());
        List<String> missed = new ArrayList<>();
        long flips = 0;
        for (Path file : List.of(dir.resolve(LogFiles.segmentName(0)), dir.resolve(LogFiles.CHECKPOINTS))) {
            long bits = Files.size(file) * 8;
            for (long bit = 0; bit < bits; bit++) {
                RecoveryTest.flipBit(file, bit);
                // A flip that makes the last frame claim to run past the file's end reads as a torn tail: it is
                // reported (not as tampering), and it hides no more than cutting the file at that frame would.
                LogReport report = LogVerifier.verify(dir, operator.getPublic());
                if (report.ok() && report.tornTails().isEmpty()) {
                    missed.add(file.getFileName() + " bit " + bit);
                }
                RecoveryTest.flipBit(file, bit);
                flips++;
            }
        }
        assertEquals(List.of(), missed);
        assertTrue(flips > 4000, flips + " flips");
        assertEquals(List.of(), LogVerifier.verify(dir, operator.getPublic()).problems(), "all flips were undone");
    }

    @Test
    void aLogWithoutCheckpointsSaysSoOnce(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("log");
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator)) {
            log.append(TestLogs.round(0));
        }
        Files.write(dir.resolve(LogFiles.CHECKPOINTS), new byte[0]);
        List<String> problems = new ArrayList<>();
        LogVerifier.verify(dir, operator.getPublic()).problems().forEach(p -> problems.add(p.toString()));
        assertEquals(List.of("checkpoints at offset 0: no signed checkpoint"), problems);
    }

    @Test
    void aDisputePacketVerifiesOfflineAndAnEditedOneDoesNot(@TempDir Path tmp) throws IOException, ProofException {
        Path dir = tmp.resolve("log");
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator)) {
            for (int i = 0; i < 37; i++) {
                log.append(TestLogs.round(i));
            }
        }
        String json = DisputePacket.forRound(dir, "round-17").toJson();
        DisputePacket.Verified verified = DisputePacket.parse(json).verify(operator.getPublic());
        assertEquals(TestLogs.round(17), verified.entry().event());
        assertEquals(38, verified.checkpoint().size());

        assertThrows(ProofException.class, () -> DisputePacket.parse(json).verify(KeyFiles.generate("Ed25519").getPublic()));
        String editedView = json.replace("\"win\" : " + TestLogs.round(17).win(), "\"win\" : 999999");
        assertTrue(!editedView.equals(json));
        assertThrows(ProofException.class, () -> DisputePacket.parse(editedView).verify(operator.getPublic()));
        String otherIndex = json.replace("\"index\" : 18", "\"index\" : 19");
        assertThrows(ProofException.class, () -> DisputePacket.parse(otherIndex).verify(operator.getPublic()));
        ProofException notJson = assertThrows(ProofException.class, () -> DisputePacket.parse("{\"format\": 3}"));
        assertTrue(notJson.getMessage().startsWith("$.format"), notJson.getMessage());
        ProofException truncated = assertThrows(ProofException.class, () -> DisputePacket.parse("{\"index\": 18"));
        assertTrue(truncated.getMessage().startsWith("not valid JSON at line "), truncated.getMessage());
        assertTrue(truncated.getMessage().endsWith("(start marker at line 1, column 1)"), truncated.getMessage());
        ProofException trailing = assertThrows(ProofException.class, () -> DisputePacket.parse(json + "{}"));
        assertTrue(trailing.getMessage().contains("more content after the document (an object)"), trailing.getMessage());
        assertThrows(ProofException.class, () -> DisputePacket.parse(json + " garbage"));
        com.fasterxml.jackson.databind.node.ObjectNode withoutView = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        withoutView.remove("view");
        ProofException noView = assertThrows(ProofException.class, () -> DisputePacket.parse(withoutView.toString()));
        assertTrue(noView.getMessage().startsWith("$.view: expected the readable copy"), noView.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DisputePacket.forRound(dir, "no-such-round"));
        assertEquals(TestLogs.round(17), LogReader.round(dir, "round-17").event());
        assertEquals(18, LogReader.round(dir, "round-17").index());
        assertEquals(TestLogs.round(3), LogReader.entry(dir, 4).event());
    }

    @Test
    void aRoundIdUsedTwiceIsNotGuessed(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("log");
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator)) {
            log.append(TestLogs.round("same", 1));
            log.append(TestLogs.round("same", 2));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogReader.round(dir, "same"));
        assertTrue(e.getMessage().endsWith("2 entries with round id 'same', at indexes [1, 2]; use --index"),
                e.getMessage());
    }
}

package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.rng.CertifiedRandom;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fairspin keys signing and the audit commands, run in-process on a demo log. */
class AuditCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void signingKeysArePemFilesWithAPrivateModeAndTheSharedKeyId(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("operator");
        CommandRun run = CommandRun.of("keys", "signing", "--format", "json", "--out", base.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        Path key = dir.resolve("operator.key");
        Path pub = dir.resolve("operator.pub");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(key));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        String pem = Files.readString(pub);
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        String expectedId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der), 0, 8);
        assertEquals(expectedId, JSON.readTree(run.stdout()).get("keyId").asText());
        assertFalse(run.text().contains("PRIVATE"), "no key material on stdout");

        CommandRun again = CommandRun.of("keys", "signing", "--out", base.toString());
        assertEquals(ExitCode.ERROR, again.exitCode());
        assertEquals("fairspin: file exists: " + key + " (use --force to replace it)\n", again.stderr());
        byte[] before = Files.readAllBytes(key);
        CommandRun forced = CommandRun.of("keys", "signing", "--out", base.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.stderr());
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(key)), "--force replaced the key");
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(pub)));
        for (String bad : new String[] {"", " ", dir + "/"}) {
            CommandRun empty = CommandRun.of("keys", "escrow", "--out", bad);
            assertEquals(ExitCode.USAGE, empty.exitCode(), empty.stderr());
            assertTrue(empty.stderr().startsWith("fairspin: --out: must be a file prefix"), empty.stderr());
        }
        try (var left = Files.list(dir)) {
            assertEquals(2, left.count(), "nothing but operator.key and operator.pub");
        }
    }

    @Test
    void aTornTailIsReportedAsRecoverableNotAsTampering(@TempDir Path dir) throws Exception {
        String base = dir.resolve("operator").toString();
        assertEquals(0, CommandRun.of("keys", "signing", "--out", base).exitCode());
        Path log = dir.resolve("log");
        assertEquals(0, CommandRun.of("audit", "demo", log.toString(), "--signing-key", base + ".key", "--rounds",
                "50").exitCode());
        Path segment = log.resolve("00000000000000000000.seg");
        long size = Files.size(segment);
        for (int torn : new int[] {1, 3, 7, 40}) {
            byte[] partial = new byte[torn];
            partial[0] = 0; // a frame's length starts with a zero byte in a small log
            if (torn > 4) {
                partial[3] = 60; // a sane length that runs past the end: the file ends inside the frame
            }
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
                channel.truncate(size);
                channel.write(ByteBuffer.wrap(partial), size);
            }
            CommandRun verify = CommandRun.of("audit", "verify", log.toString(), "--operator-key", base + ".pub");
            assertEquals(0, verify.exitCode(), verify.text());
            assertTrue(verify.text().contains("torn tail     00000000000000000000.seg at offset " + size + ": torn tail of "
                    + torn + " bytes"), verify.text());
            assertTrue(verify.text().contains("result        OK UP TO A TORN TAIL"), verify.text());
            assertFalse(verify.text().contains("TAMPERED"), verify.text());
            JsonNode json = JSON.readTree(CommandRun.of("audit", "inspect", "--format", "json", log.toString()).stdout());
            assertEquals(1, json.get("tornTails").size());
            assertEquals(0, json.get("problems").size());
        }
    }

    private static String sizes(JsonNode report) {
        java.util.List<Long> sizes = new java.util.ArrayList<>();
        report.get("checkpoints").forEach(c -> sizes.add(c.get("size").asLong()));
        return sizes.toString();
    }

    /**
     * {@code play --checkpoint-every N} signs exactly whenever N entries follow the last checkpoint, whatever the escrow
     * batches and threads, and the log declares N, which verify reports.
     */
    @Test
    void playSignsExactlyEveryNEntriesAndTheLogDeclaresN(@TempDir Path dir) throws Exception {
        String operator = dir.resolve("operator").toString();
        String auditor = dir.resolve("auditor").toString();
        assertEquals(0, CommandRun.of("keys", "signing", "--out", operator).exitCode());
        assertEquals(0, CommandRun.of("keys", "escrow", "--out", auditor).exitCode());
        String log = dir.resolve("log").toString();
        CommandRun play = CommandRun.of("play", "../examples/sizzling-hot.json", "--rounds", "2000", "--log", log,
                "--escrow-key", auditor + ".pub", "--signing-key", operator + ".key", "--batch", "1000", "--threads",
                "2", "--checkpoint-every", "500");
        assertEquals(0, play.exitCode(), play.stderr());
        CommandRun verify = CommandRun.of("audit", "verify", "--format", "json", log, "--operator-key",
                operator + ".pub");
        assertEquals(0, verify.exitCode(), verify.text());
        JsonNode report = JSON.readTree(verify.stdout());
        assertEquals(0, report.get("healthEvents").asLong(), "no reseed in 2,000 rounds");
        assertEquals("[1, 501, 1001, 1501, 2001]", sizes(report));
        assertEquals(500, report.get("maxUnsigned").asLong());
        String text = CommandRun.of("audit", "verify", log, "--operator-key", operator + ".pub").text();
        assertTrue(text.contains("entries       2,001: 2,000 rounds, 0 generator health events, 1 key announcements, 0"
                + " tail cuts"), text);
        assertTrue(text.contains("bound         at most 500 entries after a checkpoint, as the log declares"), text);
    }

    @Test
    void demoVerifyProveAndCheckPacket(@TempDir Path dir) throws Exception {
        String base = dir.resolve("operator").toString();
        assertEquals(0, CommandRun.of("keys", "signing", "--out", base).exitCode());
        String log = dir.resolve("log").toString();
        CommandRun demo = CommandRun.of("audit", "demo", log, "--signing-key", base + ".key", "--rounds", "2000",
                "--checkpoint-every", "700");
        assertEquals(0, demo.exitCode(), demo.stderr());
        assertTrue(demo.text().contains("durable rounds/s"), demo.text());

        CommandRun verify = CommandRun.of("audit", "verify", "--format", "json", log, "--operator-key", base + ".pub");
        assertEquals(0, verify.exitCode(), verify.text());
        JsonNode report = JSON.readTree(verify.stdout());
        assertEquals(2001, report.get("entries").asLong());
        assertEquals("[1, 701, 1401, 2001]", sizes(report), "at creation, after 700 and 1400 rounds, at the end");

        CommandRun prove = CommandRun.of("audit", "prove", log, "--round", "demo-1234");
        assertEquals(0, prove.exitCode(), prove.stderr());
        Path packet = dir.resolve("packet.json");
        Files.write(packet, prove.stdout());
        CommandRun check = CommandRun.of("audit", "check-packet", packet.toString(), "--operator-key", base + ".pub");
        assertEquals(0, check.exitCode(), check.text());
        assertTrue(check.text().startsWith("packet " + packet + " checks out: entry 1234"), check.text());

        String edited = prove.text().replace("\"win\" : 0", "\"win\" : 1").replace("\"win\" : 250", "\"win\" : 0");
        CommandRun tampered = CommandRun.withInput(edited.getBytes(StandardCharsets.UTF_8), "audit", "check-packet",
                "-", "--operator-key", base + ".pub");
        assertEquals(ExitCode.TAMPERED, tampered.exitCode(), tampered.text());
        assertTrue(tampered.text().contains("does NOT check out"), tampered.text());

        String other = dir.resolve("other").toString();
        CommandRun.of("keys", "signing", "--out", other);
        assertEquals(ExitCode.TAMPERED, CommandRun.of("audit", "verify", log, "--operator-key", other + ".pub").exitCode());
        assertEquals(ExitCode.TAMPERED,
                CommandRun.of("audit", "check-packet", packet.toString(), "--operator-key", other + ".pub").exitCode());
    }

    @Test
    void aDamagedLogIsInspectedReadOnlyAndRefusesAppends(@TempDir Path dir) throws Exception {
        String base = dir.resolve("operator").toString();
        CommandRun.of("keys", "signing", "--out", base);
        Path log = dir.resolve("log");
        assertEquals(0, CommandRun.of("audit", "demo", log.toString(), "--signing-key", base + ".key", "--rounds",
                "300").exitCode());
        Path segment = log.resolve("00000000000000000000.seg");
        long size = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0x55}), size / 2);
        }
        byte[] before = Files.readAllBytes(segment);
        CommandRun inspect = CommandRun.of("audit", "inspect", log.toString());
        assertEquals(ExitCode.TAMPERED, inspect.exitCode(), inspect.text());
        assertTrue(inspect.text().contains("PROBLEM       00000000000000000000.seg at offset "), inspect.text());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(segment)), "inspect changed nothing");

        CommandRun append = CommandRun.of("audit", "demo", log.toString(), "--signing-key", base + ".key",
                "--rounds", "1");
        assertEquals(ExitCode.TAMPERED, append.exitCode());
        assertTrue(append.stderr().startsWith("fairspin: the audit log is damaged or was tampered with: "
                + "00000000000000000000.seg at offset "), append.stderr());
        assertTrue(CommandRun.of("--help").text().contains("4   tampering or corruption"));
    }

    @Test
    void countsBelowOneAreUsageErrorsNamingTheOption(@TempDir Path dir) {
        String operator = dir.resolve("operator").toString();
        String auditor = dir.resolve("auditor").toString();
        CommandRun.of("keys", "signing", "--out", operator);
        CommandRun.of("keys", "escrow", "--out", auditor);
        String log = dir.resolve("log").toString();
        String[][] cases = {
            {"audit", "demo", log, "--signing-key", operator + ".key", "--rounds", "0", "--rounds: "},
            {"audit", "demo", log, "--signing-key", operator + ".key", "--rounds", "5", "--in-flight", "0",
                "--in-flight: "},
            {"play", "-", "--log", log, "--escrow-key", auditor + ".pub", "--signing-key", operator + ".key",
                "--rounds", "0", "--rounds: "},
        };
        for (String[] args : cases) {
            CommandRun run = CommandRun.of(java.util.Arrays.copyOf(args, args.length - 1));
            assertEquals(ExitCode.USAGE, run.exitCode(), run.stderr());
            assertTrue(run.stderr().startsWith("fairspin: " + args[args.length - 1] + "must be at least 1, was 0"),
                    run.stderr());
        }
        CommandRun none = CommandRun.of("play", "-", "--log", log, "--escrow-key", auditor + ".pub", "--signing-key",
                operator + ".key", "--rounds", "5", "--batch", "0");
        assertEquals(ExitCode.USAGE, none.exitCode(), none.stderr());
        assertTrue(none.stderr().startsWith("fairspin: --batch: must be in [1, 16384], was 0"), none.stderr());
        CommandRun large = CommandRun.of("play", "-", "--log", log, "--escrow-key", auditor + ".pub", "--signing-key",
                operator + ".key", "--rounds", "5", "--batch", "16385");
        assertEquals(ExitCode.USAGE, large.exitCode(), large.stderr());
        assertTrue(large.stderr().startsWith("fairspin: --batch: must be in [1, 16384], was 16385"), large.stderr());
        CommandRun never = CommandRun.of("play", "-", "--log", log, "--escrow-key", auditor + ".pub", "--signing-key",
                operator + ".key", "--rounds", "5", "--checkpoint-every", "0");
        assertEquals(ExitCode.USAGE, never.exitCode(), never.stderr());
        assertTrue(never.stderr().startsWith("fairspin: --checkpoint-every: must be in [1, 1000000000], was 0"),
                never.stderr());
        assertTrue(CommandRun.of("play", "--help").text().replaceAll("\\s+", " ")
                .contains("at most " + CertifiedRandom.MAX_ROUND_SEEDS + ")"));
        assertFalse(Files.exists(dir.resolve("log")), "nothing was written");
    }

    @Test
    void aFileOrAnEmptyFolderIsNotALog(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("packet.json"), "{}");
        CommandRun onFile = CommandRun.of("audit", "inspect", file.toString());
        assertEquals(ExitCode.ERROR, onFile.exitCode());
        assertEquals("fairspin: not a directory: " + file + System.lineSeparator(), onFile.stderr());

        Path empty = Files.createDirectory(dir.resolve("empty"));
        CommandRun onEmpty = CommandRun.of("audit", "inspect", empty.toString());
        assertEquals(ExitCode.TAMPERED, onEmpty.exitCode());
        assertTrue(onEmpty.text().contains("(origin unknown: no checkpoint)"), onEmpty.text());
        assertTrue(onEmpty.text().contains("PROBLEM       the log folder: no segment files"), onEmpty.text());
    }
}

package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.DrbgStream;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.RoundSeed;
import io.fairspin.rng.escrow.EscrowFile;
import io.fairspin.rng.escrow.EscrowReplay;
import io.fairspin.rng.keys.KeyFiles;
import io.fairspin.rng.escrow.SeedEscrow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fairspin keys escrow, rng bytes/ints --escrow, rng replay; and no secret on stdout or stderr. */
class EscrowCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;
    private Path escrow;
    private Path publicKey;
    private Path privateKey;
    private final List<String> texts = new ArrayList<>();
    private final List<byte[]> secrets = new ArrayList<>();

    @BeforeEach
    void auditorKeys() throws Exception {
        escrow = dir.resolve("rng.escrow");
        CommandRun keys = run("keys", "escrow", "--out", dir.resolve("auditor").toString());
        assertEquals(0, keys.exitCode(), keys.stderr());
        publicKey = dir.resolve("auditor.pub");
        privateKey = dir.resolve("auditor.key");
        secrets.add(KeyFiles.readPrivateKey(privateKey, "X25519").getEncoded());
    }

    /** Runs the command and keeps its text output for the check that no secret appears in it. */
    private CommandRun run(String... args) {
        CommandRun run = CommandRun.of(args);
        texts.add(run.stderr());
        if (!Arrays.asList(args).contains("--count")) {
            texts.add(run.text());
        }
        return run;
    }

    @AfterEach
    void noSecretAppearedOnStdoutOrStderr() {
        List<String> windows = new ArrayList<>();
        for (byte[] secret : secrets) {
            String hex = HEX.formatHex(secret);
            for (int i = 0; i + 16 <= hex.length(); i += 2) {
                windows.add(hex.substring(i, i + 16));
            }
            windows.add(java.util.Base64.getEncoder().encodeToString(secret).substring(20, 36));
        }
        for (String text : texts) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String window : windows) {
                assertFalse(lower.contains(window.toLowerCase(Locale.ROOT)), () -> "secret in output: " + text);
            }
        }
    }

    @Test
    void keysEscrowWritesAnOwnerOnlyPrivateKeyAndPrintsTheKeyIdNeverTheKey() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
        String keyId = KeyFiles.keyId(KeyFiles.readPublicKey(publicKey, "X25519"));
        CommandRun json = run("keys", "escrow", "--format", "json", "--out", dir.resolve("second").toString());
        JsonNode result = JSON.readTree(json.stdout());
        assertEquals(KeyFiles.keyId(KeyFiles.readPublicKey(dir.resolve("second.pub"), "X25519")),
                result.get("keyId").asText());
        assertEquals("X25519", result.get("algorithm").asText());
        assertFalse(keyId.equals(result.get("keyId").asText()));

        CommandRun again = run("keys", "escrow", "--out", dir.resolve("auditor").toString());
        assertEquals(ExitCode.ERROR, again.exitCode());
        assertEquals("fairspin: file exists: " + dir.resolve("auditor.key") + " (use --force to replace it)\n",
                again.stderr());
    }

    @Test
    void escrowedBytesAreReplayedByteForByteToAFileAndToStdout() throws Exception {
        Path raw = dir.resolve("raw.bin");
        CommandRun collect = run("rng", "bytes", "--format", "json", "--count", "200Ki", "--mechanism", "hash-sha256",
                "--prediction-resistance", "--escrow", escrow.toString(), "--escrow-key", publicKey.toString(),
                "--out", raw.toString());
        assertEquals(0, collect.exitCode(), collect.stderr());
        JsonNode escrowed = JSON.readTree(collect.stdout()).get("escrow");
        String drbg = escrowed.get("drbg").asText();
        assertEquals(KeyFiles.keyId(KeyFiles.readPublicKey(publicKey, "X25519")), escrowed.get("keyId").asText());

        Path replayed = dir.resolve("replayed.bin");
        CommandRun replay = run("rng", "replay", "--escrow", escrow.toString(), "--auditor-key", privateKey.toString(),
                "--drbg", drbg, "--count", "200Ki", "--out", replayed.toString());
        assertEquals(0, replay.exitCode(), replay.stderr());
        assertArrayEquals(Files.readAllBytes(raw), Files.readAllBytes(replayed));

        CommandRun toStdout = run("rng", "bytes", "--count", "5000", "--escrow", escrow.toString(), "--escrow-key",
                publicKey.toString());
        assertEquals(5000, toStdout.stdout().length);
        assertTrue(toStdout.stderr().startsWith("escrowed to " + escrow + " as DRBG "), toStdout.stderr());
        String second = toStdout.stderr().substring(("escrowed to " + escrow + " as DRBG ").length()).substring(0, 16);
        CommandRun replayStdout = run("rng", "replay", "--escrow", escrow.toString(), "--auditor-key", privateKey.toString(),
                "--drbg", second, "--count", "5000");
        assertArrayEquals(toStdout.stdout(), replayStdout.stdout());

        CommandRun list = run("rng", "replay", "--format", "json", "--escrow", escrow.toString(), "--auditor-key",
                privateKey.toString());
        JsonNode instances = JSON.readTree(list.stdout()).get("instances");
        assertEquals(2, instances.size());
        assertEquals(drbg, instances.get(0).get("drbg").asText());
        assertEquals("hash-sha256", instances.get(0).get("mechanism").asText());

        CommandRun tooMuch = run("rng", "replay", "--escrow", escrow.toString(), "--auditor-key", privateKey.toString(),
                "--drbg", second, "--count", "100000");
        assertEquals(ExitCode.ERROR, tooMuch.exitCode());
        assertEquals("fairspin: " + escrow + ": DRBG " + second + " generated 65536 bytes before it was closed;"
                + " --count asks for 100000\n", tooMuch.stderr());
        assertEquals(0, tooMuch.stdout().length);
    }

    @Test
    void aCountPastWhatWasLeftAfterADroppingReseedIsRefusedBeforeWriting() throws Exception {
        String drbg;
        try (SeedEscrow seedEscrow = new SeedEscrow(KeyFiles.readPublicKey(publicKey, "X25519"), EscrowFile.open(escrow));
             CertifiedRandom rng = CertifiedRandom.builder().escrow(seedEscrow).build()) {
            rng.nextBytes(new byte[100]);
            rng.reseed(new byte[] {1, 2, 3}); // drops the first request's unread rest
            rng.nextBytes(new byte[10]);
            drbg = rng.instanceId();
        }
        // Two requests, less the first one's bytes after the 100 handed out.
        long output = CertifiedRandom.REQUEST_BYTES + 100L;
        Path out = dir.resolve("replayed.bin");
        CommandRun tooMuch = run("rng", "replay", "--escrow", escrow.toString(), "--auditor-key", privateKey.toString(),
                "--drbg", drbg, "--count", Long.toString(output + 1), "--out", out.toString());
        assertEquals(ExitCode.ERROR, tooMuch.exitCode(), tooMuch.stderr());
        assertEquals("fairspin: " + escrow + ": DRBG " + drbg + " generated " + output + " bytes before it was closed;"
                + " --count asks for " + (output + 1) + "\n", tooMuch.stderr());
        assertFalse(Files.exists(out), "nothing written");
        CommandRun all = run("rng", "replay", "--escrow", escrow.toString(), "--auditor-key", privateKey.toString(),
                "--drbg", drbg, "--count", Long.toString(output), "--out", out.toString());
        assertEquals(0, all.exitCode(), all.stderr());
        assertEquals(output, Files.size(out));
    }

    @Test
    void escrowedIntsAreTheReplayedOutputThroughDerivationV1() throws Exception {
        CommandRun ints = run("rng", "ints", "--bound", "37", "--count", "5000", "--escrow", escrow.toString(),
                "--escrow-key", publicKey.toString());
        assertEquals(0, ints.exitCode(), ints.stderr());
        PrivateKey key = KeyFiles.readPrivateKey(privateKey, "X25519");
        try (EscrowReplay replay = EscrowReplay.read(escrow, key)) {
            RandomStream output = replay.output(replay.instances().get(0).id());
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                expected.add(Long.toString(output.nextLong(37)));
            }
            assertEquals(expected, ints.text().lines().toList());
        }
    }

    @Test
    void aRoundIsReplayedFromEscrowWithItsCommitmentAndStream() throws Exception {
        List<RoundSeed> drawn = new ArrayList<>();
        try (SeedEscrow seedEscrow = new SeedEscrow(KeyFiles.readPublicKey(publicKey, "X25519"), EscrowFile.open(escrow));
             CertifiedRandom rng = CertifiedRandom.builder().reseedInterval(2).escrow(seedEscrow).build()) {
            for (int i = 0; i < 5; i++) {
                drawn.add(rng.roundSeed("table-7/round-" + i));
            }
            drawn.forEach(seed -> secrets.add(seed.reveal()));
        }
        RoundSeed third = drawn.get(3);

        CommandRun text = run("rng", "replay", "--escrow", escrow.toString(), "--auditor-key", privateKey.toString(),
                "--round", "table-7/round-3");
        assertEquals(0, text.exitCode(), text.stderr());
        assertTrue(text.text().contains("commitment  " + HEX.formatHex(third.commitment()) + "\n"), text.text());
        assertFalse(text.text().contains("seed "), "no seed unless asked for");

        CommandRun reveal = CommandRun.of("rng", "replay", "--format", "json", "--escrow", escrow.toString(), "--auditor-key",
                privateKey.toString(), "--round", "table-7/round-3", "--reveal-seed");
        JsonNode result = JSON.readTree(reveal.stdout());
        assertEquals(HEX.formatHex(third.reveal()), result.get("seed").asText());
        assertEquals("ctr-aes256", result.get("mechanism").asText());
        assertNull(JSON.readTree(run("rng", "replay", "--format", "json", "--escrow", escrow.toString(), "--auditor-key",
                privateKey.toString(), "--round", "table-7/round-3").stdout()).get("seed").textValue());

        CommandRun stream = run("rng", "replay", "--escrow", escrow.toString(), "--auditor-key", privateKey.toString(),
                "--round", "table-7/round-3", "--client-seed", "lucky", "--count", "1000");
        byte[] expected = new byte[1000];
        try (DrbgStream s = third.stream("lucky".getBytes(StandardCharsets.UTF_8))) {
            s.nextBytes(expected);
        }
        assertArrayEquals(expected, stream.stdout());
    }

    @Test
    void alteredEscrowsAndWrongKeysAreOneLineErrors() throws Exception {
        run("rng", "bytes", "--count", "70000", "--escrow", escrow.toString(), "--escrow-key", publicKey.toString());
        byte[] bytes = Files.readAllBytes(escrow);
        run("keys", "escrow", "--out", dir.resolve("other").toString());

        CommandRun wrongKey = run("rng", "replay", "--escrow", escrow.toString(), "--auditor-key",
                dir.resolve("other.key").toString());
        assertEquals(ExitCode.ERROR, wrongKey.exitCode());
        assertTrue(wrongKey.stderr().matches("fairspin: \\Q" + dir.resolve("other.key") + "\\E: not the key this escrow is sealed to: \\Q" + escrow + "\\E: offset 0: the record is sealed to key"
                + " [0-9a-f]{16}, the given private key is [0-9a-f]{16} \\(wrong key\\)\n"), wrongKey.stderr());

        byte[] tampered = bytes.clone();
        tampered[tampered.length - 3] ^= 1;
        Files.write(escrow, tampered);
        CommandRun altered = run("rng", "replay", "--escrow", escrow.toString(), "--auditor-key", privateKey.toString());
        assertEquals(ExitCode.ERROR, altered.exitCode());
        assertTrue(altered.stderr().contains("record 1 fails authentication"), altered.stderr());
        assertEquals(1, altered.stderr().lines().count());

        Files.write(escrow, Arrays.copyOf(bytes, bytes.length - 1));
        CommandRun truncated = run("rng", "replay", "--escrow", escrow.toString(), "--auditor-key", privateKey.toString());
        assertEquals(0, truncated.exitCode(), "a torn last record is a crash, not damage: " + truncated.stderr());
        assertTrue(truncated.stderr().startsWith("fairspin: " + escrow + ": torn last record at offset "),
                truncated.stderr());

        CommandRun publicAsPrivate = run("rng", "replay", "--escrow", escrow.toString(), "--auditor-key", publicKey.toString());
        assertEquals("fairspin: " + publicKey + ": expected a PEM block \"-----BEGIN PRIVATE KEY-----\" ..."
                + " \"-----END PRIVATE KEY-----\"\n", publicAsPrivate.stderr());
    }

    @Test
    void optionsThatDoNotFitTogetherAreUsageErrors() {
        CommandRun half = run("rng", "bytes", "--count", "10", "--escrow", escrow.toString());
        assertEquals(ExitCode.USAGE, half.exitCode());
        assertTrue(half.stderr().startsWith("fairspin: --escrow and --escrow-key go together"), half.stderr());
        assertFalse(Files.exists(escrow), "nothing is created on a usage error");

        CommandRun noCount = run("rng", "replay", "--escrow", escrow.toString(), "--auditor-key", privateKey.toString(),
                "--drbg", "0123456789abcdef");
        assertEquals(ExitCode.USAGE, noCount.exitCode());
        assertTrue(noCount.stderr().startsWith("fairspin: --drbg needs --count"), noCount.stderr());
        CommandRun both = run("rng", "replay", "--escrow", escrow.toString(), "--auditor-key", privateKey.toString(),
                "--drbg", "0123456789abcdef", "--round", "r", "--count", "1");
        assertEquals(ExitCode.USAGE, both.exitCode());
    }

    @Test
    void anEscrowFileServesOneAuditorKeyAndPlayCreatesNoLogWhenRefused(@TempDir Path dir) throws Exception {
        String model = Path.of("..", "examples", "roulette-european.json").toString();
        String operator = dir.resolve("operator").toString();
        assertEquals(0, CommandRun.of("keys", "signing", "--out", operator).exitCode());
        assertEquals(0, CommandRun.of("keys", "escrow", "--out", dir.resolve("first").toString()).exitCode());
        assertEquals(0, CommandRun.of("keys", "escrow", "--out", dir.resolve("second").toString()).exitCode());
        String escrow = dir.resolve("shared.escrow").toString();
        CommandRun first = CommandRun.of("play", model, "--rounds", "20", "--log", dir.resolve("log1").toString(),
                "--escrow", escrow, "--escrow-key", dir.resolve("first.pub").toString(), "--signing-key",
                operator + ".key");
        assertEquals(0, first.exitCode(), first.stderr());
        byte[] before = Files.readAllBytes(Path.of(escrow));
        CommandRun second = CommandRun.of("play", model, "--rounds", "20", "--log", dir.resolve("log2").toString(),
                "--escrow", escrow, "--escrow-key", dir.resolve("second.pub").toString(), "--signing-key",
                operator + ".key");
        assertEquals(ExitCode.ERROR, second.exitCode(), second.stderr());
        String firstId = KeyFiles.keyId(KeyFiles.readPublicKey(dir.resolve("first.pub"), "X25519"));
        assertEquals("fairspin: " + escrow + ": its records are sealed to auditor key " + firstId + ", not to the given key "
                + KeyFiles.keyId(KeyFiles.readPublicKey(dir.resolve("second.pub"), "X25519")) + "; an escrow file holds"
                + " one auditor key's records (use that key, or another escrow file)" + System.lineSeparator(),
                second.stderr());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(Path.of(escrow))), "the escrow is unchanged");
        assertFalse(Files.exists(dir.resolve("log2")), "no log folder for a refused play");

        Files.write(Path.of(escrow), java.util.Arrays.copyOf(before, before.length + 30));
        byte[] torn = Files.readAllBytes(Path.of(escrow));
        System.arraycopy(before, 0, torn, before.length, 30);
        Files.write(Path.of(escrow), torn);
        CommandRun again = CommandRun.of("play", model, "--rounds", "5", "--log", dir.resolve("log1").toString(),
                "--escrow", escrow, "--escrow-key", dir.resolve("first.pub").toString(), "--signing-key",
                operator + ".key");
        assertEquals(0, again.exitCode(), again.stderr());
        assertTrue(again.stderr().contains("fairspin: recovered from a crash: " + escrow + ": torn last record at offset "
                + before.length + " (30 bytes) cut off, its bytes saved as " + escrow + "." + before.length + ".cut"),
                again.stderr());
    }
}

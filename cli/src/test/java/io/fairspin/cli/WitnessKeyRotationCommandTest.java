package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import io.fairspin.audit.checkpoint.Ed25519Keys;
import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.audit.log.AuditLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit witness} across operator key rotations: a rotation the log proves, once and twice, is followed with the
 * witness still configured with the first key, reported (stderr, JSON) and the store's {@code .vkey} replaced; a key
 * the log announces but does not prove (its announcement covered only by its own checkpoint) is refused with exit code
 * 4 as {@code unproven-key}, the store unchanged.
 */
class WitnessKeyRotationCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORIGIN = "demo.fairspin.local/audit";

    @TempDir
    Path dir;

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private void keys(String... names) {
        for (String name : names) {
            assertEquals(0, CommandRun.of("keys", "signing", "--out", path(name)).exitCode());
        }
    }

    private void demo(String log, String key, int rounds) {
        CommandRun run = CommandRun.of("audit", "demo", path(log), "--signing-key", path(key + ".key"), "--rounds",
                String.valueOf(rounds), "--checkpoint-every", "100");
        assertEquals(0, run.exitCode(), run.stderr());
    }

    /**
     * What {@link AuditLog#rotateKey} writes: the new key's announcement, and a checkpoint of the old key over it (the
     * log opened with the bound {@link #demo} declares, so that the open announces nothing).
     */
    private void rotate(String log, String from, String to) throws IOException {
        try (AuditLog open = AuditLog.open(dir.resolve(log), Ed25519Keys.readPrivate(dir.resolve(from + ".key")),
                AuditLog.Options.defaults().checkpointEvery(100))) {
            open.rotateKey(Ed25519Keys.readPrivate(dir.resolve(to + ".key")));
        }
    }

    private CommandRun witness(String log, String store, String operatorKey, String... more) {
        List<String> args = new ArrayList<>(List.of("audit", "witness", path(log), "--store", path(store),
                "--signing-key", path("witness.key"), "--origin", ORIGIN, "--operator-key", path(operatorKey + ".pub")));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    private String vkey(String key) throws IOException {
        return NoteVerifier.of(ORIGIN, Ed25519Keys.readPrivate(dir.resolve(key + ".key")).getPublic()).encode();
    }

    @Test
    void rotationsTheLogProvesAreFollowedAndTheStoresKeyReplaced() throws Exception {
        keys("operator", "k1", "k2", "stranger", "witness");
        demo("log", "operator", 30);
        assertEquals(0, witness("log", "store", "operator").exitCode());
        rotate("log", "operator", "k1");
        demo("log", "k1", 20);

        CommandRun once = witness("log", "store", "operator", "--format", "json");
        assertEquals(0, once.exitCode(), once.stderr());
        JsonNode report = JSON.readTree(once.stdout());
        assertEquals(vkey("k1"), report.get("operatorKey").asText());
        assertEquals(vkey("operator"), report.get("rotatedFrom").asText());
        assertEquals(List.of(), JsonSchemaTest.schema("audit-witness.schema.json").validate(once.text(),
                InputFormat.JSON).stream().map(Object::toString).toList());
        assertEquals(vkey("k1") + "\n", storedKey("store"));

        rotate("log", "k1", "k2");
        demo("log", "k2", 10);
        CommandRun twice = witness("log", "store", "operator", "--out", path("cosigned.note"));
        assertEquals(0, twice.exitCode(), twice.stderr());
        assertTrue(twice.stderr().contains("fairspin: the operator key of " + ORIGIN + " is now " + vkey("k2") + " (was "
                + vkey("k1") + "): the log proves the rotation; the store's key was replaced"), twice.stderr());
        assertEquals(vkey("k2") + "\n", storedKey("store"));

        CommandRun newKey = witness("log", "store", "k2", "--format", "json");
        assertEquals(0, newKey.exitCode(), newKey.stderr());
        assertTrue(JSON.readTree(newKey.stdout()).get("rotatedFrom").isNull(), newKey.text());
        CommandRun stranger = witness("log", "store", "stranger");
        assertEquals(ExitCode.TAMPERED, stranger.exitCode(), stranger.stderr());
        assertTrue(stranger.stderr().contains("WRONG LOG: this witness witnesses that origin with the operator key"),
                stranger.stderr());
    }

    @Test
    void aKeyAnnouncedButCoveredOnlyByItsOwnCheckpointIsRefused() throws Exception {
        keys("operator", "attacker", "witness");
        demo("log", "operator", 30); // checkpoints of sizes 1 and 31
        assertEquals(0, witness("log", "store", "operator").exitCode());
        rotate("log", "operator", "attacker"); // the attacker's key at entry 31, vouched for by the checkpoint of size 32
        demo("log", "attacker", 9); // a checkpoint of size 41 by the attacker's key
        dropCheckpointOfSize(dir.resolve("log"), 32);
        Map<String, String> before = files("store");

        // Reading the log, the witness follows its key chain as verify does: the checkpoint of size 41 needed the
        // operator's signature (the library's Witness, given such a checkpoint, refuses it as UNPROVEN KEY).
        for (String key : List.of("operator", "attacker")) {
            CommandRun refused = witness("log", "store", key, "--format", "json");
            assertEquals(ExitCode.TAMPERED, refused.exitCode(), refused.stderr());
            assertTrue(refused.stderr().contains("the checkpoint of size 41 is not signed by the key the log's key"
                    + " chain puts in force: the note has no signature by key " + vkey("operator")), refused.stderr());
        }
        assertEquals(before, files("store"), "the store unchanged");
        CommandRun verify = CommandRun.of("audit", "verify", path("log"), "--operator-key", path("operator.pub"));
        assertEquals(ExitCode.TAMPERED, verify.exitCode(), "verify refuses the log too");
    }

    private String storedKey(String store) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(store))) {
            Path vkey = files.filter(f -> f.toString().endsWith(".vkey")).findFirst().orElseThrow();
            return Files.readString(vkey, StandardCharsets.UTF_8);
        }
    }

    private Map<String, String> files(String store) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir.resolve(store))) {
            for (Path f : list.filter(f -> !f.getFileName().toString().equals("lock")).toList()) {
                files.put(f.getFileName().toString(), HexFormat.of().formatHex(Files.readAllBytes(f)));
            }
        }
        return files;
    }

    /**
     * Deletes the checkpoint of {@code size} from the log's checkpoints file (docs/audit-log-format.md: a header
     * {@code magic [8] | format u16 | first_index i64 | origin str | crc32c u32}, then frames {@code length u32 |
     * crc32c u32 | payload}, each payload a signed note whose second line is the tree size).
     */
    private static void dropCheckpointOfSize(Path log, long size) throws IOException {
        Path file = log.resolve("checkpoints");
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        int offset = 8 + 2 + 8 + 4 + bytes.getInt(18) + 4;
        while (offset < bytes.limit()) {
            int length = bytes.getInt(offset);
            String note = new String(bytes.array(), offset + 8, length, StandardCharsets.UTF_8);
            if (note.split("\n")[1].equals(String.valueOf(size))) {
                byte[] kept = new byte[bytes.limit() - 8 - length];
                System.arraycopy(bytes.array(), 0, kept, 0, offset);
                System.arraycopy(bytes.array(), offset + 8 + length, kept, offset, bytes.limit() - offset - 8 - length);
                Files.write(file, kept);
                return;
            }
            offset += 8 + length;
        }
        throw new AssertionError("no checkpoint of size " + size + " in " + file);
    }
}

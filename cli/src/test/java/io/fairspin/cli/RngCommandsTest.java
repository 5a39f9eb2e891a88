package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fairspin rng bytes, ints, stats and kat, run in-process. */
class RngCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path cavp() {
        return Path.of(System.getProperty("fairspin.reference", "../../shared/reference"), "cavp");
    }

    @Test
    void bytesToAFileReportsOnStdoutInTextAndJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("raw.bin");
        CommandRun run = CommandRun.of("rng", "bytes", "--count", "100Ki", "--out", file.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(102_400, Files.size(file));
        assertTrue(run.text().startsWith("wrote 102,400 bytes of ctr-aes256 output to " + file), run.text());

        CommandRun json = CommandRun.of("rng", "bytes", "--format", "json", "--count", "1000",
                "--mechanism", "hash-sha512", "--out", file.toString());
        JsonNode result = JSON.readTree(json.stdout());
        assertEquals(1000, result.get("bytes").asLong());
        assertEquals("hash-sha512", result.get("mechanism").asText());
        assertEquals(1000, Files.size(file));
    }

    @Test
    void bytesToStdoutAreOnlyTheBytesAndDifferEachRun() {
        CommandRun a = CommandRun.of("rng", "bytes", "--count", "4096", "--mechanism", "hmac-sha256");
        CommandRun b = CommandRun.of("rng", "bytes", "--count", "4096", "--mechanism", "hmac-sha256");
        assertEquals(4096, a.stdout().length);
        assertEquals("", a.stderr());
        assertTrue(!Arrays.equals(a.stdout(), b.stdout()));
    }

    @Test
    void intsAreInRangeAsTextAndAsBinary() {
        CommandRun text = CommandRun.of("rng", "ints", "--bound", "37", "--count", "5000");
        assertEquals(0, text.exitCode(), text.stderr());
        List<String> lines = text.text().lines().toList();
        assertEquals(5000, lines.size());
        assertTrue(lines.stream().mapToInt(Integer::parseInt).allMatch(v -> v >= 0 && v < 37));
        assertEquals(37, lines.stream().distinct().count(), "5000 spins show every pocket");

        CommandRun binary = CommandRun.of("rng", "ints", "--bound", "4294967296", "--count", "1000", "--binary");
        assertEquals(4000, binary.stdout().length);
        ByteBuffer words = ByteBuffer.wrap(binary.stdout());
        long high = 0;
        for (int i = 0; i < 1000; i++) {
            high += Integer.toUnsignedLong(words.getInt()) >= (1L << 31) ? 1 : 0;
        }
        assertTrue(high > 400 && high < 600, "the top bit is used: " + high);
    }

    @Test
    void intsRejectABoundOutsideOneTo2To32() {
        CommandRun run = CommandRun.of("rng", "ints", "--bound", "4294967297", "--count", "1");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.stderr().startsWith("fairspin: --bound: must be in [1, 2^32]"), run.stderr());
    }

    @Test
    void statsReadsAFileOrStdin() throws Exception {
        byte[] data = new byte[256 * 40];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        CommandRun run = CommandRun.withInput(data, "rng", "stats", "--format", "json", "-");
        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode s = JSON.readTree(run.stdout());
        assertEquals(data.length, s.get("bytes").asLong());
        assertEquals(8.0, s.get("entropyBitsPerByte").asDouble(), 1e-9);
        assertEquals(127.5, s.get("mean").asDouble(), 1e-9);

        CommandRun empty = CommandRun.withInput(new byte[0], "rng", "stats", "-");
        assertEquals(ExitCode.ERROR, empty.exitCode());
        assertEquals("fairspin: -: empty, nothing to summarize\n", empty.stderr());
    }

    @Test
    void katPassesEveryCaseOfTheReferenceVectors() throws Exception {
        CommandRun run = CommandRun.of("rng", "kat", "--format", "json", cavp().toString());
        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode summary = JSON.readTree(run.stdout());
        assertEquals(9, summary.get("files").size());
        assertEquals(0, summary.get("failed").asInt());
        // 8 mechanisms, 3 files each, 16 parameter sets of 15 cases per mechanism and file.
        assertEquals(8 * 3 * 16 * 15, summary.get("passed").asInt());
    }

    /** The CSV tables of a run with one altered vector: counts per file and mechanism, the failed case, skips. */
    @Test
    void katPrintsItsTablesAsCsv(@TempDir Path dir) throws Exception {
        Path source = cavp().resolve("drbgvectors_no_reseed/Hash_DRBG.rsp");
        String text = Files.readString(source, StandardCharsets.US_ASCII);
        int at = text.indexOf("ReturnedBits = ", text.indexOf("[SHA-256]")) + "ReturnedBits = ".length();
        char flipped = text.charAt(at) == '0' ? '1' : '0';
        Files.writeString(dir.resolve("Hash_DRBG.rsp"), text.substring(0, at) + flipped + text.substring(at + 1),
                StandardCharsets.US_ASCII);

        CommandRun run = CommandRun.of("rng", "kat", dir.toString(), "--format", "csv");
        assertEquals(ExitCode.ERROR, run.exitCode(), run.stderr());
        String csv = run.text();
        // 16 parameter sets of 15 cases per mechanism in the file, one of SHA-256's altered.
        assertTrue(csv.startsWith("# CAVP DRBG known-answer tests\r\nfile,mechanism,passed,failed\r\n"
                + "Hash_DRBG.rsp,hash-sha256,239,1\r\nHash_DRBG.rsp,hash-sha512,240,0\r\n"), csv);
        assertTrue(csv.contains("\r\n\r\n# failed cases\r\nfile,mechanism,case\r\n"
                + "Hash_DRBG.rsp,hash-sha256,SHA-256 COUNT=0\r\n"), csv);
        assertTrue(csv.contains("\r\n\r\n# skipped sections\r\nfile,section\r\n"), csv);
    }

    @Test
    void katReportsAnAlteredVectorAndExitsWithOne(@TempDir Path dir) throws Exception {
        Path source = cavp().resolve("drbgvectors_no_reseed/Hash_DRBG.rsp");
        String text = Files.readString(source, StandardCharsets.US_ASCII);
        int at = text.indexOf("ReturnedBits = ", text.indexOf("[SHA-256]")) + "ReturnedBits = ".length();
        char flipped = text.charAt(at) == '0' ? '1' : '0';
        Files.writeString(dir.resolve("Hash_DRBG.rsp"), text.substring(0, at) + flipped + text.substring(at + 1),
                StandardCharsets.US_ASCII);

        CommandRun run = CommandRun.of("rng", "kat", dir.toString());
        assertEquals(ExitCode.ERROR, run.exitCode());
        assertTrue(run.text().contains("FAILED Hash_DRBG.rsp hash-sha256: SHA-256 COUNT=0"), run.text());
        assertTrue(run.text().contains("total: 479 passed, 1 failed"), run.text());
    }

    @Test
    void katOnAFolderWithoutVectorsIsAnError(@TempDir Path dir) {
        CommandRun run = CommandRun.of("rng", "kat", dir.toString());
        assertEquals(ExitCode.ERROR, run.exitCode());
        assertTrue(run.stderr().contains("no CAVP DRBG .rsp files found"), run.stderr());
    }
}

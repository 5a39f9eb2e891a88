package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fairspin certify nist and outcomes, run in-process. */
class CertifyCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path sts(String name) {
        return Path.of(System.getProperty("fairspin.reference", "../../shared/reference"), "sts", name);
    }

    @Test
    void helpDocumentsExitCodeThree() {
        assertTrue(CommandRun.of("--help").text().contains("3   a statistical battery"));
        assertTrue(CommandRun.of("certify", "nist", "--help").text().contains("Exits with 3"));
    }

    @Test
    void levelsOutsideZeroToOneAreUsageErrorsNamingTheOption() {
        String[][] runs = {
            {"certify", "outcomes", "--range", "37", "--count", "1K", "--level", "2"},
            {"certify", "game", "m.json", "--rounds", "1K", "--level", "0"},
            {"certify", "nist", "--mechanism", "ctr-aes256", "--alpha", "1"},
            {"certify", "nist", "--mechanism", "ctr-aes256", "--level", "x"},
        };
        for (String[] args : runs) {
            CommandRun run = CommandRun.of(args);
            assertEquals(ExitCode.USAGE, run.exitCode(), String.join(" ", args));
            String option = args[args.length - 2];
            assertTrue(run.stderr().startsWith("fairspin: Invalid value for option '" + option + "': '"
                    + args[args.length - 1] + "'"), run.stderr());
        }
    }

    @Test
    void nistOnNistsSampleOfEGivesNistsPValuesInJson(@TempDir Path dir) throws Exception {
        JsonNode expected = JSON.readTree(sts("expected").resolve("data.e.json").toFile()).get("p_values");
        Path html = dir.resolve("report.html");
        CommandRun run = CommandRun.of("certify", "nist", "--format", "json", sts("data.e").toString(),
                "--report", html.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode result = JSON.readTree(run.stdout());
        JsonNode p = result.get("pValues").get(0).get("pValues");
        assertEquals(expected.get("Frequency").asDouble(), p.get("frequency").get(0).asDouble(), 1e-6);
        assertEquals(148, p.get("non-overlapping-template").size());
        assertEquals(expected.get("NonOverlappingTemplate").get(147).asDouble(),
                p.get("non-overlapping-template").get(147).asDouble(), 1e-6);
        assertEquals(188, result.get("assessment").get("rows").size());
        assertTrue(result.get("passed").asBoolean());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<svg") && page.contains("<h2>LinearComplexity</h2>"));
        assertTrue(!page.contains("http://") || page.replace("http://www.w3.org/2000/svg", "").indexOf("http") < 0,
                "self-contained: no links but the SVG namespace");
    }

    @Test
    void nistTextIsLaidOutLikeNistsReportAndSubsetsOfTestsRun() {
        CommandRun run = CommandRun.of("certify", "nist", sts("data.pi").toString(), "--tests", "frequency,runs,fft");
        assertEquals(0, run.exitCode(), run.stderr());
        String text = run.text();
        assertTrue(text.contains(" C1  C2  C3  C4  C5  C6  C7  C8  C9 C10  P-VALUE  PROPORTION  STATISTICAL TEST"), text);
        assertTrue(text.contains("   1/1       Frequency"), text);
        assertTrue(text.contains("FFT") && !text.contains("Serial"), text);
    }

    @Test
    void nistFailsConstantDataWithExitCodeThree(@TempDir Path dir) throws Exception {
        Path zeros = dir.resolve("zeros.bin");
        Files.write(zeros, new byte[2 * 125_000]);
        CommandRun run = CommandRun.of("certify", "nist", zeros.toString(), "--streams", "2");
        assertEquals(ExitCode.BATTERY_FAILED, run.exitCode(), run.stderr());
        assertTrue(run.text().contains("Verdict: FAIL"), run.text());
    }

    @Test
    void nistReadsStdinAndNamesAFileThatIsTooShort(@TempDir Path dir) throws Exception {
        byte[] ascii = Files.readAllBytes(sts("data.sha1"));
        CommandRun stdin = CommandRun.withInput(ascii, "certify", "nist", "--format", "json", "-", "--tests", "frequency");
        assertEquals(0, stdin.exitCode(), stdin.stderr());
        JsonNode expected = JSON.readTree(sts("expected").resolve("data.sha1.json").toFile()).get("p_values");
        assertEquals(expected.get("Frequency").asDouble(),
                JSON.readTree(stdin.stdout()).get("pValues").get(0).get("pValues").get("frequency").get(0).asDouble(), 1e-6);

        Path small = dir.resolve("small.bin");
        Files.write(small, new byte[1000]);
        CommandRun run = CommandRun.of("certify", "nist", small.toString(), "--streams", "3", "--length", "4000");
        assertEquals(ExitCode.ERROR, run.exitCode());
        assertTrue(run.stderr().startsWith("fairspin: " + small + ": insufficient data"), run.stderr());
    }

    @Test
    void nistRejectsContradictoryInputs() {
        CommandRun both = CommandRun.of("certify", "nist", "x.bin", "--mechanism", "ctr-aes256");
        assertEquals(ExitCode.USAGE, both.exitCode());
        assertTrue(both.stderr().contains("not both"), both.stderr());
        CommandRun unknown = CommandRun.of("certify", "nist", "x.bin", "--tests", "spectral");
        assertEquals(ExitCode.USAGE, unknown.exitCode());
        assertTrue(unknown.stderr().contains("unknown test 'spectral'"), unknown.stderr());
    }

    /** Fresh generator output: the verdict is random (fails with probability about 0.01), so only the run's shape is checked. */
    @Test
    void nistTestsAGeneratorDirectly() throws Exception {
        CommandRun run = CommandRun.of("certify", "nist", "--format", "json", "--mechanism", "hmac-sha256",
                "--streams", "3", "--length", "100000", "--tests", "frequency,block-frequency,serial");
        assertTrue(run.exitCode() == 0 || run.exitCode() == ExitCode.BATTERY_FAILED, run.stderr());
        JsonNode result = JSON.readTree(run.stdout());
        assertEquals("fairspin hmac-sha256", result.get("source").asText());
        assertEquals(3, result.get("pValues").size());
        assertEquals(4, result.get("assessment").get("rows").size());
    }

    @Test
    void outcomesFromAFileOfIntegers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("spins.txt");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append(i % 37).append('\n');
        }
        Files.writeString(file, text);
        Path html = dir.resolve("outcomes.html");
        CommandRun run = CommandRun.of("certify", "outcomes", file.toString(), "--range", "37", "--report", html.toString());
        assertEquals(ExitCode.BATTERY_FAILED, run.exitCode(), "0, 1, ..., 36 repeated is not random: " + run.text());
        assertTrue(run.text().contains("FAIL at level 0.01 with Holm's correction over 7 tests"), run.text());
        assertTrue(Files.readString(html).contains("serial pairs"));
    }

    @Test
    void outcomesNameTheLineOfABadValue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("spins.txt");
        Files.writeString(file, "3\n36\n37\n");
        CommandRun run = CommandRun.of("certify", "outcomes", file.toString(), "--range", "37");
        assertEquals(ExitCode.ERROR, run.exitCode());
        assertEquals("fairspin: " + file + ": line 3: expected an integer in [0, 37), found 37\n", run.stderr());

        Files.writeString(file, "1 0 2\n0 0 1\n");
        CommandRun deck = CommandRun.of("certify", "outcomes", file.toString(), "--deck", "3");
        assertEquals(ExitCode.ERROR, deck.exitCode());
        assertTrue(deck.stderr().contains("line 2: position 2: expected each card 0 to 2 once, found 0 again"),
                deck.stderr());
    }

    @Test
    void outcomesReadBinaryIntegersAsRngIntsWritesThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ints.bin");
        CommandRun write = CommandRun.of("rng", "ints", "--bound", "6", "--count", "30000", "--binary", "--out",
                file.toString());
        assertEquals(0, write.exitCode(), write.stderr());
        CommandRun run = CommandRun.of("certify", "outcomes", "--format", "json", file.toString(), "--range", "6",
                "--binary");
        assertTrue(run.exitCode() == 0 || run.exitCode() == ExitCode.BATTERY_FAILED, run.stderr());
        JsonNode summary = JSON.readTree(run.stdout()).get("summary");
        assertEquals(7, summary.get("results").size() + summary.get("notApplied").size());
        assertTrue(summary.get("results").get(0).get("detail").asText().startsWith("30,000 outcomes"));
    }

    @Test
    void outcomesNeedExactlyOneKindOfData() {
        CommandRun run = CommandRun.of("certify", "outcomes", "--range", "37", "--deck", "52", "--count", "10");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.stderr().contains("exactly one of --range, --deck and --doubles"), run.stderr());
        assertEquals(ExitCode.USAGE, CommandRun.of("certify", "outcomes", "--range", "37").exitCode());
        String help = CommandRun.of("certify", "outcomes", "--help").text();
        assertTrue(help.contains("--range"), help);
    }
}

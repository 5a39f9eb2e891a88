package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.rng.RandomStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fairspin certify entropy, run in-process, and the repeatability and pairing fixes of issue 16
 * (certify nist's default sequence count, --seed, rng ints --raw-out).
 */
class CertifyEntropyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String reference(String folder, String name) {
        return Path.of(System.getProperty("fairspin.reference", "../../shared/reference"), folder, name).toString();
    }

    @Test
    void nonIidJsonCarriesNistsFiguresAndTheHealthTestCutoffs(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("entropy.html");
        CommandRun run = CommandRun.of("certify", "entropy", "--format", "json",
                reference("sp800-90b", "rand1_short.bin"), "--bits-per-sample", "1", "--report", html.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("warning") && run.stderr().contains("1,000,000"), run.stderr());
        JsonNode result = JSON.readTree(run.stdout());
        List<String> res = Files.readAllLines(Path.of(reference("sp800-90b", "rand1_short.res")));
        double assessed = Double.parseDouble(res.stream().filter(l -> l.startsWith("Assessed min entropy: "))
                .findFirst().orElseThrow().substring(22));
        assertEquals(assessed, result.get("minEntropy").asDouble(), 1e-9 * assessed);
        JsonNode mcv = result.get("nonIid").get("estimates").get(0);
        assertEquals("Most Common Value", mcv.get("estimator").asText());
        assertEquals("literal", mcv.get("input").asText());
        long mode = Long.parseLong(res.stream().filter(l -> l.startsWith("Literal Most Common Value Estimate: Mode count"))
                .findFirst().orElseThrow().replaceAll(".*= ", ""));
        assertEquals(mode, mcv.get("figures").get("modeCount").asLong());
        assertEquals(10, result.get("nonIid").get("estimates").size());
        JsonNode health = result.get("healthTests");
        assertEquals(1 + (int) Math.ceil(30 / assessed), health.get("repetitionCountCutoff").asInt());
        assertTrue(Files.readString(html).contains("SP 800-90B entropy assessment"));
    }

    /** The CSV tables carry the same figures as the text: NIST's LZ78Y count, the assessment and the cutoffs. */
    @Test
    void csvOutputHasTheAssessmentTheEstimatesAndTheirFigures() {
        CommandRun run = CommandRun.of("certify", "entropy", reference("sp800-90b", "rand4_short.bin"),
                "--bits-per-sample", "4", "--format", "csv");
        assertEquals(0, run.exitCode(), run.stderr());
        String csv = run.text();
        List<String> lines = List.of(csv.split("\r\n", -1));
        assertEquals("# SP 800-90B entropy assessment", lines.get(0));
        assertEquals("file,samples,bitsPerSample,distinctValues,track,minEntropy,alphaExponent,"
                + "repetitionCountCutoff,adaptiveProportionCutoff,adaptiveProportionWindow,passed", lines.get(1));
        assertTrue(lines.get(2).contains(",4,16,non-iid,3.2154882678767365,30,"), lines.get(2));
        // Ten estimators on the bitstring (more than two distinct values), seven on the 4-bit literal samples
        // (collision, Markov and compression only for binary samples), as in the JSON.
        int estimates = lines.indexOf("input,estimator,minEntropy,notApplicable");
        int figures = lines.indexOf("input,estimator,figure,value");
        assertEquals(17, figures - estimates - 3, csv);
        assertTrue(lines.contains("bitstring,LZ78Y Prediction,c,20011"), csv);
        assertTrue(!csv.contains("# permutation tests"), "no IID tables on the non-IID track");
    }

    @Test
    void textOutputPrintsNistsLinesAndTheConfiguration() {
        CommandRun run = CommandRun.of("certify", "entropy", reference("sp800-90b", "rand4_short.bin"),
                "--bits-per-sample", "4");
        assertEquals(0, run.exitCode(), run.stderr());
        String text = run.text();
        assertTrue(text.contains("Bitstring LZ78Y Prediction Estimate: C = 20011"), text);
        assertTrue(text.contains("Literal t-Tuple Estimate: t = 2"), text);
        assertTrue(text.contains("new HealthTestedEntropySource(source, 3.2154882678767365, 30)"), text);
    }

    @Test
    void badInputIsAClearErrorNamingTheFile(@TempDir Path dir) throws Exception {
        CommandRun wide = CommandRun.of("certify", "entropy", reference("sp800-90b", "rand8_short.bin"),
                "--bits-per-sample", "4");
        assertEquals(ExitCode.ERROR, wide.exitCode());
        assertTrue(wide.stderr().contains("rand8_short.bin: the sample at byte offset ")
                && wide.stderr().contains("wider than 4 bits"), wide.stderr());
        Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
        CommandRun none = CommandRun.of("certify", "entropy", empty.toString(), "--bits-per-sample", "8");
        assertEquals(ExitCode.ERROR, none.exitCode());
        assertTrue(none.stderr().contains("empty.bin: no samples"), none.stderr());
        Path constant = Files.write(dir.resolve("constant.bin"), new byte[100]);
        CommandRun flat = CommandRun.of("certify", "entropy", constant.toString(), "--bits-per-sample", "8");
        assertEquals(ExitCode.ERROR, flat.exitCode());
        assertTrue(flat.stderr().contains("same value"), flat.stderr());
        assertEquals(ExitCode.USAGE, CommandRun.of("certify", "entropy", constant.toString()).exitCode());
        assertEquals(ExitCode.USAGE, CommandRun.of("certify", "entropy", constant.toString(),
                "--bits-per-sample", "9").exitCode());
        CommandRun restart = CommandRun.of("certify", "entropy", reference("sp800-90b", "rand1_short.bin"),
                "--bits-per-sample", "1", "--restart", reference("sp800-90b", "rand1_short.bin"));
        assertEquals(ExitCode.ERROR, restart.exitCode());
        assertTrue(restart.stderr().contains("1000 x 1000"), restart.stderr());
    }

    @Test
    void theIidTrackWithASeedIsRepeatableAndItsChiSquareTestsAreNists() throws Exception {
        String[] args = {"certify", "entropy", "--format", "json", reference("sp800-90b", "rand8_short.bin"),
            "--bits-per-sample", "8", "--iid", "--seed", "7"};
        CommandRun first = CommandRun.of(args);
        CommandRun second = CommandRun.of(args);
        assertEquals(first.exitCode(), second.exitCode());
        assertEquals(first.jsonWithoutReport(), second.jsonWithoutReport());
        // NIST's ea_iid (commit 68ed165, run on this file) rejects it too, by the chi-square independence
        // test: T = 1013.1649026243466, df = 735; goodness of fit T = 1288.236790739754, df = 1206
        assertEquals(ExitCode.BATTERY_FAILED, first.exitCode(), first.stderr());
        JsonNode chi = JSON.readTree(first.stdout()).get("iid").get("chiSquareTests");
        assertEquals(1013.1649026243466, chi.get(0).get("statistic").asDouble(), 1e-9 * 1013);
        assertEquals(735, chi.get(0).get("degreesOfFreedom").asInt());
        assertEquals(1288.236790739754, chi.get(1).get("statistic").asDouble(), 1e-9 * 1288);
        assertEquals(1206, chi.get(1).get("degreesOfFreedom").asInt());
    }

    @Test
    void nistWithoutStreamsTestsEveryWholeSequenceAndWarnsBelow55() throws Exception {
        CommandRun run = CommandRun.of("certify", "nist", "--format", "json", reference("sts", "data.sha1"),
                "--length", "100000", "--tests", "frequency,runs");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(10, JSON.readTree(run.stdout()).get("sequences").asInt());
        assertTrue(run.stderr().contains("warning: 10 sequences") && run.stderr().contains("55"), run.stderr());
        CommandRun text = CommandRun.of("certify", "nist", reference("sts", "data.e"), "--length", "10000",
                "--tests", "frequency,cumulative-sums");
        assertTrue(text.text().lines().anyMatch(l -> l.endsWith("  CumulativeSums")), text.text());
        assertTrue(text.text().lines().noneMatch(l -> l.contains("CumulativeSums ")), text.text());
    }

    @Test
    void outcomesAndGameWithASeedAreRepeatableAndPass() {
        String[] outcomes = {"certify", "outcomes", "--format", "json", "--range", "37", "--count", "50K", "--seed", "1"};
        CommandRun a = CommandRun.of(outcomes);
        assertEquals(0, a.exitCode(), a.stderr());
        assertEquals(a.jsonWithoutReport(), CommandRun.of(outcomes).jsonWithoutReport());
        String model = Path.of("..", "examples", "roulette-european.json").toString();
        String[] game = {"certify", "game", "--format", "json", model, "--rounds", "20K", "--seed", "3"};
        CommandRun g = CommandRun.of(game);
        assertEquals(0, g.exitCode(), g.stderr());
        assertEquals(g.jsonWithoutReport(), CommandRun.of(game).jsonWithoutReport());
        assertEquals(ExitCode.USAGE, CommandRun.of("certify", "outcomes", model, "--range", "37", "--seed", "1").exitCode());
    }

    @Test
    void rngIntsRawOutHoldsTheBytesTheOutcomesWereDerivedFrom(@TempDir Path dir) throws Exception {
        Path spins = dir.resolve("spins.txt");
        Path raw = dir.resolve("raw.bin");
        CommandRun run = CommandRun.of("rng", "ints", "--bound", "37", "--count", "10K", "--out", spins.toString(),
                "--raw-out", raw.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        byte[] bytes = Files.readAllBytes(raw);
        RandomStream replay = new RandomStream(4) {
            private int at;

            @Override
            protected void nextBlock(byte[] destination, int offset) {
                System.arraycopy(bytes, at, destination, offset, 4);
                at += 4;
            }
        };
        List<String> lines = Files.readAllLines(spins);
        assertEquals(10_000, lines.size());
        for (String line : lines) {
            assertEquals(Long.parseLong(line), replay.nextLong(37));
        }
        assertTrue(bytes.length >= 40_000 && bytes.length < 40_100, "raw bytes " + bytes.length);
    }
}

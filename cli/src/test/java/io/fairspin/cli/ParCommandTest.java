package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fairspin par, run in-process on the examples. */
class ParCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String example(String name) {
        return Path.of(System.getProperty("fairspin.root", ".."), "examples", name).toString();
    }

    /** The reference RTP of Sizzling Hot, as the shared reference file gives it. */
    private static String referenceRtp() throws Exception {
        Path file = Path.of(System.getProperty("fairspin.reference", "../../shared/reference"), "games",
                "sizzling-hot.json");
        return JSON.readTree(file.toFile()).get("exact_figures_per_total_bet").get("rtp").asText();
    }

    @Test
    void printsThePayTableSheetAsText() throws Exception {
        CommandRun run = CommandRun.of("par", example("sizzling-hot.json"));
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.text().contains("RTP  ") && run.text().contains(referenceRtp()), run.text());
        assertTrue(run.text().contains("Return by award"), run.text());
        assertTrue(run.stderr().contains("analysed in"), run.stderr());
    }

    @Test
    void printsKeyedJsonWithExactFractions() throws Exception {
        CommandRun run = CommandRun.of("par", example("sizzling-hot.json"), "--format", "json");
        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode report = JSON.readTree(run.stdout());
        assertEquals("sizzling-hot", report.get("game").asText());
        assertEquals(5, report.get("stake").asLong(), "the stake is a number of minor units");
        JsonNode rtp = report.get("rtp");
        assertEquals(Double.parseDouble(referenceRtp()), rtp.get("decimal").asDouble(), 1e-12);
        assertTrue(rtp.get("fraction").asText().contains("/"), rtp.toString());
        JsonNode summary = report.get("tables").get(0);
        assertEquals("summary", summary.get("name").asText());
        JsonNode rtpRow = null;
        for (JsonNode row : summary.get("rows")) {
            if (row.get("figure").asText().equals("RTP")) {
                rtpRow = row.get("value");
            }
        }
        assertEquals(rtp, rtpRow, "the table and the keyed figure agree");
        JsonNode byType = report.get("rtpByWinType");
        assertEquals("line", byType.get(0).get("winType").asText());
    }

    @Test
    void printsItsTablesAsCsv() {
        CommandRun run = CommandRun.of("par", example("sizzling-hot.json"), "--format", "csv");
        assertEquals(0, run.exitCode(), run.stderr());
        String[] lines = run.text().split("\r\n");
        assertEquals("# Summary", lines[0]);
        assertEquals("figure,value,value (fraction)", lines[1]);
        assertTrue(run.text().contains("\r\nRTP,0.956556288,1868274/1953125\r\n"), run.text());
        assertTrue(run.text().contains("\r\n# Return by win type\r\nwin type,RTP,RTP (fraction)\r\n"), run.text());
    }

    @Test
    void writesAStandaloneHtmlPage(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("par.html");
        CommandRun run = CommandRun.of("par", example("treasure-pick.json"), "--report", page.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<h2>Bonus award per round (line bets)</h2>"), html);
        assertTrue(html.trim().endsWith("</html>"));
    }

    @Test
    void readsTheModelFromStdin() throws Exception {
        CommandRun run = CommandRun.withInput(Files.readAllBytes(Path.of(example("classic-sevens.json"))), "par", "-");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.text().contains("red7-white7-blue7"), run.text());
        CommandRun bad = CommandRun.withInput("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "par", "-");
        assertEquals(ExitCode.ERROR, bad.exitCode());
        assertTrue(bad.stderr().startsWith("fairspin: -: $.type: missing"), bad.stderr());
    }

    @Test
    void htmlIsNoFormat() {
        CommandRun run = CommandRun.of("par", example("treasure-pick.json"), "--format", "html");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.stderr().contains("'html' is not a format of this command"), run.stderr());
    }

    @Test
    void aBadModelIsOneLineNamingFileAndPath(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of(example("sizzling-hot.json"))).replace("\"rows\": 3", "\"rows\": 0"));
        CommandRun run = CommandRun.of("par", bad.toString());
        assertEquals(ExitCode.ERROR, run.exitCode());
        assertEquals("fairspin: " + bad + ": $.rows: expected an integer in [1, 16], was 0", run.stderr().trim());
        assertEquals(0, run.stdout().length);
    }

    @Test
    void warningsGoToStderr() {
        CommandRun run = CommandRun.of("par", example("lucky-wilds.json"));
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.text().contains("free-games"), run.text());
    }
}

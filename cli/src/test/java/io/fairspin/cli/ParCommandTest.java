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

    /** A three-row virtual-reel model weighted for the wrong row: warned about, and so is its RTP. */
    @Test
    void warnsOfWeightsReadOnAnotherRowAndOfAnRtpAbove100Percent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rows.json");
        Files.writeString(file, "{\"type\": \"slot\", \"id\": \"rows\", \"rows\": 3, \"symbols\": [\"seven\", \"blank\"],"
                + " \"reelSets\": {\"base\": [" + String.join(", ", java.util.Collections.nCopies(3,
                "{\"stops\": [\"seven\", \"blank\", \"blank\", \"blank\"], \"weights\": [1, 1000, 1000, 1000]}"))
                + "]}, \"baseReels\": \"base\", \"paylines\": [[1, 1, 1]],"
                + " \"pays\": [{\"symbol\": \"seven\", \"pays\": [0, 0, 5000]}], \"bet\": {\"lineBet\": 1, \"lines\": 1}}");
        CommandRun run = CommandRun.of("par", file.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("warning: " + file + ": $.reelSets.base[0].weights: the weights attach"), run.stderr());
        assertTrue(run.stderr().contains("the RTP is 18500.01%, above 100%"), run.stderr());
    }

    @Test
    void analysesTheVariantItIsGiven(@TempDir Path dir) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode model =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Path.of(example("sizzling-hot.json")).toFile());
        model.putObject("variants").putObject("capped").put("maxWin", 50);
        Path file = dir.resolve("variants.json");
        Files.write(file, JSON.writeValueAsBytes(model));
        CommandRun capped = CommandRun.of("par", file.toString(), "--variant", "capped");
        assertEquals(0, capped.exitCode(), capped.stderr());
        assertTrue(capped.text().matches("(?s).*maximum-win cap, x total bet +50\\n.*"), capped.text());
        CommandRun unknown = CommandRun.of("par", file.toString(), "--variant", "96");
        assertEquals(ExitCode.ERROR, unknown.exitCode());
        assertEquals("fairspin: " + file + ": $.variants: unknown variant \"96\": expected one of capped\n",
                unknown.stderr());
        CommandRun simulated = CommandRun.of("simulate", file.toString(), "--variant", "capped", "--rounds", "10K",
                "--seed", "1", "--threads", "1");
        assertEquals(0, simulated.exitCode(), simulated.stderr());
        assertTrue(simulated.text().contains("sizzling-hot@capped"), simulated.text());
    }

    /**
     * The sheet names the variant it is of: the title line ends ", variant NAME" and the JSON has "variant"; without
     * --variant the title says it is the top level's and names the model's variants, as the JSON's "variants" does; a
     * model without variants keeps its title (the model's "name") and has neither key.
     */
    @Test
    void theSheetNamesTheVariantItIsOf(@TempDir Path dir) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode model =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Path.of(example("sizzling-hot.json")).toFile());
        String title = model.get("name").asText();
        com.fasterxml.jackson.databind.node.ObjectNode variants = model.putObject("variants");
        variants.putObject("capped").put("maxWin", 50);
        variants.putObject("big").put("maxWin", 500);
        Path file = dir.resolve("variants.json");
        Files.write(file, JSON.writeValueAsBytes(model));

        CommandRun capped = CommandRun.of("par", file.toString(), "--variant", "capped");
        assertEquals(title + ", variant capped", capped.text().lines().findFirst().orElseThrow());
        JsonNode cappedJson = JSON.readTree(CommandRun.of("par", file.toString(), "--variant", "capped", "--format",
                "json").text());
        assertEquals("capped", cappedJson.get("variant").asText());
        assertEquals(title, cappedJson.get("title").asText());

        CommandRun top = CommandRun.of("par", file.toString());
        assertEquals(title + ", the top level (the model's variants capped, big have sheets of their own: --variant"
                + " NAME)", top.text().lines().findFirst().orElseThrow());
        JsonNode topJson = JSON.readTree(CommandRun.of("par", file.toString(), "--format", "json").text());
        assertEquals("[\"capped\",\"big\"]", topJson.get("variants").toString());
        assertTrue(!topJson.has("variant"));

        assertEquals(title, CommandRun.of("par", example("sizzling-hot.json")).text().lines().findFirst().orElseThrow());
        JsonNode plain = JSON.readTree(CommandRun.of("par", example("sizzling-hot.json"), "--format", "json").text());
        assertTrue(!plain.has("variant") && !plain.has("variants"), plain.toString());
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

    /**
     * Video poker whose royal pays 250 per coin, 4000 at 5 coins: the table "RTP by bet" (JSON {@code rtpByBet}, as
     * for slots) states the RTP of each number of coins, 5 at the reference RTP, 1 to 4 at the 250-royal paytable's
     * own optimum; CSV carries it under the same heading.
     */
    @Test
    void statesTheRtpOfEachCoinCountOfVideoPoker() throws Exception {
        CommandRun run = CommandRun.of("par", example("jacks-or-better-9-6.json"), "--format", "json");
        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode byBet = table(JSON.readTree(run.stdout()), "rtpByBet");
        assertEquals("RTP by bet", byBet.get("title").asText());
        assertEquals("5 coins (standard)", byBet.get("rows").get(0).get("bet").asText());
        assertEquals("1653526326983/1661102543100", byBet.get("rows").get(0).get("rtp").get("fraction").asText());
        for (int coins = 1; coins <= 4; coins++) {
            JsonNode row = byBet.get("rows").get(coins);
            assertEquals(coins + (coins == 1 ? " coin" : " coins"), row.get("bet").asText());
            assertEquals("35523565111/36110924850", row.get("rtp").get("fraction").asText());
        }
        JsonNode slot = JSON.readTree(CommandRun.of("par", example("red-white-blue.json"), "--format", "json").stdout());
        assertEquals("27967/32768", table(slot, "rtpByBet").get("rows").get(1).get("rtp").get("fraction").asText(),
                "slots name the table alike");
        // Its 10,000-coin top award at 3 coins, over a stake of 3 coins: 10000/3 total bets, in JSON and CSV.
        JsonNode threeCoins = table(slot, "maximumWinByCoins").get("rows").get(2);
        assertEquals("1 line, 3 coins", threeCoins.get("bet").asText());
        assertEquals("10000/3", threeCoins.get("maximumWinXTotalBetFeaturesIncluded").get("fraction").asText());
        String csv = CommandRun.of("par", example("red-white-blue.json"), "--format", "csv").text();
        assertTrue(csv.contains("\r\n# Maximum win by coins\r\nbet,\"maximum win, x total bet (features included)\","
                + "\"maximum win, x total bet (features included) (fraction)\"\r\n"), csv);
        assertTrue(csv.contains("\r\n\"1 line, 3 coins\",3333.33333333333333333333,10000/3\r\n"), csv);
    }

    private static JsonNode table(JsonNode report, String name) {
        for (JsonNode t : report.get("tables")) {
            if (t.get("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no table " + name + " in " + report.get("tables"));
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

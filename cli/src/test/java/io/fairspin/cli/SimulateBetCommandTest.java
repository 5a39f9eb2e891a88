package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate --bet JSON}: bought rounds judged against par's "Bonus buy" figures, a line bet against the exact
 * figures at that bet, the bet named in every format, a refused bet as a usage error naming {@code --bet} and the
 * bet's JSON path before anything runs, and a checkpoint of another bet refused.
 */
class SimulateBetCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUGHT = "{\"bonusBuy\": true}";

    private static String model(String name) {
        return Path.of(System.getProperty("fairspin.root", ".."), "examples", name).toString();
    }

    private static CommandRun simulate(String model, String... more) {
        String[] args = new String[6 + more.length];
        System.arraycopy(new String[] {"simulate", model(model), "--rounds", "200K", "--threads", "2"}, 0, args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        return CommandRun.of(args);
    }

    /** examples/tumbling-ways.json bought: price 20 x 50 lines = 1,000 a round; par prints the RTP 5664597/5724800. */
    @Test
    void boughtRoundsAreJudgedAgainstParsBonusBuy() throws Exception {
        CommandRun run = simulate("tumbling-ways.json", "--bet", BOUGHT, "--seed", "1", "--format", "json");
        assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        JsonNode report = JSON.readTree(run.stdout());
        assertEquals(JSON.readTree("{\"bonusBuy\":true,\"coins\":1,\"lineBet\":1,\"lines\":50}"), report.get("bet"));
        assertEquals(1_000, report.get("stake").asLong());
        assertEquals(1_000L * 200_000, report.get("totalStake").asLong());
        assertEquals("5664597/5724800", report.at("/exact/rtp/fraction").asText());
        assertTrue(report.at("/verdict/passed").asBoolean(), report.get("verdict").toString());
    }

    @Test
    void theTextAndTheCsvNameTheBet() {
        String bet = "{\"lines\": 5, \"lineBet\": 2}";
        CommandRun text = simulate("lucky-wilds.json", "--bet", bet, "--seed", "2");
        assertEquals(ExitCode.OK, text.exitCode(), text.stderr());
        assertTrue(text.text().contains("bet                 {\"coins\":1,\"lineBet\":2,\"lines\":5}\n"), text.text());
        assertTrue(text.text().contains("stake               10\n"), text.text());
        CommandRun csv = simulate("lucky-wilds.json", "--bet", bet, "--seed", "2", "--format", "csv");
        assertTrue(csv.text().contains("\nbet,\"{\"\"coins\"\":1,\"\"lineBet\"\":2,\"\"lines\"\":5}\",,,"), csv.text());
    }

    /** A line bet's field left out is the standard wager's: red-white-blue's standard is 1 line at 25 a coin. */
    @Test
    void aBetLeavingOutFieldsPlaysAsTheFullBet() throws Exception {
        CommandRun partial = simulate("red-white-blue.json", "--bet", "{\"coins\": 3}", "--seed", "3", "--format", "json");
        CommandRun full = simulate("red-white-blue.json", "--bet", "{\"lines\": 1, \"lineBet\": 25, \"coins\": 3}", "--seed",
                "3", "--format", "json");
        assertEquals(ExitCode.OK, partial.exitCode(), partial.stderr());
        assertEquals(ExitCode.OK, full.exitCode(), full.stderr());
        com.fasterxml.jackson.databind.node.ObjectNode a = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                partial.stdout());
        com.fasterxml.jackson.databind.node.ObjectNode b = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                full.stdout());
        assertEquals(JSON.readTree("{\"coins\":3,\"lineBet\":25,\"lines\":1}"), a.get("bet"));
        assertEquals(75, a.get("stake").asLong());
        a.remove("report");
        b.remove("report");
        assertEquals(b, a, "the same rounds, the same figures");
    }

    @Test
    void aBetTheModelRefusesIsAUsageErrorNamingItsField() {
        String[][] cases = {
            {"sizzling-hot.json", BOUGHT, "--bet: $.bonusBuy: this game has no bonus buy"},
            {"lucky-wilds.json", "{\"lines\": 30, \"lineBet\": 1}", "--bet: $.lines: 30 is outside the model's limits"},
            {"lucky-wilds.json", "{\"lines\": 3", "--bet: $: not valid JSON"},
            {"roulette-european.json", BOUGHT, "--bet: $.bonusBuy:"},
            {"red-white-blue.json", "{\"coins\": 4}", "--bet: $.coins: 4 is outside the model's limits"},
            {"red-white-blue.json", "{\"coin\": 3}", "--bet: $.coin: unknown field"},
            {"red-white-blue.json", "{\"coins\": \"3\"}", "--bet: $.coins: expected an integer"},
        };
        for (String[] c : cases) {
            CommandRun run = simulate(c[0], "--bet", c[1]);
            assertEquals(ExitCode.USAGE, run.exitCode(), c[1] + ": " + run.stderr());
            assertTrue(run.stderr().contains(c[2]), run.stderr());
            assertEquals(0, run.stdout().length, "nothing is played");
        }
    }

    @Test
    void aCheckpointOfAnotherBetIsNotResumed(@TempDir Path dir) {
        String checkpoint = dir.resolve("run").toString();
        CommandRun first = simulate("lucky-wilds.json", "--seed", "1", "--resume", checkpoint);
        assertEquals(ExitCode.OK, first.exitCode(), first.stderr());
        CommandRun bought = simulate("lucky-wilds.json", "--seed", "1", "--resume", checkpoint, "--bet", BOUGHT);
        assertEquals(ExitCode.USAGE, bought.exitCode());
        assertTrue(bought.stderr().contains("--resume: " + checkpoint + ": saved by a run with bet "
                + "{\"coins\":1,\"lineBet\":1,\"lines\":20}, not {\"bonusBuy\":true,\"coins\":1,\"lineBet\":1,"
                + "\"lines\":20}"), bought.stderr());
        assertTrue(Files.isDirectory(dir.resolve("run")));
    }
}

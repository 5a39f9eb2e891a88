package io.fairspin.cli.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.cli.ExitCode;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.sim.DiceGame;
import io.fairspin.sim.RaiseDiceGame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fairspin simulate} over the two-dice test game: output, verdict and exit codes, report, progress. */
class SimulateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void textShowsTheFiguresBesideTheExactOnesAndPasses() throws Exception {
        SimulateRun run = SimulateRun.of(DiceGame.honest(), false, "simulate", "dice.json", "--rounds", "1M",
                "--seed", "7");
        assertEquals(ExitCode.OK, run.exitCode(), run.stdout());
        String text = run.stdout();
        assertTrue(text.contains("model               dice.json (two-dice)"), text);
        assertTrue(text.contains("rounds              1,000,000\n"), text);
        assertTrue(text.contains("rng                 fast, seed 7 (rerun with --seed 7)"), text);
        assertTrue(Pattern.compile("RTP +0\\.\\d{6} +\\[0\\.\\d{6}, 0\\.\\d{6}\\] +0\\.900000 +[+-]\\d\\.\\d\\d")
                .matcher(text).find(), text);
        assertTrue(text.contains("  pair "), text);
        assertTrue(text.contains("  double-six "), text);
        assertTrue(text.contains("  [2, 5) "), "wins of 2.4 and 3 times the stake: " + text);
        assertTrue(text.contains("verdict             PASS"), text);
        assertTrue(run.stderr().startsWith("simulated 1,000,000 rounds in "), run.stderr());
        assertTrue(run.stderr().endsWith("fast)\n"), run.stderr());
    }

    @Test
    void aGameThatRaisesShowsItsAverageStakeAndHouseEdge() throws Exception {
        SimulateRun run = SimulateRun.of(RaiseDiceGame.honest(), false, "simulate", "raise.json", "--rounds", "1M",
                "--seed", "7");
        assertEquals(ExitCode.OK, run.exitCode(), run.stdout());
        String text = run.stdout();
        // E[s] / B = 5/3 and the house edge -E[d] = 1/9 (RaiseDiceGame's figures).
        assertTrue(Pattern.compile("stake +10 initial, 1\\.66\\d* x on average \\(stakes added during rounds\\)")
                .matcher(text).find(), text);
        assertTrue(Pattern.compile(
                "house edge +0\\.1\\d{5} +\\[0\\.1\\d{5}, 0\\.1\\d{5}\\] +\\(loss per initial stake\\)")
                .matcher(text).find(), text);
        assertTrue(text.contains("verdict             PASS"), text);

        JsonNode json = JSON.readTree(SimulateRun.of(RaiseDiceGame.honest(), false, "simulate", "--format", "json",
                "raise.json", "--rounds", "100K", "--seed", "7").stdout());
        assertFalse(json.get("fixedStake").asBoolean());
        assertEquals(json.get("totalWin").asDouble() / json.get("totalStake").asDouble(), json.get("rtp").get("decimal").asDouble(),
                1e-15);
        assertEquals(json.get("totalStake").asDouble() / 1_000_000, json.get("averageStake").asDouble(), 1e-15);
    }

    @Test
    void theSameSeedPrintsTheSameReportOnOneOrTwoThreads() throws Exception {
        SimulateRun one = SimulateRun.of(DiceGame.honest(), false, "simulate", "m", "--rounds", "300K", "--seed", "11",
                "--threads", "1", "--rng", "certified");
        SimulateRun two = SimulateRun.of(DiceGame.honest(), false, "simulate", "m", "--rounds", "300K", "--seed", "11",
                "--threads", "2", "--rng", "CERTIFIED");
        assertEquals(withoutProvenance(one.stdout()), withoutProvenance(two.stdout()));
        assertTrue(one.stdout().contains("rng                 certified, seed 11"), one.stdout());
        assertTrue(one.stdout().contains("report     fairspin "), "the report names its fairspin, command and date");
    }

    @Test
    void jsonCarriesTheExactSumsFractionsAndVerdict() throws Exception {
        SimulateRun run = SimulateRun.of(DiceGame.honest(), false, "simulate", "--format", "json", "dice.json",
                "--rounds", "200000", "--seed", "3", "--confidence", "0.95");
        assertEquals(ExitCode.OK, run.exitCode());
        JsonNode json = JSON.readTree(run.stdout());
        assertEquals(200_000, json.get("rounds").asLong());
        assertTrue(json.get("fixedStake").asBoolean());
        assertEquals(2_000_000, json.get("totalStake").asLong());
        assertEquals(1.0, json.get("averageStake").asDouble());
        assertFalse(json.get("partial").asBoolean());
        assertEquals(0.95, json.get("confidence").asDouble());
        assertEquals(json.get("totalWin").asDouble() / 2_000_000, json.get("rtp").get("decimal").asDouble(), 1e-15);
        assertEquals("9/10", json.get("exact").get("rtp").get("fraction").asText());
        assertEquals("33/20", json.get("exact").get("variance").get("fraction").asText());
        assertTrue(json.get("verdict").get("passed").asBoolean());
        long histogram = 0;
        for (JsonNode bucket : json.get("histogram")) {
            histogram += bucket.get("rounds").asLong();
        }
        assertEquals(200_000, histogram);
        assertEquals("pair", json.get("winTypes").get(0).get("winType").asText());
        assertEquals(json.get("totalWin").asLong(), json.get("winTypes").get(0).get("totalWin").asLong()
                + json.get("winTypes").get(1).get("totalWin").asLong());
    }

    @Test
    void aSingleRoundHasNoDeviationButStillPrints(@TempDir Path dir) throws Exception {
        SimulateRun text = SimulateRun.of(DiceGame.honest(), false, "simulate", "dice.json", "--rounds", "1",
                "--report", dir.resolve("one.html").toString());
        assertTrue(text.stdout().contains("rounds              1\n"), text.stdout());
        assertTrue(Files.readString(dir.resolve("one.html")).contains("<svg "));
        SimulateRun json = SimulateRun.of(DiceGame.honest(), false, "simulate", "--format", "json", "dice.json",
                "--rounds", "1");
        JsonNode result = JSON.readTree(json.stdout());
        assertTrue(result.get("standardDeviation").isNull());
        assertTrue(result.get("rtpInterval").get("low").isNull());
    }

    @Test
    void figuresThatDisagreeFailWithExitCode5() throws Exception {
        ExactFigures e = DiceGame.EXACT;
        DiceGame wrong = DiceGame.claiming(new ExactFigures(Fraction.of(19, 20), e.rtpByWinType(), e.hitFrequency(),
                e.variance(), e.featureFrequencies()));
        SimulateRun run = SimulateRun.of(wrong, false, "simulate", "dice.json", "--rounds", "1M", "--seed", "1");
        assertEquals(ExitCode.SIMULATION_DISAGREES, run.exitCode());
        assertEquals(5, ExitCode.SIMULATION_DISAGREES);
        assertTrue(run.stdout().contains("verdict             FAIL"), run.stdout());
    }

    @Test
    void aModelWithoutExactFiguresHasNoVerdictAndSucceeds() throws Exception {
        SimulateRun run = SimulateRun.of(DiceGame.withoutExactFigures(), false, "simulate", "dice.json", "--rounds",
                "100K");
        assertEquals(ExitCode.OK, run.exitCode());
        assertTrue(run.stdout().contains("verdict             none: the model has no exact figures"), run.stdout());
        assertTrue(run.stdout().matches("(?s).*rng                 fast, seed -?\\d+ \\(rerun with --seed -?\\d+\\).*"),
                "a drawn seed is printed: " + run.stdout());
    }

    @Test
    void theHtmlReportIsOneSelfContainedFileWithBothCharts(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        SimulateRun run = SimulateRun.of(DiceGame.honest(), false, "simulate", "dice<1>.json", "--rounds", "2M",
                "--seed", "5", "--report", html.toString());
        assertEquals(ExitCode.OK, run.exitCode());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("<strong>PASS</strong> the simulation agrees with the exact figures."), page);
        assertTrue(page.contains("<pre class=\"provenance\">report     fairspin "), "the provenance");
        assertTrue(page.contains("dice&lt;1&gt;.json"), "the model name is escaped");
        assertEquals(2, page.split("<svg ", -1).length - 1, "two charts");
        assertTrue(page.contains("aria-label=\"Running RTP inside its confidence band\""), "the first chart");
        assertTrue(page.contains("aria-label=\"Win distribution\""), "the second chart");
        assertTrue(page.contains("<polygon"), "the confidence band");
        assertTrue(page.contains("<polyline"), "the running RTP");
        assertTrue(page.contains("<rect x="), "the distribution's bars");
        assertFalse(page.contains("<script"), "no script");
        assertFalse(page.contains("src="), "nothing to fetch");
        assertFalse(page.contains("href="), "no links");
        assertFalse(page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").contains("http"), "no network address");
    }

    @Test
    void onATerminalAProgressBarShowsTheRateAndTheRunningRtp() throws Exception {
        // A fixed seed: without one an honest game's verdict fails 1 run in 100 (99% confidence), and this test is
        // about the progress bar.
        SimulateRun run = SimulateRun.of(DiceGame.honest(), true, "simulate", "dice.json", "--rounds", "3M",
                "--seed", "5");
        assertEquals(ExitCode.OK, run.exitCode());
        String err = run.stderr();
        assertTrue(err.contains("\r[####################] 100.0%  3.00M of 3.00M rounds  "), err);
        assertTrue(Pattern.compile("/s  0m00s left  RTP \\d\\d\\.\\d{4}% \\[\\d\\d\\.\\d{4}%, \\d\\d\\.\\d{4}%\\]")
                .matcher(err).find(), err);

        SimulateRun quiet = SimulateRun.of(DiceGame.honest(), false, "simulate", "dice.json", "--rounds", "3M",
                "--seed", "5");
        assertFalse(quiet.stderr().contains("["), "no progress when stderr is not a terminal");
    }

    /** The report without its provenance lines (date and command line differ between runs). */
    private static String withoutProvenance(String report) {
        return report.lines().filter(l -> !l.startsWith("report     ") && !l.startsWith("input      "))
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}

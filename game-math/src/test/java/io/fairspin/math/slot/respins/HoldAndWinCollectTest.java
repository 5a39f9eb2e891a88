package io.fairspin.math.slot.respins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Bet;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.ModelException;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.DrbgStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Collect symbols (cash-collect): a base window showing the collect symbol and coins pays every coin's value, and the
 * respins do not start. Exact figures against {@link NaiveHoldAndWin}, which plays every value of every coin on such a
 * window; the fast path, the record and the replay; refusals.
 */
class HoldAndWinCollectTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The mini game of {@link HoldAndWinTest} with a collect symbol "x" on reels 2 and 3. */
    static final String MINI = """
        {"type": "slot", "id": "mini-collect", "rows": 2, "symbols": ["a", "b", "c", "coin", "star", "x"],
         "reelSets": {"base": [["a", "coin", "b", "c", "coin", "a"], ["coin", "b", "x", "a", "coin", "c"],
                               ["b", "coin", "a", "star", "coin", "x", "c", "a"]]},
         "baseReels": "base",
         "paylines": [[0, 0, 0], [1, 1, 1]],
         "pays": [{"symbol": "a", "pays": [0, 2, 10]}, {"symbol": "b", "pays": [0, 0, 8]}, {"symbol": "c", "pays": [1, 2, 5]}],
         "scatters": [{"symbol": "star", "count": "per-reel", "pays": [3]}],
         "holdAndWin": {"symbol": "coin", "trigger": 3, "respins": 2, "landing": {"coin": 1, "empty": 3},
                        "values": {"values": [1, 2, 5], "weights": [3, 2, 1]}, "grand": 20,
                        "collect": {"symbol": "x"}},
         "bet": {"lineBet": 1, "lines": 2}}""";

    static final String ALSO = MINI.replace("\"collect\": {\"symbol\": \"x\"}", "\"collect\": {\"symbol\": \"x\", \"alsoRespins\": true}");

    static void assertExactEqualsBruteForce(Game game, Fraction[] expected) {
        ExactFigures exact = game.exactFigures().orElseThrow();
        assertEquals(List.of("line", "scatter", "hold-and-win", "grand", "collect"), game.winTypes());
        assertEquals(List.of("hold-and-win", "collect"), game.features());
        assertEquals(expected[0], exact.rtp(), "RTP");
        assertEquals(expected[1], exact.hitFrequency(), "hit frequency");
        assertEquals(expected[2], exact.variance(), "variance");
        assertEquals(List.of(expected[3], expected[11]), exact.featureFrequencies(), "hold-and-win and collect frequency");
        assertEquals(List.of(expected[4], expected[5], expected[6], expected[7], expected[10]), exact.rtpByWinType(),
                "RTP by win type");
    }

    /** Every figure, as a fraction, equals the brute force's; the collect pays and happens (a non-trivial model). */
    @Test
    void exactFiguresEqualABruteForce() throws Exception {
        Fraction[] expected = new NaiveHoldAndWin(JSON.readTree(MINI)).figures();
        assertTrue(expected[10].signum() > 0 && expected[3].signum() > 0, "the collect and the feature both happen");
        assertExactEqualsBruteForce(HoldAndWinTest.load(MINI), expected);
        // A trigger of 2 (more windows where the collect takes the place of the respins).
        String two = HoldAndWinTest.edit(MINI, "trigger", "2");
        assertExactEqualsBruteForce(HoldAndWinTest.load(two), new NaiveHoldAndWin(JSON.readTree(two)).figures());
    }

    /**
     * With {@code alsoRespins} the respins start beside the collect (3+ coins), the collected coins held with the values
     * they paid: every figure against the brute force, which assigns those values once and pays them twice.
     */
    @Test
    void alsoRespinsEqualsABruteForce() throws Exception {
        for (String model : List.of(ALSO, HoldAndWinTest.edit(ALSO, "trigger", "2"))) {
            Fraction[] expected = new NaiveHoldAndWin(JSON.readTree(model)).figures();
            assertExactEqualsBruteForce(HoldAndWinTest.load(model), expected);
        }
        // Not the figures of a collect whose respins draw new values for the collected coins (nor of no respins).
        Fraction[] fresh = new NaiveHoldAndWin(JSON.readTree(MINI), true).figures();
        ExactFigures also = HoldAndWinTest.load(ALSO).exactFigures().orElseThrow();
        assertEquals(fresh[0], also.rtp(), "the same mean");
        assertNotEquals(fresh[2], also.variance(), "another variance");
        assertNotEquals(HoldAndWinTest.load(MINI).exactFigures().orElseThrow().rtp(), also.rtp());
    }

    /**
     * Negative control: the brute force with the rule broken (the respins start beside the collect) disagrees with
     * the engine's figures, so the comparison above sees the rule.
     */
    @Test
    void theBruteForceWithTheRuleBrokenDisagrees() throws Exception {
        Fraction[] broken = new NaiveHoldAndWin(JSON.readTree(MINI), true).figures();
        ExactFigures exact = HoldAndWinTest.load(MINI).exactFigures().orElseThrow();
        assertNotEquals(broken[0], exact.rtp(), "RTP");
        assertNotEquals(broken[3], exact.featureFrequencies().get(0), "hold-and-win frequency");
    }

    /**
     * The fast path and the recorded path draw and pay the same; the record's collect adds up; with {@code alsoRespins}
     * the feature beside it starts with the collected coins and values; a replay is the same.
     */
    @Test
    void recordedRoundsMatchTheSimulationPathAndReplay() throws Exception {
        for (String model : List.of(MINI, ALSO)) {
            boolean also = model.equals(ALSO);
            Game game = HoldAndWinTest.load(model);
            RoundOutcome outcome = RoundOutcome.forGame(game);
            int collects = 0;
            int both = 0;
            try (DrbgStream a = HoldAndWinTest.stream(7); DrbgStream b = HoldAndWinTest.stream(7)) {
                for (int i = 0; i < 5000; i++) {
                    game.play(a, outcome);
                    PlayedRound recorded = game.playRecorded(b);
                    assertEquals(outcome, recorded.outcome(), "round " + i);
                    JsonNode detail = JSON.readTree(recorded.detail());
                    JsonNode collect = detail.get("collect");
                    assertEquals(outcome.triggered(1), collect != null, "round " + i);
                    if (collect == null) {
                        continue;
                    }
                    collects++;
                    long values = 0;
                    for (JsonNode c : collect.get("coins")) {
                        values += c.get("value").asLong();
                    }
                    assertTrue(values > 0);
                    assertEquals(values * game.stake(), outcome.win(4), "round " + i);
                    assertEquals(values * game.stake(), collect.get("amount").asLong());
                    JsonNode feature = detail.get("holdAndWin");
                    assertEquals(also && collect.get("coins").size() >= 3, !feature.isNull(), "round " + i);
                    assertEquals(!feature.isNull(), outcome.triggered(0), "round " + i);
                    if (!feature.isNull()) {
                        both++;
                        assertEquals(collect.get("coins"), feature.get("coins"), "the collected coins start the feature");
                    }
                }
            }
            assertTrue(collects > 100, "collects seen: " + collects);
            assertTrue(also == both > 10, "collects with respins: " + both);
            try (DrbgStream a = HoldAndWinTest.stream(8); DrbgStream b = HoldAndWinTest.stream(8)) {
                for (int i = 0; i < 200; i++) {
                    PlayedRound played = game.playRecorded(Bet.standard(), a);
                    assertEquals(played, game.replay(played.bet(), played.choices(), b));
                }
            }
        }
    }

    /**
     * The exact collect frequency and RTP against 200,000 seeded rounds of the fast path, within 5 standard errors
     * (binomial for the frequency).
     */
    @Test
    void theSimulationAgreesWithTheExactFigures() throws Exception {
        Game game = HoldAndWinTest.load(MINI);
        ExactFigures exact = game.exactFigures().orElseThrow();
        int rounds = 200_000;
        double[] simulated = HoldAndWinTest.simulate(game, rounds, 1, 21);
        assertEquals(exact.rtp().doubleValue(), simulated[0], 5 * Math.sqrt(exact.variance().doubleValue() / rounds));
        double q = exact.featureFrequencies().get(1).doubleValue();
        assertEquals(q, simulated[2], 5 * Math.sqrt(q * (1 - q) / rounds));
    }

    /** The PAR sheet shows the collect's RTP as its own row. */
    @Test
    void theParSheetShowsTheCollectRtp() throws Exception {
        Game game = HoldAndWinTest.load(MINI);
        Fraction[] expected = new NaiveHoldAndWin(JSON.readTree(MINI)).figures();
        List<List<AnalysisReport.Cell>> summary = ((HoldAndWinGame) game).analyze().tables().get(0).rows();
        assertEquals(1, summary.stream().filter(row -> row.equals(List.of(AnalysisReport.Cell.text(
                "collect RTP (coin values collected)"), AnalysisReport.Cell.exact(expected[10])))).count(), summary.toString());
    }

    @Test
    void refusesABadCollect() throws Exception {
        assertRefused("$.holdAndWin.collect.symbol", "unknown symbol \"y\"", HoldAndWinTest.edit(MINI, "collect", "{\"symbol\": \"y\"}"));
        assertRefused("$.holdAndWin.collect.symbol", "must differ from the coin symbol",
                HoldAndWinTest.edit(MINI, "collect", "{\"symbol\": \"coin\"}"));
        assertRefused("$.holdAndWin.collect.respins", "", HoldAndWinTest.edit(MINI, "collect", "{\"symbol\": \"x\", \"respins\": true}"));
        assertRefused("$.holdAndWin.collect.alsoRespins", "", HoldAndWinTest.edit(MINI, "collect", "{\"symbol\": \"x\", \"alsoRespins\": 1}"));
        assertRefused("$.holdAndWin.collect", "", HoldAndWinTest.edit(MINI, "collect", "\"x\""));
        ObjectNode root = (ObjectNode) JSON.readTree(MINI);
        ((ObjectNode) root.get("scatters").get(0)).put("symbol", "x");
        assertRefused("$.scatters[0].count", "collect symbol is counted per symbol", root.toString());
    }

    private static void assertRefused(String path, String words, String model) {
        ModelException e = assertThrows(ModelException.class, () -> HoldAndWinTest.load(model));
        assertTrue(e.getMessage().contains(path) && e.getMessage().contains(words), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }
}

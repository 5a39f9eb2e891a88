package io.fairspin.math.slot.respins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.Bet;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.math.ModelException;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hold-and-win respins: exact figures against a brute force, the simulation against the exact figures, records, refusals. */
class HoldAndWinTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** 3 reels x 2 rows (6 cells), 2 lines, a per-reel scatter; 3 coins start 2 respins, a full screen pays 20. */
    static final String MINI = """
        {"type": "slot", "id": "mini-coins", "rows": 2, "symbols": ["a", "b", "c", "coin", "star"],
         "reelSets": {"base": [["a", "coin", "b", "c", "coin", "a"], ["coin", "b", "a", "coin", "c"],
                               ["b", "coin", "a", "star", "coin", "c", "a"]]},
         "baseReels": "base",
         "paylines": [[0, 0, 0], [1, 1, 1]],
         "pays": [{"symbol": "a", "pays": [0, 2, 10]}, {"symbol": "b", "pays": [0, 0, 8]}, {"symbol": "c", "pays": [1, 2, 5]}],
         "scatters": [{"symbol": "star", "count": "per-reel", "pays": [3]}],
         "holdAndWin": {"symbol": "coin", "trigger": 3, "respins": 2, "landing": {"coin": 1, "empty": 3},
                        "values": {"values": [1, 2, 5], "weights": [3, 2, 1]}, "grand": 20},
         "bet": {"lineBet": 1, "lines": 2}}""";

    static DrbgStream stream(int seed) {
        byte[] entropy = new byte[32];
        ByteBuffer.wrap(entropy).putInt(seed).putInt(0x14);
        return new DrbgStream(DrbgMechanism.CTR_AES256.instantiate(entropy, new byte[16], null), 4096);
    }

    static Game load(String model) {
        return GameModels.load("mini.json", model.getBytes(StandardCharsets.UTF_8));
    }

    static String edit(String model, String field, String json) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(model);
        ((ObjectNode) root.get("holdAndWin")).set(field, JSON.readTree(json));
        return root.toString();
    }

    /** Every figure of {@code model} (a variant of the mini game), as a fraction, against {@link NaiveHoldAndWin}. */
    static void assertExactEqualsBruteForce(String model) throws Exception {
        Game game = load(model);
        Fraction[] expected = new NaiveHoldAndWin(JSON.readTree(model)).figures();
        ExactFigures exact = game.exactFigures().orElseThrow();
        assertEquals(expected[0], exact.rtp(), "RTP");
        assertEquals(expected[1], exact.hitFrequency(), "hit frequency");
        assertEquals(expected[2], exact.variance(), "variance");
        assertEquals(List.of(expected[3]), exact.featureFrequencies(), "hold-and-win frequency");
        assertEquals(List.of("line", "scatter", "hold-and-win", "grand"), game.winTypes());
        assertEquals(List.of(expected[4], expected[5], expected[6], expected[7]), exact.rtpByWinType(), "RTP by win type");
    }

    /** Every figure, as a fraction, equals the brute force's over every stop and every landing pattern and value. */
    @Test
    void exactFiguresEqualABruteForce() throws Exception {
        assertExactEqualsBruteForce(MINI);
    }

    /** Other feature settings: 3 respins, easier landings, a trigger of 2, a trigger of the whole screen. */
    @Test
    void exactFiguresEqualABruteForceForOtherSettings() throws Exception {
        assertExactEqualsBruteForce(edit(edit(MINI, "respins", "3"), "landing", "{\"coin\": 2, \"empty\": 3}"));
        assertExactEqualsBruteForce(edit(MINI, "trigger", "2"));
        assertExactEqualsBruteForce(edit(edit(MINI, "trigger", "2"), "landing", "{\"coin\": 0, \"empty\": 1}"));
    }

    /**
     * At a chosen bet (1 line at 3 per line) the game is the base game read for that bet with the same
     * feature: its figures equal the brute force of the model written with that bet, and its stake is 3.
     */
    @Test
    void aChosenBetHasTheFiguresOfTheModelWrittenForIt() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(MINI);
        root.set("betLimits", JSON.readTree("{\"lines\": {\"min\": 1, \"max\": 2}, \"lineBet\": {\"values\": [1, 3]}}"));
        Game game = load(root.toString());
        Game oneLine = game.at(Bet.lines(1, 3, 1));
        assertEquals(3, oneLine.stake());
        ObjectNode written = (ObjectNode) JSON.readTree(MINI);
        written.set("bet", JSON.readTree("{\"lineBet\": 3, \"lines\": 1}"));
        Fraction[] expected = new NaiveHoldAndWin(written).figures();
        ExactFigures exact = oneLine.exactFigures().orElseThrow();
        assertEquals(expected[0], exact.rtp(), "RTP");
        assertEquals(expected[2], exact.variance(), "variance");
        assertEquals(exact, game.exactFigures(Bet.lines(1, 3, 1)).orElseThrow());
        // Both lines see the same symbols, so the RTP is the same at 1 line; the variance is not.
        assertTrue(exact.variance().compareTo(game.exactFigures().orElseThrow().variance()) != 0, "one line is another game");
    }

    /** A one-cell screen: the feature starts full, so it pays one value and the grand prize (a closed form). */
    @Test
    void aOneCellScreenPaysOneValueAndTheGrandPrize() {
        Fraction[] end = RespinChain.finalCoins(1, 3, 1, 4, 1);
        assertEquals(Fraction.ONE, end[1]);
        // Two cells, one held, r respins, p = 1/5: the second lands within r respins with 1 - (4/5)^r.
        Fraction[] two = RespinChain.finalCoins(2, 3, 1, 4, 1);
        assertEquals(Fraction.ONE.subtract(Fraction.of(64, 125)), two[2]);
        assertEquals(Fraction.of(64, 125), two[1]);
    }

    /** The fast path and the recorded path draw the same and pay the same; a replay gives the same round. */
    @Test
    void recordedRoundsMatchTheSimulationPathAndReplay() throws Exception {
        Game game = load(MINI);
        RoundOutcome outcome = RoundOutcome.forGame(game);
        int features = 0;
        try (DrbgStream a = stream(3); DrbgStream b = stream(3)) {
            for (int i = 0; i < 5000; i++) {
                game.play(a, outcome);
                PlayedRound recorded = game.playRecorded(b);
                assertEquals(outcome, recorded.outcome(), "round " + i);
                JsonNode detail = JSON.readTree(recorded.detail());
                JsonNode feature = detail.get("holdAndWin");
                assertEquals(outcome.triggered(0), !feature.isNull(), "round " + i);
                if (!feature.isNull()) {
                    features++;
                    long values = 0;
                    int coins = feature.get("coins").size();
                    for (JsonNode c : feature.get("coins")) {
                        values += c.get("value").asLong();
                    }
                    for (JsonNode r : feature.get("respins")) {
                        coins += r.get("landed").size();
                        for (JsonNode c : r.get("landed")) {
                            values += c.get("value").asLong();
                        }
                    }
                    assertEquals(feature.get("held").asInt(), coins);
                    assertEquals(values * game.stake(), outcome.win(2), "round " + i);
                    assertEquals(feature.get("full").asBoolean(), coins == 6);
                }
            }
        }
        assertTrue(features > 100, "features seen: " + features);
        try (DrbgStream a = stream(5); DrbgStream b = stream(5)) {
            PlayedRound played = game.playRecorded(Bet.standard(), a);
            assertEquals(played, game.replay(played.bet(), played.choices(), b));
        }
    }

    /**
     * The mini game's exact figures against 400,000 seeded rounds of the fast path: RTP within 5 standard
     * errors, hit and hold-and-win frequency within 5 binomial standard errors (each P < 1e-6 by chance).
     * Negative control: the same rounds are far outside the bound of a model whose coins land twice as often.
     */
    @Test
    void theSimulationAgreesWithTheExactFiguresAndRejectsAnotherModel() throws Exception {
        Game game = load(MINI);
        ExactFigures exact = game.exactFigures().orElseThrow();
        double[] simulated = simulate(game, 400_000);
        double se = Math.sqrt(exact.variance().doubleValue() / 400_000);
        assertEquals(exact.rtp().doubleValue(), simulated[0], 5 * se);
        double hit = exact.hitFrequency().doubleValue();
        assertEquals(hit, simulated[1], 5 * Math.sqrt(hit * (1 - hit) / 400_000));
        double trigger = exact.featureFrequencies().get(0).doubleValue();
        assertEquals(trigger, simulated[2], 5 * Math.sqrt(trigger * (1 - trigger) / 400_000));
        ExactFigures other = load(edit(MINI, "landing", "{\"coin\": 2, \"empty\": 3}")).exactFigures().orElseThrow();
        assertTrue(Math.abs(other.rtp().doubleValue() - simulated[0]) > 10 * se,
                "the negative control is rejected: " + other.rtp().doubleValue() + " vs " + simulated[0]);
    }

    /** The example's exact figures against 1,000,000 seeded rounds: RTP and hold-and-win frequency within 5 standard errors. */
    @Test
    void theCoinRushExampleSimulatesToItsExactFigures() throws Exception {
        Game game = GameModels.load(Path.of(System.getProperty("fairspin.root", ".."), "examples", "coin-rush.json"));
        ExactFigures exact = game.exactFigures().orElseThrow();
        int rounds = 1_000_000;
        double[] simulated = simulate(game, rounds);
        assertEquals(exact.rtp().doubleValue(), simulated[0], 5 * Math.sqrt(exact.variance().doubleValue() / rounds));
        double trigger = exact.featureFrequencies().get(0).doubleValue();
        assertEquals(trigger, simulated[2], 5 * Math.sqrt(trigger * (1 - trigger) / rounds));
    }

    private static double[] simulate(Game game, int rounds) {
        RoundOutcome outcome = RoundOutcome.forGame(game);
        double total = 0;
        long hits = 0;
        long triggers = 0;
        try (DrbgStream stream = stream(14)) {
            for (int i = 0; i < rounds; i++) {
                game.play(stream, outcome);
                total += outcome.win() / (double) outcome.stake();
                hits += outcome.win() > 0 ? 1 : 0;
                triggers += outcome.triggered(0) ? 1 : 0;
            }
        }
        return new double[] {total / rounds, hits / (double) rounds, triggers / (double) rounds};
    }

    @Test
    void refusesWhatTheFeatureCannotPlay() throws Exception {
        assertRefused("$.holdAndWin.symbol", "unknown symbol \"gold\"", edit(MINI, "symbol", "\"gold\""));
        assertRefused("$.holdAndWin.trigger", "can never show", edit(MINI, "trigger", "5"));
        assertRefused("$.holdAndWin.values.weights", "one weight per value",
                edit(MINI, "values", "{\"values\": [1, 2], \"weights\": [1]}"));
        assertRefused("$.holdAndWin.values.values[0]", "expected an integer in [1,",
                edit(MINI, "values", "{\"values\": [0], \"weights\": [1]}"));
        assertRefused("$.holdAndWin.landing.empty", "expected an integer in [1,", edit(MINI, "landing", "{\"coin\": 1, \"empty\": 0}"));
        assertRefused("$.holdAndWin.jackpot", "", edit(MINI, "jackpot", "1"));
        ObjectNode root = (ObjectNode) JSON.readTree(MINI);
        root.putObject("bonus");
        assertRefused("$.bonus", "not available in a hold-and-win game", root.toString());
        root = (ObjectNode) JSON.readTree(MINI);
        ((ObjectNode) root.get("scatters").get(0)).put("symbol", "coin");
        assertRefused("$.scatters[0].count", "per-symbol", root.toString());
    }

    private static void assertRefused(String path, String words, String model) {
        ModelException e = assertThrows(ModelException.class, () -> load(model));
        assertTrue(e.getMessage().contains(path) && e.getMessage().contains(words), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }
}

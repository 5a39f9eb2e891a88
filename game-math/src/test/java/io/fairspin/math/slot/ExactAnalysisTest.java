package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The counting analysis against brute force: for small games, every stop combination is evaluated by
 * the independent {@link NaiveSlot}; the counted distribution must be identical and the exact figures
 * must equal those computed from the brute-force distribution by {@link IndependentFigures}.
 */
class ExactAnalysisTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A small 5x3 game with a x2 wild, a capped win, scatter pays and retriggering free games at x3. */
    static final String SMALL_FREE_GAMES = """
            {"type": "slot", "id": "small-free", "rows": 3,
             "symbols": ["wild", "scatter", "seven", "bell", "cherry", "lemon"],
             "wilds": [{"symbol": "wild", "multiplier": 2}],
             "reelSets": {
               "base": [["seven", "cherry", "scatter", "lemon", "bell", "cherry", "lemon", "wild"],
                        ["lemon", "wild", "cherry", "scatter", "bell", "lemon", "seven", "cherry"],
                        ["cherry", "bell", "wild", "lemon", "scatter", "seven", "lemon", "bell"],
                        ["bell", "lemon", "seven", "scatter", "cherry", "wild", "lemon", "cherry"],
                        ["lemon", "scatter", "cherry", "seven", "bell", "lemon", "cherry", "bell"]],
               "free": [["seven", "wild", "scatter", "lemon", "bell", "cherry", "lemon"],
                        ["wild", "cherry", "lemon", "bell", "scatter", "seven", "wild"],
                        ["cherry", "wild", "lemon", "scatter", "seven", "bell", "lemon"],
                        ["bell", "wild", "seven", "lemon", "cherry", "bell", "lemon"],
                        ["lemon", "cherry", "lemon", "seven", "bell", "wild", "cherry"]]},
             "baseReels": "base",
             "paylines": [[1, 1, 1, 1, 1], [0, 0, 0, 0, 0], [2, 2, 2, 2, 2], [0, 1, 2, 1, 0], [2, 1, 0, 1, 2],
                          [1, 0, 0, 0, 1], [1, 2, 2, 2, 1]],
             "pays": [{"symbol": "wild", "pays": [0, 0, 40, 200, 1000]},
                      {"symbol": "seven", "pays": [0, 0, 30, 100, 500]},
                      {"symbol": "bell", "pays": [0, 0, 10, 40, 150]},
                      {"symbol": "cherry", "pays": [0, 2, 5, 20, 80]},
                      {"symbol": "lemon", "pays": [0, 0, 4, 15, 60]}],
             "scatters": [{"symbol": "scatter", "count": "per-reel", "pays": [0, 0, 2, 10, 50]}],
             "freeGames": {"scatter": "scatter", "spins": [0, 0, 5, 8, 12], "reels": "free", "multiplier": 3,
                           "retrigger": true},
             "bet": {"lineBet": 1, "lines": 7},
             "maxWin": 300}
            """;

    /**
     * The small free-games game with a pick bonus that also plays in free games, and free games that
     * can retrigger without a win (the trigger scatter pays nothing): the iterated root.
     */
    static final String SMALL_FREE_GAMES_AND_BONUS = SMALL_FREE_GAMES
            .replace("\"pays\": [0, 0, 2, 10, 50]", "\"pays\": [0, 0, 0, 10, 50]")
            .replace("\"maxWin\": 300}", "\"maxWin\": 300, \"bonus\": {\"symbol\": \"bell\", \"count\": 3, \"items\": 3,"
                    + " \"picks\": 2, \"prizesPerItem\": {\"values\": [1, 2], \"weights\": [2, 1]},"
                    + " \"prizes\": {\"values\": [3, 7, 20], \"weights\": [5, 3, 1]}}}");

    /** A 3x3 game paying both ways, with summed wild multipliers, groups and a per-symbol scatter. */
    static final String SMALL_BOTH_WAYS = """
            {"type": "slot", "id": "small-both-ways", "rows": 3,
             "symbols": ["wild2", "wild3", "star", "bar", "bell", "plum"],
             "groups": {"any-fruit": ["bell", "plum"]},
             "wilds": [{"symbol": "wild2", "multiplier": 2}, {"symbol": "wild3", "multiplier": 3,
                        "substitutes": ["bar", "bell"]}],
             "wildMultipliers": "sum",
             "reelSets": {
               "base": [["bar", "wild2", "plum", "star", "bell", "plum", "bar"],
                        ["plum", "wild3", "bell", "bar", "star", "wild2", "plum", "bell"],
                        ["bell", "star", "plum", "wild3", "bar", "plum"]]},
             "baseReels": "base",
             "paylines": [[1, 1, 1], [0, 0, 0], [2, 2, 2], [0, 1, 2], [2, 1, 0]],
             "bothWays": true,
             "pays": [{"symbol": "bar", "pays": [0, 5, 40]},
                      {"symbol": "bell", "pays": [0, 3, 20]},
                      {"symbol": "plum", "pays": [1, 2, 10]},
                      {"group": "any-fruit", "pays": [0, 0, 4]},
                      {"sequence": ["bar", "bell", "plum"], "pay": 30}],
             "scatters": [{"symbol": "star", "count": "per-symbol", "pays": [0, 1, 5, 20]}],
             "bet": {"lineBet": 3, "lines": 5}}
            """;

    static Stream<Arguments> games() throws Exception {
        return Stream.of(
                Arguments.of("classic-sevens.json", JSON.readTree(Examples.example("classic-sevens.json").toFile())),
                Arguments.of("treasure-pick.json", JSON.readTree(Examples.example("treasure-pick.json").toFile())),
                Arguments.of("ways-243.json", JSON.readTree(Examples.example("ways-243.json").toFile())),
                Arguments.of("small free games", JSON.readTree(SMALL_FREE_GAMES)),
                Arguments.of("small free games and bonus", JSON.readTree(SMALL_FREE_GAMES_AND_BONUS)),
                Arguments.of("small both ways", JSON.readTree(SMALL_BOTH_WAYS)));
    }

    static SlotGame load(String name, JsonNode model) throws Exception {
        return (SlotGame) GameModels.load(name, JSON.writeValueAsString(model).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void countedDistributionEqualsBruteForce(String name, JsonNode model) throws Exception {
        SlotGame game = load(name, model);
        NaiveSlot naive = new NaiveSlot(model);
        for (String set : iterable(model.get("reelSets").fieldNames())) {
            Map<String, Long> expected = BruteForce.distribution(naive, set);
            assertEquals(expected, BruteForce.counted(game, set), name + " reel set " + set);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void exactFiguresEqualTheIndependentComputation(String name, JsonNode model) throws Exception {
        ExactFigures exact = load(name, model).exactFigures().orElseThrow();
        IndependentFigures expected = IndependentFigures.of(new NaiveSlot(model));
        if (expected.exactRtp != null) {
            assertEquals(expected.exactRtp, exact.rtp(), "rtp");
            assertEquals(expected.exactHitFrequency, exact.hitFrequency(), "hit frequency");
            assertEquals(expected.exactVariance, exact.variance(), "variance");
            assertEquals(expected.exactByWinType, exact.rtpByWinType(), "rtp by win type");
            assertEquals(expected.exactFeatureFrequencies, exact.featureFrequencies(), "feature frequencies");
            return;
        }
        assertFigures(expected, exact);
    }

    @Test
    void freeGamesThatRetriggerWithoutWinningUseTheIteratedRoot() throws Exception {
        assertTrue(load("bonus", JSON.readTree(SMALL_FREE_GAMES_AND_BONUS)).analysis().rootIterated);
        assertTrue(!load("free", JSON.readTree(SMALL_FREE_GAMES)).analysis().rootIterated);
    }

    /**
     * A base game that draws one of two reel sets (weights 3 and 1) is the mixture of the two games that
     * always play one of them: RTP, hit frequency and the mean square mix with weights 3/4 and 1/4.
     */
    @Test
    void aWeightedChoiceOfReelSetsMixesTheirFigures() throws Exception {
        ObjectNode model = (ObjectNode)
                JSON.readTree(SMALL_BOTH_WAYS);
        ArrayNode second = model.get("reelSets").get("base").deepCopy();
        ((ArrayNode) second.get(1)).set(0, "star");
        ((ObjectNode) model.get("reelSets")).set("second", second);
        ObjectNode first = model.deepCopy();
        ObjectNode other = model.deepCopy();
        other.put("baseReels", "second");
        ArrayNode choice = model.putArray("baseReels");
        choice.addObject().put("reelSet", "base").put("weight", 3);
        choice.addObject().put("reelSet", "second").put("weight", 1);

        ExactFigures mixed = load("mixed", model).exactFigures().orElseThrow();
        IndependentFigures a = IndependentFigures.of(new NaiveSlot(first));
        IndependentFigures b = IndependentFigures.of(new NaiveSlot(other));
        Fraction wa = Fraction.of(3, 4);
        Fraction wb = Fraction.of(1, 4);
        Fraction rtp = a.exactRtp.multiply(wa).add(b.exactRtp.multiply(wb));
        assertEquals(rtp, mixed.rtp());
        assertEquals(a.exactHitFrequency.multiply(wa).add(b.exactHitFrequency.multiply(wb)), mixed.hitFrequency());
        Fraction square = a.exactVariance.add(a.exactRtp.multiply(a.exactRtp)).multiply(wa)
                .add(b.exactVariance.add(b.exactRtp.multiply(b.exactRtp)).multiply(wb));
        assertEquals(square.subtract(rtp.multiply(rtp)), mixed.variance());
        PlayTest.assertSamePaths(load("mixed", model), 3000);
    }

    /**
     * lucky-wilds.json is too large to brute-force by default (FullCycleLongTest does); its figures must
     * follow from its counted spin distributions by the spin-by-spin free-games queue.
     */
    @Test
    void luckyWildsFiguresFollowFromItsSpinDistributions() throws Exception {
        SlotGame game = Examples.slot("lucky-wilds.json");
        IndependentFigures expected = IndependentFigures.of(new NaiveSlot(Examples.example("lucky-wilds.json")),
                set -> BruteForce.counted(game, set));
        assertFigures(expected, game.exactFigures().orElseThrow());
    }

    private static void assertFigures(IndependentFigures expected, ExactFigures exact) {
        assertClose(expected.rtp, exact.rtp().doubleValue(), "rtp");
        assertClose(expected.hitFrequency, exact.hitFrequency().doubleValue(), "hit frequency");
        assertClose(expected.variance, exact.variance().doubleValue(), "variance");
        assertEquals(expected.rtpByWinType.size(), exact.rtpByWinType().size());
        for (int i = 0; i < expected.rtpByWinType.size(); i++) {
            assertClose(expected.rtpByWinType.get(i), exact.rtpByWinType().get(i).doubleValue(), "rtp by type " + i);
        }
        assertEquals(expected.featureFrequencies.size(), exact.featureFrequencies().size());
        for (int i = 0; i < expected.featureFrequencies.size(); i++) {
            assertClose(expected.featureFrequencies.get(i), exact.featureFrequencies().get(i).doubleValue(),
                    "feature " + i);
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + ", was " + actual);
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}

package io.fairspin.math.slot.cascades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cascading reels: clusters and ways, growing multipliers, free games, the round cap. */
class CascadeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A 3x3 cluster grid: clusters of 3 or more pay, x1, x2, x3 per cascade, free games at x2, x4, x6. */
    static final String SMALL_CLUSTERS = """
        {"type": "slot", "id": "mini-clusters", "rows": 3, "symbols": ["r", "g", "b", "s"],
         "reelSets": {"base": [["r", "g", "r", "b", "s", "g", "r"], ["g", "r", "b", "b", "r", "g"], ["r", "b", "g", "s", "r", "r", "g"]],
                      "free": [["r", "r", "g", "b", "g", "s"], ["g", "r", "r", "b", "g"], ["b", "r", "g", "r", "g", "s"]]},
         "baseReels": "base",
         "cascade": {"evaluation": "clusters", "multipliers": [1, 2, 3]},
         "pays": [{"symbol": "r", "pays": [0, 0, 2, 4, 10]}, {"symbol": "g", "pays": [0, 0, 1, 3, 6]},
                  {"symbol": "b", "pays": [0, 0, 1, 2, 5]}],
         "scatters": [{"symbol": "s", "pays": [0, 1]}],
         "freeGames": {"scatter": "s", "spins": [0, 3], "reels": "free", "multipliers": [2, 4, 6], "retrigger": false},
         "bet": {"lineBet": 1, "lines": 5}}""";

    /** A 3x3 ways game with a wild: x1, x2, x5 per cascade. */
    static final String SMALL_WAYS = """
        {"type": "slot", "id": "mini-tumble", "rows": 3, "symbols": ["w", "a", "b", "c", "s"],
         "wilds": [{"symbol": "w"}],
         "reelSets": {"base": [["a", "b", "c", "a", "s", "b"], ["w", "a", "c", "b", "a", "c", "b"], ["b", "a", "c", "w", "s", "a"]],
                      "free": [["a", "a", "b", "c", "s"], ["w", "a", "b", "c"], ["a", "b", "w", "c", "s"]]},
         "baseReels": "base",
         "cascade": {"evaluation": "ways", "multipliers": [1, 2, 5]},
         "pays": [{"symbol": "a", "pays": [0, 0, 5]}, {"symbol": "b", "pays": [0, 0, 3]}, {"symbol": "c", "pays": [0, 1, 2]}],
         "scatters": [{"symbol": "s", "pays": [0, 2]}],
         "freeGames": {"scatter": "s", "spins": [0, 2], "reels": "free", "multipliers": [3, 6], "retrigger": false},
         "bet": {"lineBet": 1, "lines": 9}}""";

    static DrbgStream stream(int seed) {
        byte[] entropy = new byte[32];
        ByteBuffer.wrap(entropy).putInt(seed);
        return new DrbgStream(DrbgMechanism.CTR_AES256.instantiate(entropy, new byte[16], null), 4096);
    }

    static Path example(String name) {
        return Path.of(System.getProperty("fairspin.root", ".."), "examples", name);
    }

    private static void assertExactEqualsBruteForce(String model) throws Exception {
        Game game = GameModels.load("small.json", model.getBytes(StandardCharsets.UTF_8));
        NaiveCascade naive = new NaiveCascade(JSON.readTree(model));
        Map<Long, Fraction> round = naive.roundDistribution();
        Fraction[] expected = naive.figures(round);
        ExactFigures exact = game.exactFigures().orElseThrow();
        assertEquals(expected[0], exact.rtp(), "RTP");
        assertEquals(expected[1], exact.hitFrequency(), "hit frequency");
        assertEquals(expected[2], exact.variance(), "variance");
    }

    /**
     * The win distribution the simulation's chi-square tests (rounds without free games, the others as one class)
     * equals a brute force over every base stop combination: for clusters with free games, and for ways without
     * them (the brute force finds that the small ways game awards free games in every round); and at a bet per
     * line of 2, each win twice the line bets.
     */
    @Test
    void theWinDistributionEqualsABruteForce() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode waysWithoutFreeGames =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(SMALL_WAYS);
        waysWithoutFreeGames.remove("freeGames");
        String clustersAtTwo = SMALL_CLUSTERS.replace("\"lineBet\": 1", "\"lineBet\": 2");
        for (String model : new String[] {SMALL_CLUSTERS, JSON.writeValueAsString(waysWithoutFreeGames), clustersAtTwo}) {
            CascadeGame game = (CascadeGame) GameModels.load("small.json", model.getBytes(StandardCharsets.UTF_8));
            long lineBet = JSON.readTree(model).get("bet").get("lineBet").asLong();
            Map<Long, Fraction> expected = new java.util.TreeMap<>();
            new NaiveCascade(JSON.readTree(model)).roundsWithoutFreeGames()
                    .forEach((win, p) -> expected.put(win < 0 ? win : win * lineBet, p));
            Fraction feature = expected.containsKey(-1L) ? expected.remove(-1L) : Fraction.ZERO;
            assertEquals(expected, game.winDistribution().orElseThrow(), "wins in minor units");
            assertEquals(feature, game.featureRounds());
            assertTrue(expected.size() > 3, expected.toString());
        }
    }

    @Test
    void clusterFiguresEqualABruteForceOverEveryStopCombination() throws Exception {
        assertExactEqualsBruteForce(SMALL_CLUSTERS);
    }

    @Test
    void waysFiguresEqualABruteForceOverEveryStopCombination() throws Exception {
        assertExactEqualsBruteForce(SMALL_WAYS);
    }

    /** The fast and the recorded path draw the same and pay the same; the record's steps add up. */
    @Test
    void recordedRoundsMatchTheSimulationPath() throws Exception {
        for (String model : new String[] {SMALL_CLUSTERS, SMALL_WAYS}) {
            Game game = GameModels.load("small.json", model.getBytes(StandardCharsets.UTF_8));
            RoundOutcome outcome = RoundOutcome.forGame(game);
            try (DrbgStream a = stream(3); DrbgStream b = stream(3)) {
                for (int i = 0; i < 3000; i++) {
                    game.play(a, outcome);
                    PlayedRound recorded = game.playRecorded(b);
                    assertEquals(outcome.win(), recorded.outcome().win(), "round " + i);
                    JsonNode detail = JSON.readTree(recorded.detail());
                    long steps = 0;
                    for (JsonNode spin : detail.get("spins")) {
                        for (JsonNode step : spin.get("cascades")) {
                            steps += step.get("amount").asLong();
                        }
                    }
                    assertTrue(steps <= outcome.win(), "round " + i);
                }
            }
        }
    }

    /**
     * The ways example's exact figures (every one of its stop combinations played out) against 300,000
     * seeded rounds of the fast path: RTP and hit frequency within 5 standard errors (P < 1e-6 by chance).
     */
    @Test
    void theTumblingWaysExampleSimulatesToItsExactFigures() throws Exception {
        Game game = GameModels.load(example("tumbling-ways.json"));
        ExactFigures exact = game.exactFigures().orElseThrow();
        assertSimulatesTo(game, exact.rtp().doubleValue(), exact.hitFrequency().doubleValue(),
                Math.sqrt(exact.variance().doubleValue()));
    }

    static void assertSimulatesTo(Game game, double rtp, double hit, double sd) {
        RoundOutcome outcome = RoundOutcome.forGame(game);
        int rounds = 300_000;
        double total = 0;
        long hits = 0;
        try (DrbgStream stream = stream(14)) {
            for (int i = 0; i < rounds; i++) {
                game.play(stream, outcome);
                total += outcome.win() / (double) outcome.stake();
                hits += outcome.win() > 0 ? 1 : 0;
            }
        }
        assertEquals(rtp, total / rounds, 5 * sd / Math.sqrt(rounds));
        assertEquals(hit, hits / (double) rounds, 5 * Math.sqrt(hit * (1 - hit) / rounds));
    }

    /** A model with a round cap or too many stop combinations has no exact figures; par says why. */
    @Test
    void theClusterExampleIsSimulatedAndSaysSo() throws Exception {
        Game game = GameModels.load(example("cascade-clusters.json"));
        assertTrue(game.exactFigures().isEmpty());
        String sheet = ((io.fairspin.math.Analyzable) game).analyze().tables().get(0).rows().toString();
        assertTrue(sheet.contains("simulated, not exact"), sheet);
        assertTrue(sheet.contains("RTP (simulated: 1,000,000 rounds, seed 1; 99% interval)"), sheet);
    }

    /**
     * The simulated sheet's cap row is marked simulated and says what the simulation saw: no round of the
     * cluster example reaches its cap of 5000 (the sheet's largest round win seen is below it), which is "not seen in
     * 1,000,000 simulated rounds", never a bare "no"; a simulated round at the cap is a "yes".
     */
    @Test
    void theSimulatedCapRowSaysWhatTheSimulationSaw() throws Exception {
        Game game = GameModels.load(example("cascade-clusters.json"));
        java.util.List<java.util.List<io.fairspin.math.AnalysisReport.Cell>> rows =
                ((io.fairspin.math.Analyzable) game).analyze().tables().get(0).rows();
        double seen = ((io.fairspin.math.AnalysisReport.Cell.Approximate) rows.stream()
                .filter(r -> r.get(0).toString().contains("largest round win seen")).findFirst().orElseThrow().get(1))
                .value();
        assertTrue(seen < 5000, "largest round win seen " + seen);
        String reachable = rows.stream().filter(r -> r.get(0).toString().contains(
                io.fairspin.math.slot.analysis.MaxWin.CAP_REACHABLE)).findFirst().orElseThrow().toString();
        assertTrue(reachable.contains(io.fairspin.math.slot.analysis.MaxWin.CAP_REACHABLE + " (simulated)")
                && reachable.contains("not seen in 1,000,000 simulated rounds (seed 1") && !reachable.contains("no: "),
                reachable);
        assertTrue(io.fairspin.math.slot.analysis.SimulatedSheet.capRows(5000, 5000, "scope").get(1).get(1).toString()
                .contains("yes: a simulated round reached it; scope"));
    }

    @Test
    void refusesWhatTheEngineCannotPlay() {
        assertRefused("$.wilds", "wilds are available with ways evaluation only",
                SMALL_CLUSTERS.replace("\"baseReels\"", "\"wilds\": [{\"symbol\": \"b\"}], \"baseReels\""));
        assertRefused("$.pays[0].pays", "expected one pay per reel (3), found 2",
                SMALL_WAYS.replace("[0, 0, 5]", "[0, 5]"));
        assertRefused("$.freeGames.spins", "every entry is 0", SMALL_CLUSTERS.replace("[0, 3]", "[0, 0]"));
        assertRefused("$.cascade.evaluation", "expected one of clusters, ways",
                SMALL_CLUSTERS.replace("\"clusters\", \"multipliers\"", "\"lines\", \"multipliers\""));
    }

    private static void assertRefused(String path, String words, String model) {
        ModelException e = org.junit.jupiter.api.Assertions.assertThrows(ModelException.class,
                () -> GameModels.load("bad.json", model.getBytes(StandardCharsets.UTF_8)));
        assertEquals(path, e.jsonPath(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}

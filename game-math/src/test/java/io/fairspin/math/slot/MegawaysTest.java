package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import io.fairspin.math.ModelException;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.DrbgStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Random reel heights (Megaways). The exact figures of a small game are checked against a brute force
 * written here from the rules in docs/model-format.md, without the engine: every reel's every (height,
 * stop) pair, every combination of them, the window built, ways counted symbol by symbol.
 */
class MegawaysTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SMALL = """
        {"type": "slot", "id": "mini-megaways", "rows": 4, "ways": true,
         "symbols": ["wild", "star", "a", "b", "c"],
         "wilds": [{"symbol": "wild"}],
         "reelSets": {"base": [["a", "b", "star", "c", "a", "b"], ["wild", "a", "c", "b", "star", "c", "a"],
                               ["b", "a", "wild", "c", "c", "star"], ["a", "c", "b", "b", "a"]]},
         "baseReels": "base",
         "reelHeights": [{"values": [1, 2, 3, 4], "weights": [1, 2, 2, 1]}, {"values": [2, 4], "weights": [3, 1]},
                         {"values": [1, 3], "weights": [1, 1]}, {"values": [2, 3, 4], "weights": [1, 1, 2]}],
         "pays": [{"symbol": "a", "pays": [0, 1, 3, 10]}, {"symbol": "b", "pays": [0, 1, 2, 6]},
                  {"symbol": "c", "pays": [0, 0, 2, 5]}],
         "scatters": [{"symbol": "star", "count": "per-symbol", "pays": [0, 1, 4, 20]}],
         "bet": {"lineBet": 1, "lines": 10}}""";

    @Test
    void exactFiguresEqualABruteForceOverEveryHeightAndStop() throws Exception {
        SlotGame game = (SlotGame) GameModels.load("mini.json", SMALL.getBytes(StandardCharsets.UTF_8));
        JsonNode m = JSON.readTree(SMALL);
        BruteForceMegaways brute = new BruteForceMegaways(m);
        ExactFigures exact = game.exactFigures().orElseThrow();
        assertEquals(brute.rtp, exact.rtp());
        assertEquals(brute.hit, exact.hitFrequency());
        assertEquals(brute.variance, exact.variance());
    }

    /**
     * Play: every recorded window shows on each reel one of its heights, the rows below empty, the strip
     * read from the recorded stop; the recorded win is the brute force's for that window, and the fast path
     * fed the same bytes wins the same.
     */
    @Test
    void playShowsARandomHeightPerReelAndPaysWhatTheRulesSay() throws Exception {
        SlotGame game = (SlotGame) GameModels.load("mini.json", SMALL.getBytes(StandardCharsets.UTF_8));
        JsonNode m = JSON.readTree(SMALL);
        BruteForceMegaways brute = new BruteForceMegaways(m);
        RoundOutcome outcome = RoundOutcome.forGame(game);
        boolean[] heightSeen = new boolean[5];
        try (DrbgStream recorded = PlayTest.stream(5); DrbgStream fast = PlayTest.stream(5)) {
            for (int round = 0; round < 2000; round++) {
                SpinResult result = game.play(new SlotGame.Bet(1, 10), recorded);
                game.play(fast, outcome);
                SpinResult.Spin spin = result.spins().get(0);
                int[][] columns = new int[4][];
                for (int r = 0; r < 4; r++) {
                    int height = 0;
                    while (height < 4 && !spin.window().get(height).get(r).isEmpty()) {
                        height++;
                    }
                    for (int j = height; j < 4; j++) {
                        assertEquals("", spin.window().get(j).get(r));
                    }
                    List<Integer> allowed = new ArrayList<>();
                    m.get("reelHeights").get(r).get("values").forEach(v -> allowed.add(v.asInt()));
                    assertTrue(allowed.contains(height), "reel " + r + " height " + height);
                    if (r == 0) {
                        heightSeen[height] = true;
                    }
                    JsonNode strip = m.get("reelSets").get("base").get(r);
                    columns[r] = new int[height];
                    for (int j = 0; j < height; j++) {
                        String symbol = strip.get((spin.stops().get(r) + j) % strip.size()).asText();
                        assertEquals(symbol, spin.window().get(j).get(r));
                        columns[r][j] = brute.symbols.indexOf(symbol);
                    }
                }
                assertEquals(brute.win(columns), result.win(), "round " + round);
                assertEquals(result.win(), outcome.win(), "round " + round);
            }
        }
        assertTrue(heightSeen[1] && heightSeen[2] && heightSeen[3] && heightSeen[4]);
    }

    /**
     * The example: its exact RTP, hit frequency and variance against the fast path's averages over 400,000
     * seeded rounds, within 5 standard errors (fails by chance with P < 1e-6).
     */
    @Test
    void theExampleSimulatesToItsExactFigures() throws Exception {
        simulatesToItsExactFigures(Examples.slot("mega-dragon.json"), 14, 400_000);
    }

    /**
     * The exact round win distribution of a small game with random heights (no feature: every round is its
     * base spin) equals the brute force's count of every window's win; the bet per line is 1, so wins in
     * line bets are wins in minor units.
     */
    @Test
    void theWinDistributionOfASmallGameEqualsTheBruteForce() throws Exception {
        SlotGame game = (SlotGame) GameModels.load("mini.json", SMALL.getBytes(StandardCharsets.UTF_8));
        BruteForceMegaways brute = new BruteForceMegaways(JSON.readTree(SMALL));
        java.util.SortedMap<Long, Fraction> exact = game.winDistribution().orElseThrow();
        assertEquals(Fraction.ZERO, game.featureRounds());
        assertEquals(brute.weightByWin.keySet(), exact.keySet());
        brute.weightByWin.forEach((win, weight) -> assertEquals(Fraction.of(weight, brute.cycle), exact.get(win),
                "win " + win));
    }

    @Test
    void heightsAreCheckedAgainstTheModel() {
        assertRefused("$.reelHeights", "expected one height table per reel (4), found 1",
                SMALL.replaceAll("(?s)\"reelHeights\": \\[.*?\\}\\],", "\"reelHeights\": [{\"values\": [1], \"weights\": [1]}],"));
        assertRefused("$.reelHeights[0].values[3]", "expected an integer in [1, 4], was 5",
                SMALL.replace("\"values\": [1, 2, 3, 4]", "\"values\": [1, 2, 3, 5]"));
        assertRefused("$.reelHeights", "random reel heights need a ways game",
                SMALL.replace("\"ways\": true,", "\"paylines\": [[0, 0, 0, 0]],").replace("\"lines\": 10", "\"lines\": 1"));
    }

    private static void assertRefused(String path, String words, String model) {
        Executable load = () -> GameModels.load("bad.json", model.getBytes(StandardCharsets.UTF_8));
        ModelException e = org.junit.jupiter.api.Assertions.assertThrows(ModelException.class, load);
        assertEquals(path, e.jsonPath(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    /**
     * The ways win in line bets of a window given as columns of symbol indices: per pay, the run of reels from the
     * first that show its symbol or "wild" (a wild for every paying symbol), its ways the product of the counts.
     * Shared by this class's brute force and {@link NaiveTopReel}'s, both written apart from the engine.
     */
    static long waysWin(JsonNode model, List<String> symbols, int[][] columns) {
        int wild = symbols.indexOf("wild");
        long win = 0;
        for (JsonNode pay : model.get("pays")) {
            int s = symbols.indexOf(pay.get("symbol").asText());
            long ways = 1;
            int k = 0;
            while (k < columns.length) {
                int count = 0;
                for (int x : columns[k]) {
                    count += x == s || x == wild ? 1 : 0;
                }
                if (count == 0) {
                    break;
                }
                ways *= count;
                k++;
            }
            win += k == 0 ? 0 : ways * pay.get("pays").get(k - 1).asLong();
        }
        return win;
    }

    /**
     * Plays {@code rounds} seeded rounds of {@code game} on the allocation-free path and checks their average win
     * per stake and hit rate against its exact RTP and hit frequency, within 5 standard errors (fails by chance
     * with P < 1e-6).
     */
    static void simulatesToItsExactFigures(SlotGame game, int seed, int rounds) throws Exception {
        ExactFigures exact = game.exactFigures().orElseThrow();
        RoundOutcome outcome = RoundOutcome.forGame(game);
        double total = 0;
        long hits = 0;
        try (DrbgStream stream = PlayTest.stream(seed)) {
            for (int i = 0; i < rounds; i++) {
                game.play(stream, outcome);
                double x = outcome.win() / (double) outcome.stake();
                total += x;
                hits += outcome.win() > 0 ? 1 : 0;
            }
        }
        double sd = Math.sqrt(exact.variance().doubleValue() / rounds);
        assertEquals(exact.rtp().doubleValue(), total / rounds, 5 * sd);
        double p = exact.hitFrequency().doubleValue();
        assertEquals(p, hits / (double) rounds, 5 * Math.sqrt(p * (1 - p) / rounds));
    }

    /** The brute force: every combination of (height, stop) per reel, weighted. */
    static final class BruteForceMegaways {
        final JsonNode model;
        final List<String> symbols = new ArrayList<>();
        Fraction rtp;
        Fraction hit;
        Fraction variance;
        /** Each window's win in line bets, with the total weight of the windows that win it; and that weight's total. */
        final java.util.SortedMap<Long, BigInteger> weightByWin = new java.util.TreeMap<>();
        BigInteger cycle;

        BruteForceMegaways(JsonNode model) {
            this.model = model;
            model.get("symbols").forEach(s -> symbols.add(s.asText()));
            JsonNode strips = model.get("reelSets").get("base");
            int reels = strips.size();
            BigInteger total = BigInteger.ZERO;
            BigInteger sum = BigInteger.ZERO;
            BigInteger sumSquares = BigInteger.ZERO;
            BigInteger hits = BigInteger.ZERO;
            int[] height = new int[reels];
            int[] stop = new int[reels];
            while (true) {
                long weight = 1;
                int[][] columns = new int[reels][];
                for (int r = 0; r < reels; r++) {
                    JsonNode h = model.get("reelHeights").get(r);
                    weight *= h.get("weights").get(height[r]).asLong();
                    int rows = h.get("values").get(height[r]).asInt();
                    JsonNode strip = strips.get(r);
                    columns[r] = new int[rows];
                    for (int j = 0; j < rows; j++) {
                        columns[r][j] = symbols.indexOf(strip.get((stop[r] + j) % strip.size()).asText());
                    }
                }
                long win = win(columns);
                BigInteger w = BigInteger.valueOf(weight);
                total = total.add(w);
                weightByWin.merge(win, w, BigInteger::add);
                sum = sum.add(w.multiply(BigInteger.valueOf(win)));
                sumSquares = sumSquares.add(w.multiply(BigInteger.valueOf(win).pow(2)));
                if (win > 0) {
                    hits = hits.add(w);
                }
                int r = 0;
                for (; r < reels; r++) {
                    stop[r]++;
                    if (stop[r] < strips.get(r).size()) {
                        break;
                    }
                    stop[r] = 0;
                    height[r]++;
                    if (height[r] < model.get("reelHeights").get(r).get("values").size()) {
                        break;
                    }
                    height[r] = 0;
                }
                if (r == reels) {
                    break;
                }
            }
            cycle = total;
            long lines = model.get("bet").get("lines").asLong();
            rtp = Fraction.of(sum, total.multiply(BigInteger.valueOf(lines)));
            hit = Fraction.of(hits, total);
            variance = Fraction.of(sumSquares, total.multiply(BigInteger.valueOf(lines * lines))).subtract(rtp.multiply(rtp));
        }

        /** The win in line bets of a window given as columns of symbol indices. */
        long win(int[][] columns) {
            int star = symbols.indexOf("star");
            long win = waysWin(model, symbols, columns);
            int stars = 0;
            for (int[] column : columns) {
                for (int x : column) {
                    stars += x == star ? 1 : 0;
                }
            }
            JsonNode scatterPays = model.get("scatters").get(0).get("pays");
            long lines = model.get("bet").get("lines").asLong();
            win += stars == 0 ? 0 : scatterPays.get(Math.min(stars, scatterPays.size()) - 1).asLong() * lines;
            return win;
        }
    }
}

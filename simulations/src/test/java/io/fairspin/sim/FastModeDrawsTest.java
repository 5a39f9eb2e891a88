package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.Game;
import io.fairspin.math.RoundOutcome;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * Fast mode's results recomputed from {@code docs/simulation.md} alone ("Fast-mode draws"), without the
 * engine's streams, draws or tables: one chunk's generator seeded as documented, its longs read as words
 * (high half first), one {@code uniform(25^5)} per Sizzling Hot spin by Lemire's method with rejection
 * (derivation v1, section 3.1) split in mixed radix into the five stops, and the spin evaluated from the
 * model file as written (window, lines walked from the left, per-reel stars). The sums must equal those of a
 * fast-mode {@link Simulation}, figure for figure.
 */
class FastModeDrawsTest {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    @Test
    void aFastChunkOfSizzlingHotIsWhatTheDocumentedDrawsGive() throws Exception {
        Path file = Path.of(System.getProperty("fairspin.root", "..")).resolve("examples/sizzling-hot.json");
        Game game = ExampleModels.load("sizzling-hot.json");
        Plain plain = new Plain(new ObjectMapper().readTree(Files.readAllBytes(file)));
        long seed = 20261204;
        // Two chunks, the second one short, played on two threads.
        SimulationPlan plan = new SimulationPlan(100_000, seed, RandomMode.FAST, 0.99);
        Statistics engine = new Simulation(game, plan).run(2).statistics();
        long[] expected = new long[5];
        long rounds = 0;
        for (long chunk = 0; chunk < plan.chunks(); chunk++) {
            Words words = new Words(RandomGeneratorFactory.of("L64X128MixRandom")
                    .create(mix64(seed + (chunk + 1) * GOLDEN_GAMMA)));
            for (int i = 0; i < plan.roundsInChunk(chunk); i++, rounds++) {
                plain.spin(words, expected);
            }
        }
        assertEquals(100_000, rounds);
        assertEquals(rounds, engine.rounds());
        assertEquals(expected[0], engine.hits(), "hits");
        assertEquals(BigInteger.valueOf(expected[1]), engine.totalWin(), "total win");
        assertEquals(BigInteger.valueOf(expected[2]), engine.sumOfSquaredWins(), "sum of squared wins");
        assertEquals(expected[3], engine.maxWin(), "largest win");
        assertEquals(BigInteger.valueOf(expected[4]), engine.winByType().get(1), "scatter wins");
    }

    /** Certified mode keeps derivation v1's draws: its rounds are {@link Game#play}'s, not the fast draws'. */
    @Test
    void certifiedModeKeepsOneDrawPerReel() throws Exception {
        Game game = ExampleModels.load("sizzling-hot.json");
        SimulationPlan plan = new SimulationPlan(20_000, 7, RandomMode.CERTIFIED, 0.99);
        Statistics engine = Simulation.playRange(game, plan, 0).statistics();
        RoundOutcome outcome = RoundOutcome.forGame(game);
        long total = 0;
        long fastTotal = 0;
        try (RandomMode.ChunkStreams streams = RandomMode.CERTIFIED.streams(7);
                RandomMode.ChunkStreams again = RandomMode.CERTIFIED.streams(7)) {
            var stream = streams.open(0);
            var other = again.open(0);
            for (int i = 0; i < 20_000; i++) {
                game.play(stream, outcome);
                total += outcome.win();
                game.playFast(other, outcome);
                fastTotal += outcome.win();
            }
        }
        assertEquals(BigInteger.valueOf(total), engine.totalWin());
        assertNotEquals(total, fastTotal, "the fast draws are other draws");
    }

    /** SplitMix64's finalizer, as docs/simulation.md writes it. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The chunk's bytes as words: each nextLong() big-endian, so a word32 is its high half, then its low half. */
    private static final class Words {
        private final RandomGenerator generator;
        private long held;
        private boolean lowHalfLeft;

        Words(RandomGenerator generator) {
            this.generator = generator;
        }

        long word32() {
            if (lowHalfLeft) {
                lowHalfLeft = false;
                return held & 0xFFFFFFFFL;
            }
            held = generator.nextLong();
            lowHalfLeft = true;
            return held >>> 32;
        }

        /** uniform(n) for n at most 2^32, by derivation v1's section 3.1 as written (t computed every time). */
        long uniform(long n) {
            long t = ((1L << 32) - n) % n;
            while (true) {
                long m = word32() * n;
                if ((m & 0xFFFFFFFFL) >= t) {
                    return m >>> 32;
                }
            }
        }
    }

    /** Sizzling Hot played from the model file as written: no tables. */
    private static final class Plain {
        private final int[][] strips;
        private final int[][] lines;
        private final long[][] pays;
        private final long[] scatterPays;
        private final int scatter;
        private final int rows;
        private final long lineBet;
        private final long totalBet;

        Plain(JsonNode model) {
            Map<String, Integer> symbols = new HashMap<>();
            for (JsonNode name : model.get("symbols")) {
                symbols.put(name.asText(), symbols.size());
            }
            rows = model.get("rows").asInt();
            JsonNode reels = model.get("reelSets").get(model.get("baseReels").asText());
            strips = new int[reels.size()][];
            for (int r = 0; r < strips.length; r++) {
                strips[r] = new int[reels.get(r).size()];
                for (int i = 0; i < strips[r].length; i++) {
                    strips[r][i] = symbols.get(reels.get(r).get(i).asText());
                }
            }
            lines = new int[model.get("paylines").size()][];
            for (int l = 0; l < lines.length; l++) {
                lines[l] = new ObjectMapper().convertValue(model.get("paylines").get(l), int[].class);
            }
            pays = new long[symbols.size()][strips.length + 1];
            for (JsonNode pay : model.get("pays")) {
                for (int k = 0; k < pay.get("pays").size(); k++) {
                    pays[symbols.get(pay.get("symbol").asText())][k + 1] = pay.get("pays").get(k).asLong();
                }
            }
            JsonNode star = model.get("scatters").get(0);
            assertEquals(List.of("per-reel"), List.of(star.get("count").asText()));
            scatter = symbols.get(star.get("symbol").asText());
            scatterPays = new long[strips.length + 1];
            for (int k = 0; k < star.get("pays").size(); k++) {
                scatterPays[k + 1] = star.get("pays").get(k).asLong();
            }
            lineBet = model.get("bet").get("lineBet").asLong();
            totalBet = lineBet * model.get("bet").get("lines").asLong();
        }

        /** One spin: adds to {hits, total win, sum of squares, max win, scatter wins}. */
        void spin(Words words, long[] sums) {
            long product = 1;
            for (int[] strip : strips) {
                product *= strip.length;
            }
            long u = words.uniform(product);
            int[] stops = new int[strips.length];
            for (int r = 0; r < strips.length; r++) {
                product /= strips[r].length;
                stops[r] = (int) (u / product % strips[r].length);
            }
            int[][] window = new int[strips.length][rows];
            int stars = 0;
            for (int r = 0; r < strips.length; r++) {
                boolean star = false;
                for (int row = 0; row < rows; row++) {
                    window[r][row] = strips[r][(stops[r] + row) % strips[r].length];
                    star |= window[r][row] == scatter;
                }
                stars += star ? 1 : 0;
            }
            long scatterWin = scatterPays[stars] * totalBet;
            long win = scatterWin;
            for (int[] line : lines) {
                int first = window[0][line[0]];
                if (first == scatter) {
                    continue;
                }
                int count = 1;
                while (count < strips.length && window[count][line[count]] == first) {
                    count++;
                }
                win += pays[first][count] * lineBet;
            }
            sums[0] += win > 0 ? 1 : 0;
            sums[1] += win;
            sums[2] += win * win;
            sums[3] = Math.max(sums[3], win);
            sums[4] += scatterWin;
        }
    }
}

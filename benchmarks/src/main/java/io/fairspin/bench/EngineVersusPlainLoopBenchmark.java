package io.fairspin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.sim.RandomMode;
import io.fairspin.sim.Simulation;
import io.fairspin.sim.SimulationPlan;
import io.fairspin.sim.SimulationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulation engine against a plain hand-written loop for the same game, Sizzling Hot (5 reels of 25
 * stops, 3 rows, 5 left-to-right lines, a per-reel scatter), all on one thread and in one JMH run, so the
 * ratio compares like with like on a shared machine. Scores are spins per second.
 *
 * <ul>
 * <li>{@code engineFast}, {@code engineCertified}: {@link Simulation#run} of 2^20 spins on one thread,
 * chunk streams, tallies (sums, squares, win types, histogram) and the report included;</li>
 * <li>{@code plainLoop}: what one writes by hand from the model file: draw each reel's stop with
 * {@code nextInt(25)} from the same JDK generator fast mode uses, fill the 3x5 window, walk each line from
 * the left counting matches of its first symbol, look the pay up, count the reels showing a star, and
 * sum the wins, their squares and the hits.</li>
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EngineVersusPlainLoopBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class EngineVersusPlainLoopBenchmark {
    private static final int ROUNDS = 1 << 20;
    private static final String MODEL = "examples/sizzling-hot.json";

    private Game game;
    private long seed;
    private PlainSizzlingHot plain;

    @Setup
    public void setUp() throws IOException {
        Path file = Path.of(System.getProperty("fairspin.root", ".")).resolve(MODEL);
        game = GameModels.load(file);
        plain = new PlainSizzlingHot(new ObjectMapper().readTree(Files.readAllBytes(file)));
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public SimulationReport engineFast() throws InterruptedException {
        return new Simulation(game, new SimulationPlan(ROUNDS, seed++, RandomMode.FAST, 0.99)).run(1);
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public SimulationReport engineCertified() throws InterruptedException {
        return new Simulation(game, new SimulationPlan(ROUNDS, seed++, RandomMode.CERTIFIED, 0.99)).run(1);
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public long[] plainLoop() {
        return plain.run(RandomGeneratorFactory.of("L64X128MixRandom").create(seed++), ROUNDS);
    }

    /** The plain loop: the model read into arrays and played as written, no precomputed tables. */
    static final class PlainSizzlingHot {
        private final int[][] strips;
        private final int[][] lines;
        private final long[][] pays;
        private final long[] scatterPays;
        private final int scatter;
        private final int rows;
        private final long lineBet;
        private final long totalBet;

        PlainSizzlingHot(JsonNode model) {
            Map<String, Integer> symbols = new HashMap<>();
            JsonNode names = model.get("symbols");
            for (int s = 0; s < names.size(); s++) {
                symbols.put(names.get(s).asText(), s);
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
            JsonNode paylines = model.get("paylines");
            lines = new int[paylines.size()][strips.length];
            for (int l = 0; l < lines.length; l++) {
                for (int r = 0; r < strips.length; r++) {
                    lines[l][r] = paylines.get(l).get(r).asInt();
                }
            }
            pays = new long[names.size()][strips.length + 1];
            for (JsonNode pay : model.get("pays")) {
                int s = symbols.get(pay.get("symbol").asText());
                for (int k = 0; k < pay.get("pays").size(); k++) {
                    pays[s][k + 1] = pay.get("pays").get(k).asLong();
                }
            }
            JsonNode star = model.get("scatters").get(0);
            scatter = symbols.get(star.get("symbol").asText());
            scatterPays = new long[strips.length + 1];
            for (int k = 0; k < star.get("pays").size(); k++) {
                scatterPays[k + 1] = star.get("pays").get(k).asLong();
            }
            lineBet = model.get("bet").get("lineBet").asLong();
            totalBet = lineBet * model.get("bet").get("lines").asLong();
        }

        /** Plays {@code rounds} spins; returns {rounds, hits, total win, sum of squared wins}. */
        long[] run(RandomGenerator random, int rounds) {
            int reels = strips.length;
            int[][] window = new int[reels][rows];
            long hits = 0;
            long total = 0;
            long squares = 0;
            for (int i = 0; i < rounds; i++) {
                int stars = 0;
                for (int r = 0; r < reels; r++) {
                    int[] strip = strips[r];
                    int stop = random.nextInt(strip.length);
                    boolean star = false;
                    for (int row = 0; row < rows; row++) {
                        int symbol = strip[(stop + row) % strip.length];
                        window[r][row] = symbol;
                        star |= symbol == scatter;
                    }
                    stars += star ? 1 : 0;
                }
                long win = scatterPays[stars] * totalBet;
                for (int[] line : lines) {
                    int first = window[0][line[0]];
                    if (first == scatter) {
                        continue;
                    }
                    int count = 1;
                    while (count < reels && window[count][line[count]] == first) {
                        count++;
                    }
                    win += pays[first][count] * lineBet;
                }
                hits += win > 0 ? 1 : 0;
                total += win;
                squares += win * win;
            }
            return new long[] {rounds, hits, total, squares};
        }
    }
}

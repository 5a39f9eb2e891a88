package io.fairspin.bench;

import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.sim.DiceGame;
import io.fairspin.sim.RandomMode;
import io.fairspin.sim.Simulation;
import io.fairspin.sim.SimulationPlan;
import io.fairspin.sim.SimulationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulation engine's spin loop over a game model: one invocation is a whole simulation of 2^22
 * rounds (64 chunks) on {@code threads} threads, so the score is rounds per second, merging and the
 * per-chunk stream set-up included. {@code model} is a model file relative to the project root (run
 * from there, or set {@code -Dfairspin.root} through {@code -jvmArgs}), or {@code dice} for the
 * two-dice test game.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SimulationBenchmark
 * java -jar benchmarks/target/benchmarks.jar SimulationBenchmark -p model=dice
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SimulationBenchmark {
    private static final int ROUNDS = 1 << 22;

    /** The model file, relative to the project root, or {@code dice}. */
    @Param("examples/sizzling-hot.json")
    public String model;

    /** The random mode: {@code fast} or {@code certified}. */
    @Param({"fast", "certified"})
    public String rng;

    @Param({"1", "2"})
    public int threads;

    private Game game;
    private RandomMode mode;
    private long seed;

    @Setup
    public void setUp() throws IOException {
        game = model.equals("dice") ? DiceGame.honest()
                : GameModels.load(Path.of(System.getProperty("fairspin.root", ".")).resolve(model));
        mode = RandomMode.fromCliName(rng);
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public SimulationReport simulate() throws InterruptedException {
        return new Simulation(game, new SimulationPlan(ROUNDS, seed++, mode, 0.99)).run(threads);
    }
}

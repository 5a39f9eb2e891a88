package io.fairspin.bench;

import io.fairspin.bench.SlotSpinBenchmark.SplittableStream;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rounds of the modern slot mechanics on the simulation path, one example per mechanic, single thread,
 * over the same fast stream as {@link SlotSpinBenchmark}: cascading clusters on a 6x5 grid
 * ({@code cascade-clusters}), cascading ways with multipliers ({@code tumbling-ways}) and random reel
 * heights up to 117,649 ways ({@code mega-dragon}). Score: rounds per second. Run from the project root.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SlotMechanicsBenchmark {

    @Param({"cascade-clusters", "tumbling-ways", "mega-dragon"})
    public String model;

    private Game game;
    private RandomStream stream;
    private RoundOutcome outcome;

    @Setup
    public void setUp() throws IOException {
        Path file = Path.of("examples", model + ".json");
        if (!Files.exists(file)) {
            throw new IllegalStateException("run from the project root: " + file.toAbsolutePath() + " not found");
        }
        game = GameModels.load(file);
        stream = new SplittableStream(42);
        outcome = RoundOutcome.forGame(game);
    }

    @Benchmark
    public long round() {
        game.play(stream, outcome);
        return outcome.win();
    }
}

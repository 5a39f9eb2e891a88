package io.fairspin.bench;

import io.fairspin.math.Bet;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
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
 * Slot spins on the simulation path, {@code Game.play(RandomStream, RoundOutcome)}, single thread, over a
 * fast non-certified stream (SplittableRandom bytes through derivation v1), so the score is the game's
 * own cost. Score: spins per second. Run from the project root (the models are read from examples/). Bought rounds:
 * {@code -p bought=true -p model=lucky-wilds,tumbling-ways,coin-rush-deluxe} (the examples that sell their feature).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SlotSpinBenchmark {

    /**
     * Classic lines and ways, then one example per modern mechanic: cascading clusters, cascading ways, random reel
     * heights, random reel heights with a top reel, hold-and-win, cash-collect, jackpots, a random number of picks
     * from weighted prize tables, per-coin pays.
     */
    @Param({"sizzling-hot", "lucky-wilds", "ways-243", "cascade-clusters", "tumbling-ways", "mega-dragon", "mega-dragon-top",
            "coin-rush", "coin-rush-collect", "jackpot-treasure", "buoy-bonus", "red-white-blue"})
    public String model;

    /** Whether the round is bought ({@code "bonusBuy": true}): only for the models that sell their feature. */
    @Param({"false"})
    public boolean bought;

    private Bet bet;

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
        bet = bought ? game.standardBet().withBonusBuy() : null;
        if (bought) {
            game.checkBet(bet);
        }
    }

    /** One round: a spin with what it starts, or with {@code -p bought=true} a bought feature. */
    @Benchmark
    public long spin() {
        if (bet == null) {
            game.play(stream, outcome);
        } else {
            game.play(bet, stream, outcome);
        }
        return outcome.win();
    }

    /** A fast stream for benchmarks only: SplittableRandom's 64-bit outputs as the byte sequence. */
    static final class SplittableStream extends RandomStream {
        private final SplittableRandom random;

        SplittableStream(long seed) {
            super(256);
            this.random = new SplittableRandom(seed);
        }

        @Override
        protected void nextBlock(byte[] destination, int offset) {
            for (int i = 0; i < 256; i += 8) {
                long word = random.nextLong();
                for (int b = 0; b < 8; b++) {
                    destination[offset + i + b] = (byte) (word >>> (56 - 8 * b));
                }
            }
        }
    }
}

package io.fairspin.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.sim.RandomMode;
import io.fairspin.sim.Simulation;
import io.fairspin.sim.SimulationPlan;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.random.RandomGeneratorFactory;

/**
 * {@link EngineVersusPlainLoopBenchmark}'s three loops timed by the thread's CPU time rather than the
 * wall clock, so that the ratio holds on a machine shared with other work: each round plays 2^24 spins
 * of each on this thread (the engine through {@link Simulation#playRange}, the same chunk loop that
 * {@code run} uses on its threads), alternating, after a warm-up; it prints spins per CPU-second and
 * the engine's ratio to the plain loop per round.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.fairspin.bench.EngineVersusPlainLoopCpuTime [rounds]
 * </pre>
 */
public final class EngineVersusPlainLoopCpuTime {
    private static final int SPINS = 1 << 24;

    private EngineVersusPlainLoopCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path file = Path.of(System.getProperty("fairspin.root", ".")).resolve("examples/sizzling-hot.json");
        Game game = GameModels.load(file);
        EngineVersusPlainLoopBenchmark.PlainSizzlingHot plain = new EngineVersusPlainLoopBenchmark.PlainSizzlingHot(
                new ObjectMapper().readTree(Files.readAllBytes(file)));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = -1; round < rounds; round++) {
            double[] rates = new double[3];
            for (int which = 0; which < 3; which++) {
                long start = cpu.getCurrentThreadCpuTime();
                if (which == 2) {
                    sink += plain.run(RandomGeneratorFactory.of("L64X128MixRandom").create(round), SPINS)[2];
                } else {
                    RandomMode mode = which == 0 ? RandomMode.FAST : RandomMode.CERTIFIED;
                    // SPINS rounds are 256 chunks: one range of a 256,000-chunk plan holds exactly 256 of them.
                    SimulationPlan plan = new SimulationPlan(256_000L * Simulation.CHUNK_ROUNDS, round, mode, 0.99);
                    sink += Simulation.playRange(game, plan, 0).rounds();
                }
                rates[which] = SPINS / ((cpu.getCurrentThreadCpuTime() - start) / 1e9);
            }
            if (round >= 0) {
                System.out.printf(Locale.ROOT, "round %d: engine fast %.2fM, engine certified %.2fM, plain loop %.2fM "
                        + "spins per CPU-second; fast/plain %.2f, certified/fast %.2f%n", round, rates[0] / 1e6,
                        rates[1] / 1e6, rates[2] / 1e6, rates[0] / rates[2], rates[1] / rates[0]);
            }
        }
        System.out.println(sink == 42 ? "" : "done");
    }
}

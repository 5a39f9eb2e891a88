package io.fairspin.sim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fairspin.math.Bet;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.sim.RandomMode;
import io.fairspin.sim.Simulation;
import io.fairspin.sim.SimulationCheckpoint;
import io.fairspin.sim.SimulationPlan;
import io.fairspin.sim.SimulationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Spark job in local mode ({@code local[2]}, two executor threads in this JVM, tasks serialized as on a
 * cluster) reports exactly what the local engine does for the same model, seed and rounds.
 */
class SparkSimulationTest {
    /** 40 chunks, the last one short: 40 ranges, so 40 tasks. */
    private static final long ROUNDS = 39L * Simulation.CHUNK_ROUNDS + 12_345;
    private static final String MODEL = "examples/sizzling-hot.json";

    private static JavaSparkContext spark;
    private static byte[] model;
    private static Game game;

    @BeforeAll
    static void startSpark() throws Exception {
        model = Files.readAllBytes(root().resolve(MODEL));
        game = GameModels.load(MODEL, model);
        spark = new JavaSparkContext(SparkCluster.configuration("local[2]"));
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.close();
        }
    }

    static Path root() {
        return Path.of(System.getProperty("fairspin.root", ".."));
    }

    @ParameterizedTest
    @EnumSource(RandomMode.class)
    void theReportIsThatOfTheLocalEngine(RandomMode mode) throws Exception {
        SimulationPlan plan = new SimulationPlan(ROUNDS, 20261203L, mode, 0.99);
        SimulationReport local = new Simulation(game, plan).run(2);
        LongAdder progress = new LongAdder();
        LongAdder ranges = new LongAdder();
        SimulationReport distributed = new SparkSimulation(spark).run(MODEL, model, plan, null, done -> {
            progress.add(done);
            ranges.increment();
        });
        assertFalse(distributed.partial());
        assertEquals(ROUNDS, progress.sum(), "progress: every range's rounds, once");
        assertEquals(plan.ranges(), ranges.sum());
        assertEquals(ROUNDS, distributed.statistics().rounds());
        assertEquals(local, distributed);
    }

    /** Each task plays the plan's bet: bought rounds of a line slot at 10 lines of 2, as the local engine does. */
    @Test
    void aRunAtABoughtBetIsThatOfTheLocalEngine() throws Exception {
        String slotModel = "examples/lucky-wilds.json";
        byte[] slotBytes = Files.readAllBytes(root().resolve(slotModel));
        Game slot = GameModels.load(slotModel, slotBytes);
        SimulationPlan plan = new SimulationPlan(9L * Simulation.CHUNK_ROUNDS + 77, 3, RandomMode.FAST, 0.99,
                Bet.lines(10, 2, 1).withBonusBuy());
        SimulationReport distributed = new SparkSimulation(spark).run(slotModel, slotBytes, plan, null);
        assertEquals(26 * 10 * 2, distributed.statistics().stake(), "the price x the bet");
        assertEquals(new Simulation(slot, plan).run(2), distributed);
    }

    /** Ten ranges saved by an interrupted run are not played again, the rest are saved as they complete. */
    @Test
    void aResumedRunReportsWhatAnUninterruptedOneDoes(@TempDir Path dir) throws Exception {
        SimulationPlan plan = new SimulationPlan(ROUNDS, -5, RandomMode.FAST, 0.99);
        try (SimulationCheckpoint checkpoint = SimulationCheckpoint.open(dir, game, plan, "m")) {
            for (int range = 10; range < 20; range++) {
                checkpoint.save(Simulation.playRange(game, plan, range));
            }
        }
        SimulationReport resumed;
        try (SimulationCheckpoint checkpoint = SimulationCheckpoint.open(dir, game, plan, "m")) {
            assertEquals(10, checkpoint.completed().size());
            LongAdder progress = new LongAdder();
            resumed = new SparkSimulation(spark).run(MODEL, model, plan, checkpoint, progress::add);
            assertEquals(ROUNDS, progress.sum(), "progress: the resumed ranges, then the others");
        }
        assertEquals(new Simulation(game, plan).run(2), resumed);
        try (SimulationCheckpoint checkpoint = SimulationCheckpoint.open(dir, game, plan, "m")) {
            assertEquals(plan.ranges(), checkpoint.completed().size());
        }
    }
}

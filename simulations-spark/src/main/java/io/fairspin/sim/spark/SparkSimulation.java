package io.fairspin.sim.spark;

import io.fairspin.math.Bet;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.sim.RandomMode;
import io.fairspin.sim.RangeTally;
import io.fairspin.sim.Simulation;
import io.fairspin.sim.SimulationCheckpoint;
import io.fairspin.sim.SimulationPlan;
import io.fairspin.sim.SimulationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * A simulation as a Spark job. The plan's chunk ranges ({@link SimulationPlan#ranges()}) are the
 * elements of an RDD, one task per range; each task loads the game from the model file's bytes (once per
 * executor JVM) and plays its range at the plan's bet with {@link Simulation#playRange}, from the same (seed, chunk)
 * streams as the local engine; the driver collects the ranges' exact tallies (a few hundred bytes each)
 * and builds the report with {@link Simulation#report}. Integer sums merge exactly in any order, so the
 * report equals {@code fairspin simulate} on one machine for the same model, seed and rounds.
 *
 * <p>With a checkpoint, ranges already saved are not played again, and the rest run in waves (at most
 * about 20 Spark jobs), each wave's tallies saved as it completes; a run killed midway loses at most
 * the wave in flight.
 */
public final class SparkSimulation {
    /** Waves of a checkpointed run: about this many, so that each saves progress. */
    private static final int WAVES = 20;

    private final JavaSparkContext spark;

    /**
     * A simulation engine over {@code spark}'s executors.
     *
     * @param spark the Spark context; not stopped by this class
     */
    public SparkSimulation(JavaSparkContext spark) {
        this.spark = spark;
    }

    /**
     * Runs {@code plan} over the model {@code model} (the bytes of the file {@code modelName}); with a
     * {@code checkpoint} (or null), resumes from its ranges and saves the new ones.
     *
     * @param modelName the model file's name, for messages and the report
     * @param model the model file's bytes, shipped to every task
     * @param plan the rounds, seed, random mode, confidence and bet (every task plays the bet)
     * @param checkpoint the checkpoint folder to resume from and save to, or null
     * @return the report, equal to the local engine's for the same plan
     */
    public SimulationReport run(String modelName, byte[] model, SimulationPlan plan, SimulationCheckpoint checkpoint) {
        return run(modelName, model, plan, checkpoint, null);
    }

    /**
     * {@link #run(String, byte[], SimulationPlan, SimulationCheckpoint)}, telling {@code roundsDone} the rounds
     * of each range as its task completes (the resumed ranges first), for progress.
     *
     * @param modelName the model file's name, for messages and the report
     * @param model the model file's bytes, shipped to every task
     * @param plan the rounds, seed, random mode, confidence and bet (every task plays the bet)
     * @param checkpoint the checkpoint folder to resume from and save to, or null
     * @param roundsDone told each completed range's rounds, from Spark's listener thread; or null
     * @return the report, equal to the local engine's for the same plan
     */
    public SimulationReport run(String modelName, byte[] model, SimulationPlan plan, SimulationCheckpoint checkpoint,
            LongConsumer roundsDone) {
        Game game = GameModels.load(modelName, model);
        Game played = Simulation.gameAt(game, plan.bet());
        List<RangeTally> done = new ArrayList<>(checkpoint == null ? List.of() : checkpoint.completed());
        boolean[] have = new boolean[plan.ranges()];
        done.forEach(range -> have[range.range()] = true);
        List<Integer> todo = new ArrayList<>();
        for (int r = 0; r < plan.ranges(); r++) {
            if (!have[r]) {
                todo.add(r);
            }
        }
        int wave = checkpoint == null ? Math.max(1, todo.size())
                : Math.max(4 * spark.defaultParallelism(), (todo.size() + WAVES - 1) / WAVES);
        PlayRange task = new PlayRange(modelName, model, plan);
        if (roundsDone != null) {
            done.forEach(range -> roundsDone.accept(plan.roundsInRange(range.range())));
        }
        for (int from = 0; from < todo.size(); from += wave) {
            List<Integer> ranges = todo.subList(from, Math.min(todo.size(), from + wave));
            List<byte[]> tallies = collectWithProgress(spark.parallelize(ranges, ranges.size()).map(task), ranges,
                    plan, roundsDone);
            for (byte[] encoded : tallies) {
                RangeTally range = decode(encoded, played);
                if (checkpoint != null) {
                    checkpoint.save(range);
                }
                done.add(range);
            }
        }
        return Simulation.report(game, plan, done);
    }

    /** Collects a wave's tallies, telling {@code roundsDone} each range's rounds as its task succeeds. */
    private List<byte[]> collectWithProgress(JavaRDD<byte[]> wave, List<Integer> ranges, SimulationPlan plan,
            LongConsumer roundsDone) {
        if (roundsDone == null) {
            return wave.collect();
        }
        RangeProgress listener = new RangeProgress(ranges, plan, roundsDone);
        spark.sc().addSparkListener(listener);
        List<byte[]> tallies;
        try {
            tallies = wave.collect();
        } finally {
            spark.sc().removeSparkListener(listener);
        }
        listener.countTheRest(); // the listener bus is asynchronous: the last task ends may not have reached it
        return tallies;
    }

    /**
     * Counts a wave's ranges as their tasks succeed: the wave's job has one stage whose task i plays range
     * {@code ranges.get(i)} (one range per partition); a retried or speculative task counts once.
     */
    static final class RangeProgress extends SparkListener {
        private final List<Integer> ranges;
        private final SimulationPlan plan;
        private final LongConsumer roundsDone;
        private final BitSet counted = new BitSet();
        private int stage = -1;

        RangeProgress(List<Integer> ranges, SimulationPlan plan, LongConsumer roundsDone) {
            this.ranges = List.copyOf(ranges);
            this.plan = plan;
            this.roundsDone = roundsDone;
        }

        @Override
        public synchronized void onStageSubmitted(SparkListenerStageSubmitted submitted) {
            if (stage < 0) {
                stage = submitted.stageInfo().stageId();
            }
        }

        @Override
        public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
            int index = end.taskInfo().index();
            if (end.stageId() != stage || !end.taskInfo().successful() || index >= ranges.size()
                    || counted.get(index)) {
                return;
            }
            count(index);
        }

        /** Counts the ranges not counted yet, once the wave's job has succeeded. */
        synchronized void countTheRest() {
            for (int index = counted.nextClearBit(0); index < ranges.size(); index = counted.nextClearBit(index + 1)) {
                count(index);
            }
        }

        private void count(int index) {
            counted.set(index);
            roundsDone.accept(plan.roundsInRange(ranges.get(index)));
        }
    }

    private static RangeTally decode(byte[] encoded, Game game) {
        try {
            return RangeTally.decode(encoded, game);
        } catch (IOException e) {
            throw new UncheckedIOException("a task's tally: " + e.getMessage(), e);
        }
    }

    /** A task: plays one range and returns its encoded tally. Holds the plan's fields (records are not Serializable). */
    static final class PlayRange implements Function<Integer, byte[]> {
        private static final long serialVersionUID = 1L;
        private static final Map<String, Game> GAMES = new ConcurrentHashMap<>();

        private final String modelName;
        private final byte[] model;
        private final String modelHash;
        private final long rounds;
        private final long seed;
        private final String mode;
        private final double confidence;
        /** The plan's bet as its canonical JSON ({@link Bet} is not Serializable). */
        private final String bet;

        PlayRange(String modelName, byte[] model, SimulationPlan plan) {
            this.modelName = modelName;
            this.model = model.clone();
            this.modelHash = SimulationCheckpoint.fingerprint(model);
            this.rounds = plan.rounds();
            this.seed = plan.seed();
            this.mode = plan.mode().cliName();
            this.confidence = plan.confidence();
            this.bet = plan.bet().toJson();
        }

        @Override
        public byte[] call(Integer range) {
            Game game = GAMES.computeIfAbsent(modelHash, hash -> GameModels.load(modelName, model));
            SimulationPlan plan = new SimulationPlan(rounds, seed, RandomMode.fromCliName(mode), confidence,
                    Bet.fromJson(bet));
            return Simulation.playRange(game, plan, range).encode();
        }
    }
}

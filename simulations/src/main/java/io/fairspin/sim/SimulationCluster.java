package io.fairspin.sim;

import io.fairspin.math.Game;
import java.io.IOException;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.LongConsumer;

/**
 * A distributed engine that runs a simulation's chunk ranges as tasks on a cluster and merges their
 * exact tallies ({@link Simulation#playRange}, {@link Simulation#report}), so that its report equals a
 * local run's. Found with {@link ServiceLoader}: the {@code simulations-spark} module provides
 * {@code spark}; the local engine and this module stay free of any cluster's jars.
 */
public interface SimulationCluster {
    /**
     * The engine's name, for example {@code spark}.
     *
     * @return the engine's name, as {@code --spark} and messages show it
     */
    String name();

    /**
     * Runs {@code plan} over the model whose file {@code modelName} holds {@code model} (the bytes every
     * task loads the game from), on the cluster {@code master}.
     *
     * @param game       the game loaded from {@code model}, for the report
     * @param checkpoint where completed ranges are saved and read from, or null
     * @param master the cluster's master URL, such as {@code local[2]} or {@code spark://host:7077}
     * @param modelName the model file's name, for messages and reports
     * @param model the model file's bytes, shipped to every task
     * @param plan the rounds, seed, random mode, confidence and bet (every task plays the bet)
     * @param roundsDone told the rounds of each range as it completes (the ranges resumed from the checkpoint
     *     first), from a thread of the engine's, for progress; or null
     * @return the report, equal to the local engine's for the same plan
     * @throws java.io.IOException when the checkpoint cannot be read or written
     */
    SimulationReport run(String master, String modelName, byte[] model, Game game, SimulationPlan plan,
            SimulationCheckpoint checkpoint, LongConsumer roundsDone) throws IOException;

    /**
     * The engine named {@code name} on the class path, if there is one.
     *
     * @param name an engine's name, such as {@code spark}
     * @return the engine found by {@link java.util.ServiceLoader}, or empty
     */
    static Optional<SimulationCluster> named(String name) {
        for (SimulationCluster cluster : ServiceLoader.load(SimulationCluster.class)) {
            if (cluster.name().equals(name)) {
                return Optional.of(cluster);
            }
        }
        return Optional.empty();
    }
}

package io.fairspin.sim.spark;

import io.fairspin.math.Game;
import io.fairspin.sim.SimulationCheckpoint;
import io.fairspin.sim.SimulationCluster;
import io.fairspin.sim.SimulationPlan;
import io.fairspin.sim.SimulationReport;
import java.util.function.LongConsumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code fairspin simulate --spark MASTER}: starts a Spark context on MASTER ({@code local[2]},
 * {@code spark://host:7077}, {@code yarn}; under {@code spark-submit}, what it configured), runs the
 * {@link SparkSimulation} and stops the context. In local mode the driver binds to 127.0.0.1 and the web
 * UI is off.
 */
public final class SparkCluster implements SimulationCluster {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public SimulationReport run(String master, String modelName, byte[] model, Game game, SimulationPlan plan,
            SimulationCheckpoint checkpoint, LongConsumer roundsDone) {
        try (JavaSparkContext spark = new JavaSparkContext(configuration(master))) {
            return new SparkSimulation(spark).run(modelName, model, plan, checkpoint, roundsDone);
        }
    }

    /** The configuration for {@code master}: spark-submit's settings (system properties) and the app's name. */
    static SparkConf configuration(String master) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName("fairspin simulate");
        if (master.startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        return conf;
    }
}

package io.fairspin.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The same simulation from several builds of fairspin in one JVM, alternating, timed by the process's CPU
 * time: each build's jars (a folder, for example {@code cli/target/fairspin/fairspin-*&#47;lib} of a checkout
 * of another commit, or one holding {@code benchmarks.jar}) are loaded in a class loader of their own and
 * {@code new Simulation(GameModels.load(model), new SimulationPlan(rounds, seed, FAST, 0.99)).run(threads)}
 * is called through reflection, so builds whose other APIs differ compare on the one they share. Two
 * warm-up runs per build, then {@code reps} rounds; prints each run and the medians.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.fairspin.bench.BuildVersusBuild ROUNDS THREADS REPS \
 *     NAME LIBDIR MODEL [NAME LIBDIR MODEL ...]
 * </pre>
 */
public final class BuildVersusBuild {
    private BuildVersusBuild() {
    }

    /** One build: its class loader's game and the constructors and method of the simulation. */
    private static final class Build {
        private final String name;
        private final Object game;
        private final Object fast;
        private final Constructor<?> plan;
        private final Constructor<?> simulation;
        private final Method run;

        Build(String name, Path lib, Path model) throws Exception {
            this.name = name;
            List<URL> urls = new ArrayList<>();
            try (var jars = Files.list(lib)) {
                for (Path jar : (Iterable<Path>) jars::iterator) {
                    urls.add(jar.toUri().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            game = loader.loadClass("io.fairspin.math.GameModels").getMethod("load", Path.class).invoke(null, model);
            Class<?> mode = loader.loadClass("io.fairspin.sim.RandomMode");
            fast = mode.getMethod("valueOf", String.class).invoke(null, "FAST");
            Class<?> planClass = loader.loadClass("io.fairspin.sim.SimulationPlan");
            plan = planClass.getConstructor(long.class, long.class, mode, double.class);
            Class<?> simulationClass = loader.loadClass("io.fairspin.sim.Simulation");
            simulation = simulationClass.getConstructor(loader.loadClass("io.fairspin.math.Game"), planClass);
            run = simulationClass.getMethod("run", int.class);
        }

        void simulate(long rounds, long seed, int threads) throws Exception {
            run.invoke(simulation.newInstance(game, plan.newInstance(rounds, seed, fast, 0.99)), threads);
        }
    }

    public static void main(String[] args) throws Exception {
        long rounds = Long.parseLong(args[0]);
        int threads = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        List<Build> builds = new ArrayList<>();
        for (int i = 3; i + 2 < args.length; i += 3) {
            builds.add(new Build(args[i], Path.of(args[i + 1]), Path.of(args[i + 2])));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (Build build : builds) {
            build.simulate(rounds, -1, threads);
            build.simulate(rounds, -2, threads);
        }
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        for (int rep = 0; rep < reps; rep++) {
            for (Build build : builds) {
                long cpu0 = os.getProcessCpuTime();
                long wall0 = System.nanoTime();
                build.simulate(rounds, rep, threads);
                double perCpu = rounds / ((os.getProcessCpuTime() - cpu0) / 1e9) / 1e6;
                double perWall = rounds / ((System.nanoTime() - wall0) / 1e9) / 1e6;
                cpu.computeIfAbsent(build.name, k -> new ArrayList<>()).add(perCpu);
                wall.computeIfAbsent(build.name, k -> new ArrayList<>()).add(perWall);
                System.out.printf(Locale.ROOT, "run %d %-8s %.2fM rounds per CPU-second, %.2fM rounds/s%n", rep,
                        build.name, perCpu, perWall);
            }
        }
        for (Build build : builds) {
            System.out.printf(Locale.ROOT, "median %-8s %.2fM rounds per CPU-second, %.2fM rounds/s%n", build.name,
                    median(cpu.get(build.name)), median(wall.get(build.name)));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}

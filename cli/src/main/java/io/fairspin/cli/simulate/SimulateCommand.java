package io.fairspin.cli.simulate;

import io.fairspin.cli.BetOption;
import io.fairspin.cli.FormatOption;
import io.fairspin.cli.Probability;
import io.fairspin.cli.ProgressOption;
import io.fairspin.cli.Counts;
import io.fairspin.cli.ExitCode;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.Models;
import io.fairspin.cli.Progress;
import io.fairspin.math.Bet;
import io.fairspin.math.BetException;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.ProgressiveJackpots;
import io.fairspin.sim.RandomMode;
import io.fairspin.sim.Simulation;
import io.fairspin.sim.SimulationCheckpoint;
import io.fairspin.sim.SimulationCluster;
import io.fairspin.sim.SimulationPlan;
import io.fairspin.sim.SimulationReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.OptionalLong;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code fairspin simulate}: Monte Carlo of a game model on every core, judged against its exact figures. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Play a game model for many rounds on several threads and report RTP, hit frequency, "
            + "standard deviation, volatility, intervals, the win distribution, features and win types; when the "
            + "model has an exact analysis, the z-scores and a pass or fail verdict.",
            "The same --seed gives the same report on any number of threads. Ctrl-C stops the run and prints "
            + "the results so far, marked partial."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (and, with exact figures, the verdict passed)",
            "1:error: unreadable or invalid model, I/O failure",
            "2:usage error",
            "5:the simulation disagrees with the exact figures (verdict failed)"})
public final class SimulateCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJsonCsv format;

    /** How long a Ctrl-C waits for the partial results to be printed. */
    private static final long PRINT_WAIT_SECONDS = 30;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The game model file (JSON); '-' for stdin.")
    private String model;

    /** The game's progressive jackpot contributions when it has any, stated beside the simulated RTP; else null. */
    private Fraction contribution;

    @Option(names = "--variant", paramLabel = "NAME",
            description = "The model's RTP variant to play (a name under \"variants\" in the model).")
    private String variant;

    @Mixin
    private BetOption bet;

    @Option(names = "--rounds", required = true, paramLabel = "N", converter = Counts.class,
            description = "Rounds to play: 10M, 1G (K/M/G/T decimal, Ki/Mi/Gi/Ti binary).")
    private long rounds;

    @Option(names = "--threads", paramLabel = "N", converter = io.fairspin.cli.ThreadCount.class,
            description = "Threads, 1 to 4 x the processors (default: the number of processors).")
    private Integer threads;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the run (a 64-bit integer; default: drawn at random and printed).")
    private Long seed;

    @Option(names = "--rng", paramLabel = "MODE", defaultValue = "fast", converter = ModeConverter.class,
            completionCandidates = ModeNames.class,
            description = "Random mode: fast (JDK L64X128MixRandom, for design work) or certified "
                + "(CTR_DRBG AES-256, for lab runs) (default: ${DEFAULT-VALUE}).")
    private RandomMode mode;

    @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.99", converter = Probability.class,
            description = "Confidence level of the intervals and the verdict (default: ${DEFAULT-VALUE}).")
    private double confidence;

    @Option(names = "--resume", paramLabel = "DIR",
            description = {"Save the tallies of completed chunk ranges in DIR (created if absent) and continue from "
                + "those already there: give it to the first run and again to the rerun after an interruption, with "
                + "the same model, --bet, --rounds, --seed and --rng (a rerun without --seed takes the saved seed). The "
                + "resumed report equals that of an uninterrupted run."})
    private Path resume;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = {"Run the rounds as an Apache Spark job on MASTER (local[2], spark://host:7077, yarn), "
                + "one task per chunk range; the report equals that of a local run. Needs the fairspin-spark "
                + "distribution's jars (see README)."})
    private String spark;

    @Mixin
    private ProgressOption progress;

    @Mixin
    private io.fairspin.cli.MaxCycleOption maxCycle;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Also write a self-contained HTML report (figures, RTP convergence, win distribution).")
    private Path report;

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        byte[] json = io().readAll(model);
        if (variant != null && spark != null) {
            throw new ParameterException(spec.commandLine(), "--variant: not available with --spark; write the"
                    + " variant out as a model file of its own");
        }
        return simulate(Models.load(io(), model, json, variant), json);
    }

    private void validate() {
        if (rounds < 1) {
            throw new ParameterException(spec.commandLine(), "--rounds: must be at least 1, was " + rounds);
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads: must be at least 1, was " + threads);
        }
    }

    /** Runs the simulation of {@code game} (a test game without a model file) as the options say. */
    int simulate(Game game) throws IOException, InterruptedException {
        return simulate(game, null);
    }

    /**
     * Runs the simulation of {@code game}, loaded from the model file's bytes {@code json} (null for a test
     * game), as the options say, prints it and returns the exit code.
     */
    private int simulate(Game game, byte[] json) throws IOException, InterruptedException {
        Bet chosen = bet.checked(game).explicit(game.standardBet());
        Game played = playedAt(game, chosen);
        // The exact figures the verdict needs, first: bounded by --max-cycle, with progress, stopped by Ctrl-C.
        maxCycle.run(io(), model == null ? game.id() : model, progress.enabled(io()), played::exactFigures);
        contribution = played instanceof ProgressiveJackpots jackpots && jackpots.progressiveContribution().signum() > 0
                ? jackpots.progressiveContribution() : null;
        SimulationPlan plan = new SimulationPlan(rounds, seed(), mode, confidence, chosen);
        String fingerprint = json == null ? "test game " + game.id()
                : SimulationCheckpoint.fingerprint(json) + (variant == null ? "" : " variant " + variant);
        try (SimulationCheckpoint checkpoint = resume == null ? null
                : SimulationCheckpoint.open(resume, game, plan, fingerprint)) {
            if (checkpoint != null && !checkpoint.completed().isEmpty()) {
                io().err().printf(Locale.ROOT, "resuming from %s: %d of %d chunk ranges done%n", resume,
                        checkpoint.completed().size(), plan.ranges());
            }
            if (spark != null) {
                return runOnSpark(game, json, plan, checkpoint);
            }
            return runLocally(game, plan, checkpoint);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--resume: " + e.getMessage());
        }
    }

    /** The game whose rounds are those at {@code chosen}; a usage error naming --bet when the game cannot play it. */
    private Game playedAt(Game game, Bet chosen) {
        try {
            return Simulation.gameAt(game, chosen);
        } catch (BetException e) {
            throw bet.refused(e);
        }
    }

    private long seed() throws IOException {
        if (seed != null) {
            return seed;
        }
        if (resume != null) {
            OptionalLong saved = SimulationCheckpoint.savedSeed(resume);
            if (saved.isPresent()) {
                return saved.getAsLong();
            }
        }
        return new SecureRandom().nextLong();
    }

    private int runOnSpark(Game game, byte[] json, SimulationPlan plan, SimulationCheckpoint checkpoint)
            throws IOException {
        if (json == null) {
            throw new ParameterException(spec.commandLine(), "--spark: needs a model file");
        }
        SimulationCluster cluster = SimulationCluster.named("spark").orElseThrow(() -> new ParameterException(
                spec.commandLine(), "--spark: Spark is not on the class path; run the fairspin-spark distribution "
                    + "(simulations-spark/target/fairspin-spark/bin/fairspin-spark, see README)"));
        long start = System.nanoTime();
        Progress meter = progress.enabled(io()) ? progress.meter(io(), "rounds", rounds) : null;
        SimulationReport result;
        try {
            result = cluster.run(spark, model, json, game, plan, checkpoint, meter == null ? null : done -> {
                synchronized (meter) {
                    meter.advance(done);
                }
            });
        } finally {
            if (meter != null) {
                synchronized (meter) {
                    meter.finish();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return finish(result, rateLine(result, "Spark " + spark, seconds));
    }

    private int runLocally(Game game, SimulationPlan plan, SimulationCheckpoint checkpoint)
            throws IOException, InterruptedException {
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Simulation simulation = new Simulation(game, plan);
        if (checkpoint != null) {
            simulation.resumeFrom(checkpoint);
        }
        CountDownLatch printed = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            simulation.cancel();
            try {
                printed.await(PRINT_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fairspin-simulate-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            long start = System.nanoTime();
            SimulationReport result = runWithProgress(simulation, threadCount);
            double seconds = (System.nanoTime() - start) / 1e9;
            return finish(result, rateLine(result, threadCount + " thread" + (threadCount == 1 ? "" : "s"), seconds));
        } finally {
            printed.countDown();
            removeHook(onInterrupt);
        }
    }

    private SimulationReport runWithProgress(Simulation simulation, int threadCount) throws InterruptedException {
        if (!progress.enabled(io())) {
            return simulation.run(threadCount);
        }
        ProgressTicker ticker = new ProgressTicker(simulation, progress.meter(io(), "rounds", rounds));
        ticker.start();
        try {
            return simulation.run(threadCount);
        } finally {
            ticker.stop();
        }
    }

    /** Prints the report (and the HTML report), the rate line on stderr, and returns the exit code. */
    private int finish(SimulationReport result, String rateLine) throws IOException {
        print(result);
        if (report != null) {
            io.fairspin.cli.ReportFiles.write(report, new HtmlReport(model, result, reportLines()).render());
        }
        io().err().println(rateLine);
        return result.verdict().map(v -> v.passed() ? ExitCode.OK : ExitCode.SIMULATION_DISAGREES)
                .orElse(ExitCode.OK);
    }


    private void print(SimulationReport result) throws IOException {
        if (json()) {
            java.util.Map<String, Object> document = ReportJson.of(model, result);
            if (contribution != null) {
                document.put("progressiveContribution", io.fairspin.cli.report.JsonFigures.exact(contribution));
            }
            writeJsonReport(document);
        } else if (csv()) {
            ReportCsv.write(new PrintStream(io().out(), true, StandardCharsets.UTF_8), result);
        } else {
            PrintStream out = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
            out.print(new ReportText(model, result).render());
            if (contribution != null) {
                out.printf(Locale.ROOT, "%nprogressive jackpot contributions  %s of every stake (exact; the rounds pay"
                        + " progressive jackpots at their seed, so the RTP above excludes it)%n",
                        contribution.toDecimalString(6) + " (" + contribution + ")");
            }
            printReportFooter(out);
        }
    }

    private static String rateLine(SimulationReport result, String where, double seconds) {
        long done = result.statistics().rounds();
        return String.format(Locale.ROOT, "%s %,d rounds in %.2f s (%s rounds/s, %s, %s)",
                result.partial() ? "interrupted after" : "simulated", done, seconds,
                Progress.human((long) (done / Math.max(seconds, 1e-9))), where, result.plan().mode().cliName());
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting (Ctrl-C); the hook is running and ends once the results are printed.
        }
    }

    static final class ModeConverter implements ITypeConverter<RandomMode> {
        @Override
        public RandomMode convert(String value) {
            try {
                return RandomMode.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a random mode: expected fast or certified");
            }
        }
    }

    static final class ModeNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(RandomMode.values()).map(RandomMode::cliName).iterator();
        }
    }
}

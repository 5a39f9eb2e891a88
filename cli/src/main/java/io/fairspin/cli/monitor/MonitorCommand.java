package io.fairspin.cli.monitor;

import io.fairspin.cli.FormatOption;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.audit.log.LogFollower;
import io.fairspin.audit.monitor.Alert;
import io.fairspin.audit.monitor.ControlLimits;
import io.fairspin.audit.monitor.Models;
import io.fairspin.audit.monitor.Monitor;
import io.fairspin.audit.monitor.MonitorStore;
import io.fairspin.audit.witness.WitnessStore;
import io.fairspin.cli.Counts;
import io.fairspin.cli.ExitCode;
import io.fairspin.cli.FormatOption;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.Probability;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairspin monitor}: watches an audit log's rounds against their models' exact figures. */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Watch an audit log: read it from the start (and with --follow as it grows) and keep, per game"
            + " and model, rounds, stake, win, observed RTP, hit frequency and award frequencies against the model's"
            + " exact figures, with sequential control limits whose false-alarm probability over the game's whole"
            + " life is at most --alpha each (docs/monitoring.md).",
            "Alerts on: a control limit crossed (rtp-drift, hit-frequency-drift, award-frequency); rounds at a bet"
                + " that cannot be judged against exact figures (unjudged-rounds); a model hash no"
                + " model of --models has; a round whose win the model cannot produce for its logged outcome"
                + " (evaluated again from the outcome, no escrow), or whose bet the game refuses; a duplicate round id; a gap, a rollback, a split"
                + " view (entries or checkpoints changed after they were read), a checkpoint that does not match or"
                + " verify; more entries after a checkpoint than the checkpoint bound the log declares (live, with"
                + " --follow too; for a log that declares none, its inferred interval at the end of a batch run); a"
                + " generator health failure. A torn tail (the newest segment ends inside a frame: a crash, or a write in"
                + " progress) is a notice, not a fault, as 'audit verify' passes it.",
            "Alerts go to stderr as text and to --alerts as JSON lines; at the end (or on Ctrl-C) a summary goes to"
                + " stdout (--format json: docs/schema/monitor.schema.json).",
            "A model's exact figures are computed when the log first names it, under --max-cycle (1G combinations by"
                + " default): a model whose count passes it is refused, naming the file and its cycle; progress of a"
                + " long count goes to stderr, and Ctrl-C stops it."},
        exitCodeListHeading = "%nExit codes (without --follow):%n",
        exitCodeList = {"0:no alert", "1:error: bad input, I/O failure", "2:usage error",
            "4:an integrity alert (log, rounds, models or generator)",
            "5:only statistics alerts (a control limit crossed)"})
public final class MonitorCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJson format;

    private static final ObjectMapper JSON_LINE = new ObjectMapper();

    @Parameters(paramLabel = "LOG", description = "The audit log folder.")
    private Path log;

    @Mixin
    private io.fairspin.cli.MaxCycleOption maxCycle;

    @Mixin
    private io.fairspin.cli.ProgressOption progress;

    @Option(names = "--models", required = true, paramLabel = "DIR",
            description = "A folder of game model files (*.json); rounds name their model by the SHA-256 of its file.")
    private Path models;

    @Option(names = "--follow", description = "Keep reading as the log grows, until interrupted (or --exit-when-idle).")
    private boolean follow;

    @Option(names = "--exit-when-idle", paramLabel = "SECONDS", defaultValue = "0",
            description = "With --follow: stop when the log has not grown for this long (default: never).")
    private long exitWhenIdle;

    @Option(names = "--poll", paramLabel = "MILLIS", defaultValue = "200",
            description = "With --follow: how often to look for new entries (default: ${DEFAULT-VALUE} ms).")
    private int pollMillis;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics on this port (0: a free port, printed on stderr), path /metrics.")
    private Integer metricsPort;

    @Option(names = "--metrics-address", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The address the metrics endpoint listens on (default: ${DEFAULT-VALUE}).")
    private String metricsAddress;

    @Option(names = "--alerts", paramLabel = "FILE.jsonl",
            description = "Append every alert to this file as a JSON line ('-': stdout).")
    private String alertsFile;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Write a self-contained HTML snapshot (with --follow, refreshed every 10 s and at the end).")
    private Path report;

    @Option(names = "--alpha", paramLabel = "P", converter = Probability.class, defaultValue = "0.001",
            description = "False-alarm probability of each control limit over a game's whole life (default:"
                    + " ${DEFAULT-VALUE}).")
    private double alpha;

    @Option(names = "--allow-unsigned", paramLabel = "N", converter = Counts.class, defaultValue = "0",
            description = "Entries past the last checkpoint accepted beyond the log's checkpoint bound (for a log that"
                    + " declares none and is still being written).")
    private long allowUnsigned;

    @Option(names = "--threads", paramLabel = "N", converter = io.fairspin.cli.ThreadCount.class,
            description = "Threads decoding, hashing and checking rounds, 1 to 4 x the processors (default: the number"
                    + " of processors); the chain, the tree, the checkpoints and the tallies are checked in log order.")
    private Integer threads;

    @Option(names = "--store", paramLabel = "DIR",
            description = "Keep what was verified of the log (the tree of the entries read, the last signed checkpoint)"
                    + " in this store (an 'audit witness' store may be shared), and check on start that the log extends"
                    + " it: a log rolled back or rewritten while no monitor ran is a rollback or split-view alert.")
    private Path store;

    @Option(names = "--add-log", description = "With --store: follow the log with a store that already follows other"
            + " logs.")
    private boolean addLog;

    private OutputStream alertsOut;
    private MonitorStore memory;
    /** Nanoseconds spent in the follower's polls (reading and checking); with --follow, the waits are not in it. */
    private long busyNanos;

    @Override
    public Integer call() throws IOException {
        requireAtLeast("--poll", pollMillis, 10);
        requireAtLeast("--exit-when-idle", exitWhenIdle, 0);
        Models known = Models.load(models);
        if (!Files.isDirectory(log)) {
            throw new java.nio.file.NoSuchFileException(log.toString(), null, "no such log folder");
        }
        // The report states the models' files and, in a batch run, the log (a followed log is still growing).
        io().inputs().folder(models);
        openAlerts();
        boolean showProgress = progress.enabled(io());
        Monitor monitor = new Monitor(known, ControlLimits.DEFAULT.withAlpha(alpha), this::alert, new Monitor.Analyses() {
            @Override
            public <T> T run(io.fairspin.audit.round.ModelFile model, java.util.function.Supplier<T> analysis) {
                return maxCycle.run(io(), model.name(), showProgress, analysis);
            }
        });
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        try (LogFollower follower = new LogFollower(log, monitor, workers).allowUnsigned(allowUnsigned);
             MonitorMetrics metrics = metricsPort == null ? null
                : MonitorMetrics.serve(monitor, metricsAddress, metricsPort)) {
            if (metrics != null) {
                io().err().println("fairspin: metrics on http://" + metricsAddress + ":" + metrics.port() + "/metrics");
            }
            resume(follower);
            if (follow) {
                follow(follower, monitor, start);
            } else {
                follower.poll();
                follower.finish();
                save(follower);
                stateLog(follower);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            finish(monitor, seconds, follow ? busyNanos / 1e9 : seconds, (cpuNanos() - cpuStart) / 1e9, workers,
                    storeState(follower));
        } finally {
            if (alertsOut != null && alertsOut != io().out()) {
                alertsOut.close();
            }
        }
        if (follow) {
            return ExitCode.OK;
        }
        return monitor.integrityAlert() ? ExitCode.TAMPERED
                : monitor.statisticsAlert() ? ExitCode.SIMULATION_DISAGREES : ExitCode.OK;
    }

    private void follow(LogFollower follower, Monitor monitor, long start) throws IOException {
        long idleSince = System.nanoTime();
        long lastReport = System.nanoTime();
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            main.interrupt();
            try {
                main.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long pollStart = System.nanoTime();
                boolean grew = follower.poll();
                save(follower);
                busyNanos += System.nanoTime() - pollStart;
                if (grew) {
                    idleSince = System.nanoTime();
                } else if (exitWhenIdle > 0 && (System.nanoTime() - idleSince) / 1e9 >= exitWhenIdle) {
                    break;
                }
                if (report != null && System.nanoTime() - lastReport > 10_000_000_000L) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double busy = busyNanos / 1e9;
                    MonitorSummary.Store stored = storeState(follower);
                    writeReport(monitor, monitor.read(m -> MonitorSummary.of(log.toString(), m, seconds, busy, stored)));
                    lastReport = System.nanoTime();
                }
                try {
                    Thread.sleep(pollMillis);
                } catch (InterruptedException e) {
                    break;
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running and waits for this thread
            }
        }
    }

    /** With --store: has the follower check that the log extends what the store holds of it. */
    private void resume(LogFollower follower) throws IOException {
        if (store == null) {
            if (addLog) {
                throw usageError("--add-log needs --store");
            }
            return;
        }
        memory = new MonitorStore(store);
        WitnessStore.Followed from = memory.resume(follower, addLog);
        io().err().println("fairspin: store " + store + ": " + (from == null ? "nothing verified of this log before"
                : "the log must extend the " + from.tree().size() + " entries verified before"
                + (from.checkpoint() == null ? "" : " (last signed checkpoint of size " + from.signedHead().size() + ")")));
    }

    /** With --store: what the store holds of the log now (null without --store, or before the log has a header). */
    private MonitorSummary.Store storeState(LogFollower follower) {
        WitnessStore.Followed now = memory == null ? null : memory.stored();
        if (now == null) {
            return null;
        }
        String state = !follower.extendsExpected() ? "kept" : memory.wrote() ? "updated" : "unchanged";
        return new MonitorSummary.Store(store.toString(), now.tree().size(),
                java.util.HexFormat.of().formatHex(now.tree().rootHash()),
                now.checkpoint() == null ? 0 : now.signedHead().size(), state);
    }

    /** With --store: records what was verified of the log, when it extends what the store held. */
    private void save(LogFollower follower) throws IOException {
        if (memory != null) {
            memory.save(follower);
        }
    }

    /**
     * States the log read in a batch run in the report: read to its end, by its tree (the entries read and their root
     * hash, which commits to every entry's bytes, each hashed as it was read) and its checkpoints file, so its
     * segments are not read again; a log that did not end cleanly (damage, a torn tail) by each of its files' SHA-256.
     */
    private void stateLog(LogFollower follower) {
        if (follower.endsCleanly()) {
            io().inputs().log(log, follower.segmentBytes(), follower.entries(), follower.rootHash(),
                    follower.checkpointsFile());
        } else {
            io().inputs().folder(log);
        }
    }

    /** CPU time of the process (every thread that reads and checks the log, and the JIT and GC threads). */
    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    private void finish(Monitor monitor, double seconds, double busySeconds, double cpuSeconds, int workers,
            MonitorSummary.Store stored) throws IOException {
        MonitorSummary summary = monitor.read(m -> MonitorSummary.of(log.toString(), m, seconds, busySeconds, stored));
        if (report != null) {
            writeReport(monitor, summary);
        }
        String time = follow ? String.format(Locale.ROOT, "%.2f s of reading and checking in %.2f s of following"
                + " (the waits for the log to grow not counted; the models' exact analyses included)", busySeconds,
                seconds) : String.format(Locale.ROOT, "%.2f s (the models' exact analyses included)", seconds);
        io().err().printf(Locale.ROOT, "read and checked %,d entries in %s: %,.0f entries/s (%d threads; %.2f s of CPU"
                + " in the process: %,.0f entries per CPU second)%n", summary.entries(), time,
                summary.entriesPerSecond(), workers, cpuSeconds, summary.entries() / Math.max(cpuSeconds, 1e-9));
        if (json()) {
            writeJsonReport(summary);
            return;
        }
        PrintStream out = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "log           %s%n", summary.log());
        out.printf(Locale.ROOT, "entries       %,d (%,d rounds), %,d checkpoints checked, tree size %,d%n",
                summary.entries(), summary.rounds(), summary.checkpoints(), summary.treeSize());
        for (MonitorSummary.Game g : summary.games()) {
            out.printf(Locale.ROOT, "game          %s in %s (model %s...)%n", g.game(), g.currency(),
                    g.modelHash().substring(0, 16));
            out.printf(Locale.ROOT, "  rounds      %,d, stake %,d, win %,d%n", g.rounds(), g.stake(), g.win());
            if (g.rtp() == null) {
                out.printf(Locale.ROOT, "  RTP         %.4f%% observed; %s, no RTP band applies%n",
                        100 * g.observedRtp(), g.limits().equals(MonitorSummary.NONE_JUDGED)
                                ? "no round at a bet with exact figures" : "no exact figures");
                out.printf(Locale.ROOT, "  hit freq.   %.5f observed%n", g.observedHitFrequency());
                out.printf(Locale.ROOT, "  checked     each round's win against its logged outcome,"
                        + " duplicate ids, the log's integrity%n");
            } else {
                out.printf(Locale.ROOT, "  RTP         %.4f%% observed, %.4f%% exact, band +- %.4f%%%s%n",
                        100 * g.observedRtp(), 100 * g.rtp().decimal(), 100 * g.rtpBand(),
                        g.alarms().get("rtp") ? "  ALARM" : "");
                out.printf(Locale.ROOT, "  hit freq.   %.5f observed, %.5f exact%s%n", g.observedHitFrequency(),
                        g.hitFrequency().decimal(), g.alarms().get("hitFrequency") ? "  ALARM" : "");
            }
            printBets(out, g);
            if (!g.awards().isEmpty()) {
                out.printf(Locale.ROOT, "  awards      occurrences observed, and expected by the exact figures%s%n",
                        g.alarms().get("awardFrequency") ? "  ALARM" : "");
                for (MonitorSummary.Award a : g.awards()) {
                    out.printf(Locale.ROOT, "    %-18s %,d observed, %,.1f expected%n", a.award(), a.observed(),
                            a.expected());
                }
            }
            if (g.rtp() != null && g.unjudgedRounds() > 0) {
                out.printf(Locale.ROOT, "  not judged  %,d rounds, at bets that cannot be judged against exact figures%n",
                        g.unjudgedRounds());
            }
            if (g.impossibleWins() > 0) {
                out.printf(Locale.ROOT, "  impossible  %,d rounds%n", g.impossibleWins());
            }
        }
        summary.unknownModels().forEach((hash, n) -> out.printf(Locale.ROOT, "unknown model %s: %,d rounds%n", hash, n));
        if (summary.rngReseeds().isEmpty()) {
            out.printf(Locale.ROOT, "generator     no reseed or health record in the log%n");
        }
        summary.rngReseeds().forEach((drbg, n) -> out.printf(Locale.ROOT, "generator     %s: %,d reseeds%n", drbg, n));
        if (stored != null) {
            out.printf(Locale.ROOT, "store         %s: %,d entries verified (root %s...), last signed checkpoint of size"
                    + " %,d; %s%n", stored.dir(), stored.entries(), stored.rootHash().substring(0, 16),
                    stored.checkpointSize(), stored.state());
        }
        summary.alerts().forEach((type, n) -> out.printf(Locale.ROOT, "ALERTS        %s: %,d%n", type, n));
        out.printf(Locale.ROOT, "result        %s%n", summary.result());
        printReportFooter(out);
    }

    /**
     * The bets a game's rounds were played at, each judged against its own exact figures; nothing when every round was
     * at the standard wager.
     */
    private static void printBets(PrintStream out, MonitorSummary.Game g) {
        if (g.bets().size() == 1 && g.bets().get(0).bet() != null && g.bets().get(0).bet().isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "  bets        %d configuration%s, each judged against its own exact figures when it has"
                + " them%n", g.bets().size(), g.bets().size() == 1 ? "" : "s");
        for (MonitorSummary.BetPlayed b : g.bets()) {
            String bet = b.bet() == null ? "not judged" : b.bet().isEmpty() ? "standard wager" : b.bet().toString();
            double observed = b.stake() == 0 ? 0 : (double) b.win() / b.stake();
            out.printf(Locale.ROOT, "    %s: %,d rounds, RTP %.4f%% observed%s%n", bet, b.rounds(), 100 * observed,
                    b.rtp() == null ? ", no exact figures" : String.format(Locale.ROOT, ", %.4f%% exact",
                            100 * b.rtp().decimal()));
        }
    }

    private void writeReport(Monitor monitor, MonitorSummary summary) throws IOException {
        List<String> provenance = reportLines();
        String html = monitor.read(m -> MonitorReport.html(log.toString(), m, summary, provenance));
        // A temporary file of its own, renamed over the report: two monitors never write into one temporary file.
        io.fairspin.cli.ReportFiles.write(report, html);
    }

    private void openAlerts() throws IOException {
        if (alertsFile == null) {
            return;
        }
        alertsOut = alertsFile.equals("-") ? io().out() : Files.newOutputStream(Path.of(alertsFile),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** Writes one alert: a line on stderr, a JSON line to --alerts. */
    private void alert(Alert alert) {
        io().err().println("fairspin: ALERT " + alert.type() + ": " + alert.message());
        if (alertsOut == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", alert.type());
        line.put("category", alert.category());
        line.put("message", alert.message());
        line.put("log", log.toString());
        line.put("gameId", alert.gameId());
        line.put("modelHash", alert.modelHash());
        line.put("currency", alert.currency());
        line.put("index", alert.index());
        line.put("roundId", alert.roundId());
        line.put("rounds", alert.rounds());
        line.put("detectedAt", Instant.now().toString());
        line.put("details", new java.util.TreeMap<>(alert.details()));
        try {
            synchronized (this) {
                alertsOut.write((JSON_LINE.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
                alertsOut.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.fairspin.bench;

import com.sun.management.OperatingSystemMXBean;
import io.fairspin.audit.log.LogFollower;
import io.fairspin.audit.monitor.ControlLimits;
import io.fairspin.audit.monitor.Models;
import io.fairspin.audit.monitor.Monitor;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code fairspin monitor LOG --models DIR --threads N} does, read several times over in one JVM, timed by the
 * process's CPU time as well as the wall clock: the first pass is the command's (a cold JIT, and the models' exact
 * figures counted), the later ones the steady state of a monitor that has been running for a while. Prints per pass
 * the entries, the wall-clock rate and the entries per CPU second of the whole process (every thread, the JIT and the
 * GC), and the CPU time of the calling thread, which checks the chain, the tree, the ids and the tallies in log order
 * (with {@code THREADS} above 1, the bound on the wall-clock rate however many cores there are). Uses only the public API that {@code monitor} uses, so it runs against any build's jars:
 *
 * <pre>
 * java -cp 'benchmarks/target/benchmarks.jar' io.fairspin.bench.MonitorCpuTime LOG MODELS THREADS [PASSES]
 * </pre>
 */
public final class MonitorCpuTime {
    private MonitorCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        Models models = Models.load(Path.of(args[1]));
        int threads = Integer.parseInt(args[2]);
        int passes = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int pass = 0; pass < passes; pass++) {
            long wall = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            long ordered = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            Monitor monitor = new Monitor(models, ControlLimits.DEFAULT, alert -> {
                throw new IllegalStateException("an honest log raised " + alert);
            });
            try (LogFollower follower = new LogFollower(log, monitor, threads)) {
                follower.poll();
                follower.finish();
            }
            double seconds = (System.nanoTime() - wall) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
            double orderedSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - ordered) / 1e9;
            System.out.printf(Locale.ROOT, "pass %d: %,d entries in %.2f s: %,.0f entries/s (%d threads; %.2f s of CPU:"
                    + " %,.0f entries per CPU second; the ordered thread %.2f s: %.2f us per entry)%n", pass,
                    monitor.entries(), seconds, monitor.entries() / seconds, threads, cpuSeconds,
                    monitor.entries() / cpuSeconds, orderedSeconds, orderedSeconds * 1e6 / monitor.entries());
        }
    }
}

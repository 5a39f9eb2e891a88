package io.fairspin.bench;

import io.fairspin.cert.entropy.EntropySamples;
import io.fairspin.cert.entropy.NonIidAssessment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@link EntropyAssessmentBenchmark}'s single-threaded assessment timed by the thread's CPU time
 * rather than the wall clock, so that it can be set beside NIST's {@code ea_non_iid} CPU time
 * ({@code /usr/bin/time}) on a machine shared with other work: after two warm-up assessments, each
 * round assesses the file once on this thread (file read and samples built outside the timing) and
 * prints the CPU seconds; the last line is the median.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.fairspin.bench.EntropyAssessmentCpuTime FILE BITS [rounds]
 * </pre>
 */
public final class EntropyAssessmentCpuTime {
    private EntropyAssessmentCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EntropyAssessmentCpuTime FILE BITS [rounds]");
            System.exit(2);
        }
        EntropySamples samples = EntropySamples.of(Files.readAllBytes(Path.of(args[0])), Integer.parseInt(args[1]));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] seconds = new double[rounds];
        double h = 0;
        for (int round = -2; round < rounds; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            h = NonIidAssessment.run(samples, 1).minEntropy();
            double s = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
            if (round >= 0) {
                seconds[round] = s;
                System.out.printf(Locale.ROOT, "round %d: %.3f s CPU (min-entropy %.6f)%n", round, s, h);
            }
        }
        java.util.Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "median: %.3f s CPU per assessment%n", seconds[rounds / 2]);
    }
}

package io.fairspin.bench;

import io.fairspin.cert.nist.BitSequence;
import io.fairspin.cert.nist.NistBattery;
import io.fairspin.cert.nist.NistParameters;
import io.fairspin.cert.nist.NistTest;
import io.fairspin.cert.nist.TestResult;
import java.util.EnumSet;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SP 800-22 battery on one sequence of 10^6 bits, single-threaded: all fifteen tests ("all") or one
 * test by its command-line name. The score is milliseconds per sequence; the CLI runs sequences in
 * parallel on every core, so 100 sequences take about 100 x score / cores plus the JVM's start.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class NistBatteryBenchmark {

    @Param({"all", "fft", "linear-complexity", "non-overlapping-template", "serial", "approximate-entropy",
        "universal", "rank", "random-excursions"})
    public String test;

    private NistBattery battery;
    private BitSequence sequence;

    @Setup
    public void setUp() {
        battery = new NistBattery(NistParameters.DEFAULTS,
                test.equals("all") ? EnumSet.allOf(NistTest.class) : EnumSet.of(NistTest.fromName(test)));
        byte[] bytes = new byte[125_000];
        new SplittableRandom(2026).nextBytes(bytes);
        sequence = BitSequence.fromBytes(bytes, 0, 1_000_000);
    }

    @Benchmark
    public Map<NistTest, TestResult> battery() {
        return battery.run(sequence);
    }
}

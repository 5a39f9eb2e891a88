package io.fairspin.bench;

import io.fairspin.cert.entropy.EntropySamples;
import io.fairspin.cert.entropy.NonIidAssessment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
 * The SP 800-90B non-IID assessment (all ten estimators, literal and bitstring) of NIST's test files
 * {@code truerand_8bit.bin} (10^6 8-bit samples: 8 x 10^6 bits) and {@code truerand_1bit.bin}, read from
 * {@code fairspin.reference} (default {@code ../shared/reference}), on 1 thread and on 2. The score is
 * seconds per assessment, the analysis alone (the file is read once in setup); NIST's {@code ea_non_iid}
 * takes about 13 s for the 8-bit file on an idle machine (issue 16), see docs/performance.md for a run
 * of both on the same machine at the same time.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@State(Scope.Benchmark)
public class EntropyAssessmentBenchmark {

    @Param({"truerand_8bit.bin:8", "truerand_1bit.bin:1"})
    public String file;

    @Param({"1", "2"})
    public int threads;

    private EntropySamples samples;

    @Setup
    public void setUp() throws IOException {
        String[] parts = file.split(":");
        Path root = Paths.get(System.getProperty("fairspin.reference", "../shared/reference"));
        byte[] data = Files.readAllBytes(root.resolve("sp800-90b").resolve(parts[0]));
        samples = EntropySamples.of(data, Integer.parseInt(parts[1]));
    }

    @Benchmark
    public double nonIid() {
        return NonIidAssessment.run(samples, threads).minEntropy();
    }
}

package io.fairspin.bench;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.RoundSeed;
import io.fairspin.rng.escrow.EscrowFile;
import io.fairspin.rng.keys.KeyFiles;
import io.fairspin.rng.escrow.SeedEscrow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Escrowed round seeds per second, each durable in an escrow file under java.io.tmpdir before it is
 * returned: {@code roundSeed} seals and forces one record per seed, {@code roundSeeds} one record for a
 * batch of {@value #BATCH}.
 */
@Fork(1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class EscrowBenchmark {
    private static final int BATCH = 1000;

    private Path dir;
    private SeedEscrow escrow;
    private CertifiedRandom rng;
    private long next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("fairspin-bench-escrow");
        escrow = new SeedEscrow(KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM).getPublic(), EscrowFile.open(dir.resolve("rng.escrow")));
        rng = CertifiedRandom.builder().escrow(escrow).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        rng.close();
        escrow.close();
        Files.delete(dir.resolve("rng.escrow"));
        Files.delete(dir);
    }

    @Benchmark
    public RoundSeed roundSeed() {
        return rng.roundSeed("round-" + next++);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<RoundSeed> roundSeeds() {
        List<String> ids = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            ids.add("round-" + next++);
        }
        return rng.roundSeeds(ids);
    }
}

package io.fairspin.bench;

import io.fairspin.audit.json.CanonicalJson;
import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.log.LogFollower;
import io.fairspin.audit.monitor.ControlLimits;
import io.fairspin.audit.monitor.Models;
import io.fairspin.audit.monitor.Monitor;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.audit.round.ModelFile;
import io.fairspin.math.PlayedRound;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rounds per second that {@code fairspin monitor} reads and checks ({@code threads} decoding threads): the whole
 * path, from the segment files through CRC32C, decoding, hash chain, Merkle tree and checkpoint roots to the
 * per-game tallies and control limits, and every logged outcome checked again (a slot's spins evaluated again, a
 * table round played again from its draws, a blackjack round's settlement recomputed from its hands). The log
 * (written once per fork, in java.io.tmpdir) holds {@code rounds} rounds of the model, played from a seeded stream;
 * one operation reads all of it, so the score in ops/s times {@code rounds} is rounds per second. Run from the
 * project root: the models are read from examples/.
 */
@Fork(1)
@State(Scope.Benchmark)
public class MonitorBenchmark {
    @Param({"examples/roulette-european.json", "examples/sizzling-hot.json", "examples/blackjack.json"})
    public String model;

    /** Decoding and checking threads ({@code monitor --threads}); the chain and the tallies stay on one. */
    @Param({"1"})
    public int threads;

    @Param({"200000"})
    public int rounds;

    private Path dir;
    private Models models;

    /** A fast seeded stream: only for filling the benchmark's log. */
    private static final class Seeded extends RandomStream {
        private final SplittableRandom random = new SplittableRandom(1);

        Seeded() {
            super(4096);
        }

        @Override
        protected void nextBlock(byte[] destination, int offset) {
            for (int i = offset; i < offset + blockSize(); i++) {
                destination[i] = (byte) random.nextInt();
            }
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        ModelFile file = ModelFile.load(Path.of(model));
        models = Models.of(List.of(file));
        dir = Files.createTempDirectory("fairspin-bench-monitor");
        Seeded stream = new Seeded();
        try (AuditLog log = AuditLog.create(dir.resolve("log"), "bench.fairspin.local/monitor",
                KeyFiles.generate(KeyFiles.SIGNING_ALGORITHM))) {
            for (int i = 0; i < rounds; i++) {
                PlayedRound played = file.game().playRecorded(stream);
                log.submit(RoundRecord.builder().roundId("bench/" + i).gameId(file.game().id()).modelHash(file.hash())
                        .startedAtMillis(1_790_000_000_000L).settledAtMillis(1_790_000_000_001L).sessionId("bench")
                        .currency("XXX").bet(played.outcome().stake()).win(played.outcome().win())
                        .playerChoices(new byte[0]).seedCommitment(new byte[32]).escrowReference("bench")
                        .outcome(CanonicalJson.encode(played.detail())).build());
                if ((i + 1) % 100_000 == 0) {
                    log.checkpoint();
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 5)
    public long readAndCheck() throws IOException {
        Monitor monitor = new Monitor(models, ControlLimits.DEFAULT, alert -> {
            throw new IllegalStateException("an honest log raised " + alert);
        });
        try (LogFollower follower = new LogFollower(dir.resolve("log"), monitor, threads)) {
            follower.poll();
            follower.finish();
        }
        return monitor.rounds();
    }
}

package io.fairspin.bench;

import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.round.ModelFile;
import io.fairspin.audit.log.Receipt;
import io.fairspin.audit.round.RoundPlayer;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.escrow.EscrowFile;
import io.fairspin.rng.keys.KeyFiles;
import io.fairspin.rng.escrow.SeedEscrow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code fairspin play} does, end to end: round seeds drawn in batches of {@value #BATCH} from an
 * escrowed generator (one durable escrow record per batch), each round played from its own round stream
 * and its record durable in an audit log (group commit). Score: durable rounds per second.
 *
 * <p>{@code oldPath}: one thread, and every round stream's CTR_DRBG creating its own AES ciphers
 * ({@code -Dfairspin.rng.threadCiphers=false}), as {@code play} did before. {@code newPath}: ciphers
 * cached per thread, on one thread ({@code newPathOneThread}) and on two ({@code newPath}), as
 * {@code play --threads 2} does. The log and escrow live under java.io.tmpdir.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class PlayBenchmark {
    private static final int BATCH = 1000;

    @Param({"examples/sizzling-hot.json"})
    public String model;

    private Path dir;
    private AuditLog log;
    private SeedEscrow escrow;
    private CertifiedRandom rng;
    private ModelFile game;
    private final AtomicLong next = new AtomicLong();

    /** Each benchmark thread's own player, as each thread of {@code play} has. */
    @State(Scope.Thread)
    public static class Player {
        RoundPlayer player;

        @Setup(Level.Trial)
        public void setUp(PlayBenchmark bench) {
            player = new RoundPlayer(bench.log, bench.rng, bench.escrow.keyId(), bench.game, "bench", "XXX");
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path root = Path.of(System.getProperty("fairspin.root", "."));
        game = ModelFile.load(root.resolve(model));
        dir = Files.createTempDirectory("fairspin-bench-play");
        log = AuditLog.create(dir.resolve("log"), "bench.fairspin.local/play",
                KeyFiles.generate(KeyFiles.SIGNING_ALGORITHM));
        escrow = new SeedEscrow(KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM).getPublic(),
                EscrowFile.open(dir.resolve("log.escrow")));
        rng = CertifiedRandom.builder().escrow(escrow).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        log.close();
        rng.close();
        escrow.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private List<Receipt> playBatch(Player p) {
        long first = next.getAndAdd(BATCH);
        List<String> ids = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            ids.add("r/" + (first + i));
        }
        List<Receipt> receipts = new ArrayList<>(BATCH);
        for (CompletableFuture<Receipt> ack : p.player.play(ids)) {
            receipts.add(ack.join());
        }
        return receipts;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dfairspin.rng.threadCiphers=false")
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public List<Receipt> oldPath(Player p) {
        return playBatch(p);
    }

    @Benchmark
    @Fork(1)
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public List<Receipt> newPathOneThread(Player p) {
        return playBatch(p);
    }

    @Benchmark
    @Fork(1)
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public List<Receipt> newPath(Player p) {
        return playBatch(p);
    }
}

package io.fairspin.bench;

import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.log.LogReport;
import io.fairspin.audit.log.LogVerifier;
import io.fairspin.audit.log.Receipt;
import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The audit log's two speed targets. {@code durableAppend}: rounds per second acknowledged as durable,
 * 4096 submitted at a time so that they share syncs (group commit); the log lives in java.io.tmpdir.
 * {@code verifyMillionRounds}: seconds to verify a log of 10^6 rounds (CRC32C, decoding, chain, Merkle
 * tree, checkpoint signatures), written once per fork.
 */
@Fork(1)
@State(Scope.Benchmark)
public class AuditLogBenchmark {
    private static final int BATCH = 4096;
    private static final int VERIFY_ROUNDS = 1_000_000;

    private final KeyPair key = KeyFiles.generate(KeyFiles.SIGNING_ALGORITHM);
    private Path appendDir;
    private AuditLog appendLog;
    private Path verifyDir;
    private final List<RoundRecord> batch = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        appendDir = Files.createTempDirectory("fairspin-bench-append");
        appendLog = AuditLog.create(appendDir.resolve("log"), "bench.fairspin.local/append", key);
        for (int i = 0; i < BATCH; i++) {
            batch.add(round(i));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        appendLog.close();
        delete(appendDir);
        if (verifyDir != null) {
            delete(verifyDir);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 5, time = 2)
    public long durableAppend() {
        List<CompletableFuture<Receipt>> receipts = new ArrayList<>(BATCH);
        for (RoundRecord round : batch) {
            receipts.add(appendLog.submit(round));
        }
        long last = 0;
        for (CompletableFuture<Receipt> r : receipts) {
            last = r.join().index();
        }
        return last;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public LogReport verifyMillionRounds() throws IOException {
        if (verifyDir == null) {
            verifyDir = Files.createTempDirectory("fairspin-bench-verify");
            try (AuditLog log = AuditLog.create(verifyDir.resolve("log"), "bench.fairspin.local/verify", key)) {
                List<CompletableFuture<Receipt>> pending = new ArrayList<>();
                for (int i = 0; i < VERIFY_ROUNDS; i++) {
                    pending.add(log.submit(round(i)));
                    if (pending.size() == BATCH) {
                        pending.forEach(CompletableFuture::join);
                        pending.clear();
                    }
                }
                pending.forEach(CompletableFuture::join);
            }
        }
        LogReport report = LogVerifier.verify(verifyDir.resolve("log"), key.getPublic());
        if (!report.ok() || report.rounds() != VERIFY_ROUNDS) {
            throw new IllegalStateException("the benchmark log does not verify: " + report.problems());
        }
        return report;
    }

    private static RoundRecord round(long n) {
        return RoundRecord.builder().roundId("bench-" + n).gameId("bench").modelHash(sha("model"))
                .startedAtMillis(1_790_000_000_000L + n).settledAtMillis(1_790_000_000_000L + n).sessionId("s" + n / 50)
                .currency("EUR").bet(100).win(n % 3 == 0 ? 300 : 0).playerChoices("{}".getBytes(StandardCharsets.UTF_8))
                .seedCommitment(sha("seed " + n)).escrowReference("bench/" + n)
                .outcome(("{\"stops\":[" + n % 31 + ",4,17,9,2]}").getBytes(StandardCharsets.UTF_8)).build();
    }

    private static byte[] sha(String text) {
        return MerkleTree.leafHash(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}

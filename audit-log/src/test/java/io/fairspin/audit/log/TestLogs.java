package io.fairspin.audit.log;

import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.RoundRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Sample rounds and helpers for log tests. */
public final class TestLogs {
    public static final String ORIGIN = "test.fairspin.io/log";

    private TestLogs() {
    }

    /** A round whose fields all depend on {@code n}, so two rounds never encode alike. */
    public static RoundRecord round(String id, long n) {
        return RoundRecord.builder()
                .roundId(id)
                .gameId("sizzling-hot")
                .modelHash(MerkleTree.leafHash(("model " + (n % 3)).getBytes(StandardCharsets.UTF_8)))
                .startedAtMillis(1_790_000_000_000L + n)
                .settledAtMillis(1_790_000_000_000L + n + 40)
                .sessionId("session-" + n / 10)
                .traceId(n % 2 == 0 ? "" : "trace-" + n)
                .currency("EUR")
                .bet(100 + n % 7)
                .win(n % 5 == 0 ? 0 : 20 * n)
                .playerChoices(("{\"lines\":" + (1 + n % 10) + "}").getBytes(StandardCharsets.UTF_8))
                .seedCommitment(MerkleTree.leafHash(("seed " + n).getBytes(StandardCharsets.UTF_8)))
                .escrowReference("escrow/2026-11-25/" + n)
                .outcome(("{\"stops\":[" + n % 20 + ",3,7,1,9]}").getBytes(StandardCharsets.UTF_8))
                .build();
    }

    public static RoundRecord round(long n) {
        return round("round-" + n, n);
    }

    /** Every entry of a log, read with the scanner (which requires the log to be intact up to them). */
    public static List<LogEntry> entries(Path dir) throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        LogScanner.scan(dir, entries::add);
        return entries;
    }

    /** Keeps the first {@code count} checkpoints of the checkpoints file, drops the rest. */
    static void keepCheckpoints(Path dir, int count) throws IOException {
        Path file = dir.resolve(LogFiles.CHECKPOINTS);
        java.nio.ByteBuffer bytes = LogFiles.read(file);
        long offset = checkpointsHeader(bytes).length();
        for (int i = 0; i < count; i++) {
            offset += Frames.FRAME_OVERHEAD + Frames.payloadLength(bytes, offset);
        }
        byte[] kept = new byte[(int) offset];
        bytes.get(0, kept);
        Files.write(file, kept);
    }

    /** The header of a checkpoints file's bytes. */
    static Frames.Header checkpointsHeader(java.nio.ByteBuffer bytes) throws IOException {
        try {
            return Frames.readHeader(bytes, Frames.CHECKPOINT_MAGIC);
        } catch (io.fairspin.audit.record.MalformedRecordException e) {
            throw new IOException(e);
        }
    }

    /** Copies the log files (what a crash at this moment would leave on disk) to {@code target}. */
    public static Path crashImage(Path dir, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && !f.getFileName().toString().equals("lock")) {
                    Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted((a, b) -> b.compareTo(a)).toList();
            for (Path p : paths) {
                Files.delete(p);
            }
        }
    }
}

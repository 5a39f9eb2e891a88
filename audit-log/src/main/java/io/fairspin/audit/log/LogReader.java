package io.fairspin.audit.log;

import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.RoundRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Finds entries in a log folder, read-only: what replay and dispute tools start from. The log must be
 * intact (a torn tail, which the next open cuts, is tolerated); the entries are checked as they are read.
 */
public final class LogReader {
    private LogReader() {
    }

    /** The round with this id; fails when no round or several rounds have it. */
    public static LogEntry round(Path dir, String roundId) throws IOException {
        return find(dir, isRound(roundId), "round id '" + roundId + "'").entry();
    }

    /** The entry at {@code index}. */
    public static LogEntry entry(Path dir, long index) throws IOException {
        return find(dir, e -> e.index() == index, "entry index " + index).entry();
    }

    /**
     * Reads every entry in order, checking each as it is read; a torn tail is tolerated.
     *
     * @throws LogCorruptedException when the log has any other problem (after the entries before it were read)
     */
    public static void forEach(Path dir, Consumer<LogEntry> each) throws IOException {
        LogScanner.Result scan = LogScanner.scan(dir, each);
        if (!scan.problems.isEmpty()) {
            throw new LogCorruptedException(scan.problems);
        }
    }

    public static Predicate<LogEntry> isRound(String roundId) {
        return e -> e.event() instanceof RoundRecord && ((RoundRecord) e.event()).roundId().equals(roundId);
    }

    /** One entry found, with every leaf hash of the log and the scan, for building proofs. */
    public record Found(LogEntry entry, List<byte[]> leaves, LogScanner.Result scan) {
    }

    public static Found find(Path dir, Predicate<LogEntry> wanted, String what) throws IOException {
        List<byte[]> leaves = new ArrayList<>();
        List<LogEntry> found = new ArrayList<>();
        LogScanner.Result scan = LogScanner.scan(dir, entry -> {
            leaves.add(entry.leafHashUnsafe());
            if (wanted.test(entry)) {
                found.add(entry);
            }
        });
        if (!scan.problems.isEmpty()) {
            throw new LogCorruptedException(scan.problems);
        }
        if (found.size() != 1) {
            List<Long> indexes = new ArrayList<>();
            found.forEach(e -> indexes.add(e.index()));
            throw new IllegalArgumentException(dir + ": " + (found.isEmpty() ? "no entry with " + what
                    : found.size() + " entries with " + what + ", at indexes " + indexes + "; use --index"));
        }
        return new Found(found.get(0), leaves, scan);
    }
}

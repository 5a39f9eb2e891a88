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

    /**
     * The round with this id; fails when no round or several rounds have it.
     *
     * @param dir the log's folder
     * @param roundId the round's id
     * @return the round's entry
     * @throws java.io.IOException when the log cannot be read or is damaged
     */
    public static LogEntry round(Path dir, String roundId) throws IOException {
        return find(dir, isRound(roundId), "round id '" + roundId + "'").entry();
    }

    /**
     * The entry at {@code index}.
     *
     * @param dir the log's folder
     * @param index the entry's index, from 0
     * @return the entry
     * @throws java.io.IOException when the log cannot be read or is damaged
     */
    public static LogEntry entry(Path dir, long index) throws IOException {
        return find(dir, e -> e.index() == index, "entry index " + index).entry();
    }

    /**
     * Reads every entry in order, checking each as it is read; a torn tail is tolerated.
     *
     * @param dir the log's folder
     * @param each called with each entry, in order
     * @throws LogCorruptedException when the log has any other problem (after the entries before it were read)
     * @throws java.io.IOException when the log cannot be read
     */
    public static void forEach(Path dir, Consumer<LogEntry> each) throws IOException {
        LogScanner.Result scan = LogScanner.scan(dir, each);
        if (!scan.problems.isEmpty()) {
            throw new LogCorruptedException(scan.problems);
        }
    }

    /**
     * Matches the round entry with this round id.
     *
     * @param roundId the round's id
     * @return the predicate
     */
    public static Predicate<LogEntry> isRound(String roundId) {
        return e -> e.event() instanceof RoundRecord && ((RoundRecord) e.event()).roundId().equals(roundId);
    }

    /** One entry found, with every leaf hash of the log and the scan, for building proofs. */
    public record Found(LogEntry entry, List<byte[]> leaves, LogScanner.Result scan) {
    }

    /**
     * Finds the one entry {@code wanted} matches, with every leaf hash of the log.
     *
     * @param dir the log's folder
     * @param wanted matches the entry sought
     * @param what the entry as messages name it, such as "round id r-17"
     * @return the entry, the leaf hashes and the scan
     * @throws java.io.IOException when the log cannot be read, is damaged, or holds no or several such entries
     */
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

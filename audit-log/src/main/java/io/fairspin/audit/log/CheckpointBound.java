package io.fairspin.audit.log;

import java.util.ArrayList;
import java.util.List;

/**
 * The check that a log's checkpoints keep the bound the log declares: its key announcements state
 * {@code max_unsigned}, the most entries that ever follow a signed checkpoint before the next one is durable,
 * and a writer keeps it even across a crash. So more entries between two checkpoints, or after the last one,
 * mean deleted checkpoints. A log that declares no bound (written before the bound existed) falls back to the
 * interval inferred from its checkpoints' spacing, for the entries after its last checkpoint only.
 */
final class CheckpointBound {
    private CheckpointBound() {
    }

    /**
     * The bound in force after a checkpoint of {@code size}: declared by the latest announcement below that size that
     * declares one; 0 when none does.
     */
    static long inForce(List<LogScanner.Announcement> announcements, long size) {
        long bound = 0;
        for (LogScanner.Announcement a : announcements) {
            if (a.index() < size && a.key().maxUnsigned().isPresent()) {
                bound = a.key().maxUnsigned().getAsLong();
            }
        }
        return bound;
    }

    /**
     * The inferred interval of a log that declares no bound: the most entries between two consecutive checkpoints (the
     * first counted from the empty tree).
     */
    static long inferredInterval(List<LogScanner.StoredCheckpoint> checkpoints) {
        long interval = 0;
        long previous = 0;
        for (LogScanner.StoredCheckpoint stored : checkpoints) {
            interval = Math.max(interval, stored.checkpoint().size() - previous);
            previous = stored.checkpoint().size();
        }
        return interval;
    }

    /**
     * Every place where the checkpoints do not keep the bound: a gap between two checkpoints wider than the bound in
     * force after the first, and more entries after the last than its bound (or {@code allowUnsigned}) allows. With
     * {@code declaredOnly}, a log that declares no bound passes (a writer's open); else its last entries are judged by
     * the inferred interval.
     */
    static List<LogProblem> problems(LogScanner.Result scan, long allowUnsigned, boolean declaredOnly) {
        List<LogProblem> problems = new ArrayList<>();
        List<LogScanner.StoredCheckpoint> checkpoints = scan.checkpoints;
        for (int i = 0; i + 1 < checkpoints.size(); i++) {
            long from = checkpoints.get(i).checkpoint().size();
            long to = checkpoints.get(i + 1).checkpoint().size();
            String gap = gap(from, to, inForce(scan.announcements, from));
            if (gap != null) {
                problems.add(new LogProblem(LogFiles.CHECKPOINTS, checkpoints.get(i + 1).offset(), gap));
            }
        }
        LogScanner.StoredCheckpoint last = scan.lastCheckpoint();
        if (last == null) {
            return problems;
        }
        long size = last.checkpoint().size();
        long declared = inForce(scan.announcements, size);
        if (declared == 0 && declaredOnly) {
            return problems;
        }
        String unsigned = unsigned(size, scan.entries, declared, declared > 0 ? 0 : inferredInterval(checkpoints),
                allowUnsigned);
        if (unsigned != null) {
            problems.add(new LogProblem(LogFiles.CHECKPOINTS, 0, unsigned));
        }
        return problems;
    }

    /**
     * The gap rule: checkpoints of sizes {@code from} and {@code to}, consecutive, farther apart than the bound in force
     * after the first ({@code bound}, 0 for none) mean deleted checkpoints between them.
     *
     * @return the problem's message, or null when the gap keeps the bound
     */
    static String gap(long from, long to, long bound) {
        if (bound == 0 || to - from <= bound) {
            return null;
        }
        return "the checkpoints of size " + from + " and " + to + " are " + (to - from) + " entries apart, more than the "
                + bound + " the log declares (max_unsigned): checkpoints between them were deleted";
    }

    /**
     * The tail rule: more of a log's {@code entries} after its last checkpoint (of {@code size}) than the bound in force
     * there ({@code declared}; for a log that declares none, the {@code inferred} interval) or {@code allowUnsigned}.
     *
     * @return the problem's message, or null when the tail keeps the bound
     */
    static String unsigned(long size, long entries, long declared, long inferred, long allowUnsigned) {
        long bound = declared > 0 ? declared : inferred;
        long allowed = Math.max(bound, allowUnsigned);
        long unsigned = entries - size;
        if (unsigned <= allowed) {
            return null;
        }
        String limit = allowUnsigned > bound ? "the " + allowed + " that --allow-unsigned allows"
                : declared > 0 ? "the " + bound + " the log declares (max_unsigned, which its writer keeps even"
                        + " across a crash)"
                : "the " + bound + " that the log's inferred checkpoint interval allows (the most entries between"
                        + " two of its checkpoints; the log declares no bound)";
        return unsigned + " entries follow the last signed checkpoint (size " + size + "), more than " + limit
                + ": checkpoints were deleted" + (declared > 0 ? ""
                : ", or the log is still being written (then use --allow-unsigned N)");
    }
}

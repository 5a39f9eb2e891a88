package io.fairspin.audit.log;

import java.io.IOException;
import java.util.List;

/**
 * The log on disk is damaged or was tampered with (more than a torn tail): it refuses to append. The
 * problems name each file and byte offset.
 */
public class LogCorruptedException extends IOException {
    /** Every problem found, in log order. */
    private final List<LogProblem> problems;

    /**
     * A log with problems.
     *
     * @param problems every problem found, at least one
     */
    public LogCorruptedException(List<LogProblem> problems) {
        super("the audit log is damaged or was tampered with: " + problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems found.
     *
     * @return every problem, each with its file and offset
     */
    public List<LogProblem> problems() {
        return problems;
    }
}

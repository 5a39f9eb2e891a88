package io.fairspin.math;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * A bound on the work of an exact analysis, with its progress and a way to stop it: counting analyses
 * (a slot's spin count, a cascade game's play-out of every stop combination) report each step to the
 * budget installed around them ({@link #run}) before they make it. A step that would take the count past
 * {@link #maxCycle()} combinations is refused with {@link TooLarge} before it is made, so a model whose count
 * is astronomically large is refused within the limit's time rather than running for ever; a
 * {@link #cancel()} (Ctrl-C) or an interrupt stops the count at its next step with {@link Cancelled}.
 *
 * <p>The unit is one combination counted: a stop combination played out (cascades), or a (state, column)
 * pair of a slot's count reel by reel, which merges the stops that show the same column and the spins
 * whose lines have the same future, so that it counts far fewer combinations than the reels' cycle. Outside
 * {@link #run} nothing is bounded (a library caller decides for itself).
 */
public final class AnalysisBudget {
    /**
     * The default: 10^9 combinations. A combination of a line game costs about a microsecond per line in play
     * (measured: 250,000 a second with 40 lines on a loaded machine), so the default bounds a count to minutes.
     */
    public static final long DEFAULT_MAX_CYCLE = 1_000_000_000L;

    private static final InheritableThreadLocal<AnalysisBudget> CURRENT = new InheritableThreadLocal<>();

    private final long maxCycle;
    private volatile long counted;
    private volatile String stage = "";
    private volatile boolean cancelled;

    /**
     * A budget of at most {@code maxCycle} combinations.
     *
     * @param maxCycle the most combinations an analysis run under it may count, at least 1
     * @throws IllegalArgumentException when {@code maxCycle} is less than 1
     */
    public AnalysisBudget(long maxCycle) {
        if (maxCycle < 1) {
            throw new IllegalArgumentException("maxCycle: must be at least 1, was " + maxCycle);
        }
        this.maxCycle = maxCycle;
    }

    /** The analysis's work was over the budget: thrown before the step that would pass it. */
    public static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    /** The analysis was stopped by {@link #cancel()} or an interrupt. */
    public static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code analysis} in this thread (and threads it starts) under this budget.
     *
     * @param <T> what the analysis returns
     * @param analysis the analysis, whose counting steps call {@link #step} or {@link #ahead}
     * @return what the analysis returned
     * @throws TooLarge when the analysis would count more than the budget
     * @throws Cancelled when the analysis was cancelled or its thread interrupted
     */
    public <T> T run(Supplier<T> analysis) {
        AnalysisBudget outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return analysis.get();
        } finally {
            CURRENT.set(outer);
        }
    }

    /**
     * The most combinations the analysis may count.
     *
     * @return the budget, at least 1
     */
    public long maxCycle() {
        return maxCycle;
    }

    /**
     * The combinations counted so far (for progress).
     *
     * @return the combinations counted, 0 before the first step
     */
    public long counted() {
        return counted;
    }

    /**
     * What is being counted now, for progress: for example "reel set base, reel 3 of 5".
     *
     * @return the current stage, empty before the first step
     */
    public String stage() {
        return stage;
    }

    /** Stops the analysis at its next step (from another thread: a Ctrl-C handler). */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Called by a counting analysis before it counts {@code combinations} more in {@code stage}; {@code cycle}
     * describes the whole count for the message (the reel set's cycle). A no-op outside {@link #run}.
     *
     * @param combinations the combinations the step counts, 0 or more
     * @param stage what the step counts, for progress and messages (for example "reel set base, reel 3 of 5")
     * @param cycle the whole count's size in stop combinations, for the message
     *
     * @throws TooLarge  when the count would pass the budget; nothing of the step was made
     * @throws Cancelled when the analysis was cancelled or its thread interrupted
     */
    public static void step(long combinations, String stage, double cycle) {
        AnalysisBudget budget = CURRENT.get();
        if (budget != null) {
            budget.take(combinations, stage, cycle);
        }
    }

    /**
     * Called by a counting analysis before a step of {@code combinations} that it will then count in parts
     * ({@link #step}): refuses the step up front when it would pass the budget. A no-op outside {@link #run}.
     *
     * @param combinations the combinations of the whole step, 0 or more; not added to {@link #counted()}
     * @param stage what the step counts, for progress and messages
     * @param cycle the whole count's size in stop combinations, for the message
     * @throws TooLarge when the step would pass the budget
     * @throws Cancelled when the analysis was cancelled or its thread interrupted
     */
    public static void ahead(long combinations, String stage, double cycle) {
        AnalysisBudget budget = CURRENT.get();
        if (budget != null) {
            budget.take(combinations, stage, cycle, false);
        }
    }

    private void take(long combinations, String now, double cycle) {
        take(combinations, now, cycle, true);
    }

    private synchronized void take(long combinations, String now, double cycle, boolean count) {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new Cancelled("the exact analysis was interrupted in " + now + " after " + format(counted)
                    + " combinations");
        }
        long next = counted + combinations;
        if (combinations < 0 || next < 0 || next > maxCycle) {
            throw new TooLarge(String.format(Locale.ROOT, "the exact analysis counts more than %s combinations"
                    + " (%s: %s more, after %s; the cycle is %.4g stop combinations)", format(maxCycle), now,
                    format(combinations), format(counted), cycle));
        }
        stage = now;
        if (count) {
            counted = next;
        }
    }

    private static String format(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}

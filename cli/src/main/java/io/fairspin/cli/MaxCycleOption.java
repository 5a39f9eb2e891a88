package io.fairspin.cli;

import io.fairspin.math.AnalysisBudget;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code --max-cycle N}, a mixin of the commands that compute a model's exact analysis ({@code par},
 * {@code simulate}, {@code tune}, {@code monitor}): runs the analysis under an {@link AnalysisBudget} of N
 * combinations, shows its progress on stderr, and stops it cleanly on Ctrl-C. A model whose count passes N is refused with one line naming
 * the file, the count and the cycle, and the option to raise.
 */
public final class MaxCycleOption {
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    private picocli.CommandLine.Model.CommandSpec command;

    private Long maxCycle;

    @picocli.CommandLine.Option(names = "--max-cycle", paramLabel = "N", converter = Counts.class,
            description = "The most combinations the exact analysis may count (stop combinations played out, or"
                + " the merged steps of a slot's count reel by reel); a model past it is refused, naming its cycle."
                + " Default: 1G.")
    private void maxCycle(Long value) {
        LeafCommand.requireAtLeast(command, "--max-cycle", value, 1);
        maxCycle = value;
    }

    /** Written by the thread that ran the analysis (monitor runs them beside its reading), read by the command. */
    private volatile long counted;

    /**
     * The limit in force.
     *
     * @return the {@code --max-cycle} given, else {@link AnalysisBudget#DEFAULT_MAX_CYCLE}
     */
    public long limit() {
        return maxCycle != null ? maxCycle : AnalysisBudget.DEFAULT_MAX_CYCLE;
    }

    /**
     * Runs {@code analysis} of model file {@code model} under the limit, with progress on stderr when
     * {@code showProgress}. Cancelled by Ctrl-C (the shutdown hook), it prints one line naming the file on stderr
     * and does not return: it blocks until the exiting JVM stops it. Stopped by an interrupt of its thread
     * instead, it throws {@link AnalysisBudget.Cancelled} to the caller.
     *
     * @param <T> what the analysis returns
     * @param io the command's streams; progress goes to its stderr
     * @param model the model file's name as the user gave it, for messages
     * @param showProgress whether to show the combinations counted on stderr
     * @param analysis the exact analysis to run
     * @return what the analysis returned
     * @throws IllegalArgumentException naming the file when the analysis passes the limit
     */
    public <T> T run(Io io, String model, boolean showProgress, Supplier<T> analysis) {
        AnalysisBudget budget = new AnalysisBudget(limit());
        CountDownLatch finished = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean signalled = new java.util.concurrent.atomic.AtomicBoolean();
        Thread onInterrupt = new Thread(() -> {
            signalled.set(true);
            budget.cancel();
            try {
                finished.await(10, TimeUnit.SECONDS); // lets the command print its one line
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fairspin-analysis-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        Thread ticker = showProgress ? ticker(io, budget) : null;
        try {
            T result = budget.run(analysis);
            counted = budget.counted();
            return result;
        } catch (AnalysisBudget.TooLarge e) {
            throw new IllegalArgumentException(model + ": " + e.getMessage() + "; raise --max-cycle to count it",
                    e);
        } catch (AnalysisBudget.Cancelled e) {
            if (!signalled.get()) {
                // The thread was interrupted, not the process signalled (a monitor's decoding thread whose follower
                // stops on another thread's failure): the caller handles it.
                throw e;
            }
            // Only the shutdown hook cancels, and the JVM halts once the hook returns: the one line is printed
            // here, before the hook is released, since an exception thrown on would reach the handler too late.
            io.err().println("fairspin: " + model + ": " + e.getMessage());
            io.err().flush();
            finished.countDown();
            return waitForTheExit();
        } finally {
            if (ticker != null) {
                ticker.interrupt();
                try {
                    ticker.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the JVM exits after it
            }
        }
    }

    /** Blocks the thread whose analysis was cancelled until the exiting JVM stops it. */
    private static <T> T waitForTheExit() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the JVM exits", e);
            }
        }
    }

    /**
     * The combinations the last {@link #run} counted.
     *
     * @return the combinations counted by the last run that finished, 0 before any
     */
    public long counted() {
        return counted;
    }

    private Thread ticker(Io io, AnalysisBudget budget) {
        Progress progress = new Progress(io, "combinations", budget.maxCycle(), true);
        Thread ticker = new Thread(() -> {
            long shown = 0;
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(250);
                    long counted = budget.counted();
                    progress.detail(budget.stage());
                    progress.advance(counted - shown);
                    shown = counted;
                }
            } catch (InterruptedException e) {
                // stopped
            }
            if (shown > 0) {
                progress.finish();
            }
        }, "fairspin-analysis-progress");
        ticker.setDaemon(true);
        ticker.start();
        return ticker;
    }
}

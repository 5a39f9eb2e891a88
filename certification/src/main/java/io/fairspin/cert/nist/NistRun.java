package io.fairspin.cert.nist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;

/**
 * Runs the battery over many sequences in parallel: sequences are read one at a time on the calling
 * thread and tested on {@code threads} workers, with a bounded number in flight, so memory stays small
 * whatever the number of sequences. Results come back in input order.
 */
public final class NistRun {
    /** Where the sequences come from: one call per sequence, in order. */
    @FunctionalInterface
    public interface SequenceSource {
        /**
         * The next sequence.
         *
         * @return the sequence, of the run's length
         * @throws java.io.IOException when the input cannot be read or ends
         */
        BitSequence next() throws IOException;
    }

    private NistRun() {
    }

    /**
     * Tests {@code count} sequences from {@code source}.
     *
     * @param done called with 1, 2, ... as sequences finish in order, from the calling thread
     * @param battery the tests and parameters
     * @param source the sequences, read in order
     * @param count the number of sequences, at least 1
     * @param threads worker threads, at least 1
     * @return each sequence's results, in input order
     * @throws java.io.IOException when {@code source} fails
     */
    public static List<Map<NistTest, TestResult>> run(NistBattery battery, SequenceSource source, int count,
                                                      int threads, IntConsumer done) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread t = new Thread(runnable, "nist-battery");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(2 * Math.max(1, threads));
        List<Future<Map<NistTest, TestResult>>> futures = new ArrayList<>(count);
        int reported = 0;
        try {
            for (int i = 0; i < count; i++) {
                BitSequence sequence = source.next();
                inFlight.acquireUninterruptibly();
                futures.add(pool.submit(() -> {
                    try {
                        return battery.run(sequence);
                    } finally {
                        inFlight.release();
                    }
                }));
                while (reported < futures.size() && futures.get(reported).isDone()) {
                    done.accept(++reported);
                }
            }
            List<Map<NistTest, TestResult>> results = new ArrayList<>(count);
            for (Future<Map<NistTest, TestResult>> future : futures) {
                results.add(future.get());
                if (results.size() > reported) {
                    done.accept(++reported);
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}

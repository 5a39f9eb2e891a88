package io.fairspin.cert.entropy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The non-IID track of SP 800-90B (section 6.3), as NIST's {@code ea_non_iid} runs it for an
 * initial entropy estimate with all bits ({@code -i -a}, its defaults): the ten estimators on the
 * literal samples (collision, Markov and compression only when the samples are binary) and, when
 * more than two distinct values occur, all ten on the bitstring; the assessed min-entropy per
 * sample is min(H_original, bits x H_bitstring).
 *
 * @param samples         the samples assessed
 * @param estimates       every estimate, in NIST's order (bitstring before literal for each estimator)
 * @param hOriginal       min over the literal estimates and the sample width
 * @param hBitstring      min over the bitstring estimates and 1, NaN when the bitstring was not assessed
 * @param minEntropy      the assessed min-entropy per sample
 */
public record NonIidAssessment(EntropySamples samples, List<Estimate> estimates, double hOriginal,
                               double hBitstring, double minEntropy) {
    /**
     * Copies the estimates.
     *
     * @param samples the samples assessed
     * @param estimates every estimate, in NIST's order (bitstring before literal for each estimator)
     * @param hOriginal min over the literal estimates and the sample width
     * @param hBitstring min over the bitstring estimates and 1, NaN when the bitstring was not assessed
     * @param minEntropy the assessed min-entropy per sample
     */
    public NonIidAssessment {
        estimates = List.copyOf(estimates);
    }

    /**
     * Whether the bitstring was assessed (more than two distinct values).
     *
     * @return true when the bitstring estimates were computed
     */
    public boolean bitstringAssessed() {
        return !Double.isNaN(hBitstring);
    }

    /**
     * Runs every estimator on {@code threads} threads (1 runs them in order on the caller).
     *
     * @param samples the samples to assess
     * @param threads worker threads, at least 1
     * @return every estimate and the assessed min-entropy
     */
    public static NonIidAssessment run(EntropySamples samples, int threads) {
        return run(samples, threads, samples.alphabetSize() > 2);
    }

    /**
     * The estimators on the literal samples only (as NIST's {@code ea_restart} runs them on the
     * rows and columns of a restart matrix): collision, Markov and compression only for binary samples.
     *
     * @param samples the samples of one row or column
     * @param threads worker threads, at least 1
     * @return the literal estimates and their minimum
     */
    public static NonIidAssessment literal(EntropySamples samples, int threads) {
        return run(samples, threads, false);
    }

    private static NonIidAssessment run(EntropySamples samples, int threads, boolean bitstring) {
        byte[] lit = samples.symbols();
        int k = samples.alphabetSize();
        String literal = "Literal";
        String bs = "Bitstring";
        List<Supplier<List<Estimate>>> jobs = new ArrayList<>();
        if (bitstring) {
            jobs.add(() -> List.of(StatisticEstimators.mostCommonValue(samples.bits(), 2, bs)));
        }
        jobs.add(() -> List.of(StatisticEstimators.mostCommonValue(lit, k, literal)));
        if (bitstring) {
            jobs.add(() -> List.of(StatisticEstimators.collision(samples.bits(), bs)));
        } else if (k == 2) {
            jobs.add(() -> List.of(StatisticEstimators.collision(lit, literal)));
        }
        if (bitstring) {
            jobs.add(() -> List.of(StatisticEstimators.markov(samples.bits(), bs)));
        } else if (k == 2) {
            jobs.add(() -> List.of(StatisticEstimators.markov(lit, literal)));
        }
        if (bitstring) {
            jobs.add(() -> List.of(StatisticEstimators.compression(samples.bits(), bs)));
        } else if (k == 2) {
            jobs.add(() -> List.of(StatisticEstimators.compression(lit, literal)));
        }
        if (bitstring) {
            jobs.add(() -> TupleEstimates.estimate(samples.bits(), bs));
        }
        jobs.add(() -> TupleEstimates.estimate(lit, literal));
        for (int predictor = 0; predictor < 4; predictor++) {
            int which = predictor;
            if (bitstring) {
                jobs.add(() -> List.of(predict(which, samples.bits(), 2, bs)));
            }
            jobs.add(() -> List.of(predict(which, lit, k, literal)));
        }
        List<List<Estimate>> results = new ArrayList<>();
        if (threads <= 1) {
            for (Supplier<List<Estimate>> job : jobs) {
                results.add(job.get());
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "entropy-estimator");
                t.setDaemon(true);
                return t;
            });
            try {
                // the slowest first
                List<CompletableFuture<List<Estimate>>> futures = new ArrayList<>();
                for (Supplier<List<Estimate>> job : jobs) {
                    futures.add(CompletableFuture.supplyAsync(job, pool));
                }
                for (CompletableFuture<List<Estimate>> f : futures) {
                    results.add(f.join());
                }
            } finally {
                pool.shutdown();
            }
        }
        List<Estimate> all = new ArrayList<>();
        results.forEach(all::addAll);
        double hOriginal = samples.bitsPerSample();
        double hBitstring = bitstring ? 1.0 : Double.NaN;
        for (Estimate e : all) {
            if (!e.applicable()) {
                continue;
            }
            if (e.input().equals(bs)) {
                hBitstring = Math.min(hBitstring, e.minEntropy());
            } else {
                hOriginal = Math.min(hOriginal, e.minEntropy());
            }
        }
        double assessed = Math.min(samples.bitsPerSample(), hOriginal);
        if (bitstring) {
            assessed = Math.min(assessed, hBitstring * samples.bitsPerSample());
        }
        return new NonIidAssessment(samples, all, hOriginal, hBitstring, assessed);
    }

    private static Estimate predict(int which, byte[] s, int k, String input) {
        return switch (which) {
            case 0 -> Predictors.multiMcw(s, k, input);
            case 1 -> Predictors.lag(s, k, input);
            case 2 -> Predictors.multiMmc(s, k, input);
            default -> Predictors.lz78y(s, k, input);
        };
    }
}

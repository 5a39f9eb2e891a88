package io.fairspin.cert.entropy;

import io.fairspin.rng.RandomStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.math3.special.Gamma;

/**
 * The IID track of SP 800-90B: the permutation tests of section 5.1 (19 statistics of the 11
 * tests, each compared with its value on up to 10,000 shuffles of the data, stopping a statistic
 * once more than 5 shuffles fall on each side), the chi-square independence and goodness-of-fit
 * tests of 5.2.1 and 5.2.2 and the longest repeated substring test of 5.2.3 (each at the 0.001
 * level), and when they pass the IID min-entropy (most common value estimate, section 6.3.1, on the
 * samples and, for samples wider than one bit with more than two values, on the bitstring).
 *
 * <p>The statistics are SP 800-90B's, computed on the data as NIST's {@code ea_iid} does (binary
 * samples packed 8 to a byte for the tests that need it). The compression statistic (5.1.11) is, as
 * in NIST's tool, the length of the samples written as decimal text separated by spaces after
 * bzip2 compression with 500,000-byte blocks (libbz2's level 5 there, Apache Commons Compress's
 * {@link BZip2CompressorOutputStream} here). The two bzip2 encoders choose their Huffman code
 * lengths slightly differently (Commons Compress allows codes up to 20 bits, libbz2 17, and ends a
 * block one byte earlier), so the lengths differ by up to about 0.2% (on NIST's test files); the
 * permutation test compares the statistic only with itself on shuffles, so its verdict does not
 * depend on which encoder computes it.
 *
 * @param samples           the samples
 * @param permutations      per statistic: its name, value on the data and counts of shuffles above, equal, below
 * @param shuffles          the shuffles made
 * @param chiSquare         the two chi-square tests
 * @param lrsTest           the longest repeated substring test
 * @param passed            whether every test passed (the IID assumption is not rejected)
 * @param minEntropy        the IID min-entropy per sample (computed whether or not the tests passed)
 * @param literalMcv        the most common value estimate on the samples
 * @param bitstringMcv      the same on the bitstring, or null
 */
public record IidAssessment(EntropySamples samples, List<PermutationStatistic> permutations, int shuffles,
                            List<ChiSquareResult> chiSquare, LrsTestResult lrsTest, boolean passed,
                            double minEntropy, Estimate literalMcv, Estimate bitstringMcv) {
    /** The number of shuffles of the permutation tests: SP 800-90B's 10,000. */
    public static final int MAX_SHUFFLES = 10_000;
    static final String[] NAMES = {"excursion", "numDirectionalRuns", "lenDirectionalRuns",
        "numIncreasesDecreases", "numRunsMedian", "lenRunsMedian", "avgCollision", "maxCollision",
        "periodicity(1)", "periodicity(2)", "periodicity(8)", "periodicity(16)", "periodicity(32)",
        "covariance(1)", "covariance(2)", "covariance(8)", "covariance(16)", "covariance(32)", "compression"};
    private static final int[] LAGS = {1, 2, 8, 16, 32};

    /** A permutation statistic: passes when more than 5 shuffles fall at or above it and at or below it. */
    public record PermutationStatistic(String name, double value, int above, int equal, int below) {
        /**
         * Whether the statistic is not extreme among the shuffles' values.
         *
         * @return true when more than 5 shuffles gave at least and more than 5 at most the original value
         */
        public boolean passed() {
            return above + equal > 5 && equal + below > 5;
        }
    }

    /** A chi-square test (5.2.1 or 5.2.2): statistic, degrees of freedom, P-value; passes at P >= 0.001. */
    public record ChiSquareResult(String name, double statistic, int degreesOfFreedom, double pValue) {
        /**
         * Whether the test does not reject the IID assumption.
         *
         * @return true unless the P-value is below 0.001
         */
        public boolean passed() {
            return !(pValue < 0.001);
        }
    }

    /**
     * The longest repeated substring test (5.2.3): W, the collision probability p_col, and the
     * probability of at least one repeat of length W among the pairs of W-tuples under the IID
     * assumption; passes when that is at least 0.001.
     */
    public record LrsTestResult(long w, double pCol, double probability, boolean passed) {
    }

    /**
     * Runs the IID track, shuffling with {@code random}.
     *
     * @param samples the samples to assess
     * @param random the generator of the shuffles; a seeded stream makes the run repeatable
     * @return the tests' results and, when none rejects, the IID min-entropy
     */
    public static IidAssessment run(EntropySamples samples, RandomStream random) {
        return run(samples, random, shuffles -> { });
    }

    /**
     * Runs the IID track as {@link #run(EntropySamples, RandomStream)} does, telling {@code shuffled} after each
     * shuffle: the permutation tests take up to {@value #MAX_SHUFFLES} shuffles, and stop early once every
     * statistic is decided.
     *
     * @param samples the samples to assess
     * @param random the generator of the shuffles; a seeded stream makes the run repeatable
     * @param shuffled told the number of shuffles done so far, after each one (for progress)
     * @return the tests' results and, when none rejects, the IID min-entropy
     */
    public static IidAssessment run(EntropySamples samples, RandomStream random, java.util.function.IntConsumer shuffled) {
        Statistics base = new Statistics(samples);
        double[] t = base.compute(samples.symbols(), samples.raw());
        int n = samples.length();
        byte[] data = samples.symbols().clone();
        byte[] raw = samples.raw().clone();
        int[][] c = new int[NAMES.length][3];
        boolean[] open = new boolean[NAMES.length];
        Arrays.fill(open, true);
        int shuffles = 0;
        int stillOpen = NAMES.length;
        while (shuffles < MAX_SHUFFLES && stillOpen > 0) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                byte x = data[i];
                data[i] = data[j];
                data[j] = x;
                x = raw[i];
                raw[i] = raw[j];
                raw[j] = x;
            }
            shuffles++;
            shuffled.accept(shuffles);
            double[] tp = base.compute(data, raw, open);
            stillOpen = 0;
            for (int s = 0; s < NAMES.length; s++) {
                if (!open[s]) {
                    continue;
                }
                c[s][tp[s] > t[s] ? 0 : tp[s] == t[s] ? 1 : 2]++;
                if (c[s][0] + c[s][1] > 5 && c[s][1] + c[s][2] > 5) {
                    open[s] = false;
                } else {
                    stillOpen++;
                }
            }
        }
        List<PermutationStatistic> perms = new ArrayList<>();
        boolean passed = true;
        for (int s = 0; s < NAMES.length; s++) {
            PermutationStatistic p = new PermutationStatistic(NAMES[s], t[s], c[s][0], c[s][1], c[s][2]);
            perms.add(p);
            passed &= p.passed();
        }
        List<ChiSquareResult> chi = ChiSquare.tests(samples.symbols(), samples.alphabetSize());
        for (ChiSquareResult r : chi) {
            passed &= r.passed();
        }
        LrsTestResult lrs = lrsTest(samples.symbols(), samples.alphabetSize());
        passed &= lrs.passed();
        Estimate literal = StatisticEstimators.mostCommonValue(samples.symbols(), samples.alphabetSize(), "Literal");
        double h = Math.min(samples.bitsPerSample(), literal.minEntropy());
        Estimate bitstring = null;
        if (samples.alphabetSize() > 2) {
            bitstring = StatisticEstimators.mostCommonValue(samples.bits(), 2, "Bitstring");
            h = Math.min(h, samples.bitsPerSample() * bitstring.minEntropy());
        }
        return new IidAssessment(samples, perms, shuffles, chi, lrs, passed, h, literal, bitstring);
    }

    /** 5.2.3: is a repeat as long as the longest one plausible for IID data with these proportions? */
    static LrsTestResult lrsTest(byte[] s, int k) {
        int n = s.length;
        long[] counts = new long[256];
        for (byte b : s) {
            counts[b & 0xFF]++;
        }
        double pCol = 0;
        for (int i = 0; i < k; i++) {
            double p = counts[i] / (double) n;
            pCol += p * p;
        }
        if (pCol > 1.0 - 0x1p-63) {
            return new LrsTestResult(n - 1, 1.0, 1.0, true);
        }
        long w = TupleEstimates.longestRepeat(s);
        double logNoCollision = Math.log1p(-Math.pow(pCol, w));
        long m = n - w + 1;
        double pairs = (double) m * (m - 1) / 2.0;
        double probability = -Math.expm1(pairs * logNoCollision);
        boolean passed = Math.log(0.999) >= pairs * logNoCollision;
        return new LrsTestResult(w, pCol, probability, passed);
    }

    /** The 19 statistics on a data set (symbols and raw values in the same order). */
    private static final class Statistics {
        final int k;
        final double rawMean;
        final double median;
        final boolean binary;
        final byte[] text;

        Statistics(EntropySamples samples) {
            k = samples.alphabetSize();
            binary = k == 2;
            long sum = 0;
            for (byte b : samples.raw()) {
                sum += b & 0xFF;
            }
            rawMean = sum / (double) samples.length();
            if (binary) {
                median = 0.5;
            } else {
                byte[] sorted = samples.symbols().clone();
                int[] counts = new int[256];
                for (byte b : sorted) {
                    counts[b & 0xFF]++;
                }
                int n = sorted.length;
                median = (n & 1) == 1 ? nth(counts, n / 2) : (nth(counts, n / 2) + nth(counts, n / 2 - 1)) / 2.0;
            }
            text = new byte[samples.length() * 4];
        }

        private static int nth(int[] counts, int index) {
            int seen = 0;
            for (int v = 0; v < 256; v++) {
                seen += counts[v];
                if (seen > index) {
                    return v;
                }
            }
            return 255;
        }

        double[] compute(byte[] data, byte[] raw) {
            boolean[] all = new boolean[NAMES.length];
            Arrays.fill(all, true);
            return compute(data, raw, all);
        }

        double[] compute(byte[] data, byte[] raw, boolean[] want) {
            double[] t = new double[NAMES.length];
            int n = data.length;
            // excursion, on the raw values
            double running = 0;
            double max = 0;
            for (int i = 0; i < n; i++) {
                running += raw[i] & 0xFF;
                double d = Math.abs(running - (i + 1) * rawMean);
                if (d > max) {
                    max = d;
                }
            }
            t[0] = max;
            byte[] sums = binary ? bitSums(data) : data;
            // directional runs over the signs of successive differences (+1 when not decreasing)
            int m = sums.length;
            if (want[1] || want[2] || want[3]) {
                long runs = m > 1 ? 1 : 0;
                long longest = 0;
                long run = 1;
                long ups = 0;
                int prev = 0;
                for (int i = 0; i < m - 1; i++) {
                    int sign = (sums[i] & 0xFF) > (sums[i + 1] & 0xFF) ? -1 : 1;
                    if (sign == 1) {
                        ups++;
                    }
                    if (i > 0) {
                        if (sign != prev) {
                            runs++;
                            longest = Math.max(longest, run);
                            run = 1;
                        } else {
                            run++;
                        }
                    }
                    prev = sign;
                }
                longest = Math.max(longest, m > 1 ? run : 0);
                t[1] = runs;
                t[2] = longest;
                t[3] = Math.max(ups, (m - 1) - ups);
            }
            if (want[4] || want[5]) {
                long runs = n > 0 ? 1 : 0;
                long longest = 0;
                long run = 1;
                boolean prev = (data[0] & 0xFF) < median;
                for (int i = 1; i < n; i++) {
                    boolean below = (data[i] & 0xFF) < median;
                    if (below != prev) {
                        runs++;
                        longest = Math.max(longest, run);
                        run = 1;
                    } else {
                        run++;
                    }
                    prev = below;
                }
                t[4] = runs;
                t[5] = Math.max(longest, run);
            }
            if (want[6] || want[7]) {
                byte[] col = binary ? packBits(data) : data;
                int alphabet = binary ? 256 : k;
                long total = 0;
                long count = 0;
                long longest = 0;
                int[] seen = new int[alphabet];
                int stamp = 0;
                int i = 0;
                int len = col.length;
                while (i < len) {
                    stamp++;
                    int j = i;
                    boolean hit = false;
                    while (j < len) {
                        int v = col[j] & 0xFF;
                        if (seen[v] == stamp) {
                            hit = true;
                            break;
                        }
                        seen[v] = stamp;
                        j++;
                    }
                    if (!hit) {
                        break;
                    }
                    long length = j - i + 1;
                    total += length;
                    count++;
                    longest = Math.max(longest, length);
                    i = j + 1;
                }
                t[6] = count == 0 ? Double.NaN : (double) total / count;
                t[7] = longest;
            }
            for (int l = 0; l < LAGS.length; l++) {
                int p = LAGS[l];
                if (want[8 + l]) {
                    long same = 0;
                    for (int i = 0; i < m - p; i++) {
                        if (sums[i] == sums[i + p]) {
                            same++;
                        }
                    }
                    t[8 + l] = same;
                }
                if (want[13 + l]) {
                    byte[] cov = binary ? sums : raw;
                    long total = 0;
                    for (int i = 0; i < cov.length - p; i++) {
                        total += (long) (cov[i] & 0xFF) * (cov[i + p] & 0xFF);
                    }
                    t[13 + l] = total;
                }
            }
            if (want[18]) {
                t[18] = compressedLength(raw);
            }
            return t;
        }

        private static byte[] bitSums(byte[] data) {
            byte[] out = new byte[(data.length + 7) / 8];
            for (int i = 0; i < data.length; i++) {
                out[i >>> 3] += data[i];
            }
            return out;
        }

        private static byte[] packBits(byte[] data) {
            byte[] out = new byte[(data.length + 7) / 8];
            for (int i = 0; i < data.length; i++) {
                out[i >>> 3] |= (byte) ((data[i] & 1) << (7 - (i & 7)));
            }
            return out;
        }

        private int compressedLength(byte[] raw) {
            int len = 0;
            for (int i = 0; i < raw.length; i++) {
                int v = raw[i] & 0xFF;
                if (v >= 100) {
                    text[len++] = (byte) ('0' + v / 100);
                }
                if (v >= 10) {
                    text[len++] = (byte) ('0' + (v / 10) % 10);
                }
                text[len++] = (byte) ('0' + v % 10);
                text[len++] = ' ';
            }
            if (len > 0) {
                len--;
            }
            return bzip2Length(text, len);
        }
    }

    /** The length of {@code text[0 .. len)} compressed by bzip2 with 500,000-byte blocks (NIST: BZ2 level 5). */
    static int bzip2Length(byte[] text, int len) {
        long[] count = new long[1];
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int n) {
                count[0] += n;
            }
        };
        try (BZip2CompressorOutputStream bz = new BZip2CompressorOutputStream(counter, 5)) {
            bz.write(text, 0, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not thrown: the stream only counts
        }
        return Math.toIntExact(count[0]);
    }

    /** The chi-square tests of 5.2.1 and 5.2.2 as NIST's tool bins them. */
    static final class ChiSquare {
        private ChiSquare() {
        }

        static double pValue(double x, int df) {
            return df <= 0 ? 1.0 : Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
        }

        static List<ChiSquareResult> tests(byte[] s, int k) {
            return k == 2 ? List.of(binaryIndependence(s), binaryFit(s)) : List.of(independence(s, k), fit(s, k));
        }

        private static ChiSquareResult binaryIndependence(byte[] s) {
            int n = s.length;
            double p1 = 0;
            for (byte b : s) {
                p1 += b;
            }
            p1 /= n;
            double p0 = 1.0 - p1;
            double minP = Math.min(p0, p1);
            int m = 11;
            while (m > 1) {
                if (Math.pow(minP, m) * (n / m) >= 5) {
                    break;
                }
                m--;
            }
            if (m < 2) {
                return new ChiSquareResult("chiSquareIndependence", 0.0, 0, 1.0);
            }
            int[] occ = new int[1 << m];
            int blocks = n / m;
            for (int i = 0; i < blocks; i++) {
                int v = 0;
                for (int j = 0; j < m; j++) {
                    v = (v << 1) | s[i * m + j];
                }
                occ[v]++;
            }
            double t = 0;
            for (int i = 0; i < occ.length; i++) {
                int w = Integer.bitCount(i);
                double e = Math.pow(p1, w) * Math.pow(p0, m - w) * blocks;
                t += (occ[i] - e) * (occ[i] - e) / e;
            }
            int df = (1 << m) - 2;
            return new ChiSquareResult("chiSquareIndependence", t, df, pValue(t, df));
        }

        private static ChiSquareResult binaryFit(byte[] s) {
            int n = s.length;
            int sub = n / 10;
            long ones = 0;
            for (byte b : s) {
                ones += b;
            }
            double p = (double) ones / n;
            double e0 = (1.0 - p) * sub;
            double e1 = p * sub;
            double t = 0;
            for (int i = 0; i < 10; i++) {
                int o1 = 0;
                for (int j = 0; j < sub; j++) {
                    o1 += s[i * sub + j];
                }
                int o0 = sub - o1;
                t += (o0 - e0) * (o0 - e0) / e0 + (o1 - e1) * (o1 - e1) / e1;
            }
            return new ChiSquareResult("chiSquareGoodnessOfFit", t, 9, pValue(t, 9));
        }

        private static double[] proportions(byte[] s, int k) {
            double[] p = new double[k];
            long[] c = new long[k];
            for (byte b : s) {
                c[b & 0xFF]++;
            }
            // as NIST's tool: 1/n added once per sample, which is not always c/n in the last bit, and the
            // order of the cells (and so the bins) depends on it
            double step = 1.0 / s.length;
            for (int i = 0; i < k; i++) {
                double acc = 0;
                for (long j = 0; j < c[i]; j++) {
                    acc += step;
                }
                p[i] = acc;
            }
            return p;
        }

        /** Cells sorted by expectation (then index) and pooled in order until each bin expects at least 5. */
        private static int[] bins(double[] expectation, List<Double> binExpectations) {
            Integer[] order = new Integer[expectation.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> expectation[a] != expectation[b]
                    ? Double.compare(expectation[a], expectation[b]) : Integer.compare(a, b));
            int[] bin = new int[expectation.length];
            int current = 0;
            double acc = 0;
            for (int idx = 0; idx < order.length; idx++) {
                if (acc >= 5.0) {
                    binExpectations.add(acc);
                    current++;
                    acc = 0;
                }
                bin[order[idx]] = current;
                acc += expectation[order[idx]];
            }
            if (current != 0 && acc < 5.0) {
                for (int idx = order.length - 1; idx >= 0 && bin[order[idx]] == current; idx--) {
                    bin[order[idx]] = current - 1;
                }
                binExpectations.set(current - 1, binExpectations.get(current - 1) + acc);
            } else {
                binExpectations.add(acc);
            }
            return bin;
        }

        private static ChiSquareResult independence(byte[] s, int k) {
            double[] p = proportions(s, k);
            double[] e = new double[k * k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    e[i * k + j] = p[i] * p[j] * Math.floor(s.length * 0.5);
                }
            }
            List<Double> binE = new ArrayList<>();
            int[] bin = bins(e, binE);
            long[] o = new long[binE.size()];
            for (int j = 0; j < s.length - 1; j += 2) {
                o[bin[(s[j] & 0xFF) * k + (s[j + 1] & 0xFF)]]++;
            }
            double t = 0;
            for (int i = 0; i < o.length; i++) {
                t += (o[i] - binE.get(i)) * (o[i] - binE.get(i)) / binE.get(i);
            }
            int df = binE.size() - k;
            return new ChiSquareResult("chiSquareIndependence", t, df, pValue(t, df));
        }

        private static ChiSquareResult fit(byte[] s, int k) {
            double[] p = proportions(s, k);
            double[] e = new double[k];
            for (int j = 0; j < k; j++) {
                e[j] = p[j] * Math.floor(s.length / 10.0);
            }
            List<Double> binE = new ArrayList<>();
            int[] bin = bins(e, binE);
            int block = s.length / 10;
            double t = 0;
            for (int j = 0; j < 10; j++) {
                long[] o = new long[binE.size()];
                for (int i = j * block; i < (j + 1) * block; i++) {
                    o[bin[s[i] & 0xFF]]++;
                }
                for (int i = 0; i < o.length; i++) {
                    t += (o[i] - binE.get(i)) * (o[i] - binE.get(i)) / binE.get(i);
                }
            }
            int df = 9 * (binE.size() - 1);
            return new ChiSquareResult("chiSquareGoodnessOfFit", t, df, pValue(t, df));
        }
    }
}

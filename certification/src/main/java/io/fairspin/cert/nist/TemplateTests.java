package io.fairspin.cert.nist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The template matching tests: non-overlapping (2.7), over all aperiodic templates of length m in N = 8
 * blocks, and overlapping (2.8), of the all-ones template in blocks of M = 1032 bits.
 *
 * <p>An aperiodic template cannot overlap itself, so NIST's scan that skips m bits after a match counts
 * exactly the occurrences that start in the block's first M - m + 1 positions. One pass over the
 * sequence therefore counts every m-bit window value per block, and each template reads its count.
 */
final class TemplateTests {
    private static final int BLOCKS = 8;
    private static final int OVERLAPPING_BLOCK = 1032;
    private static final int OVERLAPPING_K = 5;
    private static final Map<Integer, int[]> TEMPLATES = new ConcurrentHashMap<>();

    private TemplateTests() {
    }

    /** The aperiodic templates of length m in ascending binary order (148 for m = 9), as in NIST's files. */
    static int[] aperiodicTemplates(int m) {
        return TEMPLATES.computeIfAbsent(m, TemplateTests::findAperiodic).clone();
    }

    private static int[] findAperiodic(int m) {
        List<Integer> found = new ArrayList<>();
        for (int t = 0; t < 1 << m; t++) {
            if (isAperiodic(t, m)) {
                found.add(t);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** No shift 1 .. m-1 makes the template's prefix equal its suffix. */
    private static boolean isAperiodic(int t, int m) {
        for (int shift = 1; shift < m; shift++) {
            int length = m - shift;
            int prefix = t >>> shift;
            int suffix = t & ((1 << length) - 1);
            if (prefix == suffix) {
                return false;
            }
        }
        return true;
    }

    /** One P-value per aperiodic template, in ascending order of the template. */
    static TestResult nonOverlapping(BitSequence e, int m) {
        int n = e.length();
        int blockLength = n / BLOCKS;
        double lambda = (blockLength - m + 1) / Math.pow(2, m);
        if (lambda < 1) {
            // Each block's count is taken as normal with mean lambda: meaningless below one expected match.
            return TestResult.notApplicable(NistTest.NON_OVERLAPPING_TEMPLATE, String.format(java.util.Locale.ROOT,
                    "fewer than one match expected per block (lambda = %.3f); needs n >= %d", lambda,
                    8L * ((1L << m) + m - 1)));
        }
        int[][] counts = new int[BLOCKS][1 << m];
        int mask = (1 << m) - 1;
        for (int b = 0; b < BLOCKS; b++) {
            int start = b * blockLength;
            int[] c = counts[b];
            int window = e.window(start, m);
            c[window]++;
            int end = start + blockLength - m;
            for (int i = start + 1; i <= end; i++) {
                window = ((window << 1) | e.bit(i + m - 1)) & mask;
                c[window]++;
            }
        }
        double variance = blockLength * (1.0 / Math.pow(2, m) - (2.0 * m - 1.0) / Math.pow(2, 2 * m));
        int[] templates = aperiodicTemplates(m);
        double[] p = new double[templates.length];
        for (int t = 0; t < templates.length; t++) {
            double chi2 = 0;
            for (int b = 0; b < BLOCKS; b++) {
                double d = counts[b][templates[t]] - lambda;
                chi2 += d * d / variance;
            }
            p[t] = Special.igamc(BLOCKS / 2.0, chi2 / 2.0);
        }
        return TestResult.of(NistTest.NON_OVERLAPPING_TEMPLATE, p);
    }

    static TestResult overlapping(BitSequence e, int m) {
        int blocks = e.length() / OVERLAPPING_BLOCK;
        if (blocks == 0) {
            return TestResult.notApplicable(NistTest.OVERLAPPING_TEMPLATE, "n < " + OVERLAPPING_BLOCK);
        }
        double lambda = (OVERLAPPING_BLOCK - m + 1) / Math.pow(2, m);
        double eta = lambda / 2.0;
        double[] pi = new double[OVERLAPPING_K + 1];
        double sum = 0;
        for (int i = 0; i < OVERLAPPING_K; i++) {
            pi[i] = probability(i, eta);
            sum += pi[i];
        }
        pi[OVERLAPPING_K] = 1 - sum;
        double rarest = java.util.Arrays.stream(pi).min().orElseThrow();
        if (blocks * rarest < 5) {
            return TestResult.notApplicable(NistTest.OVERLAPPING_TEMPLATE, String.format(java.util.Locale.ROOT,
                    "the chi-square needs at least 5 blocks expected in every class; %d blocks expect %.1f",
                    blocks, blocks * rarest));
        }
        double[] nu = new double[OVERLAPPING_K + 1];
        int positions = OVERLAPPING_BLOCK - m + 1;
        for (int b = 0; b < blocks; b++) {
            int matches = onesRuns(e, b * OVERLAPPING_BLOCK, positions, m);
            nu[Math.min(matches, OVERLAPPING_K)]++;
        }
        double[] expected = new double[OVERLAPPING_K + 1];
        for (int i = 0; i <= OVERLAPPING_K; i++) {
            expected[i] = blocks * pi[i];
        }
        return TestResult.of(NistTest.OVERLAPPING_TEMPLATE,
                Special.igamc(OVERLAPPING_K / 2.0, Special.chiSquare(nu, expected) / 2.0));
    }

    /** How many of the {@code positions} positions from {@code start} begin m ones in a row. */
    private static int onesRuns(BitSequence e, int start, int positions, int m) {
        int count = 0;
        for (int i = 0; i < positions; i += 64) {
            long all = -1L;
            for (int k = 0; k < m && all != 0; k++) {
                all &= e.word64(start + i + k);
            }
            int take = Math.min(64, positions - i);
            if (take < 64) {
                all &= -1L << (64 - take);
            }
            count += Long.bitCount(all);
        }
        return count;
    }

    /** NIST's Pr(u, eta): the probability of u matches in a block, from its overlapping test. */
    private static double probability(int u, double eta) {
        if (u == 0) {
            return Math.exp(-eta);
        }
        double sum = 0;
        for (int l = 1; l <= u; l++) {
            sum += Math.exp(-eta - u * Math.log(2) + l * Math.log(eta) - Special.lgam(l + 1) + Special.lgam(u)
                    - Special.lgam(l) - Special.lgam(u - l + 1));
        }
        return sum;
    }
}

package io.fairspin.cert.nist;

/**
 * The tests of overlapping m-bit pattern frequencies, with the sequence read circularly: serial (2.11,
 * patterns of m, m-1 and m-2 bits) and approximate entropy (2.12, m and m+1 bits).
 *
 * <p>One pass counts the circular windows of the longest length needed; the counts of any shorter
 * length follow by adding the counts of the patterns that extend each one, since every circular window
 * of k bits is the prefix of exactly one circular window of the longer length at the same position.
 */
final class PatternTests {
    private PatternTests() {
    }

    /**
     * The counts of all circular windows of {@code m} bits, indexed by the pattern's value (first bit
     * most significant).
     */
    static int[] circularCounts(BitSequence e, int m) {
        int n = e.length();
        BitSequence wrapped = e.wrapped(m - 1);
        int[] counts = new int[1 << m];
        int mask = (1 << m) - 1;
        int window = wrapped.window(0, m);
        counts[window]++;
        for (int i = 1; i < n; i++) {
            window = ((window << 1) | wrapped.bit(i + m - 1)) & mask;
            counts[window]++;
        }
        return counts;
    }

    /** The counts of k-bit patterns from those of longer ones (k at most the longer length). */
    static int[] shorten(int[] counts, int k) {
        int[] out = counts;
        while (out.length > 1 << k) {
            int[] half = new int[out.length / 2];
            for (int v = 0; v < half.length; v++) {
                half[v] = out[2 * v] + out[2 * v + 1];
            }
            out = half;
        }
        return out;
    }

    /** Serial with m, from counts of at least m bits; two P-values. */
    static TestResult serial(int n, int[] counts, int m) {
        double psim0 = psi2(n, counts, m);
        double psim1 = psi2(n, counts, m - 1);
        double psim2 = psi2(n, counts, m - 2);
        double del1 = psim0 - psim1;
        double del2 = psim0 - 2.0 * psim1 + psim2;
        return TestResult.of(NistTest.SERIAL, Special.igamc(Math.pow(2, m - 1) / 2, del1 / 2.0),
                Special.igamc(Math.pow(2, m - 2) / 2, del2 / 2.0));
    }

    private static double psi2(int n, int[] counts, int m) {
        if (m <= 0) {
            return 0.0;
        }
        double sum = 0;
        for (int c : shorten(counts, m)) {
            sum += (double) c * c;
        }
        return sum * Math.pow(2, m) / n - n;
    }

    /** Approximate entropy with m, from counts of at least m + 1 bits. */
    static TestResult approximateEntropy(int n, int[] counts, int m) {
        double apen = phi(n, counts, m) - phi(n, counts, m + 1);
        double chi2 = 2.0 * n * (Math.log(2) - apen);
        return TestResult.of(NistTest.APPROXIMATE_ENTROPY, Special.igamc(Math.pow(2, m - 1), chi2 / 2.0));
    }

    private static double phi(int n, int[] counts, int m) {
        if (m == 0) {
            return 0.0;
        }
        double sum = 0;
        for (int c : shorten(counts, m)) {
            if (c > 0) {
                sum += c * Math.log(c / (double) n);
            }
        }
        return sum / n;
    }
}

package io.fairspin.cert.nist;

/** Maurer's universal statistical test (2.9), with L and Q chosen from n as NIST's program does. */
final class UniversalTest {
    private static final double[] EXPECTED = {0, 0, 0, 0, 0, 0, 5.2177052, 6.1962507, 7.1836656, 8.1764248,
        9.1723243, 10.1700305, 11.1687590, 12.1680502, 13.1676575, 14.1674568, 15.1673380};
    private static final double[] VARIANCE = {0, 0, 0, 0, 0, 0, 2.954, 3.125, 3.238, 3.311, 3.356, 3.384, 3.401,
        3.410, 3.416, 3.419, 3.421};
    private static final int[] THRESHOLDS = {387840, 904960, 2068480, 4654080, 10342400, 22753280, 49643520,
        107560960, 231669760, 496435200, 1059061760};

    /** log(d) / log(2) for the common distances d below 2^16, computed as the loop would. */
    private static final double[] LOG2 = new double[1 << 16];

    static {
        for (int d = 1; d < LOG2.length; d++) {
            LOG2[d] = Math.log(d) / Math.log(2);
        }
    }

    private UniversalTest() {
    }

    /** NIST's choice of L for a sequence of n bits (5, too short, below 387,840 bits). */
    static int blockLength(int n) {
        int l = 5;
        for (int threshold : THRESHOLDS) {
            if (n >= threshold) {
                l++;
            }
        }
        return l;
    }

    static TestResult run(BitSequence e, int chosenL) {
        int n = e.length();
        int l = chosenL != 0 ? chosenL : blockLength(n);
        if (l < 6 || l > 16) {
            return TestResult.notApplicable(NistTest.UNIVERSAL, "n < 387,840 (L would be " + l + ")");
        }
        int q = 10 * (1 << l);
        int k = n / l - q;
        if (k <= 0) {
            return TestResult.notApplicable(NistTest.UNIVERSAL, "n too short for L = " + l);
        }
        double c = 0.7 - 0.8 / l + (4 + 32.0 / l) * Math.pow(k, -3.0 / l) / 15;
        double sigma = c * Math.sqrt(VARIANCE[l] / k);
        int[] last = new int[1 << l];
        for (int i = 1; i <= q; i++) {
            last[e.window((i - 1) * l, l)] = i;
        }
        double log2 = Math.log(2);
        double sum = 0;
        for (int i = q + 1; i <= q + k; i++) {
            int value = e.window((i - 1) * l, l);
            int distance = i - last[value];
            sum += distance < LOG2.length ? LOG2[distance] : Math.log(distance) / log2;
            last[value] = i;
        }
        double phi = sum / k;
        double arg = Math.abs(phi - EXPECTED[l]) / (Math.sqrt(2) * sigma);
        return TestResult.of(NistTest.UNIVERSAL, Special.erfc(arg));
    }
}

package io.fairspin.cert.nist;

/**
 * The random excursions tests (2.14 and 2.15) on the random walk S_k of partial sums of 2e - 1: the
 * number of visits to each state within each cycle (from one return to zero to the next) and in total.
 * Both need at least max(0.005 sqrt(n), 500) cycles; NIST also gives up the excursions test beyond
 * max(1000, n/100) cycles.
 */
final class ExcursionTests {
    private static final int[] STATES = {-4, -3, -2, -1, 1, 2, 3, 4};
    private static final int[] VARIANT_STATES = {-9, -8, -7, -6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final double[][] PI = {
        {0.0000000000, 0.00000000000, 0.00000000000, 0.00000000000, 0.00000000000, 0.0000000000},
        {0.5000000000, 0.25000000000, 0.12500000000, 0.06250000000, 0.03125000000, 0.0312500000},
        {0.7500000000, 0.06250000000, 0.04687500000, 0.03515625000, 0.02636718750, 0.0791015625},
        {0.8333333333, 0.02777777778, 0.02314814815, 0.01929012346, 0.01607510288, 0.0803755143},
        {0.8750000000, 0.01562500000, 0.01367187500, 0.01196289063, 0.01046752930, 0.0732727051}};

    private ExcursionTests() {
    }

    /** Both tests' results: excursions first, then the variant. */
    static TestResult[] run(BitSequence e, boolean excursions, boolean variant) {
        int n = e.length();
        int[] visits = new int[19];
        int[] cycleVisits = new int[9];
        double[][] nu = new double[6][8];
        int cycles = 0;
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += e.bit(i) == 1 ? 1 : -1;
            if (s == 0) {
                cycles++;
                closeCycle(cycleVisits, nu);
            } else if (s >= -9 && s <= 9) {
                visits[s + 9]++;
                if (s >= -4 && s <= 4) {
                    cycleVisits[s + 4]++;
                }
            }
        }
        if (s != 0) {
            cycles++;
            closeCycle(cycleVisits, nu);
        }
        double constraint = Math.max(0.005 * Math.sqrt(n), 500);
        String tooFew = cycles < constraint
                ? "insufficient number of cycles: " + cycles + " < " + (int) Math.ceil(constraint) : null;
        TestResult first = null;
        TestResult second = null;
        if (excursions) {
            first = tooFew != null ? TestResult.notApplicable(NistTest.RANDOM_EXCURSIONS, tooFew)
                    : cycles > Math.max(1000, n / 100)
                    ? TestResult.notApplicable(NistTest.RANDOM_EXCURSIONS, "more than max(1000, n/100) cycles: " + cycles)
                    : excursionsResult(nu, cycles);
        }
        if (variant) {
            second = tooFew != null ? TestResult.notApplicable(NistTest.RANDOM_EXCURSIONS_VARIANT, tooFew)
                    : variantResult(visits, cycles);
        }
        return new TestResult[] {first, second};
    }

    private static void closeCycle(int[] cycleVisits, double[][] nu) {
        for (int i = 0; i < 8; i++) {
            int state = i < 4 ? i : i + 1;
            nu[Math.min(cycleVisits[state], 5)][i]++;
        }
        java.util.Arrays.fill(cycleVisits, 0);
    }

    private static TestResult excursionsResult(double[][] nu, int cycles) {
        double[] p = new double[STATES.length];
        for (int i = 0; i < STATES.length; i++) {
            double[] pi = PI[Math.abs(STATES[i])];
            double sum = 0;
            for (int k = 0; k < 6; k++) {
                sum += Math.pow(nu[k][i] - cycles * pi[k], 2) / (cycles * pi[k]);
            }
            p[i] = Special.igamc(2.5, sum / 2.0);
        }
        return TestResult.of(NistTest.RANDOM_EXCURSIONS, p);
    }

    private static TestResult variantResult(int[] visits, int cycles) {
        double[] p = new double[VARIANT_STATES.length];
        for (int i = 0; i < VARIANT_STATES.length; i++) {
            int x = VARIANT_STATES[i];
            double count = visits[x + 9];
            p[i] = Special.erfc(Math.abs(count - cycles) / Math.sqrt(2.0 * cycles * (4.0 * Math.abs(x) - 2)));
        }
        return TestResult.of(NistTest.RANDOM_EXCURSIONS_VARIANT, p);
    }
}

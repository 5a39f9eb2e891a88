package io.fairspin.cert.nist;

/** The binary matrix rank test (2.5): ranks over GF(2) of disjoint 32 x 32 matrices, rows of 32 bits. */
final class RankTest {
    private static final int Q = 32;
    private static final double P32 = fullRankProbability(32);
    private static final double P31 = fullRankProbability(31);
    private static final double P30 = 1 - (P32 + P31);

    private RankTest() {
    }

    /** NIST's product formula for the probability of rank r of a random 32 x 32 matrix. */
    private static double fullRankProbability(int r) {
        double product = 1;
        for (int i = 0; i <= r - 1; i++) {
            product *= ((1.0 - Math.pow(2, i - 32)) * (1.0 - Math.pow(2, i - 32))) / (1.0 - Math.pow(2, i - r));
        }
        return Math.pow(2, r * (32 + 32 - r) - 32 * 32) * product;
    }

    static TestResult run(BitSequence e) {
        int matrices = e.length() / (Q * Q);
        if (matrices == 0) {
            return TestResult.notApplicable(NistTest.RANK, "n < 1024");
        }
        int[] rows = new int[Q];
        double f32 = 0;
        double f31 = 0;
        for (int k = 0; k < matrices; k++) {
            for (int i = 0; i < Q; i++) {
                rows[i] = e.window(k * Q * Q + i * Q, Q);
            }
            int rank = rank(rows);
            if (rank == 32) {
                f32++;
            } else if (rank == 31) {
                f31++;
            }
        }
        double f30 = matrices - (f32 + f31);
        double chi2 = Math.pow(f32 - matrices * P32, 2) / (matrices * P32)
                + Math.pow(f31 - matrices * P31, 2) / (matrices * P31)
                + Math.pow(f30 - matrices * P30, 2) / (matrices * P30);
        return TestResult.of(NistTest.RANK, Math.exp(-chi2 / 2));
    }

    /** The rank over GF(2) of the matrix whose rows are the 32-bit words (destroyed). */
    static int rank(int[] rows) {
        int rank = 0;
        for (int bit = 31; bit >= 0 && rank < rows.length; bit--) {
            int mask = 1 << bit;
            int pivot = -1;
            for (int r = rank; r < rows.length; r++) {
                if ((rows[r] & mask) != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            int p = rows[pivot];
            rows[pivot] = rows[rank];
            rows[rank] = p;
            for (int r = rank + 1; r < rows.length; r++) {
                if ((rows[r] & mask) != 0) {
                    rows[r] ^= p;
                }
            }
            rank++;
        }
        return rank;
    }
}

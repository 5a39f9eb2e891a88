package io.fairspin.cert.game;

import java.util.List;

/**
 * The game-level tests of weighted picks, against the weights rather than uniformity: chi-square of the
 * index counts against weight / total, and of non-overlapping pairs of successive picks against the
 * products of those probabilities (independence). Zero-weight entries are pooled with their neighbours.
 */
final class WeightedPickTest {
    /** Above this many entries the pairs table (entries squared cells) is not built. */
    static final int MAX_PAIR_ENTRIES = 1024;

    private WeightedPickTest() {
    }

    /** Both results for the picks {@code indices} from a table with {@code weights}. */
    static List<GameTestResult> results(long[] weights, long[] indices) {
        int m = weights.length;
        double total = 0;
        for (long w : weights) {
            total += w;
        }
        double[] p = new double[m];
        for (int i = 0; i < m; i++) {
            p[i] = weights[i] / total;
        }
        long[] counts = new long[m];
        for (long index : indices) {
            counts[(int) index]++;
        }
        GameTestResult frequency = ChiSquare.test("frequency against the weights", counts, p, "picks");
        if (m > MAX_PAIR_ENTRIES) {
            return List.of(frequency, GameTestResult.notApplicable("serial pairs against the weights",
                    m + " entries, more than " + MAX_PAIR_ENTRIES));
        }
        long[] pairs = new long[m * m];
        for (int i = 0; i + 1 < indices.length; i += 2) {
            pairs[(int) indices[i] * m + (int) indices[i + 1]]++;
        }
        double[] pairP = new double[m * m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                pairP[a * m + b] = p[a] * p[b];
            }
        }
        return List.of(frequency, ChiSquare.test("serial pairs against the weights", pairs, pairP, "pairs"));
    }
}

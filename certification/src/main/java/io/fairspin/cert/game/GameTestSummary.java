package io.fairspin.cert.game;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The verdict over many game-level tests at a level (default 0.01), accounting for their number with
 * Holm's step-down correction: the family fails when some Holm-adjusted P-value is below the level, so a
 * good generator fails with probability at most the level however many tests run. Also reports how many
 * raw P-values fall below the level, against the number expected by chance.
 *
 * @param level      the significance level
 * @param results    the tests that applied, in their original order
 * @param adjusted   Holm-adjusted P-values, in the order of {@code results}
 * @param notApplied the tests that did not apply
 * @param belowLevel how many raw P-values are below the level
 */
public record GameTestSummary(double level, List<GameTestResult> results, List<Double> adjusted,
                              List<GameTestResult> notApplied, int belowLevel) {

    /** The default significance level of the battery: 1%. */
    public static final double DEFAULT_LEVEL = 0.01;

    /**
     * Judges {@code all} at {@code level} with Holm's step-down correction.
     *
     * @param all every test's result, applicable or not
     * @param level the family-wise significance level, strictly between 0 and 1
     * @return the summary with each test's Holm-adjusted P-value and the verdict
     */
    public static GameTestSummary of(List<GameTestResult> all, double level) {
        List<GameTestResult> applied = all.stream().filter(GameTestResult::applicable).toList();
        List<GameTestResult> skipped = all.stream().filter(r -> !r.applicable()).toList();
        int m = applied.size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> applied.get(i).pValue()));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order.get(rank);
            running = Math.max(running, Math.min(1, (m - rank) * applied.get(i).pValue()));
            adjusted[i] = running;
        }
        int below = (int) applied.stream().filter(r -> r.pValue() < level).count();
        return new GameTestSummary(level, applied, java.util.Arrays.stream(adjusted).boxed().toList(), skipped, below);
    }

    /**
     * Whether no Holm-adjusted P-value is below the level (and at least one test applied).
     *
     * @return true when the battery passes
     */
    public boolean passed() {
        return !results.isEmpty() && adjusted.stream().allMatch(p -> p >= level);
    }

    /**
     * The number of raw P-values below the level expected for a good generator.
     *
     * @return the level times the number of applicable tests
     */
    public double expectedBelowLevel() {
        return results.size() * level;
    }
}

package io.fairspin.cert.game;

/**
 * One game-level test's result: the statistic with its P-value, or why the test did not apply.
 *
 * @param name             which test on which data, for example "frequency" or "reel 2: gap"
 * @param statistic        the test statistic (chi-square, z or D), NaN when not applicable
 * @param degreesOfFreedom the chi-square degrees of freedom, 0 for other statistics
 * @param pValue           the P-value, NaN when not applicable
 * @param detail           what was counted, for people
 * @param notApplicable    why the test did not apply (too little data, range too small), or null
 */
public record GameTestResult(String name, double statistic, int degreesOfFreedom, double pValue, String detail,
                             String notApplicable) {

    static GameTestResult of(String name, double statistic, int degreesOfFreedom, double pValue, String detail) {
        return new GameTestResult(name, statistic, degreesOfFreedom, pValue, detail, null);
    }

    static GameTestResult notApplicable(String name, String reason) {
        return new GameTestResult(name, Double.NaN, 0, Double.NaN, "", reason);
    }

    /**
     * Whether the test applied (enough data, expected counts large enough).
     *
     * @return true when the statistic and P-value are numbers
     */
    public boolean applicable() {
        return notApplicable == null;
    }

    /**
     * The same result under another name, for example prefixed with the reel it tested.
     *
     * @param newName the new name
     * @return a copy of this result with that name
     */
    public GameTestResult named(String newName) {
        return new GameTestResult(newName, statistic, degreesOfFreedom, pValue, detail, notApplicable);
    }
}

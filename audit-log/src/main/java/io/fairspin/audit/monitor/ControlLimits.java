package io.fairspin.audit.monitor;

/**
 * The monitor's statistical settings: each control limit's false-alarm probability over a game's whole life,
 * where the RTP and hit-frequency boundaries are tightest, and when the award test looks.
 *
 * @param rtpAlpha       false-alarm probability of the RTP limit (two-sided), over all rounds
 * @param hitAlpha       false-alarm probability of the hit-frequency limit (two-sided), over all rounds
 * @param awardAlpha     false-alarm probability of the award-frequency test, over all its looks and awards
 * @param tightestRounds the rounds at which the RTP and hit-frequency boundaries are tightest (rho = variance x this)
 * @param firstAwardLook the rounds of the award test's first look; it looks again each time the rounds double
 */
public record ControlLimits(double rtpAlpha, double hitAlpha, double awardAlpha, long tightestRounds,
                            long firstAwardLook) {
    /** The defaults: 0.001 each, tightest at 100,000 rounds, award looks from 10,000 rounds. */
    public static final ControlLimits DEFAULT = new ControlLimits(0.001, 0.001, 0.001, 100_000, 10_000);

    /**
     * Checks that each false-alarm probability is strictly between 0 and 1.
     *
     * @param rtpAlpha false-alarm probability of the RTP limit (two-sided), over all rounds
     * @param hitAlpha false-alarm probability of the hit-frequency limit (two-sided), over all rounds
     * @param awardAlpha false-alarm probability of the award-frequency test, over all its looks and awards
     * @param tightestRounds the rounds at which the RTP and hit-frequency boundaries are tightest (rho = variance x
     *     this)
     * @param firstAwardLook the rounds of the award test's first look; it looks again each time the rounds double
     */
    public ControlLimits {
        requireProbability("rtpAlpha", rtpAlpha);
        requireProbability("hitAlpha", hitAlpha);
        requireProbability("awardAlpha", awardAlpha);
        if (tightestRounds < 1 || firstAwardLook < 1) {
            throw new IllegalArgumentException("tightestRounds and firstAwardLook: must be positive");
        }
    }

    private static void requireProbability(String name, double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException(name + ": must be in (0, 1), was " + p);
        }
    }

    /**
     * The same limits with another false-alarm probability for all three tests.
     *
     * @param alpha the false-alarm probability over a game's whole life, strictly between 0 and 1
     * @return new limits
     */
    public ControlLimits withAlpha(double alpha) {
        return new ControlLimits(alpha, alpha, alpha, tightestRounds, firstAwardLook);
    }
}

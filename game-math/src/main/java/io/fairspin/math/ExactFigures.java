package io.fairspin.math;

import java.util.List;
import java.util.Objects;

/**
 * The exact per-round figures of a game at its standard wager, against which a simulation is judged:
 * each is a fraction of the stake (RTP, per-type contributions, variance of the win per unit staked) or
 * a probability (hit frequency, feature frequencies).
 *
 * <p>In games where the stake can grow during a round (a raise, a double, craps odds), the RTP is the
 * expected win divided by the expected stake (what total win over total stake converges to), and the
 * variance is that of the net result (win minus stake) in units of the initial stake {@link Game#stake()};
 * with a fixed stake both reduce to the definitions below.
 *
 * @param rtp                expected win divided by the stake
 * @param rtpByWinType       contribution of each of {@link Game#winTypes()}, in that order; they sum to {@code rtp}
 * @param hitFrequency       probability that a round wins anything
 * @param variance           variance of (win / stake) per round
 * @param featureFrequencies probability of each of {@link Game#features()} per round, in that order
 */
public record ExactFigures(Fraction rtp, List<Fraction> rtpByWinType, Fraction hitFrequency, Fraction variance,
        List<Fraction> featureFrequencies) {

    /**
     * Checks the figures.
     *
     * @param rtp expected win divided by the stake
     * @param rtpByWinType contribution of each of {@link Game#winTypes()}, in that order; they sum to {@code rtp}
     * @param hitFrequency probability that a round wins anything
     * @param variance variance of (win / stake) per round
     * @param featureFrequencies probability of each of {@link Game#features()} per round, in that order
     */
    public ExactFigures {
        Objects.requireNonNull(rtp, "rtp");
        Objects.requireNonNull(hitFrequency, "hitFrequency");
        Objects.requireNonNull(variance, "variance");
        rtpByWinType = List.copyOf(rtpByWinType);
        featureFrequencies = List.copyOf(featureFrequencies);
    }

    /**
     * The standard deviation of (win / stake) per round.
     *
     * @return the square root of the variance, in multiples of the stake
     */
    public double standardDeviation() {
        return Math.sqrt(variance.doubleValue());
    }
}

package io.fairspin.math;

/**
 * A capability a {@link Game} may have: progressive jackpots. Its rounds (and its exact figures) pay each
 * progressive jackpot at its seed; the meter's growth, a share of every stake, is paid on top by whoever
 * keeps the meters. In the long run that share is returned too, so the return operators and labs report
 * is the game's RTP plus {@link #progressiveContribution()}, stated apart.
 */
public interface ProgressiveJackpots {
    /** The share of every stake added to the progressive meters (the sum of their rates); zero for none. */
    Fraction progressiveContribution();
}

package io.fairspin.math;

/**
 * A decision the round cannot take now: not one of the pending decision's legal actions, values out of
 * range, or a decision for a settled round. The round's state is unchanged (nothing was drawn, nothing
 * was recorded); the same round can take a legal decision next.
 */
public final class IllegalDecisionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * A decision refused by the round.
     *
     * @param message which decision, and what the round allows now
     */
    public IllegalDecisionException(String message) {
        super(message);
    }
}

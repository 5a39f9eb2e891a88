package io.fairspin.math;

import java.util.Arrays;

/**
 * The money figures of one played round, in integer minor units, filled in by
 * {@link Game#play(io.fairspin.rng.RandomStream, RoundOutcome)}. Mutable and reused from round to round
 * so that a simulation's loop allocates nothing; {@link #copy()} keeps one.
 */
public final class RoundOutcome {
    private final long[] winByType;
    private final boolean[] featureTriggered;
    private long stake;

    /** An outcome for a game with the given win types and features ({@link Game#winTypes()}, {@link Game#features()}). */
    public RoundOutcome(int winTypes, int features) {
        this.winByType = new long[winTypes];
        this.featureTriggered = new boolean[features];
    }

    /** An outcome sized for {@code game}. */
    public static RoundOutcome forGame(Game game) {
        return new RoundOutcome(game.winTypes().size(), game.features().size());
    }

    /** Clears the figures for the next round and sets its stake. */
    public void start(long roundStake) {
        this.stake = roundStake;
        // Loops rather than Arrays.fill: these arrays hold a few elements, and this runs once per round.
        long[] wins = winByType;
        for (int i = 0; i < wins.length; i++) {
            wins[i] = 0;
        }
        boolean[] features = featureTriggered;
        for (int i = 0; i < features.length; i++) {
            features[i] = false;
        }
    }

    /**
     * Adds {@code amount} to the round's stake: a stake placed during the round, such as a raise in
     * Three Card Poker, a double or split in blackjack or odds in craps.
     */
    public void addStake(long amount) {
        stake += amount;
    }

    /** Adds {@code amount} to the win of type {@code winType} (an index into {@link Game#winTypes()}). */
    public void addWin(int winType, long amount) {
        winByType[winType] += amount;
    }

    /** Marks feature {@code feature} (an index into {@link Game#features()}) as triggered in this round. */
    public void trigger(int feature) {
        featureTriggered[feature] = true;
    }

    /** What the player staked on the round, including any stakes added during it. */
    public long stake() {
        return stake;
    }

    /** The total win of the round, over all win types. */
    public long win() {
        long total = 0;
        for (long amount : winByType) {
            total += amount;
        }
        return total;
    }

    /** The win of type {@code winType}. */
    public long win(int winType) {
        return winByType[winType];
    }

    public boolean triggered(int feature) {
        return featureTriggered[feature];
    }

    public int winTypeCount() {
        return winByType.length;
    }

    public int featureCount() {
        return featureTriggered.length;
    }

    /**
     * Makes this outcome equal to {@code other}, which must be sized alike.
     *
     * @throws IllegalArgumentException when the sizes differ
     */
    public void copyFrom(RoundOutcome other) {
        if (other.winByType.length != winByType.length || other.featureTriggered.length != featureTriggered.length) {
            throw new IllegalArgumentException("outcomes of different games");
        }
        stake = other.stake;
        System.arraycopy(other.winByType, 0, winByType, 0, winByType.length);
        System.arraycopy(other.featureTriggered, 0, featureTriggered, 0, featureTriggered.length);
    }

    /** Equal figures: the same stake, wins by type and features triggered. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RoundOutcome other && stake == other.stake && Arrays.equals(winByType, other.winByType)
                && Arrays.equals(featureTriggered, other.featureTriggered);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(stake) + Arrays.hashCode(winByType);
    }

    @Override
    public String toString() {
        return "RoundOutcome[stake=" + stake + ", win=" + Arrays.toString(winByType) + ", features="
                + Arrays.toString(featureTriggered) + "]";
    }

    /** An independent copy. */
    public RoundOutcome copy() {
        RoundOutcome copy = new RoundOutcome(winByType.length, featureTriggered.length);
        copy.stake = stake;
        System.arraycopy(winByType, 0, copy.winByType, 0, winByType.length);
        System.arraycopy(featureTriggered, 0, copy.featureTriggered, 0, featureTriggered.length);
        return copy;
    }
}

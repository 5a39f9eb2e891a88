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
    /** Occurrences of each base-game award this round, when counted ({@link #countAwards}); null otherwise. */
    private long[] awards;
    /** The awards counted this round, each once, in the order first counted: the start of a round clears only these. */
    private int[] counted;
    private int countedAwards;

    /**
     * An outcome for a game with the given win types and features ({@link Game#winTypes()}, {@link Game#features()}).
     *
     * @param winTypes the number of win types, at least 1
     * @param features the number of features, at least 0
     */
    public RoundOutcome(int winTypes, int features) {
        this.winByType = new long[winTypes];
        this.featureTriggered = new boolean[features];
    }

    /**
     * An outcome sized for {@code game}.
     *
     * @param game the game
     * @return an empty outcome with the game's win types and features
     */
    public static RoundOutcome forGame(Game game) {
        return new RoundOutcome(game.winTypes().size(), game.features().size());
    }

    /**
     * Clears the figures for the next round and sets its stake.
     *
     * @param roundStake the round's initial stake, in minor units
     */
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
        for (int i = 0; i < countedAwards; i++) {
            awards[counted[i]] = 0;
        }
        countedAwards = 0;
    }

    /**
     * Asks the games that play into this outcome to count the occurrences of their base game's pay-table
     * awards ({@link AwardOccurrences}) from the next round on: a simulation does so to test each award's
     * frequency when the game states no exact win distribution. Counting costs the game time, so it is off
     * unless asked for.
     *
     * @param count the number of awards the game names ({@link AwardOccurrences#awards()}), at least 1
     * @throws IllegalArgumentException when {@code count} is below 1
     */
    public void countAwards(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count: at least 1, was " + count);
        }
        awards = new long[count];
        counted = new int[count];
        countedAwards = 0;
    }

    /**
     * Whether this outcome counts awards ({@link #countAwards}).
     *
     * @return true when the game should count its awards into it
     */
    public boolean countsAwards() {
        return awards != null;
    }

    /**
     * Counts one occurrence of award {@code award} (an index into {@link AwardOccurrences#awards()}) in this
     * round; a game calls it only when {@link #countsAwards()}.
     *
     * @param award the award's index
     */
    public void addAward(int award) {
        if (awards[award]++ == 0) {
            counted[countedAwards++] = award;
        }
    }

    /**
     * How many distinct awards this round counted: {@link #countedAward} names each.
     *
     * @return the number of awards with at least one occurrence this round
     */
    public int countedAwards() {
        return countedAwards;
    }

    /**
     * The {@code i}-th distinct award this round counted, in the order first counted.
     *
     * @param i from 0 to {@link #countedAwards()} - 1
     * @return the award's index
     */
    public int countedAward(int i) {
        return counted[i];
    }

    /**
     * The occurrences of award {@code award} in this round, when this outcome counts awards.
     *
     * @param award the award's index
     * @return how many times the round's base game showed it
     */
    public long awards(int award) {
        return awards[award];
    }

    /**
     * Adds {@code amount} to the round's stake: a stake placed during the round, such as a raise in
     * Three Card Poker, a double or split in blackjack or odds in craps.
     *
     * @param amount the added stake, in minor units, at least 0
     */
    public void addStake(long amount) {
        stake += amount;
    }

    /**
     * Adds {@code amount} to the win of type {@code winType} (an index into {@link Game#winTypes()}).
     *
     * @param winType the win type's index
     * @param amount the win, in minor units, at least 0
     */
    public void addWin(int winType, long amount) {
        winByType[winType] += amount;
    }

    /**
     * Takes {@code amount} off the win of type {@code winType}: a cap cutting a pay already added.
     *
     * @param winType the win type's index
     * @param amount the amount cut, in minor units, from 0 to that win type's win
     * @throws IllegalArgumentException when the amount is negative or more than the win
     */
    public void cutWin(int winType, long amount) {
        if (amount < 0 || amount > winByType[winType]) {
            throw new IllegalArgumentException("cut " + amount + " from a win of " + winByType[winType]);
        }
        winByType[winType] -= amount;
    }

    /**
     * Marks feature {@code feature} (an index into {@link Game#features()}) as triggered in this round.
     *
     * @param feature the feature's index
     */
    public void trigger(int feature) {
        featureTriggered[feature] = true;
    }

    /**
     * What the player staked on the round, including any stakes added during it.
     *
     * @return the stake, in minor units
     */
    public long stake() {
        return stake;
    }

    /**
     * The total win of the round, over all win types.
     *
     * @return the win, in minor units
     */
    public long win() {
        long total = 0;
        for (long amount : winByType) {
            total += amount;
        }
        return total;
    }

    /**
     * The win of type {@code winType}.
     *
     * @param winType the win type's index
     * @return that win type's win, in minor units
     */
    public long win(int winType) {
        return winByType[winType];
    }

    /**
     * Whether feature {@code feature} was triggered in this round.
     *
     * @param feature the feature's index
     * @return true when triggered
     */
    public boolean triggered(int feature) {
        return featureTriggered[feature];
    }

    /**
     * The number of win types.
     *
     * @return the number of win types this outcome holds
     */
    public int winTypeCount() {
        return winByType.length;
    }

    /**
     * The number of features.
     *
     * @return the number of features this outcome holds
     */
    public int featureCount() {
        return featureTriggered.length;
    }

    /**
     * Makes this outcome equal to {@code other}, which must be sized alike.
     *
     * @param other the outcome to copy
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

    /**
     * An independent copy.
     *
     * @return a new outcome equal to this one
     */
    public RoundOutcome copy() {
        RoundOutcome copy = new RoundOutcome(winByType.length, featureTriggered.length);
        copy.stake = stake;
        if (awards != null) {
            copy.awards = awards.clone();
            copy.counted = counted.clone();
            copy.countedAwards = countedAwards;
        }
        System.arraycopy(winByType, 0, copy.winByType, 0, winByType.length);
        System.arraycopy(featureTriggered, 0, copy.featureTriggered, 0, featureTriggered.length);
        return copy;
    }
}

package io.fairspin.cert.game;

import java.util.Locale;

/**
 * The positions of cards after shuffles: a k x k table counts how often each card ends in each position.
 * For uniform shuffles every cell expects S/k, where S is the number of shuffles. A permutation matrix's
 * cells have covariance k/(k-1) times the doubly centred projection a multinomial table would have, so
 * Pearson's X^2 times (k-1)/k follows chi-square with (k-1)^2 degrees of freedom.
 */
public final class PermutationTest {
    private final int deckSize;
    private final long[] counts;
    private long shuffles;

    /**
     * A test of shuffles of a deck of {@code deckSize} cards (at least 2).
     *
     * @param deckSize the number of cards, at least 2
     */
    public PermutationTest(int deckSize) {
        if (deckSize < 2 || deckSize > 4096) {
            throw new IllegalArgumentException("deck size: must be in [2, 4096], was " + deckSize);
        }
        this.deckSize = deckSize;
        this.counts = new long[deckSize * deckSize];
    }

    /**
     * Adds one shuffle: {@code order[position]} is the card at that position, a permutation of 0 .. k-1.
     *
     * @param order the card at each position
     */
    public void accept(int[] order) {
        if (order.length != deckSize) {
            throw new IllegalArgumentException("a shuffle of " + deckSize + " cards has " + order.length);
        }
        for (int position = 0; position < deckSize; position++) {
            int card = order[position];
            if (card < 0 || card >= deckSize) {
                throw new IllegalArgumentException("card " + card + " at position " + position + " is outside [0, "
                        + deckSize + ")");
            }
            counts[card * deckSize + position]++;
        }
        shuffles++;
    }

    /**
     * The chi-square test of the shuffles' positions: every card equally likely at every position.
     *
     * @return the test's result, not applicable below enough shuffles
     */
    public GameTestResult result() {
        String name = "card positions";
        double expected = (double) shuffles / deckSize;
        if (expected < ChiSquare.MIN_EXPECTED) {
            return GameTestResult.notApplicable(name, "too little data: " + shuffles + " shuffles, needs "
                    + (long) Math.ceil(ChiSquare.MIN_EXPECTED * deckSize));
        }
        double x2 = 0;
        for (long c : counts) {
            x2 += (c - expected) * (c - expected) / expected;
        }
        double statistic = x2 * (deckSize - 1) / deckSize;
        int df = (deckSize - 1) * (deckSize - 1);
        return GameTestResult.of(name, statistic, df, ChiSquare.pValue(statistic, df),
                String.format(Locale.ROOT, "%,d shuffles of %d cards, %d x %d card-position table", shuffles, deckSize,
                        deckSize, deckSize));
    }
}

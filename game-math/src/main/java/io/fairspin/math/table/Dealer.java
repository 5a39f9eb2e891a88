package io.fairspin.math.table;

import io.fairspin.rng.RandomStream;

/**
 * Deals cards one at a time, without replacement, from a freshly shuffled shoe of {@code size} cards:
 * the k-th card dealt is the k-th value of derivation v1's "sample k of n" (section 5), so dealing k
 * cards consumes exactly uniform(n), uniform(n-1), ..., uniform(n-k+1), whatever k turns out to be.
 *
 * <p>Reused from round to round without allocating: {@link #newRound} undoes the previous round's
 * exchanges. Not thread-safe; games keep one per thread.
 */
public final class Dealer {
    private final int[] order;
    private final int[] exchanged;
    private int dealt;

    public Dealer(int size) {
        order = new int[size];
        exchanged = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
    }

    /** Returns every card to the shoe, which is then shuffled again as cards are dealt. */
    public void newRound() {
        while (dealt > 0) {
            dealt--;
            swap(dealt, exchanged[dealt]);
        }
    }

    /** The next card, an index in [0, size). */
    public int next(RandomStream stream) {
        int i = dealt;
        int j = i + stream.nextInt(order.length - i);
        swap(i, j);
        exchanged[i] = j;
        dealt = i + 1;
        return order[i];
    }

    private void swap(int i, int j) {
        int held = order[i];
        order[i] = order[j];
        order[j] = held;
    }
}

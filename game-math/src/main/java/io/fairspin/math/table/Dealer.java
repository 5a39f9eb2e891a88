package io.fairspin.math.table;

import io.fairspin.math.LoggedDraws;
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
    private final boolean cards;
    private final int[] exchanged;
    private int dealt;

    /**
     * A dealer of a shoe of {@code size} cards, all in the shoe.
     *
     * @param size the cards in the shoe, at least 1
     */
    public Dealer(int size) {
        this(size, true);
    }

    /**
     * A shoe of {@code size} cards, or of other items (keno's balls) when {@code cards} is false.
     *
     * @param size the cards or items in the shoe, at least 1
     * @param cards true for playing cards (a logged draw names a card), false for items such as balls (a logged
     *     draw is the item's index)
     */
    public Dealer(int size, boolean cards) {
        this.cards = cards;
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

    /**
     * The next card, an index in [0, size).
     *
     * @param stream where the round's random numbers come from
     * @return the card's index, one not dealt since {@link #newRound()}
     */
    public int next(RandomStream stream) {
        if (stream instanceof LoggedDraws) {
            return take((LoggedDraws) stream);
        }
        int i = dealt;
        int j = i + stream.nextInt(order.length - i);
        swap(i, j);
        exchanged[i] = j;
        dealt = i + 1;
        return order[i];
    }

    /** Deals the card (or item) the log says was dealt next, if the shoe still holds it. */
    private int take(LoggedDraws draws) {
        int wanted = draws.nextCard(cards ? LoggedDraws.Kind.CARD : LoggedDraws.Kind.ITEM);
        int i = dealt;
        for (int j = i; j < order.length; j++) {
            if ((cards ? Cards.code(order[j], order.length) : order[j]) == wanted) {
                swap(i, j);
                exchanged[i] = j;
                dealt = i + 1;
                return order[i];
            }
        }
        throw new IllegalArgumentException("$.outcome: draw " + draws.drawn() + " deals "
                + (cards ? Cards.nameWithJoker(wanted) : "item " + (wanted + 1)) + ", which the shoe no longer holds");
    }

    private void swap(int i, int j) {
        int held = order[i];
        order[i] = order[j];
        order[j] = held;
    }
}

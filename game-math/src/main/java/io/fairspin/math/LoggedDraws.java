package io.fairspin.math;

import io.fairspin.rng.RandomStream;
import io.fairspin.rng.WeightedTable;
import java.util.Arrays;

/**
 * The draws of a logged round read back from its logged outcome (a table game's pockets, dice, cards dealt, balls
 * drawn; a slot's reel sets and stops, a hold-and-win coin's value and the cells coins land on), as a stream: a game
 * played on it draws exactly what the log says, so that an {@link OutcomeCheck} can play the round again without its
 * seed or the escrow and compare it with the log. Numbers come back from {@link #nextInt(int)} and, as the index of
 * the entry picked, from {@link #pick(WeightedTable)}; cards and balls are taken by the game's dealer with
 * {@link #nextCard(Kind)}, cells sampled with {@link #sample(int, int)} are items; any other draw, or one more than
 * logged, fails with an {@link IllegalArgumentException} that says which draw.
 */
public final class LoggedDraws extends RandomStream {
    /** What a logged draw is. */
    public enum Kind {
        /**
         * A number a game draws with {@code nextInt(bound)}, or the index of the entry it picks from a weighted table
         * ({@code pick}), which must have a positive weight.
         */
        NUMBER,
        /** A card, by the code of its name (rank and suit; the joker has its own). */
        CARD,
        /** A ball or other item of a shoe, by its exact index; or one of the values a {@code sample(n, k)} draws. */
        ITEM
    }

    private int[] values = new int[16];
    private Kind[] kinds = new Kind[16];
    private int size;
    private int next;

    /** An empty log of draws: {@link #add} each logged draw, in the order the round made them. */
    public LoggedDraws() {
        super(1);
    }

    /**
     * Adds a draw after the ones already added.
     *
     * @param kind what the draw is (a number, a card or an item)
     * @param value the logged value: the number drawn (from 0, below the bound the round draws it with), the card's
     *     code, or the item's index
     * @return this log, to add more
     */
    public LoggedDraws add(Kind kind, int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            kinds = Arrays.copyOf(kinds, size * 2);
        }
        values[size] = value;
        kinds[size++] = kind;
        return this;
    }

    /**
     * Adds a slot spin's draws after the ones already added: the reel set picked, when there was a choice, then each
     * reel's stop, all {@link Kind#NUMBER}s.
     *
     * @param choices how many reel sets the spin chooses from
     * @param chosen the index of the one picked among them
     * @param stops each reel's stop
     * @return this log, to add more
     */
    public LoggedDraws addSpin(int choices, int chosen, int[] stops) {
        if (choices > 1) {
            add(Kind.NUMBER, chosen);
        }
        for (int stop : stops) {
            add(Kind.NUMBER, stop);
        }
        return this;
    }

    /**
     * Starts again from the first draw (a round re-run from its start at each decision).
     *
     * @return this log, its next draw the first one added
     */
    public LoggedDraws rewound() {
        next = 0;
        return this;
    }

    /**
     * Whether the round drew every logged draw.
     *
     * @return true when no logged draw is left to take (also when none was added)
     */
    public boolean exhausted() {
        return next == size;
    }

    /**
     * The logged draws the round did not make.
     *
     * @return how many draws are left to take, 0 when the round drew them all
     */
    public int left() {
        return size - next;
    }

    private int take(Kind kind) {
        if (next == size) {
            throw new IllegalArgumentException("$.outcome: the round draws more than its outcome logs (" + size
                    + " draws)");
        }
        if (kinds[next] != kind) {
            throw new IllegalArgumentException("$.outcome: draw " + (next + 1) + " is logged as a "
                    + kinds[next].name().toLowerCase(java.util.Locale.ROOT) + ", the round draws a "
                    + kind.name().toLowerCase(java.util.Locale.ROOT));
        }
        return values[next++];
    }

    @Override
    public int nextInt(int bound) {
        int value = take(Kind.NUMBER);
        if (value < 0 || value >= bound) {
            throw new IllegalArgumentException("$.outcome: draw " + next + " is logged as " + value
                    + ", the round draws from [0, " + bound + ")");
        }
        return value;
    }

    /** The logged number, as the index of the entry picked: below the table's size, of a positive weight. */
    @Override
    public int pick(WeightedTable table) {
        int index = take(Kind.NUMBER);
        if (index < 0 || index >= table.size() || table.weight(index) == 0) {
            throw new IllegalArgumentException("$.outcome: draw " + next + " is logged as " + index + ", the round picks"
                    + " one of " + table.size() + " entries" + (index >= 0 && index < table.size() ? ", and entry "
                    + index + " has weight 0" : ""));
        }
        return index;
    }

    /** The next {@code k} logged items, each below {@code n} and none twice, in the order logged. */
    @Override
    public int[] sample(int n, int k) {
        int[] drawn = new int[k];
        for (int i = 0; i < k; i++) {
            drawn[i] = take(Kind.ITEM);
            for (int j = 0; j < i; j++) {
                if (drawn[j] == drawn[i]) {
                    throw new IllegalArgumentException("$.outcome: draw " + next + " is logged as " + drawn[i]
                            + " a second time, the round samples distinct values");
                }
            }
            if (drawn[i] < 0 || drawn[i] >= n) {
                throw new IllegalArgumentException("$.outcome: draw " + next + " is logged as " + drawn[i]
                        + ", the round samples from [0, " + n + ")");
            }
        }
        return drawn;
    }

    /**
     * The next card or item, which the caller's shoe must still hold.
     *
     * @param kind {@link Kind#CARD} or {@link Kind#ITEM}, what the caller draws
     * @return the logged value: the card's code or the item's index
     * @throws IllegalArgumentException when every logged draw was taken or the next one is of another kind
     */
    public int nextCard(Kind kind) {
        return take(kind);
    }

    /**
     * The draw number of the last draw taken, from 1, for messages.
     *
     * @return the number of draws taken so far (0 before the first, and again after {@link #rewound()})
     */
    public int drawn() {
        return next;
    }

    @Override
    protected void nextBlock(byte[] destination, int offset) {
        throw new IllegalArgumentException("$.outcome: the round draws what its outcome does not log");
    }
}

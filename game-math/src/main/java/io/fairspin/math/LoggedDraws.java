package io.fairspin.math;

import io.fairspin.rng.RandomStream;
import java.util.Arrays;

/**
 * The draws of a logged round read back from its logged outcome (a table game's pockets, dice, cards dealt, balls
 * drawn), as a stream: a game played on it draws exactly what the log says, so that an {@link OutcomeCheck} can
 * play the round again without its seed or the escrow and compare it with the log. Numbers come back from
 * {@link #nextInt(int)}; cards and balls are taken by the game's dealer with {@link #nextCard()}; any other draw,
 * or one more than logged, fails with an {@link IllegalArgumentException} that says which draw.
 */
public final class LoggedDraws extends RandomStream {
    /** What a logged draw is. */
    public enum Kind {
        /** A number a game draws with {@code nextInt(bound)}. */
        NUMBER,
        /** A card, by the code of its name (rank and suit; the joker has its own). */
        CARD,
        /** A ball or other item of a shoe, by its exact index. */
        ITEM
    }

    private int[] values = new int[16];
    private Kind[] kinds = new Kind[16];
    private int size;
    private int next;

    public LoggedDraws() {
        super(1);
    }

    /** Adds a draw. */
    public LoggedDraws add(Kind kind, int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            kinds = Arrays.copyOf(kinds, size * 2);
        }
        values[size] = value;
        kinds[size++] = kind;
        return this;
    }

    /** Starts again from the first draw (a round re-run from its start at each decision). */
    public LoggedDraws rewound() {
        next = 0;
        return this;
    }

    /** Whether the round drew every logged draw. */
    public boolean exhausted() {
        return next == size;
    }

    /** The logged draws the round did not make. */
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

    /** The next card or item, which the caller's shoe must still hold. */
    public int nextCard(Kind kind) {
        return take(kind);
    }

    /** The draw number of the last draw taken, from 1, for messages. */
    public int drawn() {
        return next;
    }

    @Override
    protected void nextBlock(byte[] destination, int offset) {
        throw new IllegalArgumentException("$.outcome: the round draws what its outcome does not log");
    }
}

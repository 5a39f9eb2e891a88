package io.fairspin.cert.game;

import io.fairspin.rng.WeightedTable;

/**
 * Receives every draw a game makes through a {@link RecordingStream}, in the order made, each with the
 * range or table or deck it was drawn from: what the game-level tests of a game model read.
 */
public interface DrawListener {

    /**
     * An integer uniform in [0, range): {@code nextInt(bound)}, {@code nextLong(bound)}, the origin-bound
     * forms (value less origin), {@code nextBoolean()} (range 2) and {@code nextInt()} (range 2^32, the
     * value unsigned).
     */
    void integer(long range, long value);

    /** A weighted pick: the index picked from {@code table}. */
    void pick(WeightedTable table, int index);

    /** A shuffle of {@code order.length} items: {@code order[position]} is the original index now at that position. */
    void shuffle(int[] order);

    /** A sample of {@code drawn.length} distinct values from [0, n), in the order drawn. */
    void sample(int n, int[] drawn);

    /** A double uniform in [0, 1), as {@code nextDouble()} returns it (also inside the other double and Gaussian methods). */
    void uniformDouble(double value);

    /** A draw no game-level test applies to: {@code nextLong()}, {@code nextBytes}, {@code nextFloat()}. */
    void untested(String method);
}

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
     *
     * @param range the number of possible values, at least 1
     * @param value the value drawn, in [0, range)
     */
    void integer(long range, long value);

    /**
     * A weighted pick: the index picked from {@code table}.
     *
     * @param table the weights the pick was made from
     * @param index the index picked, in [0, table.size())
     */
    void pick(WeightedTable table, int index);

    /**
     * A shuffle of {@code order.length} items: {@code order[position]} is the original index now at that position.
     *
     * @param order the shuffled original indices, a permutation of 0 .. n-1
     */
    void shuffle(int[] order);

    /**
     * A sample of {@code drawn.length} distinct values from [0, n), in the order drawn.
     *
     * @param n the population size
     * @param drawn the values drawn, in order
     */
    void sample(int n, int[] drawn);

    /**
     * A double uniform in [0, 1), as {@code nextDouble()} returns it (also inside the other double and Gaussian
     * methods).
     *
     * @param value the double, in [0, 1)
     */
    void uniformDouble(double value);

    /**
     * A draw no game-level test applies to: {@code nextLong()}, {@code nextBytes}, {@code nextFloat()}.
     *
     * @param method the method's name, such as {@code nextBytes}
     */
    void untested(String method);
}

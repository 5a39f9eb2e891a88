package io.fairspin.cert.game;

import io.fairspin.rng.RandomStream;
import io.fairspin.rng.WeightedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;

/**
 * A {@link RandomStream} that gives exactly the outcomes its source would give, and tells a {@link
 * DrawListener} each one: a game plays from it as from the certified stream itself, and the lab sees
 * every reel stop, card and pick as the game drew it.
 *
 * <p>It reads the source's byte sequence, {@value #BLOCK} bytes at a time, and maps the bytes by
 * derivation v1 like any stream, so every method returns what the source's own method would. Every
 * derivation v1 draw reads whole 4-byte words, so after a round the source has advanced exactly as far as
 * the round's draws needed (except after {@code nextBytes} of a length that is not a multiple of 4).
 * Shuffles are computed as a shuffle of the indices 0..n-1 applied to the values: Fisher-Yates swaps
 * positions whatever they hold, so the result is the same, and the indices are the permutation the
 * card positions test needs even when the values repeat (a shoe of several decks). Not thread-safe.
 */
public final class RecordingStream extends RandomStream {
    private static final int BLOCK = 4;
    private static final long TWO_TO_32 = 1L << 32;

    private final RandomStream source;
    private final byte[] block = new byte[BLOCK];
    private final DrawListener listener;

    /**
     * A stream over {@code source}'s bytes that reports every draw to {@code listener}.
     *
     * @param source the stream the bytes come from; draws consume exactly what they would from it
     * @param listener told of every draw, in order
     */
    public RecordingStream(RandomStream source, DrawListener listener) {
        super(BLOCK);
        if (source == null || listener == null) {
            throw new IllegalArgumentException("source and listener: must not be null");
        }
        this.source = source;
        this.listener = listener;
    }

    @Override
    protected void nextBlock(byte[] destination, int offset) {
        source.nextBytes(block);
        System.arraycopy(block, 0, destination, offset, BLOCK);
    }

    @Override
    public int nextInt(int bound) {
        int value = super.nextInt(bound);
        listener.integer(bound, value);
        return value;
    }

    @Override
    public int nextInt(int origin, int bound) {
        int value = super.nextInt(origin, bound);
        listener.integer((long) bound - origin, (long) value - origin);
        return value;
    }

    @Override
    public long nextLong(long bound) {
        long value = super.nextLong(bound);
        listener.integer(bound, value);
        return value;
    }

    @Override
    public long nextLong(long origin, long bound) {
        long value = super.nextLong(origin, bound);
        listener.integer(bound - origin, value - origin);
        return value;
    }

    @Override
    public boolean nextBoolean() {
        boolean value = super.nextBoolean();
        listener.integer(2, value ? 1 : 0);
        return value;
    }

    @Override
    public int nextInt() {
        int value = super.nextInt();
        listener.integer(TWO_TO_32, Integer.toUnsignedLong(value));
        return value;
    }

    @Override
    public long nextLong() {
        listener.untested("nextLong()");
        return super.nextLong();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        listener.untested("nextBytes");
        super.nextBytes(bytes);
    }

    @Override
    public float nextFloat() {
        listener.untested("nextFloat()");
        return super.nextFloat();
    }

    /** Every other double method of derivation v1 maps one or two of these, so each is reported once. */
    @Override
    public double nextDouble() {
        double value = super.nextDouble();
        listener.uniformDouble(value);
        return value;
    }

    @Override
    public void shuffle(int[] values) {
        int[] order = shuffledIndices(values.length);
        int[] original = values.clone();
        for (int position = 0; position < order.length; position++) {
            values[position] = original[order[position]];
        }
    }

    @Override
    public <T> void shuffle(List<T> list) {
        int[] order = shuffledIndices(list.size());
        List<T> original = new ArrayList<>(list);
        ListIterator<T> it = list.listIterator();
        for (int index : order) {
            it.next();
            it.set(original.get(index));
        }
    }

    private int[] shuffledIndices(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        super.shuffle(order);
        listener.shuffle(order.clone());
        return order;
    }

    @Override
    public int[] sample(int n, int k) {
        int[] drawn = super.sample(n, k);
        listener.sample(n, drawn.clone());
        return drawn;
    }

    /** {@code pick(long...)} builds a table and calls this method, so each pick is reported once. */
    @Override
    public int pick(WeightedTable table) {
        int index = super.pick(table);
        listener.pick(table, index);
        return index;
    }
}

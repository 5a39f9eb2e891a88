package io.fairspin.rng;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;

/**
 * A stream of random bytes turned into outcomes by derivation v1, the frozen mapping specified in
 * {@code docs/derivation-v1.md}: unbiased integers, ranges, shuffles, samples without replacement,
 * weighted picks and doubles.
 *
 * <p>Subclasses supply the bytes in fixed-size blocks; the byte sequence is the concatenation of those
 * blocks, whatever sizes callers read in. Every method of {@link RandomGenerator} whose algorithm the
 * JDK leaves to the implementation is overridden here by the specified one, so an outcome depends only
 * on the bytes. Not thread-safe unless a subclass says so.
 */
public abstract class RandomStream implements RandomGenerator {
    private static final VarHandle INT_BIG_ENDIAN =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_BIG_ENDIAN =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long MASK32 = 0xFFFF_FFFFL;
    private static final long TWO_TO_32 = 1L << 32;

    private final byte[] buffer;
    private int position;

    /** A stream whose bytes arrive in blocks of {@code blockSize} bytes from {@link #nextBlock}. */
    protected RandomStream(int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize: must be positive, was " + blockSize);
        }
        this.buffer = new byte[blockSize];
        this.position = blockSize;
    }

    /** Writes the next block of the byte sequence, exactly {@link #blockSize()} bytes, at {@code offset}. */
    protected abstract void nextBlock(byte[] destination, int offset);

    /** The number of bytes {@link #nextBlock} produces at a time. */
    protected final int blockSize() {
        return buffer.length;
    }

    // ---- The primitives: bytes and big-endian words. Subclasses may make them atomic. ----

    /** The next 4 bytes as a big-endian 32-bit word. */
    protected int nextWord32() {
        int p = position;
        if (buffer.length - p >= 4) {
            position = p + 4;
            return (int) INT_BIG_ENDIAN.get(buffer, p);
        }
        return (int) nextBytesAsWord(4);
    }

    /** The next 8 bytes as a big-endian 64-bit word. */
    protected long nextWord64() {
        int p = position;
        if (buffer.length - p >= 8) {
            position = p + 8;
            return (long) LONG_BIG_ENDIAN.get(buffer, p);
        }
        return nextBytesAsWord(8);
    }

    private long nextBytesAsWord(int count) {
        long word = 0;
        for (int i = 0; i < count; i++) {
            if (position == buffer.length) {
                refill();
            }
            word = (word << 8) | (buffer[position++] & 0xFF);
        }
        return word;
    }

    /** The number of bytes of the latest block not read yet. */
    protected final int buffered() {
        return buffer.length - position;
    }

    /** Overwrites the buffered bytes not yet read with zeros and drops them, for closing. */
    protected final void discardBuffered() {
        Arrays.fill(buffer, (byte) 0);
        position = buffer.length;
    }

    private void refill() {
        nextBlock(buffer, 0);
        position = 0;
    }

    /** Fills {@code bytes} with the next bytes of the sequence, in order. */
    @Override
    public void nextBytes(byte[] bytes) {
        int length = bytes.length;
        int copied = Math.min(buffer.length - position, length);
        System.arraycopy(buffer, position, bytes, 0, copied);
        position += copied;
        while (length - copied >= buffer.length) {
            nextBlock(bytes, copied);
            copied += buffer.length;
        }
        if (copied < length) {
            refill();
            int rest = length - copied;
            System.arraycopy(buffer, 0, bytes, copied, rest);
            position = rest;
        }
    }

    // ---- Integers: section 3 of derivation v1. ----

    /** A uniform integer in [0, n) for 1 <= n <= 2^32: Lemire's multiply-and-reject on 32-bit words. */
    private long uniform32(long n) {
        long product = (nextWord32() & MASK32) * n;
        if ((product & MASK32) < n) {
            product = uniform32Rejecting(n, product);
        }
        return product >>> 32;
    }

    /**
     * {@link #uniform32}'s rare case, out of line so that the common one stays small enough to inline: the
     * product's low half is below n, so the draw may be rejected; returns the first accepted product.
     */
    private long uniform32Rejecting(long n, long product) {
        long threshold = (TWO_TO_32 - n) % n;
        while ((product & MASK32) < threshold) {
            product = (nextWord32() & MASK32) * n;
        }
        return product;
    }

    /** A uniform integer in [0, n) for 2^32 < n < 2^64 (n unsigned): the same method on 64-bit words. */
    private long uniform64(long n) {
        long word = nextWord64();
        long low = word * n;
        if (Long.compareUnsigned(low, n) < 0) {
            long threshold = Long.remainderUnsigned(-n, n);
            while (Long.compareUnsigned(low, threshold) < 0) {
                word = nextWord64();
                low = word * n;
            }
        }
        return unsignedMultiplyHigh(word, n);
    }

    /** A uniform integer in [0, n) for an unsigned n >= 1: 32-bit words up to 2^32, 64-bit words above. */
    private long uniform(long n) {
        return Long.compareUnsigned(n, TWO_TO_32) <= 0 ? uniform32(n) : uniform64(n);
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    @Override
    public int nextInt() {
        return nextWord32();
    }

    @Override
    public long nextLong() {
        return nextWord64();
    }

    @Override
    public int nextInt(int bound) {
        requirePositive("bound", bound);
        return (int) uniform32(bound);
    }

    @Override
    public int nextInt(int origin, int bound) {
        requireOrdered(origin, bound);
        return (int) (origin + uniform32((long) bound - origin));
    }

    @Override
    public long nextLong(long bound) {
        requirePositive("bound", bound);
        return uniform(bound);
    }

    @Override
    public long nextLong(long origin, long bound) {
        requireOrdered(origin, bound);
        return origin + uniform(bound - origin);
    }

    /** One 32-bit word; true when its most significant bit is 1. */
    @Override
    public boolean nextBoolean() {
        return nextWord32() < 0;
    }

    // ---- Shuffles, samples and picks: sections 4 to 6. ----

    /**
     * Shuffles {@code values} in place by Fisher-Yates: for i from n-1 down to 1, swap i with uniform(i+1).
     *
     * @param values the array to shuffle; n - 1 draws for n values
     */
    public void shuffle(int[] values) {
        fisherYates(values.length, (i, j) -> {
            int held = values[i];
            values[i] = values[j];
            values[j] = held;
        });
    }

    /**
     * Shuffles {@code list} in place by the same Fisher-Yates as {@link #shuffle(int[])}.
     *
     * @param <T> the element type
     * @param list a mutable list, shuffled in place; n - 1 draws for n elements
     */
    public <T> void shuffle(List<T> list) {
        Object[] values = list.toArray();
        fisherYates(values.length, (i, j) -> {
            Object held = values[i];
            values[i] = values[j];
            values[j] = held;
        });
        ListIterator<T> it = list.listIterator();
        for (Object value : values) {
            it.next();
            @SuppressWarnings("unchecked")
            T t = (T) value;
            it.set(t);
        }
    }

    /** Exchanges two positions of whatever is being shuffled. */
    private interface Swap {
        void swap(int i, int j);
    }

    private void fisherYates(int n, Swap swap) {
        for (int i = n - 1; i > 0; i--) {
            swap.swap(i, (int) uniform32(i + 1L));
        }
    }

    /**
     * Draws {@code k} distinct integers from [0, n) in the order drawn, by a partial Fisher-Yates over
     * 0..n-1: for i from 0 to k-1, swap i with i + uniform(n - i) and take position i.
     *
     * @param n the population size, at least 1
     * @param k how many to draw, in [0, n]
     * @return the {@code k} distinct values in the order drawn
     */
    public int[] sample(int n, int k) {
        if (n < 0) {
            throw new IllegalArgumentException("n: must not be negative, was " + n);
        }
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("k: must be in [0, n] = [0, " + n + "], was " + k);
        }
        PartialPermutation permutation = new PartialPermutation(n);
        int[] drawn = new int[k];
        for (int i = 0; i < k; i++) {
            int j = i + (int) uniform32((long) n - i);
            drawn[i] = permutation.swap(i, j);
        }
        return drawn;
    }

    /**
     * Picks an index with probability proportional to its weight; see {@link WeightedTable#of}.
     *
     * @param weights non-negative weights, not all zero
     * @return the picked index, in [0, weights.length)
     */
    public int pick(long... weights) {
        return pick(WeightedTable.of(weights));
    }

    /**
     * Picks an entry of {@code table}: r = uniform(total), then the first i with {@code r < w[0] + ... + w[i]}.
     *
     * @param table the prepared weights
     * @return the picked index, in [0, table.size())
     */
    public int pick(WeightedTable table) {
        return table.indexOf(uniform(table.total()));
    }

    // ---- Floating point: section 7. ----

    /** (word64 >>> 11) * 2^-53: a multiple of 2^-53 in [0, 1). */
    @Override
    public double nextDouble() {
        return (nextWord64() >>> 11) * 0x1.0p-53;
    }

    @Override
    public double nextDouble(double bound) {
        if (!(bound > 0 && bound < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bound: must be positive and finite, was " + bound);
        }
        return belowBound(nextDouble() * bound, bound);
    }

    @Override
    public double nextDouble(double origin, double bound) {
        requireFiniteRange(origin, bound);
        return belowBound(origin + nextDouble() * (bound - origin), bound);
    }

    private static double belowBound(double value, double bound) {
        return value < bound ? value : Math.nextDown(bound);
    }

    /** (word32 >>> 8) * 2^-24: a multiple of 2^-24 in [0, 1). */
    @Override
    public float nextFloat() {
        return (nextWord32() >>> 8) * 0x1.0p-24f;
    }

    @Override
    public float nextFloat(float bound) {
        if (!(bound > 0 && bound < Float.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bound: must be positive and finite, was " + bound);
        }
        float value = nextFloat() * bound;
        return value < bound ? value : Math.nextDown(bound);
    }

    @Override
    public float nextFloat(float origin, float bound) {
        if (!(origin < bound && bound - origin < Float.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("origin, bound: need origin < bound with a finite difference, were "
                    + origin + ", " + bound);
        }
        float value = origin + nextFloat() * (bound - origin);
        return value < bound ? value : Math.nextDown(bound);
    }

    /** Box-Muller with StrictMath: sqrt(-2 ln(1 - u1)) * cos(2 pi u2), u1 and u2 from two nextDouble(). */
    @Override
    public double nextGaussian() {
        double u1 = nextDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    @Override
    public double nextGaussian(double mean, double stddev) {
        if (!(stddev >= 0 && stddev < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("stddev: must be non-negative and finite, was " + stddev);
        }
        return mean + stddev * nextGaussian();
    }

    /** -ln(1 - u) with StrictMath, u from one nextDouble(). */
    @Override
    public double nextExponential() {
        return -StrictMath.log(1 - nextDouble());
    }

    // ---- Streams: sequential and ordered, one value per call of the method named. ----

    @Override
    public IntStream ints() {
        return ints(Long.MAX_VALUE);
    }

    @Override
    public IntStream ints(long streamSize) {
        return sequence(streamSize, this::nextInt).mapToInt(v -> (int) v);
    }

    @Override
    public IntStream ints(int origin, int bound) {
        return ints(Long.MAX_VALUE, origin, bound);
    }

    @Override
    public IntStream ints(long streamSize, int origin, int bound) {
        requireOrdered(origin, bound);
        return sequence(streamSize, () -> nextInt(origin, bound)).mapToInt(v -> (int) v);
    }

    @Override
    public LongStream longs() {
        return longs(Long.MAX_VALUE);
    }

    @Override
    public LongStream longs(long streamSize) {
        return sequence(streamSize, this::nextLong);
    }

    @Override
    public LongStream longs(long origin, long bound) {
        return longs(Long.MAX_VALUE, origin, bound);
    }

    @Override
    public LongStream longs(long streamSize, long origin, long bound) {
        requireOrdered(origin, bound);
        return sequence(streamSize, () -> nextLong(origin, bound));
    }

    @Override
    public DoubleStream doubles() {
        return doubles(Long.MAX_VALUE);
    }

    @Override
    public DoubleStream doubles(long streamSize) {
        return sequence(streamSize, () -> Double.doubleToRawLongBits(nextDouble()))
                .mapToDouble(Double::longBitsToDouble);
    }

    @Override
    public DoubleStream doubles(double origin, double bound) {
        return doubles(Long.MAX_VALUE, origin, bound);
    }

    @Override
    public DoubleStream doubles(long streamSize, double origin, double bound) {
        requireFiniteRange(origin, bound);
        return sequence(streamSize, () -> Double.doubleToRawLongBits(nextDouble(origin, bound)))
                .mapToDouble(Double::longBitsToDouble);
    }

    private static void requireFiniteRange(double origin, double bound) {
        if (!(origin < bound && bound - origin < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("origin, bound: need origin < bound with a finite difference, were "
                    + origin + ", " + bound);
        }
    }

    /** An ordered, sized stream of {@code size} values, each made by one call of {@code next}. */
    private static LongStream sequence(long size, LongSupplier next) {
        if (size < 0) {
            throw new IllegalArgumentException("streamSize: must not be negative, was " + size);
        }
        PrimitiveIterator.OfLong values = new PrimitiveIterator.OfLong() {
            private long remaining = size;

            @Override
            public boolean hasNext() {
                return remaining > 0;
            }

            @Override
            public long nextLong() {
                if (remaining <= 0) {
                    throw new NoSuchElementException();
                }
                remaining--;
                return next.getAsLong();
            }
        };
        int characteristics = Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE;
        return StreamSupport.longStream(Spliterators.spliterator(values, size, characteristics), false);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + ": must be positive, was " + value);
        }
    }

    private static void requireOrdered(long origin, long bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("origin, bound: need origin < bound, were " + origin + ", " + bound);
        }
    }
}

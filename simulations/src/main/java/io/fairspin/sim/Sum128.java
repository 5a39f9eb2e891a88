package io.fairspin.sim;

import java.math.BigInteger;

/**
 * An exact, non-negative sum of products of non-negative 64-bit integers (squared wins, for example), kept
 * in 128 bits so that any 63-bit product fits and adding allocates nothing. Overflow past 127 bits
 * throws. Not thread-safe.
 */
final class Sum128 {
    private long high;
    private long low;

    /** Adds {@code a · b}; both must be non-negative. */
    void addProduct(long a, long b) {
        add(Math.multiplyHigh(a, b), a * b);
    }

    /** Adds the 128-bit value {@code high · 2^64 + low} ({@code low} unsigned). */
    void add(long addHigh, long addLow) {
        long before = low;
        low += addLow;
        high = Math.addExact(high, Math.addExact(addHigh, Long.compareUnsigned(low, before) < 0 ? 1 : 0));
    }

    void add(Sum128 other) {
        add(other.high, other.low);
    }

    BigInteger value() {
        return value(high, low);
    }

    void clear() {
        high = 0;
        low = 0;
    }

    /** The 128-bit value {@code high · 2^64 + low} ({@code low} unsigned). */
    static BigInteger value(long high, long low) {
        BigInteger lowPart = low >= 0 ? BigInteger.valueOf(low) : BigInteger.valueOf(low).add(BigInteger.ONE.shiftLeft(64));
        return high == 0 ? lowPart : BigInteger.valueOf(high).shiftLeft(64).add(lowPart);
    }
}

package io.fairspin.math;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An exact rational number, always in lowest terms with a positive denominator: how exact figures
 * (RTP, hit frequency, variance, probabilities) are held before they become doubles.
 */
public final class Fraction implements Comparable<Fraction> {
    /** Zero. */
    public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
    /** One. */
    public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private Fraction(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /**
     * The fraction {@code numerator / denominator}, reduced.
     *
     * @param numerator the numerator
     * @param denominator the denominator, not zero; the sign moves to the numerator
     * @return the reduced fraction
     */
    public static Fraction of(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("denominator: must not be zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        return new Fraction(numerator, denominator);
    }

    /**
     * The fraction {@code numerator / denominator}, reduced.
     *
     * @param numerator the numerator
     * @param denominator the denominator, not zero; the sign moves to the numerator
     * @return the reduced fraction
     */
    public static Fraction of(long numerator, long denominator) {
        return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /**
     * The integer {@code value}.
     *
     * @param value the integer
     * @return {@code value / 1}
     */
    public static Fraction of(long value) {
        return new Fraction(BigInteger.valueOf(value), BigInteger.ONE);
    }

    /**
     * Parses {@code "a/b"} or an integer {@code "a"}, as model files and reference data write exact values.
     *
     * @param text {@code "a/b"} or {@code "a"}, with an optional minus sign
     * @return the reduced fraction
     * @throws NumberFormatException when the text is neither
     */
    public static Fraction parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return of(new BigInteger(text.trim()), BigInteger.ONE);
        }
        return of(new BigInteger(text.substring(0, slash).trim()), new BigInteger(text.substring(slash + 1).trim()));
    }

    /**
     * The numerator of the reduced fraction.
     *
     * @return the numerator, which carries the sign
     */
    public BigInteger numerator() {
        return numerator;
    }

    /**
     * The denominator of the reduced fraction.
     *
     * @return the denominator, always positive
     */
    public BigInteger denominator() {
        return denominator;
    }

    /**
     * The sign.
     *
     * @return -1, 0 or 1
     */
    public int signum() {
        return numerator.signum();
    }

    /**
     * The sum.
     *
     * @param other the fraction to add
     * @return {@code this + other}, reduced
     */
    public Fraction add(Fraction other) {
        return of(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    /**
     * The difference.
     *
     * @param other the fraction to subtract
     * @return {@code this - other}, reduced
     */
    public Fraction subtract(Fraction other) {
        return add(other.negate());
    }

    /**
     * The product.
     *
     * @param other the factor
     * @return {@code this * other}, reduced
     */
    public Fraction multiply(Fraction other) {
        return of(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    /**
     * The product with an integer.
     *
     * @param factor the integer factor
     * @return {@code this * factor}, reduced
     */
    public Fraction multiply(long factor) {
        return of(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    /**
     * The quotient.
     *
     * @param other the divisor, not zero
     * @return {@code this / other}, reduced
     */
    public Fraction divide(Fraction other) {
        return of(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    /**
     * The quotient by an integer.
     *
     * @param divisor the divisor, not zero
     * @return {@code this / divisor}, reduced
     */
    public Fraction divide(long divisor) {
        return of(numerator, denominator.multiply(BigInteger.valueOf(divisor)));
    }

    /**
     * The negation.
     *
     * @return {@code -this}
     */
    public Fraction negate() {
        return new Fraction(numerator.negate(), denominator);
    }

    /**
     * The nearest double (correctly rounded).
     *
     * @return the value as a double
     */
    public double doubleValue() {
        return toBigDecimal(MathContext.DECIMAL128).doubleValue();
    }

    /**
     * The value rounded half-even to {@code context}'s precision.
     *
     * @param context the precision and rounding wanted
     * @return the value as a decimal
     */
    public BigDecimal toBigDecimal(MathContext context) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), context);
    }

    /**
     * The value rounded half-up to {@code places} decimal places, as plain text: {@code "0.956556"}.
     *
     * @param places decimal places, at least 0
     * @return the rounded value, such as {@code "0.956556"}
     */
    public String toDecimalString(int places) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), places, RoundingMode.HALF_UP)
                .toPlainString();
    }

    @Override
    public int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fraction
                && numerator.equals(((Fraction) other).numerator)
                && denominator.equals(((Fraction) other).denominator);
    }

    @Override
    public int hashCode() {
        return 31 * numerator.hashCode() + denominator.hashCode();
    }

    /** {@code "a/b"}, or {@code "a"} for an integer: the form {@link #parse} reads. */
    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}

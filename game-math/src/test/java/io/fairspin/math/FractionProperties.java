package io.fairspin.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FractionProperties {
    @Property
    void isAlwaysReducedWithPositiveDenominator(@ForAll long numerator, @ForAll long denominator) {
        if (denominator == 0) {
            return;
        }
        Fraction f = Fraction.of(numerator, denominator);
        assertEquals(1, f.denominator().signum());
        assertEquals(BigInteger.ONE, f.numerator().gcd(f.denominator()).max(BigInteger.ONE));
        assertEquals(BigInteger.valueOf(numerator).multiply(f.denominator()),
                f.numerator().multiply(BigInteger.valueOf(denominator)));
    }

    @Property
    void arithmeticAgreesWithCrossMultiplication(@ForAll @IntRange(min = -1000, max = 1000) int a,
            @ForAll @IntRange(min = 1, max = 1000) int b, @ForAll @IntRange(min = -1000, max = 1000) int c,
            @ForAll @IntRange(min = 1, max = 1000) int d) {
        Fraction x = Fraction.of(a, b);
        Fraction y = Fraction.of(c, d);
        assertEquals(Fraction.of((long) a * d + (long) c * b, (long) b * d), x.add(y));
        assertEquals(Fraction.of((long) a * d - (long) c * b, (long) b * d), x.subtract(y));
        assertEquals(Fraction.of((long) a * c, (long) b * d), x.multiply(y));
        assertEquals(Long.signum((long) a * d - (long) c * b), Integer.signum(x.compareTo(y)));
        assertEquals(x, Fraction.parse(x.toString()));
    }

    @Test
    void printsDecimalsAndRejectsZeroDenominators() {
        assertEquals("0.333", Fraction.of(1, 3).toDecimalString(3));
        assertEquals("0.667", Fraction.of(2, 3).toDecimalString(3));
        assertEquals("-7/2", Fraction.of(14, -4).toString());
        assertEquals(0.1, Fraction.of(1, 10).doubleValue());
        assertThrows(ArithmeticException.class, () -> Fraction.of(1, 0));
    }
}

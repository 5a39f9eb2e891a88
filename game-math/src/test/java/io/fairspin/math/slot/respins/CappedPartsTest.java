package io.fairspin.math.slot.respins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairspin.math.Fraction;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link CappedParts}: a distribution shared by the bets of a game is counted once, every use spends on its own budget
 * the products of chances the count took, and the distribution scaled to line bets sums as one counted there would.
 */
class CappedPartsTest {
    private static final Fraction QUARTER = Fraction.of(1, 4);
    private static final Fraction HALF = Fraction.of(1, 2);
    private static final CappedParts.Key KEY = CappedParts.Key.featureParts(3, false);

    @Test
    void countedOnceSpentOnEveryUseAndScaledToLineBets() {
        CappedParts parts = new CappedParts();
        int[] counts = {0};
        Function<Truncated.Budget, Truncated[]> count = budget -> {
            counts[0]++;
            Truncated coin = Truncated.of(Map.of(1L, HALF, 3L, HALF), 10);
            return new Truncated[] {coin.plus(coin, 10, budget)}; // 2 x 2 products: wins 2, 4, 6
        };
        Truncated.Budget first = new Truncated.Budget(100);
        Truncated.Budget second = new Truncated.Budget(100);
        Truncated[] inTotalBets = parts.get(KEY, 1, first, count);
        Truncated[] inLineBets = parts.get(KEY, 5, second, count);
        assertEquals(1, counts[0], "counted once");
        assertEquals(4, first.spent());
        assertEquals(4, second.spent(), "the second use spends what the count took");
        assertArrayEquals(new long[] {2, 4, 6}, inTotalBets[0].wins);
        assertArrayEquals(new long[] {10, 20, 30}, inLineBets[0].wins);
        // Sums against a base win, cut at the cap, as a distribution counted in line bets gives them (hand-built).
        Truncated direct = Truncated.of(Map.of(10L, QUARTER, 20L, HALF, 30L, QUARTER), 1000);
        Truncated base = Truncated.of(Map.of(0L, HALF, 7L, HALF), 1000);
        Fraction[] expected = {Fraction.ZERO, Fraction.ZERO, Fraction.ZERO};
        Fraction[] actual = {Fraction.ZERO, Fraction.ZERO, Fraction.ZERO};
        direct.addSums(base, 28, expected, new Truncated.Budget(100));
        inLineBets[0].addSums(base, 28, actual, new Truncated.Budget(100));
        assertArrayEquals(expected, actual);
        assertEquals(Fraction.of(3, 4), actual[0], "10, 20, 17 and 27 are under 28, 30 and 37 are not");
        assertThrows(Truncated.NotCounted.class, () -> parts.get(KEY, 5, new Truncated.Budget(3), count),
                "a budget smaller than the count is exceeded at every use");
    }
}

package io.fairspin.math.table.poker;

import io.fairspin.math.table.Cards;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The 22,100 three-card hands of a deck, and their classes under the 24 permutations of suits. */
final class ThreeCardDeals {
    private static final List<int[]> ALL = enumerate();

    private ThreeCardDeals() {
    }

    /**
     * Every hand as {@code {a, b, c, low mask, high mask, strength}}: the cards, the hand as a 52-bit
     * mask split in two ints, and its {@link ThreeCardHands#strength}.
     */
    static List<int[]> all() {
        return ALL;
    }

    /** The 52-bit card mask of a hand of {@link #all()}. */
    static long mask(int[] hand) {
        return (hand[3] & 0xFFFF_FFFFL) | (long) hand[4] << 32;
    }

    private static List<int[]> enumerate() {
        List<int[]> hands = new ArrayList<>(22_100);
        for (int a = 0; a < 52; a++) {
            for (int b = a + 1; b < 52; b++) {
                for (int c = b + 1; c < 52; c++) {
                    long mask = 1L << a | 1L << b | 1L << c;
                    hands.add(new int[] {a, b, c, (int) mask, (int) (mask >>> 32), ThreeCardHands.strength(a, b, c)});
                }
            }
        }
        return List.copyOf(hands);
    }

    /**
     * One hand per class of hands equal up to renaming suits, as {@code {a, b, c, size of class}}: the
     * classes' sizes add up to 22,100, and hands of one class fare alike against the rest of the deck.
     */
    static List<int[]> suitClasses() {
        Map<Long, int[]> classes = new TreeMap<>();
        for (int[] hand : ALL) {
            long canonical = Long.MAX_VALUE;
            for (int[] permutation : SuitPermutations.ALL) {
                int[] renamed = new int[3];
                for (int i = 0; i < 3; i++) {
                    renamed[i] = Cards.card(Cards.rank(hand[i]), permutation[Cards.suit(hand[i])]);
                }
                java.util.Arrays.sort(renamed);
                canonical = Math.min(canonical, ((long) renamed[0] << 16) | ((long) renamed[1] << 8) | renamed[2]);
            }
            classes.computeIfAbsent(canonical, k -> new int[] {hand[0], hand[1], hand[2], 0})[3]++;
        }
        return List.copyOf(classes.values());
    }

    /** The 24 permutations of the four suits. */
    private static final class SuitPermutations {
        static final List<int[]> ALL = permutations();

        private static List<int[]> permutations() {
            List<int[]> out = new ArrayList<>();
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    for (int c = 0; c < 4; c++) {
                        int d = 6 - a - b - c;
                        if (a != b && a != c && b != c && d != a && d != b && d != c) {
                            out.add(new int[] {a, b, c, d});
                        }
                    }
                }
            }
            return out;
        }
    }
}

package io.fairspin.math.table.poker;

import io.fairspin.math.table.Cards;
import java.util.List;

/**
 * Three-card poker hands: their categories and a strength that orders them (higher wins). Aces are
 * high, and low in A-2-3, the lowest straight.
 */
final class ThreeCardHands {
    static final List<String> CATEGORIES =
            List.of("high-card", "pair", "flush", "straight", "three-of-a-kind", "straight-flush");
    static final int HIGH_CARD = 0;
    static final int PAIR = 1;
    static final int FLUSH = 2;
    static final int STRAIGHT = 3;
    static final int THREE_OF_A_KIND = 4;
    static final int STRAIGHT_FLUSH = 5;

    private ThreeCardHands() {
    }

    /** The category of a strength. */
    static int category(int strength) {
        return strength >>> 12;
    }

    /** The strength of the hand {@code a, b, c}: category, then the deciding heights (ace 13, two 1). */
    static int strength(int a, int b, int c) {
        int x = PokerHands.height(Cards.rank(a));
        int y = PokerHands.height(Cards.rank(b));
        int z = PokerHands.height(Cards.rank(c));
        int high = Math.max(x, Math.max(y, z));
        int low = Math.min(x, Math.min(y, z));
        int middle = x + y + z - high - low;
        boolean flush = Cards.suit(a) == Cards.suit(b) && Cards.suit(b) == Cards.suit(c);
        if (high == middle && middle == low) {
            return encode(THREE_OF_A_KIND, high, 0, 0);
        }
        if (high == middle || middle == low) {
            int kicker = high == middle ? low : high;
            return encode(PAIR, middle, kicker, 0);
        }
        boolean wheel = high == 13 && middle == 2 && low == 1;
        boolean straight = wheel || (high - middle == 1 && middle - low == 1);
        int top = wheel ? 2 : high;
        if (straight) {
            return encode(flush ? STRAIGHT_FLUSH : STRAIGHT, top, 0, 0);
        }
        return encode(flush ? FLUSH : HIGH_CARD, high, middle, low);
    }

    /** The strength of a high-card hand of the given heights, highest first: the Q-6-4 of a strategy. */
    static int highCard(int high, int middle, int low) {
        return encode(HIGH_CARD, high, middle, low);
    }

    private static int encode(int category, int first, int second, int third) {
        return category << 12 | first << 8 | second << 4 | third;
    }
}

package io.fairspin.math.table.poker;

import io.fairspin.math.table.Cards;
/**
 * Classifies a five-card poker hand (natural, or with wild deuces or a joker) into the finest classes a draw-poker paytable
 * distinguishes; aces are high, and low in the wheel straight A-2-3-4-5.
 */
public final class PokerHands {
    static final int ROYAL_FLUSH = 0;
    static final int STRAIGHT_FLUSH = 1;
    static final int FOUR_ACES = 2;
    static final int FOUR_TWOS_TO_FOURS = 3;
    static final int FOUR_FIVES_TO_KINGS = 4;
    static final int FULL_HOUSE = 5;
    static final int FLUSH = 6;
    static final int STRAIGHT = 7;
    static final int THREE_OF_A_KIND = 8;
    static final int TWO_PAIR = 9;
    static final int HIGH_PAIR = 10;
    static final int NOTHING = 11;
    /** Classes only hands with wild cards make. */
    static final int FOUR_DEUCES = 12;
    static final int WILD_ROYAL_FLUSH = 13;
    static final int FIVE_OF_A_KIND = 14;
    static final int CLASSES = 15;
    /** Wild card modes of {@link #classifyWild}. */
    static final int DEUCES_WILD = 0;
    static final int JOKER_WILD = 1;
    private static final int DEUCE = 1;

    private static final int WHEEL = 0b1_0000_0000_1111;
    private static final int BROADWAY = 0b1_1111_0000_0000;

    private PokerHands() {
    }

    /** The height of a rank for pairs and straights: two = 1 ... king = 12, ace = 13. */
    static int height(int rank) {
        return rank == 0 ? 13 : rank;
    }

    /**
     * The class of the hand {@code a..e} (card indices of a 52-card deck); a pair counts as
     * {@link #HIGH_PAIR} when its rank's {@link #height} is at least {@code minimumPairHeight}.
     */
    static int classify(int a, int b, int c, int d, int e, int minimumPairHeight) {
        int suit = Cards.suit(a);
        boolean flush = Cards.suit(b) == suit && Cards.suit(c) == suit && Cards.suit(d) == suit
                && Cards.suit(e) == suit;
        // Counts per rank as 3-bit fields of a long; bit h - 1 for each height h present.
        long counts = count(a) + count(b) + count(c) + count(d) + count(e);
        int heights = bit(a) | bit(b) | bit(c) | bit(d) | bit(e);
        if (Integer.bitCount(heights) == 5) {
            boolean straight = heights == WHEEL || heights == (Integer.lowestOneBit(heights) * 31);
            if (straight && flush) {
                return heights == BROADWAY ? ROYAL_FLUSH : STRAIGHT_FLUSH;
            }
            return flush ? FLUSH : straight ? STRAIGHT : NOTHING;
        }
        return grouped(counts, minimumPairHeight);
    }

    /**
     * The class of {@code a..e} when the deuces ({@link #DEUCES_WILD}) or the joker ({@link #JOKER_WILD},
     * card {@link Cards#JOKER}) are wild: {@link #ROYAL_FLUSH} is a natural royal; a wild straight uses
     * heights with the ace high or low; four of a kind is split by the rank it is made of.
     */
    static int classifyWild(int a, int b, int c, int d, int e, int minimumPairHeight, int mode) {
        int wilds = wild(a, mode) + wild(b, mode) + wild(c, mode) + wild(d, mode) + wild(e, mode);
        if (wilds == 0) {
            return classify(a, b, c, d, e, minimumPairHeight);
        }
        if (wilds == 4) {
            return FOUR_DEUCES;
        }
        long counts = natural(a, mode) + natural(b, mode) + natural(c, mode) + natural(d, mode) + natural(e, mode);
        int suits = suitBit(a, mode) | suitBit(b, mode) | suitBit(c, mode) | suitBit(d, mode) | suitBit(e, mode);
        int most = 0;
        int mostRank = 0;
        int distinct = 0;
        int heights = 0;
        for (int rank = 0; rank < Cards.RANKS; rank++) {
            int n = (int) (counts >>> (3 * rank) & 7);
            if (n > 0) {
                distinct++;
                heights |= 1 << height(rank);
                if (n > most || n == most && height(rank) > height(mostRank)) {
                    most = n;
                    mostRank = rank;
                }
            }
        }
        boolean flush = Integer.bitCount(suits) == 1;
        boolean allDistinct = distinct == 5 - wilds;
        // Heights of the naturals with the ace counted low: ace 13 becomes 0.
        int aceLow = (heights & ~(1 << 13)) | ((heights >>> 13) & 1);
        boolean straight = allDistinct && (span(heights) <= 4 || span(aceLow) <= 4);
        if (most + wilds == 5) {
            return FIVE_OF_A_KIND;
        }
        if (flush && straight) {
            return Integer.numberOfTrailingZeros(heights) >= 9 ? WILD_ROYAL_FLUSH : STRAIGHT_FLUSH;
        }
        if (most + wilds == 4) {
            return mostRank == 0 ? FOUR_ACES : mostRank <= 3 ? FOUR_TWOS_TO_FOURS : FOUR_FIVES_TO_KINGS;
        }
        if (wilds == 1 && distinct == 2) {
            return FULL_HOUSE;
        }
        if (flush) {
            return FLUSH;
        }
        if (straight) {
            return STRAIGHT;
        }
        if (most + wilds == 3) {
            return THREE_OF_A_KIND;
        }
        return height(mostRank) >= minimumPairHeight ? HIGH_PAIR : NOTHING;
    }

    private static int span(int heightBits) {
        return 31 - Integer.numberOfLeadingZeros(heightBits) - Integer.numberOfTrailingZeros(heightBits);
    }

    private static int wild(int card, int mode) {
        return (mode == DEUCES_WILD ? Cards.rank(card) == DEUCE : card == Cards.JOKER) ? 1 : 0;
    }

    /** The card's rank count field, or nothing for a wild card. */
    private static long natural(int card, int mode) {
        return wild(card, mode) == 1 ? 0 : count(card);
    }

    /** The card's suit bit, or nothing for a wild card. */
    private static int suitBit(int card, int mode) {
        return wild(card, mode) == 1 ? 0 : 1 << Cards.suit(card);
    }

    private static long count(int card) {
        return 1L << (3 * Cards.rank(card));
    }

    private static int bit(int card) {
        return 1 << (height(Cards.rank(card)) - 1);
    }

    /** A hand with a repeated rank (so not a flush or straight). */
    private static int grouped(long counts, int minimumPairHeight) {
        int pairs = 0;
        int trips = 0;
        int pairHeight = 0;
        for (int rank = 0; rank < Cards.RANKS; rank++) {
            int n = (int) (counts >>> (3 * rank) & 7);
            if (n == 4) {
                return rank == 0 ? FOUR_ACES : rank <= 3 ? FOUR_TWOS_TO_FOURS : FOUR_FIVES_TO_KINGS;
            }
            if (n == 3) {
                trips++;
            } else if (n == 2) {
                pairs++;
                pairHeight = height(rank);
            }
        }
        if (trips == 1) {
            return pairs == 1 ? FULL_HOUSE : THREE_OF_A_KIND;
        }
        if (pairs == 2) {
            return TWO_PAIR;
        }
        return pairHeight >= minimumPairHeight ? HIGH_PAIR : NOTHING;
    }
}

package io.fairspin.math.table;

/**
 * The card encoding every card game uses: in a shoe of d decks, card index c in [0, 52d) is deck
 * {@code c / 52}, suit {@code (c % 52) / 13} (clubs, diamonds, hearts, spades) and rank
 * {@code c % 13} (0 = ace, 1 = two, ..., 9 = ten, 10 = jack, 11 = queen, 12 = king).
 */
public final class Cards {
    public static final int RANKS = 13;
    public static final int SUITS = 4;
    public static final int DECK = 52;
    /** The joker, numbered after the 52 cards of a deck (joker poker). */
    public static final int JOKER = DECK;
    private static final String RANK_NAMES = "A23456789TJQK";
    private static final String SUIT_NAMES = "cdhs";

    private Cards() {
    }

    public static int rank(int card) {
        return card % RANKS;
    }

    public static int suit(int card) {
        return (card % DECK) / RANKS;
    }

    /** The card's name, rank then suit: {@code "Ah"}, {@code "Tc"}. */
    public static String name(int card) {
        if (card == JOKER) {
            return "Jk";
        }
        return "" + RANK_NAMES.charAt(rank(card)) + SUIT_NAMES.charAt(suit(card));
    }

    /** The card of {@code rank} and {@code suit} in the first deck. */
    public static int card(int rank, int suit) {
        return suit * RANKS + rank;
    }
}

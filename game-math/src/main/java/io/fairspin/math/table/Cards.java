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

    /** The code of a card's name: the same for every card of that name (rank and suit; the joker's is 52). */
    static int code(int card) {
        return card == JOKER ? JOKER : card % DECK;
    }

    /** The name of a {@link #code}. */
    static String nameOfCode(int code) {
        return name(code);
    }

    /** The {@link #code} of a card's name ({@code "Ah"}, {@code "Jk"}), or -1 when it names no card. */
    static int parse(String name) {
        if (name.equals("Jk")) {
            return JOKER;
        }
        if (name.length() != 2 || RANK_NAMES.indexOf(name.charAt(0)) < 0 || SUIT_NAMES.indexOf(name.charAt(1)) < 0) {
            return -1;
        }
        return card(RANK_NAMES.indexOf(name.charAt(0)), SUIT_NAMES.indexOf(name.charAt(1)));
    }

    /** The card of {@code rank} and {@code suit} in the first deck. */
    public static int card(int rank, int suit) {
        return suit * RANKS + rank;
    }
}

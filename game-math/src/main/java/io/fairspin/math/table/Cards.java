package io.fairspin.math.table;

/**
 * The card encoding every card game uses: in a shoe of d decks, card index c in [0, 52d) is deck
 * {@code c / 52}, suit {@code (c % 52) / 13} (clubs, diamonds, hearts, spades) and rank
 * {@code c % 13} (0 = ace, 1 = two, ..., 9 = ten, 10 = jack, 11 = queen, 12 = king).
 */
public final class Cards {
    /** The ranks of a suit: ace to king. */
    public static final int RANKS = 13;
    /** The suits of a deck. */
    public static final int SUITS = 4;
    /** The cards of one deck. */
    public static final int DECK = 52;
    /** The joker, numbered after the 52 cards of a deck (joker poker). */
    public static final int JOKER = DECK;
    private static final String RANK_NAMES = "A23456789TJQK";
    private static final String SUIT_NAMES = "cdhs";

    private Cards() {
    }

    /**
     * The rank of a card: 0 for an ace, 1 to 8 for two to nine, 9 to 12 for ten to king.
     *
     * @param card a card, numbered from 0 in any deck of a shoe
     * @return the rank, 0 to 12
     */
    public static int rank(int card) {
        return card % RANKS;
    }

    /**
     * The suit of a card: 0 clubs, 1 diamonds, 2 hearts, 3 spades.
     *
     * @param card a card, numbered from 0 in any deck of a shoe
     * @return the suit, 0 to 3
     */
    public static int suit(int card) {
        return (card % DECK) / RANKS;
    }

    /**
     * The name of a card of a shoe of one or more decks, rank then suit: {@code "Ah"}, {@code "Tc"}; card
     * {@code k} of any deck is named as card {@code k} of the first.
     *
     * @param card a card of the shoe, numbered from 0
     * @return two characters, rank then suit
     */
    public static String name(int card) {
        return "" + RANK_NAMES.charAt(rank(card)) + SUIT_NAMES.charAt(suit(card));
    }

    /**
     * The code of a card's name: the same for every card of that name in a shoe of {@code shoeSize} cards
     * (rank and suit; {@link #JOKER} for the joker of a one-deck-and-joker shoe).
     */
    static int code(int card, int shoeSize) {
        return card == JOKER && shoeSize == DECK + 1 ? JOKER : card % DECK;
    }

    /**
     * The {@link #code} of a card's name.
     *
     * @param name a card's name ({@code "Ah"}, {@code "Jk"})
     * @return its code, or -1 when it names no card
     */
    public static int parse(String name) {
        if (name.equals("Jk")) {
            return JOKER;
        }
        if (name.length() != 2 || RANK_NAMES.indexOf(name.charAt(0)) < 0 || SUIT_NAMES.indexOf(name.charAt(1)) < 0) {
            return -1;
        }
        return card(RANK_NAMES.indexOf(name.charAt(0)), SUIT_NAMES.indexOf(name.charAt(1)));
    }

    /**
     * The name of a card of one deck with a joker (joker poker).
     *
     * @param card a card, numbered from 0; {@link #JOKER} is the joker
     * @return {@code "Jk"} for the joker, else the card's {@link #name}
     */
    public static String nameWithJoker(int card) {
        return card == JOKER ? "Jk" : name(card);
    }

    /**
     * The card of {@code rank} and {@code suit} in the first deck.
     *
     * @param rank the rank, 0 (ace) to 12 (king)
     * @param suit the suit, 0 to 3
     * @return the card's number, 0 to 51
     */
    public static int card(int rank, int suit) {
        return suit * RANKS + rank;
    }
}

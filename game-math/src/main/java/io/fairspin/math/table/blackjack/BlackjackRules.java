package io.fairspin.math.table.blackjack;

import io.fairspin.math.table.Field;
import io.fairspin.math.Fraction;

/**
 * The rules of a blackjack table, as a model states them.
 *
 * @param decks            decks in the shoe
 * @param hitsSoft17       the dealer hits soft 17 (H17) rather than standing (S17)
 * @param peek             the dealer checks for blackjack under an ace or ten (American hole card); without
 *                         it (European no hole card) a dealer blackjack takes every bet, doubles and splits included
 * @param doubleAfterSplit a split hand may be doubled on its first two cards
 * @param maxHands         the most hands splitting and resplitting can make (2 = no resplit)
 * @param resplitAces      aces may be resplit
 * @param hitSplitAces     split aces may draw more than one card
 * @param lateSurrender    the player may give up half the bet on the first two cards, after the peek
 * @param earlySurrender   the player may give up half the bet on the first two cards before the dealer checks
 *                         for blackjack (with or without a peek)
 * @param insurance        the table offers insurance (2:1 against a dealer blackjack under an ace); the
 *                         strategy never takes it, as it loses from a full shoe
 * @param blackjackPays    what a player blackjack pays to 1: 3/2 or 6/5
 */
record BlackjackRules(int decks, boolean hitsSoft17, boolean peek, boolean doubleAfterSplit, int maxHands,
        boolean resplitAces, boolean hitSplitAces, boolean lateSurrender, boolean earlySurrender, boolean insurance,
        Fraction blackjackPays) {

    /**
     * Reads the {@code "rules"} object; every rule has a default (6 decks, S17, peek, DAS, 4 hands, no
     * surrender, insurance offered, 3:2).
     */
    static BlackjackRules read(Field rules) {
        rules.allowOnly("decks", "dealer", "peek", "doubleAfterSplit", "maxHands", "resplitAces", "hitSplitAces",
                "surrender", "insurance", "blackjackPays");
        String surrender = rules.get("surrender").choice("none", "none", "late", "early");
        BlackjackRules read = new BlackjackRules(rules.get("decks").smallInt(1, 8, 6),
                rules.get("dealer").choice("S17", "S17", "H17").equals("H17"),
                rules.get("peek").bool(true),
                rules.get("doubleAfterSplit").bool(true),
                rules.get("maxHands").smallInt(1, 4, 4),
                rules.get("resplitAces").bool(false),
                rules.get("hitSplitAces").bool(false),
                surrender.equals("late"),
                surrender.equals("early"),
                rules.get("insurance").bool(true),
                Fraction.parse(rules.get("blackjackPays").choice("3/2", "3/2", "6/5", "1/1", "2/1")));
        if (read.lateSurrender && !read.peek) {
            throw rules.get("surrender").fail("late surrender needs the dealer to peek: expected \"none\" or"
                    + " \"early\" with \"peek\": false");
        }
        return read;
    }

    /** Whether the player may surrender at all. */
    boolean surrender() {
        return lateSurrender || earlySurrender;
    }
}

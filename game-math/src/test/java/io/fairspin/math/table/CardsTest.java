package io.fairspin.math.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fairspin.math.Game;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardsTest {
    @Test
    void everyDeckOfAShoeNamesItsCardsAsTheFirstDeckDoes() {
        Set<String> firstDeck = new HashSet<>();
        for (int card = 0; card < Cards.DECK; card++) {
            firstDeck.add(Cards.name(card));
        }
        assertEquals(Cards.DECK, firstDeck.size(), "52 distinct names: " + firstDeck);
        for (int card = Cards.DECK; card < 8 * Cards.DECK; card++) {
            assertEquals(Cards.name(card % Cards.DECK), Cards.name(card), "card " + card);
        }
        assertEquals("Jk", Cards.nameWithJoker(Cards.JOKER));
        assertEquals(Cards.name(0), Cards.nameWithJoker(0));
    }

    @Test
    void anEightDeckBaccaratShoeDealsNoJoker() {
        Game baccarat = References.load("baccarat.json");
        SeededStream stream = new SeededStream(7);
        for (int round = 0; round < 2_000; round++) {
            String detail = baccarat.playRecorded(stream).detail();
            assertFalse(detail.contains("Jk"), "round " + round + ": " + detail);
        }
    }
}

package io.fairspin.sim;

import io.fairspin.math.Fraction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link BetSimulationTest}'s bought rounds on longer runs (5 million rounds each), where the RTP's standard error
 * is about 0.0005 of the price: the long profile.
 */
@Tag("long")
class BoughtRoundsLongTest {
    private static final long ROUNDS = 5_000_000;

    @Test
    void boughtRoundsOfACascadingSlot() throws Exception {
        BetSimulationTest.assertBought("tumbling-ways.json", 1_000, Fraction.parse("5664597/5724800"), ROUNDS, 11);
    }

    @Test
    void boughtRoundsOfAHoldAndWinSlot() throws Exception {
        BetSimulationTest.assertBought("coin-rush-deluxe.json", 1_080, null, ROUNDS, 12);
    }

    @Test
    void boughtRoundsOfALineSlot() throws Exception {
        BetSimulationTest.assertBought("lucky-wilds.json", 520, Fraction.parse("298569472/306245315"), ROUNDS, 13);
    }
}

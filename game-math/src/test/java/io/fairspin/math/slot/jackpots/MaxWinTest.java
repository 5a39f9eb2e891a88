package io.fairspin.math.slot.jackpots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.Fraction;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.analysis.MaxWin;
import org.junit.jupiter.api.Test;

/**
 * The PAR sheet's maximum win, features included, and the cap's reachability, on {@link SlotJackpotTest#MINI} (free
 * games and a pick bonus, jackpots at their amount or seed) against {@link NaiveJackpotSlot}'s brute force: the
 * largest over every base stop combination of its win, its bonus rounds at the largest award and its free games
 * each at the largest free game (every free stop combination).
 */
class MaxWinTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Cell value(SlotGame game, String label) {
        return game.analyze().tables().get(0).rows().stream().filter(r -> r.get(0).equals(Cell.text(label)))
                .map(r -> r.get(1)).findFirst().orElse(null);
    }

    @Test
    void theMaximumWinIncludesFreeGamesAndBonusPrizes() throws Exception {
        NaiveJackpotSlot naive = new NaiveJackpotSlot(JSON.readTree(SlotJackpotTest.MINI));
        SlotGame game = SlotJackpotTest.load(SlotJackpotTest.MINI);
        assertEquals(Cell.exact(Fraction.of(naive.maxRoundWin(), 3)), value(game, MaxWin.LABEL));
        assertTrue(naive.maxRoundWin() > naive.maxSpinWin(), "the features add to the largest spin win");
        assertEquals(null, value(game, MaxWin.CAP), "no cap, no cap row");
    }

    @Test
    void retriggersWithoutALimitMakeItUnbounded() throws Exception {
        // MINI's second free reel shows no star, so free games cannot retrigger even when allowed: bounded.
        String allowed = SlotJackpotTest.MINI.replace("\"retrigger\": false", "\"retrigger\": true");
        assertEquals(Cell.exact(Fraction.of(new NaiveJackpotSlot(JSON.readTree(SlotJackpotTest.MINI)).maxRoundWin(), 3)),
                value(SlotJackpotTest.load(allowed), MaxWin.LABEL));
        SlotGame game = SlotJackpotTest.load(allowed.replace("[\"wild\", \"A\", \"B\", \"chest\", \"A\"]",
                "[\"wild\", \"A\", \"B\", \"chest\", \"star\"]"));
        assertEquals(Cell.text("unbounded: free games retrigger without a limit"), value(game, MaxWin.LABEL));
    }

    /** The model with numbers for jackpots (a cap is refused with jackpots in the pay table), capped per spin. */
    private static String capped(long cap) throws Exception {
        String numbers = SlotJackpotTest.MINI.replace("[0, 0, \"grand\"]", "[0, 0, 60]").replace("[0, 2, \"major\"]", "[0, 2, 15]")
                .replace("[0, 1, \"mini\"]", "[0, 1, 2]");
        ObjectNode root = (ObjectNode) JSON.readTree(numbers);
        root.set("jackpots", JSON.readTree("[{\"name\": \"mini\", \"amount\": 2}]"));
        root.put("maxWin", cap);
        return root.toString();
    }

    @Test
    void aCapPerSpinIsReachableOrNot() throws Exception {
        // The largest spin win before the cap is 60 + 60 + 15 or so line bets; a cap of 10 total bets (30) is reached.
        String reached = capped(10);
        JsonNode model = JSON.readTree(reached);
        NaiveJackpotSlot naive = new NaiveJackpotSlot(model);
        SlotGame game = SlotJackpotTest.load(reached);
        assertEquals(Cell.exact(Fraction.of(naive.maxRoundWin(), 3)), value(game, MaxWin.LABEL));
        assertEquals(30, naive.maxSpinWin());
        assertEquals(Cell.count(10), value(game, MaxWin.CAP));
        assertTrue(((Cell.Text) value(game, MaxWin.CAP_REACHABLE)).value().startsWith("yes: "));
        String far = capped(1000);
        NaiveJackpotSlot uncapped = new NaiveJackpotSlot(JSON.readTree(far));
        SlotGame high = SlotJackpotTest.load(far);
        assertTrue(uncapped.maxSpinWin() < 3000);
        assertEquals(Cell.text("no: the cap applies to each spin's line and scatter win (base or free game); the largest"
                + " spin win before the cap is " + Fraction.of(uncapped.maxSpinWin(), 3).toDecimalString(4)
                + " x total bet"), value(high, MaxWin.CAP_REACHABLE));
        assertEquals(Cell.exact(Fraction.of(uncapped.maxRoundWin(), 3)), value(high, MaxWin.LABEL));
    }
}

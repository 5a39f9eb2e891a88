package io.fairspin.math.slot.respins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.Fraction;
import io.fairspin.math.ModelException;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.DrbgStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Buying the hold-and-win feature ({@code "bonusBuy": {"price", "coins"}}): its exact RTP and variance in the PAR
 * sheet against {@link NaiveHoldAndWin#bought} (every set of start cells, every value, every landing pattern with
 * positions kept), with landing weights alike and by cell; bought rounds played by the engine against the exact
 * figures; refusals.
 */
class HoldAndWinBuyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String withBuy(String model, String buy) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(model);
        root.set("bonusBuy", JSON.readTree(buy));
        return root.toString();
    }

    private static Fraction exact(AnalysisReport.Table table, String figure) {
        for (List<Cell> row : table.rows()) {
            if (((Cell.Text) row.get(0)).value().equals(figure)) {
                return ((Cell.Exact) row.get(1)).value();
            }
        }
        throw new AssertionError(figure + " not in " + table);
    }

    static AnalysisReport.Table buyTable(HoldAndWinGame game) {
        return game.analyze().tables().stream().filter(t -> t.title().equals("Bonus buy")).findFirst().orElseThrow();
    }

    @Test
    void theBuysExactFiguresEqualABruteForce() throws Exception {
        for (String model : new String[] {HoldAndWinTest.MINI,
            HoldAndWinTest.edit(HoldAndWinTest.MINI, "landing", CellLandingTest.EVERY_CELL),
            HoldAndWinTest.edit(HoldAndWinTest.MINI, "landing", CellLandingTest.EMPTY_BY_CELL)}) {
            for (int coins : new int[] {2, 3, 5}) {
                String bought = withBuy(model, "{\"price\": 30, \"coins\": " + coins + "}");
                HoldAndWinGame game = (HoldAndWinGame) HoldAndWinTest.load(bought);
                Fraction[] expected = new NaiveHoldAndWin(JSON.readTree(bought)).bought(coins, 30);
                AnalysisReport.Table table = buyTable(game);
                assertEquals(expected[0], exact(table, "RTP of the bonus buy"), coins + " coins: " + model);
                assertEquals(expected[1], exact(table, "variance per unit of price"), coins + " coins: " + model);
                assertEquals(game.exactFigures().orElseThrow().rtp(), exact(table, "RTP of the base game (for comparison)"));
                // Buying the feature leaves the game's own figures as they were.
                assertEquals(HoldAndWinTest.load(model).exactFigures().orElseThrow(), game.exactFigures().orElseThrow());
            }
        }
    }

    /**
     * 200,000 bought features of the by-cell mini game played by the engine: the mean return per unit of price within
     * 5 standard errors of the exact RTP (P < 1e-6 by chance); the stake is the price. Negative control: the RTP of
     * the same buy with the landing weights alike is more than 10 standard errors from the simulated mean.
     */
    @Test
    void boughtFeaturesSimulateToTheirExactReturn() throws Exception {
        String model = withBuy(HoldAndWinTest.edit(HoldAndWinTest.MINI, "landing", CellLandingTest.EVERY_CELL),
                "{\"price\": 30, \"coins\": 2}");
        HoldAndWinGame game = (HoldAndWinGame) HoldAndWinTest.load(model);
        AnalysisReport.Table table = buyTable(game);
        double rtp = exact(table, "RTP of the bonus buy").doubleValue();
        double variance = exact(table, "variance per unit of price").doubleValue();
        RoundOutcome outcome = RoundOutcome.forGame(game);
        int rounds = 200_000;
        double total = 0;
        try (DrbgStream stream = HoldAndWinTest.stream(31)) {
            for (int i = 0; i < rounds; i++) {
                game.playBonusBuy(stream, outcome);
                assertEquals(30 * game.stake(), outcome.stake());
                assertTrue(outcome.triggered(0));
                total += outcome.win() / (double) outcome.stake();
            }
        }
        double se = Math.sqrt(variance / rounds);
        assertEquals(rtp, total / rounds, 5 * se);
        double alike = exact(buyTable((HoldAndWinGame) HoldAndWinTest.load(withBuy(HoldAndWinTest.MINI,
                "{\"price\": 30, \"coins\": 2}"))), "RTP of the bonus buy").doubleValue();
        assertTrue(Math.abs(alike - total / rounds) > 10 * se, alike + " vs " + total / rounds);
    }

    @Test
    void aBuyTheFeatureCannotTakeIsRefused() throws Exception {
        assertRefused("$.bonusBuy.coins", "expected an integer in [1, 6]", "{\"price\": 30, \"coins\": 7}");
        assertRefused("$.bonusBuy.scatters", "", "{\"price\": 30, \"scatters\": 3}");
        assertRefused("$.bonusBuy.price", "expected an integer in [1,", "{\"price\": 0, \"coins\": 3}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ((HoldAndWinGame) HoldAndWinTest
                .load(HoldAndWinTest.MINI)).playBonusBuy(HoldAndWinTest.stream(1), RoundOutcome.forGame(
                        HoldAndWinTest.load(HoldAndWinTest.MINI))));
        assertTrue(e.getMessage().contains("no bonus buy"), e.getMessage());
    }

    private static void assertRefused(String path, String words, String buy) throws Exception {
        String model = withBuy(HoldAndWinTest.MINI, buy);
        ModelException e = assertThrows(ModelException.class, () -> HoldAndWinTest.load(model));
        assertTrue(e.getMessage().contains(path) && e.getMessage().contains(words), e.getMessage());
    }
}

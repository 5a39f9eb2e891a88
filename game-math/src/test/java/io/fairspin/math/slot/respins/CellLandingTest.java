package io.fairspin.math.slot.respins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.ModelException;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.DrbgStream;
import org.junit.jupiter.api.Test;

/**
 * Hold-and-win with landing weights by cell (a coin's chance to land differs by cell, for example the middle row
 * or the centre reels): exact figures against {@link NaiveHoldAndWin}, which draws every cell with its own chance
 * over every landing pattern with positions kept (no classes, no binomials); the fast and recorded paths; refusals.
 */
class CellLandingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every cell its own weight: six landing classes. */
    static final String EVERY_CELL = "{\"coin\": [[1, 2, 1], [3, 1, 2]], \"empty\": 3}";
    /** The second row three times as likely: two classes, by row. */
    static final String BY_ROW = "{\"coin\": [[1, 1, 1], [3, 3, 3]], \"empty\": 4}";
    /** Empty weights by cell, the centre reel never landing. */
    static final String EMPTY_BY_CELL = "{\"coin\": [[1, 0, 1], [1, 0, 1]], \"empty\": [[1, 4, 2], [3, 3, 3]]}";

    /** Every figure, as a fraction, equals the brute force's, for weights by cell, by row, and empty weights by cell. */
    @Test
    void exactFiguresEqualABruteForceThatDrawsEveryCellWithItsOwnChance() throws Exception {
        for (String landing : new String[] {EVERY_CELL, BY_ROW, EMPTY_BY_CELL}) {
            HoldAndWinTest.assertExactEqualsBruteForce(HoldAndWinTest.edit(HoldAndWinTest.MINI, "landing", landing));
        }
        HoldAndWinTest.assertExactEqualsBruteForce(HoldAndWinTest.edit(HoldAndWinTest.edit(HoldAndWinTest.MINI, "landing", BY_ROW),
                "trigger", "2"));
    }

    /**
     * Where the coins land matters: the first reel three times as likely is another game than the last reel three
     * times as likely (the reels' strips differ, and a feature started by 2 coins may hold either). Swapping the two rows' weights would not be: on a circular strip a
     * coin is as often above a non-coin as below one, so the coins per row at the start have the same distribution.
     */
    @Test
    void whereTheCoinsLandChangesTheFigures() throws Exception {
        Fraction first = rtp(FIRST_REEL);
        Fraction last = rtp(LAST_REEL);
        assertNotEquals(first, last);
        assertEquals(rtp(BY_ROW), rtp("{\"coin\": [[3, 3, 3], [1, 1, 1]], \"empty\": 4}"));
    }

    /** The first reel three times as likely to land a coin. */
    static final String FIRST_REEL = "{\"coin\": [[3, 1, 1], [3, 1, 1]], \"empty\": 4}";
    /** The last reel three times as likely. */
    static final String LAST_REEL = "{\"coin\": [[1, 1, 3], [1, 1, 3]], \"empty\": 4}";

    private static Fraction rtp(String landing) throws Exception {
        return HoldAndWinTest.load(twoToStart(landing)).exactFigures().orElseThrow().rtp();
    }

    /**
     * The mini game started by 2 coins, with {@code landing}: each reel of the mini game shows at most one coin, so
     * with its trigger of 3 every feature starts with one coin per reel, and the first and last reels would be alike.
     */
    static String twoToStart(String landing) throws Exception {
        return HoldAndWinTest.edit(HoldAndWinTest.edit(HoldAndWinTest.MINI, "landing", landing), "trigger", "2");
    }

    /** The fast path and the recorded path draw the same and pay the same; every landing is on an empty cell. */
    @Test
    void recordedRoundsMatchTheSimulationPath() throws Exception {
        Game game = HoldAndWinTest.load(HoldAndWinTest.edit(HoldAndWinTest.MINI, "landing", EMPTY_BY_CELL));
        RoundOutcome outcome = RoundOutcome.forGame(game);
        int features = 0;
        try (DrbgStream a = HoldAndWinTest.stream(7); DrbgStream b = HoldAndWinTest.stream(7)) {
            for (int i = 0; i < 4000; i++) {
                game.play(a, outcome);
                PlayedRound recorded = game.playRecorded(b);
                assertEquals(outcome, recorded.outcome(), "round " + i);
                JsonNode feature = JSON.readTree(recorded.detail()).get("holdAndWin");
                if (!feature.isNull()) {
                    features++;
                    for (JsonNode r : feature.get("respins")) {
                        for (JsonNode c : r.get("landed")) {
                            assertNotEquals(1, c.get("reel").asInt(), "the centre reel never lands a coin: " + feature);
                        }
                    }
                }
            }
        }
        assertTrue(features > 100, "features seen: " + features);
    }

    /**
     * 400,000 seeded rounds of the first-reel model against its exact figures: RTP within 5 standard errors (P < 1e-6
     * by chance). Negative control: the same rounds against the last-reel model's RTP, more than 10 standard errors
     * away.
     */
    @Test
    void theSimulationAgreesWithTheExactFigures() throws Exception {
        Game game = HoldAndWinTest.load(twoToStart(FIRST_REEL));
        ExactFigures exact = game.exactFigures().orElseThrow();
        int rounds = 400_000;
        RoundOutcome outcome = RoundOutcome.forGame(game);
        double total = 0;
        try (DrbgStream stream = HoldAndWinTest.stream(21)) {
            for (int i = 0; i < rounds; i++) {
                game.play(stream, outcome);
                total += outcome.win() / (double) outcome.stake();
            }
        }
        double se = Math.sqrt(exact.variance().doubleValue() / rounds);
        assertEquals(exact.rtp().doubleValue(), total / rounds, 5 * se);
        Fraction other = rtp(LAST_REEL);
        assertTrue(Math.abs(other.doubleValue() - total / rounds) > 10 * se, other.doubleValue() + " vs " + total / rounds);
    }

    /**
     * Coin Rush with every one of its 15 cells landing with its own weight: the chain would play out 3^15 transitions,
     * past its budget, so the game has no exact figures and its sheet is simulated, saying why on its first line.
     */
    @Test
    void aChainPastItsBudgetIsSimulatedAndSaysSo() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(java.nio.file.Files.readString(java.nio.file.Path.of(
                System.getProperty("fairspin.root", ".."), "examples", "coin-rush.json")));
        ((ObjectNode) root.get("holdAndWin")).set("landing", JSON.readTree(
                "{\"coin\": [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12, 13, 14, 15]], \"empty\": 100}"));
        HoldAndWinGame game = (HoldAndWinGame) HoldAndWinTest.load(root.toString());
        assertTrue(game.exactFigures().isEmpty());
        String sheet = game.analyze().tables().get(0).rows().toString();
        assertTrue(sheet.contains("simulated, not exact: the respin chain over the coins held in each of the 15 landing"
                + " classes of cells has 14348907 transitions, more than its budget of 2000000"), sheet);
        assertTrue(sheet.contains("RTP (simulated: 1,000,000 rounds, seed 1; 99% interval)"), sheet);
        assertTrue(sheet.contains("hold and win frequency (simulated"), sheet);
    }

    @Test
    void malformedLandingWeightsAreRefusedNamingTheirPath() throws Exception {
        assertRefused("$.holdAndWin.landing.coin", "one row of weights per row of the window (2), found 1 rows",
                "{\"coin\": [[1, 2, 1]], \"empty\": 3}");
        assertRefused("$.holdAndWin.landing.coin[1]", "expected one weight per reel (3), found 2",
                "{\"coin\": [[1, 2, 1], [1, 2]], \"empty\": 3}");
        assertRefused("$.holdAndWin.landing.empty[0][1]", "expected an integer in [1,",
                "{\"coin\": 1, \"empty\": [[1, 0, 1], [1, 1, 1]]}");
        assertRefused("$.holdAndWin.landing.coin[0]", "expected a list of one weight per reel",
                "{\"coin\": [1, 2], \"empty\": 3}");
    }

    private static void assertRefused(String path, String words, String landing) throws Exception {
        String model = HoldAndWinTest.edit(HoldAndWinTest.MINI, "landing", landing);
        ModelException e = assertThrows(ModelException.class, () -> HoldAndWinTest.load(model));
        assertEquals(path, e.jsonPath(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }
}

package io.fairspin.math.slot.respins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.Bet;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.slot.analysis.MaxWin;
import io.fairspin.rng.DrbgStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hold-and-win cap ({@code maxWin}) with jackpots and a bonus buy: a fixed jackpot counts toward the cap like any coin
 * value, a progressive one is paid on top (never cut, never counted), a bought round has the cap of the bet it buys at.
 * Every exact figure, as a fraction, against {@link NaiveCappedJackpots}, which lists each round's pays in play order and
 * caps them one by one; the played rounds against the same rounds uncapped (min(rest, cap) + progressive) and against
 * the exact figures.
 */
class HoldAndWinCapJackpotTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@link JackpotTest#withJackpots}: a fixed "mini" of 5 as a coin value, a progressive "grand" of seed 20 on a full screen. */
    private static String progressive() throws Exception {
        return JackpotTest.withJackpots("1/100");
    }

    /** The mini game with fixed jackpots only: "mini" of 5 as a coin value, "major" of 20 on a full screen. */
    private static String fixedOnly() throws Exception {
        return progressive().replace("{\"name\":\"grand\",\"seed\":20,\"rate\":\"1/100\"}",
                "{\"name\":\"major\",\"amount\":20}").replace("\"grand\":\"grand\"", "\"grand\":\"major\"");
    }

    /** The mini collect game with the fixed "mini" jackpot as a coin value and a progressive "grand" on a full screen. */
    private static String collectWithJackpots() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(HoldAndWinCollectTest.MINI);
        root.set("jackpots", JSON.readTree(JSON.readTree(progressive()).get("jackpots").toString()));
        ObjectNode hw = (ObjectNode) root.get("holdAndWin");
        hw.set("values", JSON.readTree("{\"values\": [1, 2, \"mini\"], \"weights\": [3, 2, 1]}"));
        hw.put("grand", "grand");
        return root.toString();
    }

    private static List<String> models() throws Exception {
        return List.of(progressive(), HoldAndWinTest.edit(progressive(), "landing", CellLandingTest.EVERY_CELL),
                fixedOnly(), collectWithJackpots());
    }

    private static void assertFiguresEqual(Game game, NaiveCappedJackpots.Figures expected, ExactFigures exact,
            String what) {
        assertEquals(expected.rtp, exact.rtp(), "RTP " + what);
        assertEquals(expected.hit, exact.hitFrequency(), "hit frequency " + what);
        assertEquals(expected.variance(), exact.variance(), "variance " + what);
        for (int t = 0; t < game.winTypes().size(); t++) {
            String type = game.winTypes().get(t);
            assertEquals(expected.byType.getOrDefault(type, Fraction.ZERO), exact.rtpByWinType().get(t), type + " " + what);
        }
    }

    /** Every figure of the capped round with jackpots equals the brute force's, at caps that bind and one that does not. */
    @Test
    void cappedFiguresWithJackpotsEqualTheBruteForce() throws Exception {
        for (String model : models()) {
            Fraction uncapped = HoldAndWinTest.load(model).exactFigures().orElseThrow().rtp();
            for (long maxWin : new long[] {2, 7, 16, 30, 500}) {
                String capped = HoldAndWinCapTest.capped(model, maxWin);
                Game game = HoldAndWinTest.load(capped);
                ExactFigures exact = game.exactFigures().orElseThrow(() -> new AssertionError("no exact figures " + capped));
                assertFiguresEqual(game, new NaiveCappedJackpots(JSON.readTree(capped)).figures(), exact,
                        "at a cap of " + maxWin + ": " + model);
                assertEquals(maxWin < 500, exact.rtp().compareTo(uncapped) < 0, "the cap binds below 500: " + maxWin);
            }
        }
    }

    /** A bought round's figures per unit of price with the cap of the bet it buys at (not x the price) equal the brute force's. */
    @Test
    void boughtRoundsAreCappedAtTheBetTheyBuyAt() throws Exception {
        for (String model : List.of(progressive(), fixedOnly(),
                HoldAndWinTest.edit(progressive(), "landing", CellLandingTest.EVERY_CELL))) {
            for (int coins : new int[] {2, 3}) {
                for (long maxWin : new long[] {7, 16}) {
                    String bought = HoldAndWinCapTest.capped(HoldAndWinBuyTest.withBuy(model,
                            "{\"price\": 30, \"coins\": " + coins + "}"), maxWin);
                    Game game = HoldAndWinTest.load(bought);
                    ExactFigures exact = game.exactFigures(game.standardBet().withBonusBuy()).orElseThrow();
                    NaiveCappedJackpots.Figures expected = new NaiveCappedJackpots(JSON.readTree(bought)).bought(coins, 30);
                    assertFiguresEqual(game, expected, exact, coins + " coins bought at a cap of " + maxWin + ": " + model);
                    AnalysisReport.Table table = HoldAndWinBuyTest.buyTable((HoldAndWinGame) game);
                    assertTrue(table.rows().contains(List.of(Cell.text("RTP of the bonus buy"), Cell.exact(exact.rtp()))));
                    Fraction jackpots = expected.byType.entrySet().stream().filter(e -> e.getKey().startsWith("jackpot "))
                            .map(java.util.Map.Entry::getValue).reduce(Fraction.ZERO, Fraction::add);
                    assertTrue(table.rows().contains(List.of(Cell.text("jackpot RTP of the bonus buy (at their amount or"
                            + " seed)"), Cell.exact(jackpots))), "the buy's jackpot part, " + jackpots + ": " + table);
                }
            }
        }
    }

    /**
     * The maximum win of a capped model with a progressive grand prize is the cap plus the grand prize's seed (a full
     * screen is past the cap); with fixed jackpots only it is the cap.
     */
    @Test
    void theMaximumWinPaysTheProgressiveOnTopOfTheCap() throws Exception {
        assertEquals(Cell.exact(Fraction.of(7 + 20)), row(HoldAndWinCapTest.capped(progressive(), 7), MaxWin.LABEL));
        assertEquals(Cell.exact(Fraction.of(7)), row(HoldAndWinCapTest.capped(fixedOnly(), 7), MaxWin.LABEL));
        assertTrue(row(HoldAndWinCapTest.capped(progressive(), 7), MaxWin.CAP_REACHABLE).toString().contains("yes: "));
    }

    /**
     * Played rounds of the capped model with a progressive jackpot, at each seed against the same model uncapped: the
     * same draws, the progressive's pay the same, the rest min(rest, cap); the recorded round the same as the fast path,
     * with {@code maxWinReached} exactly when the rest reached the cap. Bought rounds the same at the bet's cap.
     */
    @Test
    void aCappedRoundPaysTheCappedRestPlusTheProgressive() throws Exception {
        for (boolean buy : new boolean[] {false, true}) {
            String uncappedModel = buy ? HoldAndWinBuyTest.withBuy(progressive(), "{\"price\": 30, \"coins\": 3}")
                    : progressive();
            Game uncapped = HoldAndWinTest.load(uncappedModel);
            Game capped = HoldAndWinTest.load(HoldAndWinCapTest.capped(uncappedModel, 7));
            Bet bet = buy ? capped.standardBet().withBonusBuy() : capped.standardBet();
            int grand = capped.winTypes().indexOf("jackpot grand");
            long cap = 7 * capped.stake();
            int reached = 0;
            int both = 0;
            for (int seed = 0; seed < 3000; seed++) {
                RoundOutcome free = RoundOutcome.forGame(uncapped);
                RoundOutcome fast = RoundOutcome.forGame(capped);
                long[] next = new long[3];
                try (DrbgStream stream = HoldAndWinTest.stream(seed)) {
                    uncapped.play(bet, stream, free);
                    next[0] = stream.nextLong();
                }
                try (DrbgStream stream = HoldAndWinTest.stream(seed)) {
                    capped.play(bet, stream, fast);
                    next[1] = stream.nextLong();
                }
                PlayedRound recorded;
                try (DrbgStream stream = HoldAndWinTest.stream(seed)) {
                    recorded = capped.playRecorded(bet, stream);
                    next[2] = stream.nextLong();
                }
                assertEquals(next[0], next[1], "the same draws, seed " + seed);
                assertEquals(next[1], next[2], "the same draws recorded, seed " + seed);
                long progressive = free.win(grand);
                long rest = free.win() - progressive;
                assertEquals(progressive, fast.win(grand), "the progressive is paid whole, seed " + seed);
                assertEquals(Math.min(rest, cap) + progressive, fast.win(), "seed " + seed);
                assertEquals(fast, recorded.outcome(), "seed " + seed);
                JsonNode record = JSON.readTree(recorded.detail());
                assertEquals(rest >= cap, record.has("maxWinReached"), recorded.detail());
                reached += rest >= cap ? 1 : 0;
                both += rest >= cap && progressive > 0 ? 1 : 0;
            }
            assertTrue(reached > 20 && both > 0, "rounds reach the cap: " + reached + ", with the progressive: " + both);
        }
    }

    /**
     * 200,000 capped rounds of each model (and bought rounds) played by the engine: the RTP within 5 standard errors
     * of the exact one, each win type's within 5 standard errors (a type's win in [0, cap + grand] has variance at
     * most (cap + grand) E[X]); a round with fixed jackpots only never pays past the cap.
     */
    @Test
    void simulatedRoundsAgreeWithTheCappedExactFigures() throws Exception {
        for (String model : List.of(progressive(), fixedOnly(), collectWithJackpots(),
                HoldAndWinBuyTest.withBuy(progressive(), "{\"price\": 30, \"coins\": 3}"))) {
            Game game = HoldAndWinTest.load(HoldAndWinCapTest.capped(model, 7));
            Bet bet = model.contains("bonusBuy") ? game.standardBet().withBonusBuy() : game.standardBet();
            ExactFigures exact = game.exactFigures(bet).orElseThrow();
            int rounds = 200_000;
            double[] byType = new double[game.winTypes().size() + 1];
            RoundOutcome outcome = RoundOutcome.forGame(game);
            try (DrbgStream stream = HoldAndWinTest.stream(11)) {
                for (int i = 0; i < rounds; i++) {
                    game.play(bet, stream, outcome);
                    assertTrue(model.contains("seed") || outcome.win() <= 7 * game.stake(), "past the cap");
                    byType[byType.length - 1] += outcome.win() / (double) outcome.stake() / rounds;
                    for (int t = 0; t < game.winTypes().size(); t++) {
                        byType[t] += outcome.win(t) / (double) outcome.stake() / rounds;
                    }
                }
            }
            assertEquals(exact.rtp().doubleValue(), byType[byType.length - 1],
                    5 * Math.sqrt(exact.variance().doubleValue() / rounds), "RTP " + model);
            for (int t = 0; t < game.winTypes().size(); t++) {
                double share = exact.rtpByWinType().get(t).doubleValue();
                assertEquals(share, byType[t], 5 * Math.sqrt(27 * share / rounds) + 1e-9, game.winTypes().get(t));
            }
        }
    }

    /** A coin value naming a progressive jackpot under a reachable cap: no exact figures, a simulated sheet saying why. */
    @Test
    void aProgressiveCoinValueUnderTheCapIsSimulated() throws Exception {
        String progressiveValue = progressive().replace("[1,2,\"mini\"]", "[1,\"grand\",\"mini\"]");
        String model = HoldAndWinCapTest.capped(progressiveValue, 7);
        Game game = HoldAndWinTest.load(model);
        assertTrue(game.exactFigures().isEmpty());
        AnalysisReport report = ((HoldAndWinGame) game).analyze();
        assertTrue(report.tables().get(0).title().contains("SIMULATED"));
        String why = report.tables().get(0).rows().get(0).get(1).toString();
        assertTrue(why.contains("progressive jackpot \"grand\""), why);
        assertFalse(HoldAndWinTest.load(progressiveValue).exactFigures().isEmpty());
    }

    private static Cell row(String model, String label) {
        return ((HoldAndWinGame) HoldAndWinTest.load(model)).analyze().tables().get(0).rows().stream()
                .filter(r -> r.get(0).equals(Cell.text(label))).map(r -> r.get(1)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label));
    }
}

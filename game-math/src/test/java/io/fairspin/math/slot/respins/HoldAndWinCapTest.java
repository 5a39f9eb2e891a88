package io.fairspin.math.slot.respins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.Analyzable;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.ModelException;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.slot.analysis.MaxWin;
import io.fairspin.rng.DrbgStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hold-and-win model's round cap ({@code maxWin}): every exact figure, as a fraction, against {@link NaiveHoldAndWin},
 * which enumerates every round (every base stop, every free-reel stop, every landing pattern, every value) and caps
 * each one by taking its pays in play order (line, scatter, free games, collect, the feature's coins, the grand prize);
 * the maximum-win rows against the largest capped round of the brute force; the played rounds (fast path and record)
 * against each other, the cap and the exact RTP; refusals.
 */
class HoldAndWinCapTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Naive figure index per win type and per feature name (see {@link NaiveHoldAndWin#figures()}). */
    private static final Map<String, Integer> TYPE = Map.of("line", 4, "scatter", 5, "hold-and-win", 6, "grand", 7,
            "free-games", 8, "collect", 10);
    private static final Map<String, Integer> FEATURE = Map.of("hold-and-win", 3, "free-games", 9, "collect", 11);

    static String capped(String model, long maxWin) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(model);
        root.put("maxWin", maxWin);
        return root.toString();
    }

    /** The models capped: the mini game, landing by cell, a collect (both modes), free games (no retriggers). */
    private static List<String> models() throws Exception {
        return List.of(HoldAndWinTest.MINI, HoldAndWinTest.edit(HoldAndWinTest.MINI, "landing", CellLandingTest.EVERY_CELL),
                HoldAndWinCollectTest.MINI, HoldAndWinCollectTest.ALSO,
                HoldAndWinFreeGamesTest.withFreeGames(HoldAndWinTest.MINI, false));
    }

    private static void assertExactEqualsBruteForce(String model) throws Exception {
        Game game = HoldAndWinTest.load(model);
        Fraction[] expected = new NaiveHoldAndWin(JSON.readTree(model)).figures();
        ExactFigures exact = game.exactFigures().orElseThrow(() -> new AssertionError("no exact figures: " + model));
        assertEquals(expected[0], exact.rtp(), "RTP " + model);
        assertEquals(expected[1], exact.hitFrequency(), "hit frequency");
        assertEquals(expected[2], exact.variance(), "variance");
        for (int t = 0; t < game.winTypes().size(); t++) {
            assertEquals(expected[TYPE.get(game.winTypes().get(t))], exact.rtpByWinType().get(t), game.winTypes().get(t));
        }
        for (int f = 0; f < game.features().size(); f++) {
            assertEquals(expected[FEATURE.get(game.features().get(f))], exact.featureFrequencies().get(f),
                    game.features().get(f));
        }
    }

    /** The largest round win of positive probability, uncapped, in line bets (2 lines a total bet). */
    private static long largest(String model) throws Exception {
        long largest = 0;
        for (Map.Entry<NaiveHoldAndWin.Outcome, Fraction> e : new NaiveHoldAndWin(JSON.readTree(model)).rounds().entrySet()) {
            NaiveHoldAndWin.Outcome o = e.getKey();
            if (e.getValue().signum() > 0) {
                largest = Math.max(largest, o.line() + o.free() + (o.scatter() + o.coins() + o.grand() + o.collect()) * 2);
            }
        }
        return largest;
    }

    /** Every figure of the capped round equals the brute force's, at caps from below a base spin's win to above most. */
    @Test
    void everyFigureEqualsTheBruteForceCappingEachRound() throws Exception {
        for (String model : models()) {
            Fraction uncapped = HoldAndWinTest.load(model).exactFigures().orElseThrow().rtp();
            for (long maxWin : new long[] {2, 7, 16, 30}) {
                String cappedModel = capped(model, maxWin);
                assertExactEqualsBruteForce(cappedModel);
                // Each cap is below the largest round, so it binds.
                assertTrue(HoldAndWinTest.load(cappedModel).exactFigures().orElseThrow().rtp().compareTo(uncapped) < 0,
                        "the cap binds at " + maxWin);
            }
        }
    }

    /** A cap no round reaches: the figures are the uncapped ones; the maximum-win rows say it is not reachable. */
    @Test
    void aCapNoRoundReachesChangesNoFigure() throws Exception {
        for (String model : models()) {
            long cap = largest(model) / 2 + 1;
            String cappedModel = capped(model, cap);
            assertEquals(HoldAndWinTest.load(model).exactFigures(), HoldAndWinTest.load(cappedModel).exactFigures());
            assertEquals(Cell.exact(Fraction.of(largest(model), 2)), row(cappedModel, MaxWin.LABEL));
            assertEquals(Cell.count(cap), row(cappedModel, MaxWin.CAP));
            assertTrue(row(cappedModel, MaxWin.CAP_REACHABLE).toString().contains("no: "), row(cappedModel,
                    MaxWin.CAP_REACHABLE).toString());
        }
    }

    /**
     * The maximum win of a capped model is the largest capped round of the brute force, and the cap is reachable
     * exactly when a round reaches it; free games included (the sheet used to say "not computed" there).
     */
    @Test
    void theMaximumWinIsTheLargestCappedRound() throws Exception {
        for (String model : models()) {
            long largest = largest(model);
            assertEquals(Cell.exact(Fraction.of(largest, 2)), row(model, MaxWin.LABEL), model);
            for (long maxWin : new long[] {7, largest / 2, largest / 2 + 1}) {
                String cappedModel = capped(model, maxWin);
                long stated = Math.min(largest, maxWin * 2);
                assertEquals(Cell.exact(Fraction.of(stated, 2)), row(cappedModel, MaxWin.LABEL), cappedModel);
                assertTrue(row(cappedModel, MaxWin.CAP_REACHABLE).toString().contains(largest >= maxWin * 2 ? "yes: " : "no: "));
            }
        }
    }

    /**
     * The fast path and the recorded round agree at every seed, and draw the same numbers (the next draw after the
     * round is the same); no round pays more than the cap; a round that reaches it says so in its record, whose
     * feature lists no coin after the one that reached it; the simulated RTP, and each win type's, agree with the exact
     * ones (5 standard errors; a type's win X in [0, cap] has variance at most cap E[X]).
     */
    @Test
    void playedRoundsStopAtTheCapAndAgreeWithTheExactFigures() throws Exception {
        for (String model : models()) {
            for (long maxWin : new long[] {2, 7}) {
                Game game = HoldAndWinTest.load(capped(model, maxWin));
                long cap = maxWin * game.stake();
                int reached = 0;
                for (int seed = 0; seed < 2000; seed++) {
                    RoundOutcome fast = RoundOutcome.forGame(game);
                    long nextFast;
                    try (DrbgStream stream = HoldAndWinTest.stream(seed)) {
                        game.play(stream, fast);
                        nextFast = stream.nextLong();
                    }
                    PlayedRound recorded;
                    long nextRecorded;
                    try (DrbgStream stream = HoldAndWinTest.stream(seed)) {
                        recorded = game.playRecorded(stream);
                        nextRecorded = stream.nextLong();
                    }
                    assertEquals(fast, recorded.outcome(), "seed " + seed);
                    assertEquals(nextFast, nextRecorded, "the same draws, seed " + seed);
                    assertTrue(fast.win() <= cap);
                    JsonNode record = JSON.readTree(recorded.detail());
                    assertEquals(fast.win() == cap, record.has("maxWinReached"), recorded.detail());
                    assertEquals(fast.win(), record.get("win").asLong());
                    JsonNode feature = record.get("holdAndWin");
                    if (fast.win() == cap && !feature.isNull()) {
                        // The feature's pays as listed, the last one reaching the cap: nothing before it did.
                        long listed = 0;
                        long last = 0;
                        List<JsonNode> coins = new java.util.ArrayList<>();
                        feature.get("coins").forEach(coins::add);
                        feature.get("respins").forEach(r -> r.get("landed").forEach(coins::add));
                        for (JsonNode coin : coins) {
                            last = coin.get("value").asLong() * game.stake();
                            listed += last;
                        }
                        long before = cap - feature.get("amount").asLong();
                        if (feature.get("full").asBoolean() && before + listed < cap) {
                            // Every model here has a grand prize of 20 total bets.
                            last = 20 * game.stake();
                            listed += last;
                        }
                        assertTrue(before + listed - last < cap && before + listed >= cap, recorded.detail());
                    }
                    reached += fast.win() == cap ? 1 : 0;
                }
                assertTrue(reached > 10, "rounds reach the cap: " + reached);
                ExactFigures exact = game.exactFigures().orElseThrow();
                int rounds = 200_000;
                double[] byType = new double[game.winTypes().size() + 1];
                RoundOutcome outcome = RoundOutcome.forGame(game);
                try (DrbgStream stream = HoldAndWinTest.stream(7)) {
                    for (int i = 0; i < rounds; i++) {
                        game.play(stream, outcome);
                        byType[byType.length - 1] += outcome.win() / (double) outcome.stake() / rounds;
                        for (int t = 0; t < game.winTypes().size(); t++) {
                            byType[t] += outcome.win(t) / (double) outcome.stake() / rounds;
                        }
                    }
                }
                assertEquals(exact.rtp().doubleValue(), byType[byType.length - 1],
                        5 * Math.sqrt(exact.variance().doubleValue() / rounds), "RTP");
                for (int t = 0; t < game.winTypes().size(); t++) {
                    double share = exact.rtpByWinType().get(t).doubleValue();
                    assertEquals(share, byType[t], 5 * Math.sqrt(maxWin * share / rounds) + 1e-9,
                            game.winTypes().get(t) + " at a cap of " + maxWin);
                }
            }
        }
    }

    /** Free games that retrigger under a reachable cap: no exact figures; a simulated sheet with the cap's rows. */
    @Test
    void retriggeringFreeGamesUnderAReachableCapAreSimulated() throws Exception {
        Game game = HoldAndWinTest.load(capped(HoldAndWinFreeGamesTest.withFreeGames(HoldAndWinTest.MINI, true), 7));
        assertTrue(game.exactFigures().isEmpty());
        AnalysisReport report = ((Analyzable) game).analyze();
        assertTrue(report.tables().get(0).title().contains("SIMULATED"));
        assertTrue(report.tables().get(0).rows().get(0).get(1).toString().contains("free games retrigger"),
                report.tables().get(0).rows().get(0).toString());
        assertEquals(Cell.count(7), rowOf(report, MaxWin.CAP));
        // Without the cap the sheet is exact, and its maximum win unbounded: a free game can win and award more.
        String uncapped = HoldAndWinFreeGamesTest.withFreeGames(HoldAndWinTest.MINI, true);
        assertTrue(row(uncapped, MaxWin.LABEL).toString().contains("unbounded"), row(uncapped, MaxWin.LABEL).toString());
    }

    @Test
    void refusesACapItCannotApply() throws Exception {
        assertRefused("$.maxWin", "expected an integer in [1,", capped(HoldAndWinTest.MINI, 0));
    }

    private static void assertRefused(String path, String words, String model) {
        ModelException e = assertThrows(ModelException.class, () -> HoldAndWinTest.load(model));
        assertTrue(e.getMessage().contains(path) && e.getMessage().contains(words), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    private static Cell row(String model, String label) {
        return rowOf(((Analyzable) HoldAndWinTest.load(model)).analyze(), label);
    }

    private static Cell rowOf(AnalysisReport report, String label) {
        return report.tables().get(0).rows().stream().filter(r -> r.get(0).equals(Cell.text(label))).map(r -> r.get(1))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + label));
    }
}

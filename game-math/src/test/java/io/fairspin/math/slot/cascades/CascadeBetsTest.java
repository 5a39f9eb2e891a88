package io.fairspin.math.slot.cascades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Bet;
import io.fairspin.math.BetException;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.math.ModelException;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.DrbgStream;
import io.fairspin.rng.RandomStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Cascading games at a bet the player chooses (issue 12's "bets chosen per round", issue 14's cascades): the
 * exact figures and the win distribution at another bet against {@link NaiveCascade} (the brute force written
 * apart from the engine) over the model rewritten with that bet's lines, the coins and the bet per line applied
 * by hand; rounds at a chosen bet; bets outside the limits refused before any draw.
 */
class CascadeBetsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIMITS = ", \"betLimits\": {\"lines\": {\"min\": 1, \"max\": 10}, \"lineBet\": {\"values\": [1,"
            + " 3]}, \"coins\": {\"min\": 1, \"max\": 4}}}";

    /** The small clusters game with free games and a scatter pay, with bet limits. */
    static String clustersWithLimits() {
        String model = CascadeTest.SMALL_CLUSTERS.strip();
        return model.substring(0, model.length() - 1) + LIMITS;
    }

    /** The model rewritten with {@code lines} line bets staked (what the brute force reads). */
    private static JsonNode withLines(String model, int lines) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(model);
        ((ObjectNode) root.get("bet")).put("lines", lines);
        return root;
    }

    /**
     * At 2 lines, 3 per line and 4 coins: RTP, hit frequency and variance per total bet are the brute force's over
     * the model at 2 lines (the scatter pays 2 line bets per total bet there, not 5: the RTP changes), and the
     * same at 5 lines with any bet per line and coins (they multiply every pay and the stake alike).
     */
    @Test
    void exactFiguresAtAnotherBetEqualABruteForce() throws Exception {
        Game game = GameModels.load("small.json", clustersWithLimits().getBytes(StandardCharsets.UTF_8));
        Bet bet = Bet.lines(2, 3, 4);
        NaiveCascade naive = new NaiveCascade(withLines(clustersWithLimits(), 2));
        Fraction[] expected = naive.figures(naive.roundDistribution());
        ExactFigures atBet = game.exactFigures(bet).orElseThrow();
        assertEquals(expected[0], atBet.rtp(), "RTP at 2 lines");
        assertEquals(expected[1], atBet.hitFrequency(), "hit frequency at 2 lines");
        assertEquals(expected[2], atBet.variance(), "variance at 2 lines");
        assertEquals(24, game.stake(bet));
        ExactFigures standard = game.exactFigures().orElseThrow();
        assertNotEquals(standard.rtp(), atBet.rtp(), "the lines change the RTP of this model");
        NaiveCascade atFive = new NaiveCascade(JSON.readTree(clustersWithLimits()));
        assertEquals(atFive.figures(atFive.roundDistribution())[0], standard.rtp());
        ExactFigures coins = game.exactFigures(Bet.lines(5, 3, 4)).orElseThrow();
        assertEquals(standard.rtp(), coins.rtp());
        assertEquals(standard.variance(), coins.variance());
        assertEquals(standard.hitFrequency(), coins.hitFrequency());
    }

    /** The win distribution at a bet: the brute force's wins in line bets times the bet per line times the coins. */
    @Test
    void theWinDistributionAtABetIsTheBruteForcesTimesLineBetAndCoins() throws Exception {
        CascadeGame game = (CascadeGame) GameModels.load("small.json", clustersWithLimits().getBytes(StandardCharsets.UTF_8));
        CascadeGame at = game.at(Bet.lines(2, 3, 4));
        Map<Long, Fraction> expected = new TreeMap<>();
        new NaiveCascade(withLines(clustersWithLimits(), 2)).roundsWithoutFreeGames()
                .forEach((win, p) -> expected.put(win < 0 ? win : win * 3 * 4, p));
        Fraction feature = expected.remove(-1L);
        assertEquals(expected, at.winDistribution().orElseThrow(), "wins in minor units");
        assertEquals(feature, at.featureRounds());
    }

    /**
     * The PAR sheet's "RTP by bet" lists every number of lines the limits allow whose RTP differs, each the brute
     * force's at that many lines, and says that the bet per line and the coins never change it.
     */
    @Test
    void parListsTheRtpOfEveryLineCount() throws Exception {
        CascadeGame game = (CascadeGame) GameModels.load("small.json", clustersWithLimits().getBytes(StandardCharsets.UTF_8));
        AnalysisReport.Table table = game.analyze().tables().get(1);
        assertEquals("RTP by bet", table.title());
        assertEquals("5 lines (standard)", ((AnalysisReport.Cell.Text) table.rows().get(0).get(0)).value());
        int listed = 0;
        for (int lines = 1; lines <= 10; lines++) {
            NaiveCascade naive = new NaiveCascade(withLines(clustersWithLimits(), lines));
            Fraction rtp = naive.figures(naive.roundDistribution())[0];
            String name = lines + (lines == 1 ? " line" : " lines") + (lines == 5 ? " (standard)" : "");
            for (var row : table.rows()) {
                if (((AnalysisReport.Cell.Text) row.get(0)).value().equals(name)) {
                    assertEquals(rtp, ((AnalysisReport.Cell.Exact) row.get(1)).value(), name);
                    listed++;
                }
            }
        }
        assertEquals(10, listed, table.rows().toString());
        String last = table.rows().get(table.rows().size() - 1).toString();
        assertTrue(last.contains("the bet per line and the coins never change the RTP"), last);
    }

    /**
     * A round at a chosen bet: its stake is lines x bet per line x coins, every evaluation's amount is its credits
     * times its multiplier times the bet per line times the coins, the fast path pays the same, and a replay gives
     * the same bytes.
     */
    @Test
    void aRoundAtAChosenBetPaysItsCreditsTimesLineBetAndCoinsAndReplays() throws Exception {
        Game game = GameModels.load("small.json", clustersWithLimits().getBytes(StandardCharsets.UTF_8));
        Bet bet = Bet.lines(7, 3, 2);
        int won = 0;
        for (int seed = 0; seed < 300; seed++) {
            PlayedRound played;
            try (DrbgStream s = CascadeTest.stream(seed)) {
                played = game.playRecorded(bet, s);
            }
            assertEquals(bet, played.bet());
            assertEquals(42, played.outcome().stake());
            JsonNode detail = JSON.readTree(played.detail());
            assertEquals(42, detail.get("stake").asLong());
            long sum = 0;
            for (JsonNode spin : detail.get("spins")) {
                long spinSum = 0;
                for (JsonNode step : spin.get("cascades")) {
                    assertEquals(step.get("credits").asLong() * step.get("multiplier").asLong() * 3 * 2,
                            step.get("amount").asLong(), detail.toString());
                    spinSum += step.get("amount").asLong();
                }
                // The spin's win: its cascades plus the scatter pay, in total bets of this bet (7 lines x 3 x 2).
                long scatterPay = spin.get("scatters").asInt() >= 2 ? 42 : 0;
                assertEquals(spinSum + scatterPay, spin.get("win").asLong(), detail.toString());
                sum += spin.get("win").asLong();
            }
            assertEquals(sum, played.outcome().win());
            won += sum > 0 ? 1 : 0;
            RoundOutcome fast = RoundOutcome.forGame(game.at(bet));
            try (DrbgStream s = CascadeTest.stream(seed)) {
                game.play(bet, s, fast);
            }
            assertEquals(played.outcome().win(), fast.win());
            try (DrbgStream s = CascadeTest.stream(seed)) {
                assertEquals(played.detail(), game.replay(played.bet(), played.choices(), s).detail());
            }
        }
        assertTrue(won > 30, "rounds that won: " + won);
    }

    /** A bet outside the limits is refused naming its field before anything is drawn; a model without limits takes its standard wager only. */
    @Test
    void aBetOutsideTheLimitsIsRefusedBeforeAnyDraw() throws Exception {
        Game game = GameModels.load("small.json", clustersWithLimits().getBytes(StandardCharsets.UTF_8));
        Map<Bet, String> refused = Map.of(Bet.lines(11, 1, 1), "bet: $.lines: 11 is outside the model's limits",
                Bet.lines(5, 2, 1), "bet: $.lineBet: 2 is outside the model's limits: expected one of 1, 3",
                Bet.lines(5, 1, 5), "bet: $.coins: 5 is outside the model's limits: expected from 1 to 4");
        for (Map.Entry<Bet, String> e : refused.entrySet()) {
            Counting counting = new Counting();
            BetException x = assertThrows(BetException.class, () -> game.open(e.getKey(), counting));
            assertTrue(x.getMessage().startsWith(e.getValue()), x.getMessage());
            assertEquals(0, counting.blocks, "drew before refusing " + e.getKey());
        }
        Game fixed = GameModels.load("small.json", CascadeTest.SMALL_CLUSTERS.getBytes(StandardCharsets.UTF_8));
        Counting counting = new Counting();
        BetException x = assertThrows(BetException.class, () -> fixed.open(Bet.lines(5, 2, 1), counting));
        assertTrue(x.getMessage().contains("accepts its standard wager only"), x.getMessage());
        assertEquals(0, counting.blocks);
    }

    /** Limits the engine cannot take are refused naming their path. */
    @Test
    void limitsTheEngineCannotTakeAreRefused() {
        String model = clustersWithLimits();
        assertRefused("$.betLimits.lines", "a cascading game takes at most 10000",
                model.replace("\"max\": 10}", "\"max\": 20000}"));
        assertRefused("$.betLimits.coins", "a cascading game takes at most 100", model.replace("\"max\": 4}", "\"max\": 101}"));
        assertRefused("$.betLimits.lineBet", "the standard wager's lineBet 1 is outside this limit",
                model.replace("\"values\": [1, 3]", "\"values\": [2, 3]"));
        assertRefused("$.maxWin", "at the 10 lines that $.betLimits.lines allows",
                model.replace("\"bet\":", "\"maxWin\": 200000000, \"bet\":"));
    }

    private static void assertRefused(String path, String words, String model) {
        ModelException e = assertThrows(ModelException.class,
                () -> GameModels.load("bad.json", model.getBytes(StandardCharsets.UTF_8)));
        assertEquals(path, e.jsonPath(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    /** A stream that counts the blocks drawn from it. */
    static final class Counting extends RandomStream {
        long blocks;

        Counting() {
            super(16);
        }

        @Override
        protected void nextBlock(byte[] destination, int offset) {
            blocks++;
            java.util.Arrays.fill(destination, offset, offset + 16, (byte) blocks);
        }
    }
}

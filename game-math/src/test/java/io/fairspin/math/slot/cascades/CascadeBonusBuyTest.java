package io.fairspin.math.slot.cascades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cascading game's bonus buy ({@code "bonusBuy": {"price", "scatters"}}): the free games sold for a price, without a
 * base spin. Its exact figures against a brute force over every free spin's stop combination ({@link NaiveCascade},
 * written apart from the engine), and, with retriggers, against seeded bought rounds; the round as played, logged and
 * replayed; the refusals.
 */
class CascadeBonusBuyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Bet BUY = Bet.standard().withBonusBuy();

    /** The small cluster game (3 free games for 2 scatters, no retrigger) selling them for 35 total bets. */
    private static final String CLUSTERS_WITH_BUY = CascadeTest.SMALL_CLUSTERS.replace("\"bet\":",
            "\"bonusBuy\": {\"price\": 35, \"scatters\": 2}, \"bet\":");

    private static Game load(String model) {
        return GameModels.load("small.json", model.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The buy's RTP, hit frequency and variance per unit of price equal those of the brute force's three free games
     * (the sum of three independent free spins, each over every stop combination), divided by the price (its square
     * for the variance).
     */
    @Test
    void theBuysExactFiguresEqualABruteForceOverTheFreeSpins() throws Exception {
        NaiveCascade naive = new NaiveCascade(JSON.readTree(CLUSTERS_WITH_BUY));
        Fraction[] perTotalBet = naive.figures(naive.boughtDistribution(3));
        ExactFigures buy = load(CLUSTERS_WITH_BUY).exactFigures(BUY).orElseThrow();
        assertEquals(perTotalBet[0].divide(35), buy.rtp(), "RTP");
        assertEquals(perTotalBet[1], buy.hitFrequency(), "hit frequency");
        assertEquals(perTotalBet[2].divide(35 * 35), buy.variance(), "variance");
        assertEquals(List.of(Fraction.ONE), buy.featureFrequencies());
        assertTrue(buy.rtp().compareTo(Fraction.ZERO) > 0);
    }

    /**
     * The tumbling-ways example (10 free games for 20 total bets, retriggering): 100,000 seeded bought rounds return
     * the exact RTP within 5 standard errors, each staking 20 times the bet and starting the free games.
     */
    @Test
    void theExamplesBoughtRoundsSimulateToTheExactReturn() throws Exception {
        Game game = GameModels.load(CascadeTest.example("tumbling-ways.json"));
        ExactFigures buy = game.exactFigures(BUY).orElseThrow();
        RoundOutcome outcome = RoundOutcome.forGame(game);
        int rounds = 100_000;
        double total = 0;
        try (DrbgStream stream = CascadeTest.stream(21)) {
            for (int i = 0; i < rounds; i++) {
                game.play(BUY, stream, outcome);
                assertEquals(20 * game.stake(), outcome.stake());
                assertTrue(outcome.triggered(game.features().indexOf("free-games")));
                total += outcome.win() / (double) outcome.stake();
            }
        }
        assertEquals(buy.rtp().doubleValue(), total / rounds, 5 * Math.sqrt(buy.variance().doubleValue() / rounds));
    }

    /** par's "Bonus buy" table states the buy's figures next to the base game's RTP. */
    @Test
    void theParSheetHasABonusBuyTable() throws Exception {
        CascadeGame game = (CascadeGame) load(CLUSTERS_WITH_BUY);
        AnalysisReport.Table table = game.analyze().tables().stream().filter(t -> t.title().equals("Bonus buy"))
                .findFirst().orElseThrow();
        String rows = table.rows().toString();
        assertTrue(rows.contains(game.exactFigures(BUY).orElseThrow().rtp().toString()), rows);
        assertTrue(rows.contains(game.exactFigures().orElseThrow().rtp().toString()), rows);
        assertFalse(((CascadeGame) load(CascadeTest.SMALL_CLUSTERS)).analyze().tables().stream()
                .anyMatch(t -> t.title().equals("Bonus buy")));
    }

    /**
     * A model with a round cap has no exact figures: its simulated sheet has a "Bonus buy (simulated)" table from
     * seeded bought rounds, whose 99% interval holds the exact RTP of the same buy without the cap (a cap never
     * reached here: 1,000,000 total bets).
     */
    @Test
    void aSimulatedSheetSimulatesTheBuy() throws Exception {
        Game capped = load(CLUSTERS_WITH_BUY.replace("\"bet\":", "\"maxWin\": 200000, \"bet\":"));
        assertTrue(capped.exactFigures().isEmpty());
        AnalysisReport.Table table = ((CascadeGame) capped).analyze().tables().stream()
                .filter(t -> t.title().equals("Bonus buy (simulated)")).findFirst().orElseThrow();
        String interval = table.rows().stream().filter(r -> r.get(0).toString().contains("RTP of the bonus buy (simulated"))
                .findFirst().orElseThrow().get(1).toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9.]+) \\(([0-9.]+) \\.\\. ([0-9.]+)\\)")
                .matcher(interval);
        assertTrue(m.find(), interval);
        double exact = load(CLUSTERS_WITH_BUY).exactFigures(BUY).orElseThrow().rtp().doubleValue();
        assertTrue(Double.parseDouble(m.group(2)) <= exact && exact <= Double.parseDouble(m.group(3)),
                exact + " outside " + interval);
        assertTrue(Double.parseDouble(m.group(3)) - Double.parseDouble(m.group(2)) < 0.05 * exact, interval);
    }

    /**
     * A bought round at a chosen bet: the stake is the price times the bet, the record has free spins only and says
     * what was bought, its win is its spins', the fast path pays the same on the same draws, and a replay gives the
     * same bytes.
     */
    @Test
    void aBoughtRoundIsPlayedLoggedAndReplayed() throws Exception {
        String model = CLUSTERS_WITH_BUY.replace("\"bet\": {\"lineBet\": 1, \"lines\": 5}",
                "\"bet\": {\"lineBet\": 1, \"lines\": 5}, \"betLimits\": {\"lineBet\": {\"values\": [1, 3]},"
                        + " \"coins\": {\"min\": 1, \"max\": 4}}");
        Game game = load(model);
        Bet bet = Bet.lines(5, 3, 2).withBonusBuy();
        assertEquals(35 * 5 * 3 * 2, game.stake(bet));
        assertEquals(game.exactFigures(BUY).orElseThrow(), game.exactFigures(bet).orElseThrow(),
                "the bet per line and the coins do not change the buy's figures");
        int won = 0;
        for (int seed = 0; seed < 200; seed++) {
            PlayedRound played;
            try (DrbgStream s = CascadeTest.stream(seed)) {
                played = game.playRecorded(bet, s);
            }
            assertEquals(bet, played.bet());
            assertEquals(1050, played.outcome().stake());
            JsonNode detail = JSON.readTree(played.detail());
            assertEquals(1050, detail.get("stake").asLong());
            assertEquals(JSON.readTree("{\"price\": 35, \"freeGames\": 3}"), detail.get("bonusBuy"));
            assertEquals(3, detail.get("spins").size(), "three free games, no retrigger");
            long sum = 0;
            for (JsonNode spin : detail.get("spins")) {
                assertEquals("free", spin.get("kind").asText());
                sum += spin.get("win").asLong();
            }
            assertEquals(sum, played.outcome().win());
            assertEquals(sum, detail.get("win").asLong());
            won += sum > 0 ? 1 : 0;
            RoundOutcome fast = RoundOutcome.forGame(game);
            try (DrbgStream s = CascadeTest.stream(seed)) {
                game.play(bet, s, fast);
            }
            assertEquals(played.outcome().win(), fast.win());
            assertEquals(1050, fast.stake());
            try (DrbgStream s = CascadeTest.stream(seed)) {
                assertEquals(played.detail(), game.replay(played.bet(), played.choices(), s).detail());
            }
        }
        assertTrue(won > 50, "bought rounds that won: " + won);
    }

    /** A round that was not bought logs no "bonusBuy", and its bytes are the same as without a buy in the model. */
    @Test
    void aRoundNotBoughtIsLoggedAsBefore() throws Exception {
        Game with = load(CLUSTERS_WITH_BUY);
        Game without = load(CascadeTest.SMALL_CLUSTERS);
        for (int seed = 0; seed < 50; seed++) {
            try (DrbgStream a = CascadeTest.stream(seed); DrbgStream b = CascadeTest.stream(seed)) {
                String detail = with.playRecorded(Bet.standard(), a).detail();
                assertEquals(without.playRecorded(Bet.standard(), b).detail(), detail);
                assertFalse(detail.contains("bonusBuy"), detail);
            }
        }
    }

    /** A buy of a game that sells none, and a bought bet as a game of its own, are refused naming $.bonusBuy. */
    @Test
    void aBuyIsRefusedWhereItIsNotSold() throws Exception {
        Game without = load(CascadeTest.SMALL_CLUSTERS);
        CascadeBetsTest.Counting counting = new CascadeBetsTest.Counting();
        BetException refused = assertThrows(BetException.class, () -> without.open(BUY, counting));
        assertEquals("$.bonusBuy", refused.jsonPath(), refused.getMessage());
        assertEquals(0, counting.blocks, "drew before refusing");
        BetException notAGame = assertThrows(BetException.class, () -> load(CLUSTERS_WITH_BUY).at(BUY));
        assertEquals("$.bonusBuy", notAGame.jsonPath());
    }

    /** A bonus buy without free games, or for a scatter count that awards none, is refused naming its path. */
    @Test
    void aModelsBadBuyIsRefused() {
        ModelException noFreeGames = assertThrows(ModelException.class, () -> load(CLUSTERS_WITH_BUY
                .replace("\"freeGames\": {\"scatter\": \"s\", \"spins\": [0, 3], \"reels\": \"free\","
                        + " \"multipliers\": [2, 4, 6], \"retrigger\": false},", "")));
        assertEquals("$.bonusBuy", noFreeGames.jsonPath(), noFreeGames.getMessage());
        ModelException none = assertThrows(ModelException.class,
                () -> load(CLUSTERS_WITH_BUY.replace("\"scatters\": 2}", "\"scatters\": 1}")));
        assertEquals("$.bonusBuy.scatters", none.jsonPath(), none.getMessage());
        assertTrue(none.getMessage().contains("1 scatters award no free games"), none.getMessage());
    }
}

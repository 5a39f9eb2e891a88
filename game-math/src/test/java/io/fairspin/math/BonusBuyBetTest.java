package io.fairspin.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.respins.HoldAndWinGame;
import io.fairspin.rng.DrbgStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bought round through the {@code Game} contract: the bet says it is a buy ({@code "bonusBuy": true}); a buy on a
 * model without one, or at a bet outside the limits, is refused naming the field before anything is drawn; a bought
 * round opens, settles and replays byte for byte, its stake the price x the bet, the same on the recording and the
 * simulation paths and the same as the library's {@code playBonusBuy}; bought rounds played through the contract at
 * a chosen bet agree with the buy's exact figures at that bet.
 */
class BonusBuyBetTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The price of the model's buy (total bets), or 0 when it sells none, read from the file. */
    private static long price(Path file) throws Exception {
        JsonNode buy = JSON.readTree(Files.readAllBytes(file)).get("bonusBuy");
        return buy == null ? 0 : buy.get("price").asLong();
    }

    @Test
    void theBetsJsonSaysItIsABuy() {
        Bet bought = Bet.lines(10, 2, 1).withBonusBuy();
        assertEquals("{\"bonusBuy\":true,\"coins\":1,\"lineBet\":2,\"lines\":10}", bought.toJson());
        assertEquals(bought, Bet.fromJson(bought.toJson()));
        assertEquals(bought, Bet.fromJson("{\"lines\": 10, \"lineBet\": 2, \"bonusBuy\": true}"));
        assertNotEquals(bought, bought.withoutBonusBuy());
        assertEquals("{\"coins\":1,\"lineBet\":2,\"lines\":10}", bought.withoutBonusBuy().toJson());
        Bet standardBought = Bet.fromJson("{\"bonusBuy\": true}");
        assertTrue(standardBought.isBonusBuy());
        assertFalse(standardBought.isStandard());
        assertEquals("{\"bonusBuy\":true}", standardBought.toJson());
        assertEquals(Bet.standard(), standardBought.withoutBonusBuy());
        assertEquals(Bet.lines(20, 1, 1).withBonusBuy(), standardBought.explicit(Bet.lines(20, 1, 1)));
        assertEquals(Bet.standard(), Bet.fromJson("{\"bonusBuy\": false}"));
        assertEquals(Bet.lines(3, 5, 1), Bet.fromJson("{\"lines\": 3, \"lineBet\": 5, \"bonusBuy\": false}"));
        // The player choices carry it, and read it back.
        RoundChoices choices = new RoundChoices(bought, List.of());
        assertEquals(choices, RoundChoices.fromJson(choices.toJson()));
        assertTrue(RoundChoices.bonusBuy(choices.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertFalse(RoundChoices.bonusBuy(new RoundChoices(Bet.lines(10, 2, 1), List.of()).toJson()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertFalse(RoundChoices.bonusBuy(new byte[0]));
        assertBadJson("$.bonusBuy", "{\"lines\": 3, \"lineBet\": 5, \"bonusBuy\": \"yes\"}");
        assertBadJson("$.bonusBuy", "{\"wagers\": [{\"bet\": \"red\", \"amount\": 5}], \"bonusBuy\": true}");
        assertThrows(BetException.class, () -> Bet.wagers(Wager.of("red", 5)).withBonusBuy());
    }

    private static void assertBadJson(String path, String json) {
        BetException e = assertThrows(BetException.class, () -> Bet.fromJson(json), json);
        assertEquals(path, e.jsonPath(), e.getMessage());
    }

    /** Every example: a buy where the model sells none, or at a bet outside its limits, is refused before any draw. */
    @ParameterizedTest
    @MethodSource("io.fairspin.math.BetContractTest#models")
    void aBuyTheModelDoesNotSellOrOutsideTheLimitsIsRefusedBeforeAnyDraw(Path file) throws Exception {
        Game game = GameModels.load(file);
        Bet standard = game.standardBet();
        if (price(file) == 0) {
            for (Bet bet : standard.isLineBet() ? List.of(standard.withBonusBuy(), Bet.standard().withBonusBuy())
                    : List.of(Bet.standard().withBonusBuy())) {
                assertRefused(game, bet, "$.bonusBuy", file);
            }
            return;
        }
        assertRefused(game, Bet.lines(99, standard.lineBet(), standard.coins()).withBonusBuy(), "$.lines", file);
        assertRefused(game, Bet.lines(standard.lines(), 3, standard.coins()).withBonusBuy(), "$.lineBet", file);
        assertRefused(game, Bet.lines(standard.lines(), standard.lineBet(), 7).withBonusBuy(), "$.coins", file);
    }

    private static void assertRefused(Game game, Bet bet, String path, Path file) {
        BetContractTest.CountingStream counting = new BetContractTest.CountingStream();
        BetException e = assertThrows(BetException.class, () -> game.open(bet, counting), file + " " + bet);
        assertEquals(path, e.jsonPath(), file + " " + bet + ": " + e.getMessage());
        assertEquals(0, counting.bytes, file + ": drew before refusing " + bet);
        assertThrows(BetException.class, () -> game.stake(bet));
        assertThrows(BetException.class, () -> game.play(bet, counting, RoundOutcome.forGame(game)));
        assertEquals(0, counting.bytes, file + ": drew before refusing " + bet);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lucky-wilds.json", "coin-rush-deluxe.json"})
    void aBoughtRoundPlaysSettlesAndReplaysAtItsStake(String name) throws Exception {
        Path file = BetContractTest.root().resolve("examples").resolve(name);
        Game game = GameModels.load(file);
        long price = price(file);
        Bet standard = game.standardBet();
        for (Bet bet : List.of(Bet.standard().withBonusBuy(), standard.withBonusBuy(), Bet.lines(5, 2, 1).withBonusBuy(),
                Bet.lines(20, 10, 1).withBonusBuy())) {
            Bet explicit = bet.explicit(standard);
            assertEquals(price * explicit.total(), game.stake(bet), name + " " + bet);
            assertThrows(BetException.class, () -> game.at(bet));
            for (int seed = 0; seed < 10; seed++) {
                PlayedRound played;
                try (DrbgStream s = BetContractTest.stream(seed)) {
                    played = game.playRecorded(bet, s);
                }
                assertEquals(explicit, played.bet(), name + " " + bet);
                assertEquals(game.stake(bet), played.outcome().stake(), name + " " + bet);
                JsonNode detail = JSON.readTree(played.detail());
                assertEquals(price, detail.path("bonusBuy").path("price").asLong(), played.detail());
                assertEquals(game.stake(bet), detail.path("stake").asLong(), played.detail());
                assertEquals(played.outcome().win(), detail.path("win").asLong(), played.detail());
                assertTrue(played.roundChoices().toJson().startsWith("{\"bet\":{\"bonusBuy\":true,"),
                        played.roundChoices().toJson());
                PlayedRound again;
                try (DrbgStream s = BetContractTest.stream(seed)) {
                    again = game.replay(RoundChoices.fromJson(played.roundChoices().toJson()).bet(), played.choices(), s);
                }
                assertEquals(played.detail(), again.detail(), name + " " + bet + " seed " + seed);
                RoundOutcome fast = RoundOutcome.forGame(game);
                try (DrbgStream s = BetContractTest.stream(seed)) {
                    game.play(bet, s, fast);
                }
                assertEquals(played.outcome().stake(), fast.stake(), name + " " + bet + " seed " + seed);
                assertEquals(played.outcome().win(), fast.win(), name + " " + bet + " seed " + seed);
                for (int t = 0; t < game.winTypes().size(); t++) {
                    assertEquals(played.outcome().win(t), fast.win(t), name + " " + game.winTypes().get(t));
                }
                if (explicit.equals(standard.withBonusBuy())) {
                    // The library's own path, at the standard wager, plays the same round.
                    RoundOutcome library = RoundOutcome.forGame(game);
                    try (DrbgStream s = BetContractTest.stream(seed)) {
                        if (game instanceof SlotGame slot) {
                            slot.playBonusBuy(s, library);
                        } else {
                            ((HoldAndWinGame) game).playBonusBuy(s, library);
                        }
                    }
                    assertEquals(played.outcome().win(), library.win(), name + " seed " + seed);
                    assertEquals(played.outcome().stake(), library.stake(), name + " seed " + seed);
                }
            }
        }
    }

    /**
     * 40,000 bought rounds of each example at 20 lines of 2 through the contract ({@code play(bet, ...)}): the mean
     * return per unit of stake within 5 standard errors (exact variance) of the buy's exact RTP at that bet, and the
     * hit frequency within 5 binomial standard errors of its exact figure (each P < 1e-6 by chance). The buy's figures
     * at the standard bet are the PAR sheet's "Bonus buy" row. Negative control: 4,000 rounds of the base game at the
     * same bet, not bought, fail the same judgement (lucky-wilds' buy returns 25%, its base game 96%; coin-rush-deluxe's
     * buy always pays, its base game mostly not).
     */
    @ParameterizedTest
    @ValueSource(strings = {"lucky-wilds.json", "coin-rush-deluxe.json"})
    void boughtRoundsAgreeWithTheBuysExactFigures(String name) throws Exception {
        Game game = GameModels.load(BetContractTest.root().resolve("examples").resolve(name));
        Bet bet = Bet.lines(20, 2, 1).withBonusBuy();
        ExactFigures exact = game.exactFigures(bet).orElseThrow();
        ExactFigures atStandard = game.exactFigures(game.standardBet().withBonusBuy()).orElseThrow();
        assertEquals(buyRow((Analyzable) game), atStandard.rtp(), name);
        Fraction byType = exact.rtpByWinType().stream().reduce(Fraction.ZERO, Fraction::add);
        assertEquals(exact.rtp(), byType, name + ": the return by win type adds up");
        String verdict = judge(game, bet, exact, 40_000);
        assertEquals(null, verdict, name);
        assertNotEquals(null, judge(game, bet.withoutBonusBuy(), exact, 4_000), name + ": base rounds pass as bought");
    }

    /** Null when rounds played at {@code bet} agree with {@code exact} (RTP and hit frequency, 5 standard errors). */
    private static String judge(Game game, Bet bet, ExactFigures exact, int rounds) {
        RoundOutcome outcome = RoundOutcome.forGame(game);
        double total = 0;
        long hits = 0;
        try (DrbgStream stream = BetContractTest.stream(77)) {
            for (int i = 0; i < rounds; i++) {
                game.play(bet, stream, outcome);
                assertEquals(game.stake(bet), outcome.stake());
                total += outcome.win() / (double) outcome.stake();
                hits += outcome.win() > 0 ? 1 : 0;
            }
        }
        double mean = total / rounds;
        double se = Math.sqrt(exact.variance().doubleValue() / rounds);
        double p = exact.hitFrequency().doubleValue();
        double hitSe = Math.max(Math.sqrt(p * (1 - p) / rounds), 1e-12);
        if (Math.abs(mean - exact.rtp().doubleValue()) > 5 * se) {
            return "mean " + mean + " against the exact RTP " + exact.rtp().doubleValue() + ", se " + se;
        }
        if (Math.abs(hits / (double) rounds - p) > 5 * hitSe) {
            return "hit frequency " + hits / (double) rounds + " against the exact " + p;
        }
        return null;
    }

    private static Fraction buyRow(Analyzable game) {
        for (AnalysisReport.Table table : game.analyze().tables()) {
            if (table.title().equals("Bonus buy")) {
                for (List<AnalysisReport.Cell> row : table.rows()) {
                    if (((AnalysisReport.Cell.Text) row.get(0)).value().equals("RTP of the bonus buy")) {
                        return ((AnalysisReport.Cell.Exact) row.get(1)).value();
                    }
                }
            }
        }
        throw new AssertionError("no Bonus buy row");
    }
}

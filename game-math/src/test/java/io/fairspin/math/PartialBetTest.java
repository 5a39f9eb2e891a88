package io.fairspin.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.rng.DrbgStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A player's bet may leave out a line bet's fields ({@link Game#readBet}): each one left out is the standard wager's.
 * For every example slot, a bet naming one field alone (at the far end of its limit) is the bet that names all three,
 * the other two taken from the model file's {@code "bet"} (read here from the file, {@code coins} 1 when the file
 * leaves it out), and plays the same round on the same stream: the same detail and the same logged player choices.
 * What the rule does not loosen keeps its JSON path: unknown fields, wrong types, values outside the limits.
 */
class PartialBetTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> slots() throws Exception {
        List<Path> slots = new ArrayList<>();
        for (Path file : BetContractTest.models().toList()) {
            if (JSON.readTree(file.toFile()).path("type").asText().equals("slot")) {
                slots.add(file);
            }
        }
        return slots.stream();
    }

    @ParameterizedTest
    @MethodSource("slots")
    void aFieldLeftOutIsTheStandardWagersAndPlaysTheSameRound(Path file) throws Exception {
        Game game = BetContractTest.load(file);
        JsonNode standard = JSON.readTree(file.toFile()).get("bet");
        long[] fromFile = {standard.get("lines").asLong(), standard.get("lineBet").asLong(),
            standard.path("coins").asLong(1)};
        String[] names = {"lines", "lineBet", "coins"};
        int checked = 0;
        for (int f = 0; f < names.length; f++) {
            BetLimits.Limit limit = game.betLimits().limit(names[f]);
            if (limit == null) {
                continue;
            }
            long[] full = fromFile.clone();
            full[f] = limit.max() != fromFile[f] ? limit.max() : limit.min();
            Bet expected = Bet.lines((int) full[0], full[1], (int) full[2]);
            Bet partial = game.readBet("{\"" + names[f] + "\": " + full[f] + "}");
            assertEquals(expected, partial, file + " " + names[f]);
            for (int seed = 0; seed < 5; seed++) {
                PlayedRound fromPartial;
                PlayedRound fromFull;
                try (DrbgStream s = BetContractTest.stream(seed)) {
                    fromPartial = game.open(partial, s).settle();
                }
                try (DrbgStream s = BetContractTest.stream(seed)) {
                    fromFull = game.open(expected, s).settle();
                }
                assertEquals(fromFull.detail(), fromPartial.detail(), file + " " + partial + " seed " + seed);
                assertEquals(fromFull.roundChoices().toJson(), fromPartial.roundChoices().toJson());
                assertEquals(fromFull.outcome().stake(), fromPartial.outcome().stake());
            }
            checked++;
        }
        assertTrue(checked > 0, file + " limits no line field");
    }

    @Test
    void redWhiteBlueAtThreeCoinsIsItsStandardLineAndBetPerLine() throws Exception {
        Game game = BetContractTest.load(BetContractTest.root().resolve("examples/red-white-blue.json"));
        Bet bet = game.readBet("{\"coins\":3}");
        assertEquals("{\"coins\":3,\"lineBet\":25,\"lines\":1}", bet.toJson());
        assertEquals(75, game.stake(bet));
        assertEquals(Bet.lines(1, 25, 3).withBonusBuy(), Bet.fromJson("{\"coins\":3,\"bonusBuy\":true}",
                Bet.lines(1, 25, 1)), "a bought bet takes the defaults too");
    }

    /**
     * Video poker's standard wager is five coins (the model's {@code "coins": 5}): a bet that leaves {@code coins}
     * out plays five, as every field left out is the standard's, not one coin.
     */
    @Test
    void videoPokerLeavingCoinsOutPlaysTheStandardFive() throws Exception {
        Game game = BetContractTest.load(BetContractTest.root().resolve("examples/jacks-or-better-9-6.json"));
        Bet bet = game.readBet("{\"lines\": 1, \"lineBet\": 100}");
        assertEquals(Bet.lines(1, 100, 5), bet);
        assertEquals(500, game.stake(bet));
        assertEquals(Bet.lines(1, 25, 2), game.readBet("{\"coins\": 2}"));
    }

    @Test
    void whatTheDefaultsDoNotLoosenKeepsItsPath() throws Exception {
        Game slot = BetContractTest.load(BetContractTest.root().resolve("examples/red-white-blue.json"));
        String[][] cases = {
            {"{\"coins\": 4}", "$.coins", "outside the model's limits"},
            {"{\"coins\": \"3\"}", "$.coins", "expected an integer"},
            {"{\"coins\": 1.5}", "$.coins", "expected an integer"},
            {"{\"coins\": 0}", "$.coins", "expected an integer from 1"},
            {"{\"coin\": 3}", "$.coin", "unknown field"},
            {"{\"lines\": 2}", "$.lines", "outside the model's limits"},
            {"{\"lineBet\": 10}", "$.lineBet", "outside the model's limits"},
            {"{\"coins\": 3, \"bonusBuy\": true}", "$.bonusBuy", "no bonus buy"},
        };
        for (String[] c : cases) {
            BetException e = assertThrows(BetException.class, () -> slot.readBet(c[0]), c[0]);
            assertEquals(c[1], e.jsonPath(), c[0] + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(c[2]), c[0] + ": " + e.getMessage());
        }
        Game roulette = BetContractTest.load(BetContractTest.root().resolve("examples/roulette-european.json"));
        BetException table = assertThrows(BetException.class, () -> roulette.readBet("{\"coins\": 3}"));
        assertEquals("$.lines", table.jsonPath(), "a table game's standard wager has no lines to lend");
        BetException logged = assertThrows(BetException.class, () -> Bet.fromJson("{\"coins\": 3}"));
        assertEquals("$.lines", logged.jsonPath(), "the explicit (logged) form names its lines");
    }
}

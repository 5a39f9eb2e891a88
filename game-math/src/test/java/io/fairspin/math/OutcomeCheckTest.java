package io.fairspin.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fairspin.rng.RandomStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example model with an {@link OutcomeCheck}: rounds played from a stream and logged as the audit log logs
 * them (canonical JSON: members sorted, no whitespace) pass the check, on the bytes (the fast path) and on the
 * parsed tree alike, with the same award counts; the same rounds with a logged win one unit off are flagged.
 */
class OutcomeCheckTest {
    private static final ObjectMapper READ = new ObjectMapper();
    private static final ObjectMapper SORTED = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static Stream<Path> checkedModels() throws Exception {
        return BetContractTest.models().filter(f -> {
            try {
                return OutcomeCheck.of(GameModels.load(f)).isPresent();
            } catch (Exception e) {
                throw new IllegalStateException(f + ": " + e.getMessage(), e);
            }
        });
    }

    /** The canonical bytes of a round's detail, as the audit log's CanonicalJson writes them. */
    static byte[] canonical(String detail) throws Exception {
        return SORTED.writeValueAsBytes(READ.readValue(detail, Object.class));
    }

    @ParameterizedTest
    @MethodSource("checkedModels")
    void honestRoundsPassAndAWrongWinIsFlagged(Path file) throws Exception {
        Game game = GameModels.load(file);
        OutcomeCheck bytesCheck = OutcomeCheck.of(game).orElseThrow();
        OutcomeCheck treeCheck = OutcomeCheck.of(game).orElseThrow();
        int awards = bytesCheck.awards().size();
        long[] fromBytes = new long[awards];
        long[] fromTree = new long[awards];
        RandomStream stream = BetContractTest.stream(7);
        for (int i = 0; i < 2000; i++) {
            PlayedRound played = game.playRecorded(stream);
            byte[] logged = canonical(played.detail());
            long bet = played.outcome().stake();
            long win = played.outcome().win();
            String where = file.getFileName() + " round " + i + ": " + new String(logged, StandardCharsets.UTF_8);
            assertNull(bytesCheck.check(logged, bet, win, fromBytes), where);
            // Not canonical (indented), so a slot's check decides it on the parsed tree, not on its fast path.
            byte[] indented = READ.writerWithDefaultPrettyPrinter().writeValueAsBytes(READ.readTree(logged));
            assertNull(treeCheck.check(indented, bet, win, fromTree), where);
            String wrong = bytesCheck.check(logged, bet, win + 1, new long[awards]);
            assertNotNull(wrong, where);
            assertTrue(wrong.startsWith("win: logged " + (win + 1)), wrong);
        }
        assertArrayEquals(fromTree, fromBytes, file.getFileName().toString());
        assertEquals(awards, bytesCheck.awardsPerRound().size());
    }

    /** A table game's logged round with one field of its outcome changed (a draw, a card), the win kept. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "roulette-european.json|pocket",
        "baccarat.json|player",
        "three-card-poker.json|dealer",
        "keno.json|drawn",
        "craps.json|rolls",
        "jacks-or-better-9-6.json|final"})
    void aTableRoundWhoseDrawsWereChangedIsFlagged(String name, String field) throws Exception {
        Game game = GameModels.load(BetContractTest.root().resolve("examples").resolve(name));
        OutcomeCheck check = OutcomeCheck.of(game).orElseThrow();
        RandomStream stream = BetContractTest.stream(11);
        int flagged = 0;
        for (int i = 0; i < 200; i++) {
            PlayedRound played = game.playRecorded(stream);
            com.fasterxml.jackson.databind.node.ObjectNode outcome =
                    (com.fasterxml.jackson.databind.node.ObjectNode) READ.readTree(canonical(played.detail()));
            JsonNode value = outcome.get(field);
            com.fasterxml.jackson.databind.node.ObjectNode changed = outcome.deepCopy();
            if (value.isTextual()) {
                // a pocket: the next one on the wheel's numbering
                changed.put(field, String.valueOf((Integer.parseInt(value.asText().equals("00") ? "0" : value.asText()) + 1) % 37));
            } else if (value.get(0).isArray()) {
                // craps: the first roll's first die
                com.fasterxml.jackson.databind.node.ArrayNode roll = (com.fasterxml.jackson.databind.node.ArrayNode) changed.get(field).get(0);
                roll.set(0, roll.get(0).asInt() % 6 + 1);
            } else if (value.get(0).isInt()) {
                // keno: a ball drawn, replaced by one not drawn
                java.util.Set<Integer> drawn = new java.util.HashSet<>();
                value.forEach(b -> drawn.add(b.asInt()));
                int other = 1;
                while (drawn.contains(other)) {
                    other++;
                }
                ((com.fasterxml.jackson.databind.node.ArrayNode) changed.get(field)).set(0, other);
            } else {
                // a card: another rank of the same suit
                String card = value.get(value.size() - 1).asText();
                String ranks = "A23456789TJQK";
                String other = "" + ranks.charAt((ranks.indexOf(card.charAt(0)) + 5) % 13) + card.charAt(1);
                ((com.fasterxml.jackson.databind.node.ArrayNode) changed.get(field)).set(value.size() - 1, other);
            }
            assertNotNull(check.check(READ.writeValueAsBytes(withReturnedPlusOne(outcome.deepCopy())), new byte[0],
                    played.outcome().stake(), played.outcome().win(), new long[0]), name + ": a changed return");
            byte[] honest = READ.writeValueAsBytes(outcome);
            byte[] tampered = READ.writeValueAsBytes(changed);
            long bet = played.outcome().stake();
            long win = played.outcome().win();
            assertNull(check.check(honest, new byte[0], bet, win, new long[0]), name + " round " + i);
            String problem = check.check(tampered, new byte[0], bet, win, new long[0]);
            if (problem != null) {
                flagged++;
                assertTrue(problem.startsWith("$.outcome") || problem.startsWith("bet:") || problem.startsWith("win:"),
                        problem);
            }
        }
        // A changed draw is flagged when the round played on it differs from the logged one (a bet's return, a
        // total, a hand); one that changes nothing the round shows (a losing pocket for another) is a consistent
        // round, which only audit replay (from the seed) can tell.
        System.out.println(name + ": " + field + " changed, flagged in " + flagged + " of 200 rounds");
        assertTrue(flagged > 0, name + ": " + flagged);
    }

    /** The outcome with its first "returned" amount one more. */
    private static JsonNode withReturnedPlusOne(com.fasterxml.jackson.databind.node.ObjectNode outcome) {
        if (outcome.has("returned")) {
            return outcome.put("returned", outcome.get("returned").asLong() + 1);
        }
        com.fasterxml.jackson.databind.node.ObjectNode bet = (com.fasterxml.jackson.databind.node.ObjectNode) outcome.get("bets").get(0);
        bet.put("returned", bet.get("returned").asLong() + 1);
        return outcome;
    }

    /** Video poker played with the player's own holds: the logged choices are played again; a changed hold is not. */
    @org.junit.jupiter.api.Test
    void aHandPlayedWithDecisionsIsCheckedWithItsLoggedChoices() throws Exception {
        Game game = GameModels.load(BetContractTest.root().resolve("examples").resolve("jacks-or-better-9-6.json"));
        OutcomeCheck check = OutcomeCheck.of(game).orElseThrow();
        RandomStream stream = BetContractTest.stream(12);
        for (int i = 0; i < 100; i++) {
            Round round = game.open(game.standardBet(), stream);
            round.act(Decision.of("hold", i % 2 == 0 ? new int[] {0, 1} : new int[] {}));
            PlayedRound played = round.result();
            byte[] choices = played.roundChoices().toJson().getBytes(StandardCharsets.UTF_8);
            byte[] logged = canonical(played.detail());
            long bet = played.outcome().stake();
            long win = played.outcome().win();
            assertNull(check.check(logged, choices, bet, win, new long[0]), new String(logged, StandardCharsets.UTF_8));
            byte[] otherHold = new RoundChoices(played.bet(), java.util.List.of(Decision.of("hold", 4)))
                    .toJson().getBytes(StandardCharsets.UTF_8);
            assertNotNull(check.check(logged, otherHold, bet, win, new long[0]));
        }
    }
}

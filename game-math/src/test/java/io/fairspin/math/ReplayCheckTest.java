package io.fairspin.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.rng.RandomStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The outcome checks of cascading and hold-and-win slots on logged rounds with one thing changed: each change is
 * flagged with the JSON path (or the message) of what the model cannot produce, and the same round unchanged passes.
 */
class ReplayCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A logged round: its outcome tree (canonical), bet, win and player choices. */
    private record Logged(ObjectNode outcome, long bet, long win, byte[] choices) {
        Logged with(ObjectNode changed) {
            return new Logged(changed, bet, win, choices);
        }

        Logged withWin(long other) {
            return new Logged(outcome, bet, other, choices);
        }
    }

    private static Game load(String name) throws Exception {
        return GameModels.load(BetContractTest.root().resolve("examples").resolve(name));
    }

    /** A game from an example's JSON edited by {@code edit}. */
    private static Game edited(String name, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(BetContractTest.root().resolve("examples").resolve(name).toFile());
        edit.accept(root);
        Path file = Files.createTempFile("edited-", ".json");
        file.toFile().deleteOnExit();
        Files.writeString(file, root.toString());
        return GameModels.load(file);
    }

    /** The first of the first 20,000 rounds played at {@code bet} (null: the standard wager) that {@code wanted} takes. */
    private static Logged find(Game game, Bet bet, Predicate<JsonNode> wanted) throws Exception {
        RandomStream stream = BetContractTest.stream(5);
        for (int i = 0; i < 20_000; i++) {
            PlayedRound played = bet == null ? game.playRecorded(stream) : game.playRecorded(bet, stream);
            ObjectNode outcome = (ObjectNode) JSON.readTree(OutcomeCheckTest.canonical(played.detail()));
            if (wanted.test(outcome)) {
                byte[] choices = bet == null ? new byte[0]
                        : played.roundChoices().toJson().getBytes(StandardCharsets.UTF_8);
                Logged logged = new Logged(outcome, played.outcome().stake(), played.outcome().win(), choices);
                assertNull(check(game, logged), "the honest round: " + outcome);
                return logged;
            }
        }
        throw new AssertionError("no such round in 20,000");
    }

    private static String check(Game game, Logged logged) throws Exception {
        return OutcomeCheck.of(game).orElseThrow().check(JSON.writeValueAsBytes(logged.outcome()), logged.choices(),
                logged.bet(), logged.win(), new long[OutcomeCheck.of(game).orElseThrow().awards().size()]);
    }

    private static void assertFlagged(Game game, Logged logged, String expected) throws Exception {
        String problem = check(game, logged);
        assertTrue(problem != null && problem.contains(expected), "expected '" + expected + "' in: " + problem);
    }

    // ---- cascades ----

    private static ObjectNode spin(Logged logged, int i) {
        return (ObjectNode) logged.outcome().get("spins").get(i);
    }

    @Test
    void aCascadeRoundWithAChangedWindowSymbolIsFlagged() throws Exception {
        Game game = load("cascade-clusters.json");
        Logged logged = find(game, null, o -> true);
        ObjectNode changed = logged.outcome().deepCopy();
        ArrayNode row = (ArrayNode) changed.get("spins").get(0).get("cascades").get(0).get("window").get(2);
        row.set(3, row.get(3).asText().equals("ruby") ? "pearl" : "ruby");
        assertFlagged(game, logged.with(changed), "differs from the logged one at $.outcome.spins[0].cascades[0].window[2][3]");
    }

    @Test
    void aCascadeRoundWithAChangedStopIsFlagged() throws Exception {
        Game game = load("tumbling-ways.json");
        Logged logged = find(game, null, o -> true);
        ObjectNode changed = logged.outcome().deepCopy();
        ArrayNode stops = (ArrayNode) changed.get("spins").get(0).get("stops");
        stops.set(1, stops.get(1).asInt() > 0 ? stops.get(1).asInt() - 1 : 1);
        assertFlagged(game, logged.with(changed), "differs from the logged one at $.outcome.spins[0]");
        stops.set(1, 10_000);
        assertFlagged(game, logged.with(changed), "$.outcome.spins[0].stops[1]: expected a stop in [0, ");
        ObjectNode free = logged.outcome().deepCopy();
        ((ObjectNode) free.get("spins").get(0)).put("reelSet", "free");
        assertFlagged(game, logged.with(free), "$.outcome.spins[0].reelSet: 'free' is not a reel set this spin can use");
    }

    @Test
    void aCascadeRoundWithARemovedStepOrAChangedMultiplierIsFlagged() throws Exception {
        Game game = load("cascade-clusters.json");
        Logged logged = find(game, null, o -> o.get("spins").get(0).get("cascades").size() >= 3);
        ObjectNode removed = logged.outcome().deepCopy();
        ((ArrayNode) removed.get("spins").get(0).get("cascades")).remove(1);
        assertFlagged(game, logged.with(removed), "at $.outcome.spins[0].cascades[1]");
        ObjectNode multiplied = logged.outcome().deepCopy();
        ObjectNode step = (ObjectNode) multiplied.get("spins").get(0).get("cascades").get(1);
        step.put("multiplier", step.get("multiplier").asLong() + 1);
        assertFlagged(game, logged.with(multiplied), "at $.outcome.spins[0].cascades[1].multiplier");
    }

    @Test
    void aCascadeRoundWithAFreeGameTooManyOrTooFewIsFlagged() throws Exception {
        Game game = load("tumbling-ways.json");
        Logged logged = find(game, null, o -> o.get("spins").size() > 1);
        int spins = logged.outcome().get("spins").size();
        ObjectNode more = logged.outcome().deepCopy();
        ((ArrayNode) more.get("spins")).add(spin(logged, spins - 1).deepCopy());
        assertFlagged(game, logged.with(more), "at $.outcome.spins (" + (spins + 1) + " elements logged, " + spins
                + " evaluated)");
        ObjectNode fewer = logged.outcome().deepCopy();
        ((ArrayNode) fewer.get("spins")).remove(spins - 1);
        assertFlagged(game, logged.with(fewer), "the round draws more than its outcome logs");
        ObjectNode awarded = logged.outcome().deepCopy();
        ((ObjectNode) awarded.get("spins").get(0)).put("freeGames", spin(logged, 0).get("freeGames").asLong() + 1);
        assertFlagged(game, logged.with(awarded), "at $.outcome.spins[0].freeGames");
    }

    @Test
    void aCascadeRoundsStakeMustBeTheBetsAndItsWinWithinTheCap() throws Exception {
        Game game = edited("cascade-clusters.json", m -> m.put("maxWin", 2));
        Logged capped = find(game, null, o -> o.get("spins").get(0).get("win").asLong() > 2 * 20);
        assertEquals(40, capped.win(), "the round's win cut to the cap: 2 total bets of 20");
        ObjectNode raised = capped.outcome().deepCopy();
        raised.put("win", spin(capped, 0).get("win").asLong());
        assertFlagged(game, capped.with(raised).withWin(spin(capped, 0).get("win").asLong()), "at $.outcome.win");
        assertFlagged(game, capped.withWin(41), "win: logged 41, the model pays 40");
        ObjectNode staked = capped.outcome().deepCopy();
        staked.put("stake", 40);
        assertFlagged(game, new Logged(staked, 40, capped.win(), capped.choices()), "at $.outcome.stake");
        assertFlagged(game, new Logged(capped.outcome(), 40, capped.win(), capped.choices()),
                "bet: logged 40, the outcome's stake is 20");
        Logged coins = find(game, Bet.lines(20, 2, 3), o -> true);
        assertEquals(120, coins.bet());
        assertFlagged(game, new Logged(coins.outcome(), coins.bet(), coins.win(), new byte[0]), "at $.outcome.lineBet");
        byte[] bought = new RoundChoices(game.standardBet().withBonusBuy(), java.util.List.of()).toJson()
                .getBytes(StandardCharsets.UTF_8);
        assertFlagged(game, new Logged(capped.outcome(), capped.bet(), capped.win(), bought),
                "player_choices: the bet buys the feature ($.bet.bonusBuy), the outcome is not a bought round");
    }

    /**
     * A bought cascade round (tumbling-ways sells its free games): checked on its free spins' draws with its logged
     * choices; without them, with another price, or with a changed stop it is flagged.
     */
    @Test
    void aBoughtCascadeRoundIsCheckedWithItsChoices() throws Exception {
        Game game = load("tumbling-ways.json");
        Logged bought = find(game, game.standardBet().withBonusBuy(), o -> o.path("win").asLong() > 0);
        assertTrue(bought.outcome().has("bonusBuy"), bought.outcome().toString());
        assertEquals("free", spin(bought, 0).get("kind").asText());
        assertFlagged(game, new Logged(bought.outcome(), bought.bet(), bought.win(), new byte[0]),
                "$.outcome.bonusBuy: a bought round, but the logged bet does not buy the feature");
        ObjectNode priced = bought.outcome().deepCopy();
        ((ObjectNode) priced.get("bonusBuy")).put("price", 1);
        assertFlagged(game, bought.with(priced), "at $.outcome.bonusBuy.price");
        ObjectNode moved = bought.outcome().deepCopy();
        ArrayNode stops = (ArrayNode) ((ObjectNode) moved.get("spins").get(0)).get("stops");
        stops.set(0, (stops.get(0).asInt() + 1) % 16);
        assertTrue(check(game, bought.with(moved)) != null, "a changed stop of a bought free game");
    }

    // ---- hold-and-win ----

    private static boolean respinLanding(JsonNode o) {
        JsonNode feature = o.path("holdAndWin");
        return feature.isObject() && feature.get("respins").size() > 1
                && !feature.get("respins").get(0).get("landed").isEmpty();
    }

    @Test
    void aHoldAndWinCoinOfAValueTheModelCannotGiveIsFlagged() throws Exception {
        Game game = load("coin-rush.json");
        Logged logged = find(game, null, ReplayCheckTest::respinLanding);
        ObjectNode changed = logged.outcome().deepCopy();
        ((ObjectNode) changed.get("holdAndWin").get("coins").get(0)).put("value", 4);
        assertFlagged(game, logged.with(changed), "$.outcome.holdAndWin.coins[0]: a coin of value 4 is not one the model's"
                + " value table gives");
        ObjectNode jackpot = logged.outcome().deepCopy();
        ((ObjectNode) jackpot.get("holdAndWin").get("respins").get(0).get("landed").get(0)).put("jackpot", "mini");
        assertFlagged(game, logged.with(jackpot), "$.outcome.holdAndWin.respins[0].landed[0]: a coin of value");
        ObjectNode other = logged.outcome().deepCopy();
        ObjectNode coin = (ObjectNode) other.get("holdAndWin").get("coins").get(0);
        coin.put("value", coin.get("value").asLong() == 1 ? 2 : 1);
        assertFlagged(game, logged.with(other), "at $.outcome.win: logged " + logged.win());
    }

    @Test
    void aHoldAndWinCoinLandingOnAHeldCellIsFlagged() throws Exception {
        Game game = load("coin-rush.json");
        Logged logged = find(game, null, ReplayCheckTest::respinLanding);
        ObjectNode changed = logged.outcome().deepCopy();
        JsonNode start = changed.get("holdAndWin").get("coins").get(0);
        ObjectNode landed = (ObjectNode) changed.get("holdAndWin").get("respins").get(0).get("landed").get(0);
        landed.put("reel", start.get("reel").asInt()).put("row", start.get("row").asInt());
        assertFlagged(game, logged.with(changed), "$.outcome.holdAndWin.respins[0].landed[0]: a coin landed on a cell"
                + " already held (reel " + start.get("reel").asInt() + ", row " + start.get("row").asInt() + ")");
        ObjectNode stopped = logged.outcome().deepCopy();
        ((ArrayNode) stopped.get("base").get("spins").get(0).get("stops")).set(0, 10_000);
        assertFlagged(game, logged.with(stopped), "$.outcome.base.spins[0].stops[0]: expected a stop in [0, ");
    }

    @Test
    void aHoldAndWinCoinLandingWhereNoneCanLandIsFlagged() throws Exception {
        // No coin lands on row 0 in this edit of coin-rush.
        Game game = edited("coin-rush.json", m -> ((ObjectNode) m.get("holdAndWin").get("landing")).set("coin",
                JSON.valueToTree(new int[][] {{0, 0, 0, 0, 0}, {1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}})));
        Logged logged = find(game, null, o -> respinLanding(o) && o.get("holdAndWin").get("coins").size() < 15
                && free(o, 0) >= 0);
        ObjectNode changed = logged.outcome().deepCopy();
        ObjectNode landed = (ObjectNode) changed.get("holdAndWin").get("respins").get(0).get("landed").get(0);
        landed.put("reel", free(logged.outcome(), 0)).put("row", 0);
        assertFlagged(game, logged.with(changed), "entry 0 has weight 0");
    }

    /** A reel whose cell on {@code row} holds no start coin, or -1. */
    private static int free(JsonNode o, int row) {
        for (int reel = 0; reel < 5; reel++) {
            boolean held = false;
            for (JsonNode c : o.get("holdAndWin").get("coins")) {
                held |= c.get("reel").asInt() == reel && c.get("row").asInt() == row;
            }
            if (!held) {
                return reel;
            }
        }
        return -1;
    }

    @Test
    void aHoldAndWinRespinCounterThatDoesNotResetIsFlagged() throws Exception {
        Game game = load("coin-rush.json");
        Logged logged = find(game, null, o -> respinLanding(o) && o.get("holdAndWin").get("respins").get(0)
                .get("respinsLeft").asInt() == 3);
        ObjectNode changed = logged.outcome().deepCopy();
        ((ObjectNode) changed.get("holdAndWin").get("respins").get(0)).put("respinsLeft", 2);
        assertFlagged(game, logged.with(changed), "at $.outcome.holdAndWin.respins[0].respinsLeft: logged 2, evaluated 3");
        ObjectNode shorter = logged.outcome().deepCopy();
        ((ArrayNode) shorter.get("holdAndWin").get("respins")).remove(shorter.get("holdAndWin").get("respins").size() - 1);
        assertFlagged(game, logged.with(shorter), "the round draws more than its outcome logs");
    }

    @Test
    void aHoldAndWinGrandOnANonFullScreenIsFlagged() throws Exception {
        Game game = load("coin-rush.json");
        Logged logged = find(game, null, o -> o.path("holdAndWin").isObject());
        ObjectNode changed = logged.outcome().deepCopy();
        ((ObjectNode) changed.get("holdAndWin")).put("full", true);
        assertFlagged(game, logged.with(changed), "at $.outcome.holdAndWin.full: logged true, evaluated false");
        long grand = 1000 * logged.bet();
        ((ObjectNode) changed.get("holdAndWin")).put("amount", changed.get("holdAndWin").get("amount").asLong() + grand);
        changed.put("win", logged.win() + grand);
        assertFlagged(game, logged.with(changed).withWin(logged.win() + grand), "at $.outcome.win");
    }

    @Test
    void aCappedHoldAndWinRoundWhoseWinExceedsTheCapIsFlagged() throws Exception {
        // coin-rush with numbers in place of its jackpots and a cap of 30 total bets: the round ends at the cap.
        Game game = edited("coin-rush.json", m -> {
            m.remove("jackpots");
            ObjectNode feature = (ObjectNode) m.get("holdAndWin");
            feature.put("grand", 1000);
            ((ObjectNode) feature.get("values")).set("values", JSON.valueToTree(new int[] {1, 2, 3, 5, 10, 25, 20, 100}));
            m.put("maxWin", 30);
        });
        Logged capped = find(game, null, o -> o.has("maxWinReached"));
        assertEquals(30 * capped.bet(), capped.win());
        ObjectNode raised = capped.outcome().deepCopy();
        long more = capped.win() + 5 * capped.bet();
        raised.put("win", more);
        assertFlagged(game, capped.with(raised).withWin(more), "at $.outcome.win: logged " + more);
        ObjectNode uncapped = capped.outcome().deepCopy();
        uncapped.remove("maxWinReached");
        assertFlagged(game, capped.with(uncapped), "at $.outcome.maxWinReached (missing)");
    }

    /**
     * coin-rush-capped at a cap of 30 total bets: with its progressive jackpot a capped round plays on after the cap (its
     * record lists every coin, those past the cap paying nothing); the honest round whose feature the cap cut passes the
     * check, the same round with a raised win is flagged.
     */
    @Test
    void aCappedHoldAndWinRoundWithAProgressiveJackpotPlaysOnAndIsChecked() throws Exception {
        Game game = edited("coin-rush-capped.json", m -> m.put("maxWin", 30));
        Logged capped = find(game, null, o -> o.has("maxWinReached") && o.path("holdAndWin").path("amount").asLong()
                < sum(o.path("holdAndWin")) * o.get("stake").asLong());
        assertEquals(30 * capped.bet(), capped.win());
        ObjectNode raised = capped.outcome().deepCopy();
        long more = capped.win() + capped.bet();
        raised.put("win", more);
        assertFlagged(game, capped.with(raised).withWin(more), "at $.outcome.win: logged " + more);
    }

    /** The values of every coin a logged feature lists, in total bets. */
    private static long sum(JsonNode feature) {
        long sum = 0;
        for (JsonNode coin : feature.path("coins")) {
            sum += coin.get("value").asLong();
        }
        for (JsonNode respin : feature.path("respins")) {
            for (JsonNode coin : respin.get("landed")) {
                sum += coin.get("value").asLong();
            }
        }
        return sum;
    }

    @Test
    void aBoughtHoldAndWinRoundIsCheckedWithItsChoices() throws Exception {
        Game game = load("coin-rush-deluxe.json");
        Bet buy = game.standardBet().withBonusBuy();
        Logged bought = find(game, buy, o -> true);
        assertTrue(bought.outcome().has("bonusBuy") && !bought.outcome().has("base"), bought.outcome().toString());
        assertFlagged(game, new Logged(bought.outcome(), bought.bet(), bought.win(), new byte[0]),
                "$.outcome.bonusBuy: a bought round, but the logged bet does not buy the feature");
        ObjectNode priced = bought.outcome().deepCopy();
        ((ObjectNode) priced.get("bonusBuy")).put("price", 1);
        assertFlagged(game, bought.with(priced), "at $.outcome.bonusBuy.price");
        ObjectNode twice = bought.outcome().deepCopy();
        ArrayNode coins = (ArrayNode) twice.get("holdAndWin").get("coins");
        ((ObjectNode) coins.get(1)).put("reel", coins.get(0).get("reel").asInt()).put("row", coins.get(0).get("row").asInt());
        assertFlagged(game, bought.with(twice), "$.outcome.holdAndWin.coins[1]: a second coin on its cell");
        Logged base = find(game, null, o -> true);
        byte[] buying = new RoundChoices(buy, java.util.List.of()).toJson().getBytes(StandardCharsets.UTF_8);
        assertFlagged(game, new Logged(base.outcome(), base.bet(), base.win(), buying),
                "player_choices: the bet buys the feature");
    }

    @Test
    void aCollectedCoinIsCheckedAgainstTheValueTable() throws Exception {
        Game game = load("coin-rush-collect.json");
        Logged logged = find(game, null, o -> o.path("collect").isObject());
        ObjectNode changed = logged.outcome().deepCopy();
        ((ObjectNode) changed.get("collect").get("coins").get(0)).put("value", 7);
        assertFlagged(game, logged.with(changed), "$.outcome.collect.coins[0]: a coin of value 7 is not one");
        ObjectNode dropped = logged.outcome().deepCopy();
        dropped.remove("collect");
        assertFlagged(game, logged.with(dropped), "$.outcome");
    }

    /**
     * The awards a hold-and-win check counts from the base spins of logged rounds are those the game itself counts
     * when it plays the same rounds on the simulation path ({@link RoundOutcome#countAwards}), draw for draw.
     */
    @Test
    void aHoldAndWinCheckCountsTheAwardsTheGameCounts() throws Exception {
        Game game = load("coin-rush-deluxe.json");
        OutcomeCheck check = OutcomeCheck.of(game).orElseThrow();
        int awards = check.awards().size();
        assertTrue(awards > 0 && awards == check.awardsPerRound().size());
        long[] counted = new long[awards];
        RandomStream recorded = BetContractTest.stream(9);
        for (int i = 0; i < 3000; i++) {
            PlayedRound played = game.playRecorded(recorded);
            assertNull(check.check(OutcomeCheckTest.canonical(played.detail()), played.outcome().stake(),
                    played.outcome().win(), counted));
        }
        long[] played = new long[awards];
        RoundOutcome outcome = RoundOutcome.forGame(game);
        outcome.countAwards(awards);
        RandomStream stream = BetContractTest.stream(9);
        for (int i = 0; i < 3000; i++) {
            game.play(stream, outcome);
            for (int a = 0; a < awards; a++) {
                played[a] += outcome.awards(a);
            }
        }
        assertTrue(java.util.Arrays.stream(played).sum() > 100);
        org.junit.jupiter.api.Assertions.assertArrayEquals(played, counted);
    }
}

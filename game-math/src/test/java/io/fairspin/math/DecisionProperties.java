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
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Rounds with decisions, driven by a random player that mixes legal and illegal decisions: an illegal
 * decision is refused with {@link IllegalDecisionException} and leaves the round exactly as it was (the same
 * pending decision, the same choices, and the same round afterwards as if it had never been tried); an
 * abandoned round settles with the model's defaults.
 */
class DecisionProperties {
    private static final List<String> GAMES = List.of("jacks-or-better-9-6.json", "blackjack.json",
            "treasure-pick.json", "red-white-blue.json");
    private static final List<String> ACTIONS = List.of("hold", "hit", "stand", "double", "split", "surrender",
            "insure", "decline", "continue", "pick", "gamble", "collect", "fold");
    private static final Map<String, Game> LOADED = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Game game(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            try {
                return GameModels.load(Path.of("..", "examples", n));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A random decision: a known or unknown action with 0 to 3 values from -1 to 5. */
    static Decision randomDecision(Random random, PendingDecision pending) {
        if (random.nextInt(3) == 0 && pending.advice().isPresent()) {
            return pending.advice().get();
        }
        int[] values = new int[random.nextInt(4)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(7) - 1;
        }
        String action = random.nextBoolean() ? pending.actions().get(random.nextInt(pending.actions().size()))
                : ACTIONS.get(random.nextInt(ACTIONS.size()));
        return Decision.of(action, values);
    }

    @Property(tries = 150)
    void anIllegalDecisionLeavesTheRoundUnchanged(@ForAll @IntRange(min = 0, max = 3) int which,
            @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Game game = game(GAMES.get(which));
        Bet bet = game.standardBet();
        Random random = new Random(seed);
        List<Decision> legal = new ArrayList<>();
        PlayedRound played;
        try (DrbgStream stream = BetContractTest.stream(seed)) {
            Round round = game.open(bet, stream);
            while (!round.isSettled()) {
                PendingDecision before = round.pending().get();
                List<Decision> choicesBefore = round.choices();
                Decision decision = randomDecision(random, before);
                boolean allowed;
                try {
                    before.check(decision);
                    allowed = true;
                } catch (IllegalDecisionException e) {
                    allowed = false;
                }
                if (allowed) {
                    round.act(decision);
                    legal.add(decision);
                } else {
                    assertThrows(IllegalDecisionException.class, () -> round.act(decision));
                    assertEquals(Optional.of(before), round.pending());
                    assertEquals(choicesBefore, round.choices());
                    assertThrows(IllegalStateException.class, round::result);
                }
            }
            played = round.result();
        }
        assertEquals(legal, played.choices());
        try (DrbgStream stream = BetContractTest.stream(seed)) {
            PlayedRound onlyLegal = game.replay(bet, legal, stream);
            assertEquals(played.detail(), onlyLegal.detail(), "the refused decisions left no trace");
            assertEquals(played.outcome().win(), onlyLegal.outcome().win());
        }
    }

    @Test
    void aSettledRoundRefusesEveryDecision() {
        Game game = game("jacks-or-better-9-6.json");
        try (DrbgStream stream = BetContractTest.stream(3)) {
            Round round = game.open(game.standardBet(), stream);
            round.act(Decision.of("hold", 0, 1, 2, 3, 4));
            PlayedRound settled = round.result();
            IllegalDecisionException e = assertThrows(IllegalDecisionException.class,
                    () -> round.act(Decision.of("hold")));
            assertTrue(e.getMessage().startsWith("the round is settled"), e.getMessage());
            assertEquals(settled, round.result());
        }
    }

    @Test
    void abandonedRoundsSettleByTheModelsDefaults() throws Exception {
        int blackjackStood = 0;
        for (int seed = 0; seed < 200; seed++) {
            for (String name : GAMES) {
                Game game = game(name);
                try (DrbgStream stream = BetContractTest.stream(seed)) {
                    Round round = game.open(game.standardBet(), stream);
                    List<PendingDecision> asked = new ArrayList<>();
                    while (!round.isSettled()) {
                        asked.add(round.pending().get());
                        round.act(round.pending().get().byDefault());
                    }
                    PlayedRound defaults = round.result();
                    try (DrbgStream again = BetContractTest.stream(seed)) {
                        assertEquals(defaults, game.open(game.standardBet(), again).settle());
                    }
                    JsonNode detail = JSON.readTree(defaults.detail());
                    for (PendingDecision pending : asked) {
                        switch (pending.step()) {
                            case "hold" -> assertEquals(Decision.of("hold"), pending.byDefault());
                            case "hand" -> assertEquals(Decision.of("stand"), pending.byDefault());
                            case "insurance" -> assertEquals(Decision.of("decline"), pending.byDefault());
                            case "pick" -> assertEquals(Decision.of("pick", pending.values().get(0)),
                                    pending.byDefault());
                            case "gamble" -> assertEquals(Decision.of("collect"), pending.byDefault());
                            default -> throw new AssertionError("unexpected step " + pending.step());
                        }
                    }
                    if (name.equals("blackjack.json") && asked.stream().anyMatch(p -> p.step().equals("hand"))) {
                        blackjackStood++;
                        assertEquals(2, detail.get("hands").get(0).get("cards").size(), "stood on two cards: " + detail);
                    }
                    if (name.equals("jacks-or-better-9-6.json")) {
                        assertEquals(0, detail.get("held").size());
                    }
                    if (name.equals("treasure-pick.json")) {
                        for (JsonNode bonus : detail.get("spins").get(0).get("bonuses")) {
                            assertEquals(0, bonus.get("picked").get(0).asInt());
                        }
                    }
                }
            }
        }
        assertTrue(blackjackStood > 100, "blackjack hands decided: " + blackjackStood);
    }

    /**
     * The double-up of {@code red-white-blue.json}: a right guess doubles the round's win, a wrong one loses it
     * and ends the gamble, at most five times; the built-in player and an abandoned round collect.
     */
    @Test
    void aGambleDoublesOrLosesTheWin() throws Exception {
        Game game = game("red-white-blue.json");
        int gambles = 0;
        int right = 0;
        for (int seed = 0; seed < 3000; seed++) {
            try (DrbgStream stream = BetContractTest.stream(seed)) {
                Round round = game.open(game.standardBet(), stream);
                if (round.isSettled()) {
                    assertEquals(0, round.result().outcome().win());
                    continue;
                }
                long win = JSON.readTree(round.pending().get().view()).get("win").asLong();
                assertEquals(Optional.of(Decision.of("collect")), round.pending().get().advice());
                while (!round.isSettled()) {
                    round.act(Decision.of("gamble", seed % 2));
                }
                PlayedRound played = round.result();
                JsonNode steps = JSON.readTree(played.detail()).get("gamble");
                assertTrue(steps.size() >= 1 && steps.size() <= 5, played.detail());
                for (JsonNode step : steps) {
                    gambles++;
                    boolean won = step.get("guess").asInt() == step.get("card").asInt();
                    right += won ? 1 : 0;
                    win = won ? 2 * win : 0;
                    assertEquals(win, step.get("win").asLong(), played.detail());
                }
                assertEquals(win, played.outcome().win());
                assertTrue(win == 0 || steps.size() == 5, "gambled until lost or five times: " + played.detail());
            }
        }
        assertTrue(gambles > 100, "gambles: " + gambles);
        // The card is uniform(2): right guesses are binomial(gambles, 1/2); 5 standard deviations either side.
        double sd = Math.sqrt(gambles / 4.0);
        assertTrue(Math.abs(right - gambles / 2.0) < 5 * sd, right + " right of " + gambles);
    }
}

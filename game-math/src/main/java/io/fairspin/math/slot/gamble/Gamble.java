package io.fairspin.math.slot.gamble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.Decision;
import io.fairspin.math.ModelException;
import io.fairspin.math.PendingDecision;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.TapedRound;
import io.fairspin.math.slot.SpinResult;
import io.fairspin.rng.RandomStream;
import java.util.List;
import java.util.Optional;

/**
 * The double-up a slot model may offer after a winning round ({@code "gamble": {"maxRounds": n}}): up to
 * {@code maxRounds} times the player collects or guesses the colour of a card (0 red, 1 black), drawn as
 * uniform(2); a right guess doubles every win of the round, a wrong one loses it and ends the gamble.
 */
public final class Gamble {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The most double-ups after a winning round; 0 without a gamble. */
    private final int rounds;

    private Gamble(int rounds) {
        this.rounds = rounds;
    }

    /**
     * The gamble of a model document: none (0 rounds) when it has no {@code "gamble"}.
     *
     * @param file the model file's name, for messages
     * @param root the model document
     * @return the gamble
     * @throws ModelException naming {@code $.gamble} or {@code $.gamble.maxRounds} when it is malformed
     */
    public static Gamble read(String file, JsonNode root) {
        JsonNode gamble = root.get("gamble");
        if (gamble == null) {
            return new Gamble(0);
        }
        if (!gamble.isObject() || gamble.size() != 1 || !gamble.has("maxRounds")) {
            throw new ModelException(file, "$.gamble", "expected {\"maxRounds\": n}, the most double-ups after a win");
        }
        JsonNode rounds = gamble.get("maxRounds");
        if (!rounds.isIntegralNumber() || rounds.asLong() < 1 || rounds.asLong() > 10) {
            throw new ModelException(file, "$.gamble.maxRounds", "expected an integer from 1 to 10, was " + rounds);
        }
        return new Gamble(rounds.intValue());
    }

    /**
     * Whether the model offers the gamble.
     *
     * @return true when {@code maxRounds} is at least 1
     */
    public boolean offered() {
        return rounds > 0;
    }

    /**
     * Plays the gamble after a winning round: asks the player ({@code "gamble"}: collect, or gamble with a guess)
     * until they collect, lose or reach {@code maxRounds}.
     *
     * @param player the player of the round
     * @param stream where the cards come from
     * @param outcome the round's outcome, whose wins a card doubles or takes
     * @param result the round as played before the gamble
     * @return the round's detail: {@code result}'s JSON, with {@code "gamble": [{"guess", "card", "win"}]} added
     *     when the player gambled
     */
    public String play(TapedRound.Player player, RandomStream stream, RoundOutcome outcome, SpinResult result) {
        ObjectNode detail = MAPPER.valueToTree(result);
        ArrayNode steps = null;
        for (int round = 0; round < rounds && outcome.win() > 0; round++) {
            ObjectNode view = MAPPER.createObjectNode().put("win", outcome.win()).put("gamble", round + 1)
                    .put("of", rounds);
            Decision d = player.decide(new PendingDecision("gamble", List.of("collect", "gamble"), List.of(0, 1),
                    Decision.of("collect"), Optional.of(Decision.of("collect")), view.toString()));
            if (d.action().equals("collect")) {
                break;
            }
            int guess = d.values().get(0);
            int card = stream.nextInt(2);
            for (int t = 0; t < outcome.winTypeCount(); t++) {
                long won = outcome.win(t);
                outcome.addWin(t, guess == card ? won : -won);
            }
            if (steps == null) {
                steps = detail.putArray("gamble");
            }
            steps.addObject().put("guess", guess).put("card", card).put("win", outcome.win());
        }
        return detail.toString();
    }
}

package io.fairspin.math.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.LoggedDraws;
import io.fairspin.math.OutcomeCheck;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundChoices;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.json.JsonDiff;
import io.fairspin.math.json.OutcomeJson;
import java.nio.charset.StandardCharsets;

/**
 * The {@link OutcomeCheck} of a table or card game: the round is played again on its logged draws (the pocket, the
 * dice, the cards in the order the game deals them, the balls), at its logged bet with its logged decisions, and the
 * outcome described again must equal the logged one field for field (every card, total, bet and amount returned),
 * the logged draws must be all the round draws, its stake the logged bet and its win the logged win. No seed, no
 * escrow: it shows that the logged win is what the model pays for the logged cards, not that the cards were drawn
 * from the round's seed (that is {@code audit replay}).
 *
 * <p>Table games count no awards. Thread-safe.
 */
final class LoggedTableCheck extends AwardlessCheck {
    private final TableGame game;

    LoggedTableCheck(TableGame game) {
        this.game = game;
    }

    @Override
    public String check(byte[] outcome, byte[] playerChoices, long bet, long win, long[] awardCounts) {
        JsonNode tree;
        try {
            tree = OutcomeJson.object(outcome);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        RoundChoices choices = null;
        if (playerChoices != null && playerChoices.length > 0) {
            try {
                choices = RoundChoices.fromJson(new String(playerChoices, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return check(tree, choices, bet, win);
    }

    private String check(JsonNode outcome, RoundChoices choices, long bet, long win) {
        try {
            LoggedDraws draws = game.loggedDraws(outcome);
            JsonNode again;
            long stake;
            long paid;
            if (choices == null) {
                // The standard wager with the built-in player: play the round straight into a tree.
                RoundOutcome round = RoundOutcome.forGame(game);
                round.start(game.stake());
                ObjectNode detail = JsonNodeFactory.instance.objectNode();
                game.playRound(draws, round, detail);
                again = detail;
                stake = round.stake();
                paid = round.win();
            } else {
                PlayedRound played = game.replay(choices.bet(), choices.decisions(), draws.rewound());
                again = OutcomeJson.MAPPER.readTree(played.detail());
                stake = played.outcome().stake();
                paid = played.outcome().win();
            }
            if (!draws.exhausted()) {
                return "$.outcome: " + draws.left() + " logged draws more than the round makes";
            }
            if (!outcome.equals(JsonDiff.BY_VALUE, again)) {
                return "$.outcome: the round played again from its logged draws differs from the logged one"
                        + JsonDiff.firstDifference(outcome, again, "$.outcome");
            }
            if (stake != bet) {
                return "bet: logged " + bet + ", the round's stake is " + stake;
            }
            if (paid != win) {
                return "win: logged " + win + ", the model pays " + paid + " for the logged draws";
            }
            return null;
        } catch (IllegalArgumentException e) { // also BetException, IllegalDecisionException
            return e.getMessage();
        } catch (java.io.IOException e) {
            return "$.outcome: the round played again is not JSON";
        }
    }
}

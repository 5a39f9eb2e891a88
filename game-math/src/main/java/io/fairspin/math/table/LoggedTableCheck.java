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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    /** Outcomes remembered, at most (per kind: without and with player choices). */
    static final int MEMO_ENTRIES = 4096;
    /** The longest outcome (with its choices) remembered, in bytes. */
    static final int MEMO_BYTES = 1024;

    private final TableGame game;
    /**
     * The stake and the win of each logged outcome (and its player choices) already played again and found equal to
     * its logging: the check is a pure function of the outcome's bytes, the choices' bytes, the bet and the win, so an
     * outcome logged again byte for byte (a roulette wager has 37 outcomes, one per pocket) is judged from what its
     * first play gave, with the same verdict and message. Outcomes that differ from the round played again are not
     * remembered (they are played again each time, for their message).
     */
    private final Map<ByteBuffer, long[]> standard = new ConcurrentHashMap<>();
    private final Map<ByteBuffer, long[]> chosen = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.LongAdder remembered = new java.util.concurrent.atomic.LongAdder();
    private final boolean memo;

    /**
     * Remembers outcomes unless the outcome checks' fast paths are turned off
     * ({@link io.fairspin.math.OutcomeCheck#fastPaths()}).
     */
    LoggedTableCheck(TableGame game) {
        this(game, io.fairspin.math.OutcomeCheck.fastPaths());
    }

    /**
     * A check that remembers the outcomes it played again ({@code memo}), or plays every outcome again (for tests).
     *
     * @param game the game
     * @param memo whether to remember outcomes played again
     */
    LoggedTableCheck(TableGame game, boolean memo) {
        this.game = game;
        this.memo = memo;
    }

    /**
     * The rounds judged from a remembered outcome so far (for tests that show it is used).
     *
     * @return the rounds whose outcome was remembered
     */
    long rememberedRounds() {
        return remembered.sum();
    }

    @Override
    public String check(byte[] outcome, byte[] playerChoices, long bet, long win, long[] awardCounts) {
        boolean noChoices = playerChoices == null || playerChoices.length == 0;
        Map<ByteBuffer, long[]> memory = noChoices ? standard : chosen;
        ByteBuffer key = null;
        if (memo && outcome.length + (noChoices ? 0 : playerChoices.length) <= MEMO_BYTES) {
            key = noChoices ? ByteBuffer.wrap(outcome) : ByteBuffer.allocate(4 + outcome.length + playerChoices.length)
                    .putInt(outcome.length).put(outcome).put(playerChoices).flip();
            long[] known = memory.get(key);
            if (known != null) {
                remembered.increment();
                return verdict(known[0], known[1], bet, win);
            }
        }
        Played played = checkPlayed(outcome, playerChoices);
        if (played.problem() != null) {
            return played.problem();
        }
        if (key != null && memory.size() < MEMO_ENTRIES) {
            memory.putIfAbsent(noChoices ? ByteBuffer.wrap(outcome.clone()) : key, new long[] {played.stake(),
                played.paid()});
        }
        return verdict(played.stake(), played.paid(), bet, win);
    }

    /** A logged outcome played again: what differs from its logging, or else its stake and win. */
    private record Played(String problem, long stake, long paid) {
        static Played problem(String problem) {
            return new Played(problem, 0, 0);
        }
    }

    private static String verdict(long stake, long paid, long bet, long win) {
        if (stake != bet) {
            return "bet: logged " + bet + ", the round's stake is " + stake;
        }
        if (paid != win) {
            return "win: logged " + win + ", the model pays " + paid + " for the logged draws";
        }
        return null;
    }

    private Played checkPlayed(byte[] outcome, byte[] playerChoices) {
        JsonNode tree;
        try {
            tree = OutcomeJson.object(outcome);
        } catch (IllegalArgumentException e) {
            return Played.problem(e.getMessage());
        }
        RoundChoices choices = null;
        if (playerChoices != null && playerChoices.length > 0) {
            try {
                choices = RoundChoices.fromJson(new String(playerChoices, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Played.problem(e.getMessage());
            }
        }
        return check(tree, choices);
    }

    private Played check(JsonNode outcome, RoundChoices choices) {
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
                return Played.problem("$.outcome: " + draws.left() + " logged draws more than the round makes");
            }
            if (!outcome.equals(JsonDiff.BY_VALUE, again)) {
                return Played.problem("$.outcome: the round played again from its logged draws differs from the logged"
                        + " one" + JsonDiff.firstDifference(outcome, again, "$.outcome"));
            }
            return new Played(null, stake, paid);
        } catch (IllegalArgumentException e) { // also BetException, IllegalDecisionException
            return Played.problem(e.getMessage());
        } catch (java.io.IOException e) {
            return Played.problem("$.outcome: the round played again is not JSON");
        }
    }
}

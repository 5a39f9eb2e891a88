package io.fairspin.math;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.json.JsonDiff;
import io.fairspin.math.json.OutcomeJson;
import io.fairspin.math.slot.cascades.CanonicalCascades;
import io.fairspin.math.slot.cascades.CascadeGame;
import io.fairspin.math.slot.respins.CanonicalHoldAndWin;
import io.fairspin.math.slot.respins.HoldAndWinGame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link OutcomeCheck} of a game whose logged outcome states every draw its round made (a cascading slot's reel
 * sets and stops; a hold-and-win slot's base spin, coin values and the cells coins land on): the draws are read back
 * from the logged outcome ({@link LoggedDraws}), the game's own code plays the round again on them at the logged bet
 * ({@link Game#playRecorded(io.fairspin.rng.RandomStream)}, or {@link Game#replay} with the logged player choices, as
 * {@code audit replay} does), and the round played again must equal the logged one field for field, its stake the
 * logged bet and its win the logged win. A logged draw the game cannot make (a stop off the strip, a weighted entry of
 * weight 0) is flagged as it is read; an outcome that buys the feature must be bought in the logged player choices,
 * and the other way round. Logged draws the round played again does not take show nothing the logged outcome states
 * (it equals the round played again), so they are not counted. Awards are counted from the base spin of the round
 * played again, where the game has exact award occurrences.
 *
 * <p>A round at the standard wager logged in canonical form is checked on a fast path first ({@link FastPath}), which
 * accepts it only when the logged bytes are exactly the canonical bytes of the round played again on the draws read
 * from them, and its stake and win the logged bet and win ({@link CanonicalCascades}, {@link CanonicalHoldAndWin}: the
 * draws read by Jackson's streaming parser, the round played again written in canonical form by hand). Anything else
 * (player choices, another layout, different bytes, a draw the game cannot make) is decided on the parsed tree, as
 * before, which also names the difference: both ways give the same verdict and message.
 *
 * <p>Not thread-safe (the cascading fast path keeps its buffers): one per thread, as {@link OutcomeCheck} says.
 */
final class ReplayCheck implements OutcomeCheck {
    /** Where a hold-and-win outcome lists its base spin's wins. */
    private static final JsonPointer BASE_WINS = JsonPointer.compile("/base/spins/0/wins");
    private final Game game;
    private final Function<JsonNode, LoggedDraws> draws;
    private final List<String> awards;
    /** Their exact occurrences per round, computed when first asked for (by a tally, not by the checks). */
    private final Supplier<List<Fraction>> perRound;
    private volatile List<Fraction> perRoundComputed;
    private final Map<String, Integer> awardIndex = new HashMap<>();
    /** Where the round's base spin lists its wins ({@code type}, {@code award}), or null when none are counted. */
    private final JsonPointer baseWins;
    /** The fast path of rounds at the standard wager; null when it is off. */
    private final FastPath fast;

    /** A way to accept a round at the standard wager on its logged bytes, or to send it to the tree. */
    @FunctionalInterface
    interface FastPath {
        /**
         * Whether the round is accepted: true only when the logged bytes are exactly the canonical bytes of the round
         * played again on the draws read from them, at the logged bet and win (its awards then counted); false
         * decides nothing.
         */
        boolean accepts(byte[] outcome, long bet, long win, long[] awardCounts);
    }

    /**
     * A check that plays {@code game}'s logged rounds again on the draws {@code draws} reads from a logged outcome.
     *
     * @param game the game of the logged rounds
     * @param draws the logged draws of an outcome; throws {@link IllegalArgumentException} naming a JSON path
     * @param awards the awards counted (empty for none)
     * @param perRound their exact occurrences per round, in the order of {@code awards}: computed when first asked
     *     for, so that a check made on a thread that reads the log does not run the game's analysis
     * @param baseWins where the base spin's wins are in an outcome, or null when {@code awards} is empty
     * @param fast the fast path of rounds at the standard wager (made only when fast paths are on), or null for none
     */
    private ReplayCheck(Game game, Function<JsonNode, LoggedDraws> draws, List<String> awards,
            Supplier<List<Fraction>> perRound, JsonPointer baseWins, Supplier<FastPath> fast) {
        this.game = game;
        this.draws = draws;
        this.awards = List.copyOf(awards);
        this.perRound = perRound;
        this.baseWins = baseWins;
        for (String award : awards) {
            awardIndex.put(award, awardIndex.size());
        }
        this.fast = OutcomeCheck.fastPaths() ? fast.get() : null;
    }

    /**
     * The check of a cascading slot, which counts no awards: its exact analysis counts round wins, not the
     * occurrences of each award.
     */
    static ReplayCheck of(CascadeGame game) {
        return new ReplayCheck(game, game::loggedDraws, List.of(), List::of, null, () -> {
            CanonicalCascades canonical = new CanonicalCascades(game);
            return (outcome, bet, win, awardCounts) -> canonical.accepts(outcome, bet, win);
        });
    }

    /**
     * The check of a hold-and-win slot, which counts its base spin's awards where the game states their occurrences.
     */
    static ReplayCheck of(HoldAndWinGame game) {
        // A hold-and-win game always states its base spin's occurrences, one per award (those of its base slot).
        return new ReplayCheck(game, game::loggedDraws, game.awards(),
                () -> List.copyOf(game.occurrencesPerRound().orElseThrow()), BASE_WINS,
                () -> new CanonicalHoldAndWin(game)::accepts);
    }

    @Override
    public List<String> awards() {
        return awards;
    }

    @Override
    public List<Fraction> awardsPerRound() {
        List<Fraction> computed = perRoundComputed;
        if (computed == null) {
            computed = perRound.get();
            perRoundComputed = computed;
        }
        return computed;
    }

    @Override
    public String check(byte[] outcome, long bet, long win, long[] awardCounts) {
        return check(outcome, null, bet, win, awardCounts);
    }

    @Override
    public String check(byte[] outcome, byte[] playerChoices, long bet, long win, long[] awardCounts) {
        return checkedFast(outcome, playerChoices, bet, win, awardCounts) ? null
                : checkOnTree(outcome, playerChoices, bet, win, awardCounts);
    }

    /**
     * Whether the round is accepted on the fast path: a round at the standard wager (no player choices) whose logged
     * bytes are exactly those of the round played again on the draws read from them, at the logged bet and win. False
     * sends it to the tree, which gives the verdict.
     */
    boolean checkedFast(byte[] outcome, byte[] playerChoices, long bet, long win, long[] awardCounts) {
        return fast != null && (playerChoices == null || playerChoices.length == 0)
                && fast.accepts(outcome, bet, win, awardCounts);
    }

    private String checkOnTree(byte[] outcome, byte[] playerChoices, long bet, long win, long[] awardCounts) {
        try {
            JsonNode logged = OutcomeJson.object(outcome);
            RoundChoices choices = playerChoices == null || playerChoices.length == 0 ? null
                    : RoundChoices.fromJson(new String(playerChoices, StandardCharsets.UTF_8));
            boolean boughtOutcome = logged.hasNonNull("bonusBuy");
            if (choices != null && choices.bet().isBonusBuy() && !boughtOutcome) {
                return "player_choices: the bet buys the feature ($.bet.bonusBuy), the outcome is not a bought round";
            }
            if (boughtOutcome && (choices == null || !choices.bet().isBonusBuy())) {
                return "$.outcome.bonusBuy: a bought round, but the logged bet does not buy the feature";
            }
            LoggedDraws logDraws = draws.apply(logged);
            PlayedRound again = choices == null ? game.playRecorded(logDraws)
                    : game.replay(choices.bet(), choices.decisions(), logDraws);
            JsonNode described = OutcomeJson.MAPPER.readTree(again.detail());
            if (!logged.equals(JsonDiff.BY_VALUE, described)) {
                return "$.outcome: the round played again from its logged draws differs from the logged one"
                        + JsonDiff.firstDifference(logged, described, "$.outcome");
            }
            if (again.outcome().stake() != bet) {
                return "bet: logged " + bet + ", the outcome's stake is " + again.outcome().stake();
            }
            if (again.outcome().win() != win) {
                return "win: logged " + win + ", the model pays " + again.outcome().win() + " for the logged outcome";
            }
            countAwards(described, awardCounts);
            return null;
        } catch (IllegalArgumentException e) { // also BetException, IllegalDecisionException
            return e.getMessage();
        } catch (IOException e) {
            return "$.outcome: the round played again is not JSON";
        }
    }

    /**
     * Adds the base spin's line and ways awards (not its scatter wins) of the round played again (or of its equal
     * logging).
     */
    private void countAwards(JsonNode described, long[] awardCounts) {
        if (baseWins == null) {
            return;
        }
        for (JsonNode w : described.at(baseWins)) {
            count(w.path("award").asText(), w.path("type").asText(), awardCounts);
        }
    }

    private void count(String award, String type, long[] awardCounts) {
        Integer index = awardIndex.get(award);
        if (index != null && !type.equals("scatter")) {
            awardCounts[index]++;
        }
    }
}

package io.fairspin.math;

import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.cascades.CascadeGame;
import io.fairspin.math.slot.respins.HoldAndWinGame;
import io.fairspin.math.slot.evaluation.LoggedSpinCheck;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates a logged round again from its logged outcome alone (no seed, no escrow): whether the model can
 * produce the logged win for the logged outcome, and which awards the round's base game shows, for a
 * monitor that counts award frequencies against the exact figures.
 *
 * <p>A separate class rather than a method of {@link Game}, so that the {@code Game} contract stays as it is;
 * {@link #of(Game)} gives the check of every game type: slots; cascading and hold-and-win slots, played again on the
 * draws their outcome logs; table and card games, blackjack by its settlement recomputed from the logged hands. An instance may keep state
 * between calls: use one per thread.
 */
public interface OutcomeCheck {
    /**
     * Checks one logged round: its outcome (the canonical JSON of {@link PlayedRound#detail()}, UTF-8, as the audit
     * log keeps it), its logged bet and win. Returns null when they agree with the model, else what differs (one
     * line, with the JSON path). Adds the base game's award occurrences to {@code awardCounts} (indexed as
     * {@link #awards()}).
     *
     * @param outcome the logged outcome's bytes, UTF-8 JSON
     * @param bet the logged bet's total, in minor units
     * @param win the logged win, in minor units
     * @param awardCounts the running counts of each award (indexed as {@link #awards()}), updated in place
     * @return null when the round is consistent, else one line naming the difference (also when the bytes are not
     *     a JSON object)
     */
    String check(byte[] outcome, long bet, long win, long[] awardCounts);

    /**
     * The same with the round's logged player choices ({@link RoundChoices#toJson()}, empty for a round at the
     * standard wager with the built-in player), which a game with decisions or chosen bets plays again. By default
     * the choices are not needed.
     *
     * @param outcome the logged outcome's bytes, UTF-8 JSON
     * @param playerChoices the logged player choices' bytes, UTF-8 JSON; empty (or null) for the standard wager with
     *     the built-in player
     * @param bet the logged bet's total, in minor units
     * @param win the logged win, in minor units
     * @param awardCounts the running counts of each award (indexed as {@link #awards()}), updated in place
     * @return null when the round is consistent, else one line naming the difference
     */
    default String check(byte[] outcome, byte[] playerChoices, long bet, long win, long[] awardCounts) {
        return check(outcome, bet, win, awardCounts);
    }

    /**
     * The awards counted, for example {@code "seven x5"}.
     *
     * @return the awards' names
     */
    List<String> awards();

    /**
     * The exact expected occurrences of each award per round at the standard wager, as {@link #awards()}.
     *
     * @return the expected occurrences per round, in the order of {@link #awards()}
     */
    List<Fraction> awardsPerRound();

    /**
     * The check of {@code game}'s type, when it has one.
     *
     * @param game the game of the logged rounds
     * @return its check, or empty for a game type without one (a game implemented outside this library)
     */
    static Optional<OutcomeCheck> of(Game game) {
        if (game instanceof SlotGame) {
            return Optional.of(new LoggedSpinCheck((SlotGame) game));
        }
        if (game instanceof CascadeGame) {
            return Optional.of(ReplayCheck.of((CascadeGame) game));
        }
        if (game instanceof HoldAndWinGame) {
            return Optional.of(ReplayCheck.of((HoldAndWinGame) game));
        }
        return io.fairspin.math.table.TableGames.outcomeCheck(game);
    }

    /**
     * The system property that turns the outcome checks' fast paths off
     * ({@code -Dfairspin.outcomeCheck.fastPath=false}): every round is then decided on its parsed tree, for comparisons
     * of the two paths.
     */
    String FAST_PATH_PROPERTY = "fairspin.outcomeCheck.fastPath";

    /**
     * Whether the outcome checks take their fast paths (unless {@link #FAST_PATH_PROPERTY} is {@code false}).
     *
     * @return false when the property turns them off
     */
    static boolean fastPaths() {
        return !"false".equals(System.getProperty(FAST_PATH_PROPERTY));
    }
}

package io.fairspin.math.slot.cascades;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fairspin.math.slot.SpinResult;
import java.util.List;

/**
 * A cascading round as logged: each spin with its stops and every evaluation of it (window, winning
 * positions, win in line bets of one coin, multiplier, amount in minor units). At c coins per line bet
 * the stake is {@code lineBet x lines x c} and every amount is c times its credits' worth, as for other slots.
 *
 * @param lineBet the bet per line of one coin
 * @param lines   line bets staked
 * @param stake   the round's stake
 * @param win     the round's win, after any cap
 * @param spins   the base spin, then the free games in the order played (a bought round: the free games only)
 * @param bonusBuy the feature bought ({@code "bonusBuy": {"price", "freeGames"}}, as other slots log it), or null
 *                 for a round that was not bought (then absent from the JSON)
 */
public record CascadeRecord(long lineBet, int lines, long stake, long win, List<Spin> spins,
        @JsonInclude(JsonInclude.Include.NON_NULL) SpinResult.Bought bonusBuy) {
    /**
     * One spin.
     *
     * @param kind      {@code "base"} or {@code "free"}
     * @param reelSet   the reel set played
     * @param stops     each reel's stop
     * @param cascades  each evaluation, the last one winning nothing
     * @param scatters  scatters on the final window
     * @param freeGames free games awarded
     * @param win       the spin's win with scatter pays, before any round cap, in minor units
     */
    public record Spin(String kind, String reelSet, List<Integer> stops, List<Step> cascades, int scatters, long freeGames,
            long win) {
    }

    /** One evaluation of the window. */
    public record Step(List<List<String>> window, List<Position> removed, long credits, long multiplier, long amount) {
    }

    /** A window position: reel from 0 (left), row from 0 (top). */
    public record Position(int reel, int row) {
    }
}

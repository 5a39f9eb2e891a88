package io.fairspin.math.slot.jackpots;

import io.fairspin.math.RoundOutcome;
import io.fairspin.math.slot.evaluation.LineTable;
import io.fairspin.math.slot.model.SlotModel;

/**
 * Pays the jackpots that the pay table names, a line pay's or a scatter pay's, into their win types
 * ({@code "jackpot NAME"}) instead of the spin's line or scatter win: the simulation path's part of such a spin.
 */
public final class PayTableJackpots {
    private final SlotModel model;
    private final LineTable table;
    /** Per jackpot, the index of its win type. */
    private final int[] types;

    /**
     * The jackpots of {@code model}'s pay table.
     *
     * @param model the slot model, whose pay table names a jackpot
     * @param table the model's line table
     * @param types per jackpot of the model, the index of its win type
     */
    public PayTableJackpots(SlotModel model, LineTable table, int[] types) {
        this.model = model;
        this.table = table;
        this.types = types;
    }

    /**
     * Pays the jackpots a line wins into their win types.
     *
     * @param code the line's code in the line table
     * @param outcome receives the jackpots' wins
     * @param lineBet the bet per line in minor units
     * @return the jackpots' credits in line bets, which the line's win no longer counts
     */
    public long payLine(int code, RoundOutcome outcome, long lineBet) {
        long credits = 0;
        for (int packed = table.pays(code); packed != 0; packed >>>= 16) {
            int pay = (packed & 0xFFFF) - 1;
            int jackpot = model.jackpots().ofPay(pay);
            if (jackpot >= 0) {
                long won = model.pays().get(pay).credits();
                outcome.addWin(types[jackpot], won * lineBet);
                credits += won;
            }
        }
        return credits;
    }

    /**
     * Pays scatter {@code scatter}'s jackpot at {@code count} into its win type, when that scatter pay is one.
     *
     * @param scatter the scatter's index among the model's scatters
     * @param count how many it counts on the window
     * @param won the scatter pay in minor units
     * @param outcome receives the jackpot's win
     * @return whether the pay was a jackpot (and so is not the spin's scatter win)
     */
    public boolean payScatter(int scatter, int count, long won, RoundOutcome outcome) {
        int jackpot = model.jackpots().ofScatter(scatter, count);
        if (jackpot < 0) {
            return false;
        }
        outcome.addWin(types[jackpot], won);
        return true;
    }
}

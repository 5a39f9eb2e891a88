package io.fairspin.math.slot.picks;

import io.fairspin.math.RoundOutcome;
import io.fairspin.math.slot.model.SlotModel;
import io.fairspin.math.slot.model.SlotModel.Bonus;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.WeightedTable;

/**
 * Draws a model's pick bonus: the number of picks, then every item's prizes (each item a weighted number of
 * prizes from the weighted prize table), in derivation v1's order; and plays bonus rounds on the simulation path,
 * the player picking the first items.
 */
public final class PickBonusPlay {
    private final Bonus bonus;
    private final SlotModel.JackpotPays jackpots;
    /** Per jackpot, the index of its win type. */
    private final int[] jackpotTypes;
    private final WeightedTable prizeCounts;
    private final WeightedTable prizes;
    /** The weights of the number of picks, or null when it is fixed. */
    private final WeightedTable pickCounts;

    /**
     * The pick bonus of {@code model}.
     *
     * @param model the slot model, which has a pick bonus
     * @param jackpotTypes per jackpot of the model, the index of its win type
     */
    public PickBonusPlay(SlotModel model, int[] jackpotTypes) {
        this.bonus = model.bonus();
        this.jackpots = model.jackpots();
        this.jackpotTypes = jackpotTypes;
        this.prizeCounts = WeightedTable.of(bonus.countWeights());
        this.prizes = WeightedTable.of(bonus.prizeWeights());
        this.pickCounts = bonus.pickValues() == null ? null : WeightedTable.of(bonus.pickWeights());
    }

    /**
     * Plays {@code count} bonus rounds with the player picking the first items.
     *
     * @param stream where the random numbers come from
     * @param count the bonus rounds to play
     * @param outcome receives the prizes that are jackpots, in their win types
     * @param lineBet the bet per line in minor units, for the jackpots
     * @return the rounds' win in line bets, jackpots left out
     */
    public long play(RandomStream stream, int count, RoundOutcome outcome, long lineBet) {
        long total = 0;
        for (int b = 0; b < count; b++) {
            int picks = drawPicks(stream);
            for (int item = 0; item < bonus.items(); item++) {
                long prizesHidden = bonus.countValues()[stream.pick(prizeCounts)];
                for (long p = 0; p < prizesHidden; p++) {
                    int prize = stream.pick(prizes);
                    if (item >= picks) {
                        continue;
                    }
                    int jackpot = jackpots.ofPrize(prize);
                    if (jackpot >= 0) {
                        outcome.addWin(jackpotTypes[jackpot], bonus.prizeValues()[prize] * lineBet);
                    } else {
                        total += bonus.prizeValues()[prize];
                    }
                }
            }
        }
        return total;
    }

    /**
     * The number of items the player picks in a bonus round: fixed, or drawn first when the model says so.
     *
     * @param stream where the random numbers come from
     * @return the number of picks
     */
    public int drawPicks(RandomStream stream) {
        return pickCounts == null ? bonus.picks() : (int) bonus.pickValues()[stream.pick(pickCounts)];
    }

    /**
     * The number of prizes an item hides, then each prize: the draws of one item.
     *
     * @param stream where the random numbers come from
     * @return the prizes the item hides, as indices into the bonus's prize table (which tell a jackpot from a
     *     number of the same value)
     */
    public int[] drawItemPrizes(RandomStream stream) {
        int[] hidden = new int[(int) bonus.countValues()[stream.pick(prizeCounts)]];
        for (int p = 0; p < hidden.length; p++) {
            hidden[p] = stream.pick(prizes);
        }
        return hidden;
    }
}

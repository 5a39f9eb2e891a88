package io.fairspin.math.slot.evaluation;

import io.fairspin.math.slot.model.SlotModel.Choice;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.WeightedTable;

/**
 * Draws which reel set of a model's choice of reel sets (base game or free games) a spin plays: the only one,
 * drawing nothing, or a weighted pick.
 */
public final class ReelSetDraw {
    private final Choice choice;
    /** The reel sets' weights, or null when there is one. */
    private final WeightedTable weights;

    /**
     * The draw of {@code choice}.
     *
     * @param choice the reel sets to choose from
     */
    public ReelSetDraw(Choice choice) {
        this.choice = choice;
        this.weights = choice.sets().length == 1 ? null : WeightedTable.of(choice.weights());
    }

    /**
     * Draws the reel set of one spin.
     *
     * @param stream where the random numbers come from
     * @return the index of the reel set among the model's reel sets
     */
    public int draw(RandomStream stream) {
        return weights == null ? choice.sets()[0] : choice.sets()[stream.pick(weights)];
    }
}

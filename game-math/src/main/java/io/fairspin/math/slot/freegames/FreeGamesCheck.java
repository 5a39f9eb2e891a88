package io.fairspin.math.slot.freegames;

import io.fairspin.math.Fraction;
import io.fairspin.math.ModelException;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.evaluation.CompiledReels;
import io.fairspin.math.slot.model.SlotModel.Choice;
import io.fairspin.math.slot.model.SlotModel.FreeGames;
import io.fairspin.math.slot.model.SlotModel.Scatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Refuses free games that would never end: when each free game awards on average one or more free
 * games (E[M] >= 1), the feature runs forever with positive probability.
 */
public final class FreeGamesCheck {
    private FreeGamesCheck() {
    }

    /**
     * Refuses free games that retrigger forever: the expected free games per free game must be below 1.
     *
     * @param file the model file's name, for messages
     * @param game the slot game
     */
    public static void requireEnding(String file, SlotGame game) {
        FreeGames free = game.model.freeGames();
        Scatter scatter = game.model.scatters().get(free.scatter());
        Choice choice = free.reels();
        Fraction expected = Fraction.ZERO;
        for (int i = 0; i < choice.sets().length; i++) {
            CompiledReels set = game.reelSets[choice.sets()[i]];
            // With a top reel, over its windows (the reels are independent given its stop).
            for (CompiledReels.View view : set.views()) {
                CompiledReels reels = view.reels();
                Map<Integer, Fraction> counts = new TreeMap<>(Map.of(0, Fraction.ONE));
                for (int r = 0; r < reels.reels; r++) {
                    Map<Integer, Fraction> next = new TreeMap<>();
                    long total = reels.reelWeight(r);
                    for (int stop = 0; stop < reels.length(r); stop++) {
                        int c = CompiledReels.scatterCount(scatter, reels.column(r, stop));
                        Fraction p = Fraction.of(reels.stopWeight(r, stop), total);
                        counts.forEach((k, q) -> next.merge(k + c, q.multiply(p), Fraction::add));
                    }
                    counts = next;
                }
                Fraction chance = Fraction.of(choice.weights()[i], choice.total())
                        .multiply(Fraction.of(view.weight(), set.viewWeight()));
                for (Map.Entry<Integer, Fraction> e : counts.entrySet()) {
                    expected = expected.add(e.getValue().multiply(chance).multiply(free.spins(e.getKey())));
                }
            }
        }
        if (expected.compareTo(Fraction.ONE) >= 0) {
            throw new ModelException(file, "$.freeGames.spins", "each free game awards " + expected.toDecimalString(4)
                    + " free games on average, so the feature would never end; expected fewer than 1"
                    + " (or \"retrigger\": false)");
        }
    }
}

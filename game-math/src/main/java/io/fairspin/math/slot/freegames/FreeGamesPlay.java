package io.fairspin.math.slot.freegames;

import io.fairspin.math.RoundOutcome;
import io.fairspin.math.slot.evaluation.ReelSetDraw;
import io.fairspin.math.slot.evaluation.SpinPlayer;
import io.fairspin.math.slot.evaluation.SpinTable;
import io.fairspin.math.slot.model.SlotModel.FreeGames;
import io.fairspin.rng.RandomStream;

/**
 * A model's free games on the simulation path: the free games a scatter count awards (retriggers included), the
 * reel set each free spin draws, its multiplier, and the play of a round's free games one spin after another until
 * none are left.
 */
public final class FreeGamesPlay {
    private final FreeGames free;
    private final ReelSetDraw reels;
    /** The index of the "free-games" feature. */
    private final int feature;

    /**
     * The free games of a model.
     *
     * @param free the model's free games
     * @param feature the index of the "free-games" feature among the game's features
     */
    public FreeGamesPlay(FreeGames free, int feature) {
        this.free = free;
        this.reels = new ReelSetDraw(free.reels());
        this.feature = feature;
    }

    /**
     * Draws the reel set of one free spin.
     *
     * @param stream where the random numbers come from
     * @return the index of the reel set among the model's reel sets
     */
    public int drawSet(RandomStream stream) {
        return reels.draw(stream);
    }

    /**
     * The index of the scatter whose count awards the free games.
     *
     * @return the scatter's index among the model's scatters
     */
    public int scatter() {
        return free.scatter();
    }

    /**
     * Whether a spin can award free games: a base spin can, a free spin when the free games retrigger.
     *
     * @param inFreeGames whether the spin is a free spin
     * @return whether its scatters award free games
     */
    public boolean awardsIn(boolean inFreeGames) {
        return !inFreeGames || free.retrigger();
    }

    /**
     * The free games a window with {@code count} of the scatter awards.
     *
     * @param count the scatter's count on the window
     * @return the free games awarded
     */
    public long awarded(int count) {
        return free.spins(count);
    }

    /**
     * What a free spin's win is multiplied by.
     *
     * @return the model's free-games multiplier
     */
    public long multiplier() {
        return free.multiplier();
    }

    /**
     * Plays {@code awarded} free games, and those they award, into {@code outcome}, and marks the free-games
     * feature triggered; nothing when 0. With a cap, no further free game is played once the round's win has
     * reached it.
     *
     * @param spins plays each free spin
     * @param stream where the free games' random numbers come from
     * @param outcome the round's outcome, already started
     * @param awarded the free games awarded
     * @param lineBet the bet per line (of one coin) in minor units
     * @param tables the spin tables to evaluate with ({@link SpinPlayer#tables})
     * @param fast whether the stops are drawn with the fast-mode draws
     * @param cap the round's cap in minor units, 0 for none
     */
    public void play(SpinPlayer spins, RandomStream stream, RoundOutcome outcome, long awarded, long lineBet,
            SpinTable[] tables, boolean fast, long cap) {
        if (awarded <= 0) {
            return;
        }
        outcome.trigger(feature);
        for (long remaining = awarded; remaining > 0 && (cap <= 0 || outcome.win() < cap); remaining--) {
            remaining += spins.spin(stream, true, outcome, lineBet, tables, fast);
        }
    }
}

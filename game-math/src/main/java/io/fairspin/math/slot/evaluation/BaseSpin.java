package io.fairspin.math.slot.evaluation;

import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;

/**
 * What a base spin shows beyond its wins, for a game that adds its own feature to a slot's base spin
 * (hold-and-win): filled by {@link io.fairspin.math.slot.SlotGame#playBaseSpin(RandomStream, RoundOutcome,
 * BaseSpin)}. Created once with the scatters to look at and reused round after round (one per thread); not
 * thread-safe.
 */
public final class BaseSpin {
    final int coinScatter;
    final int collectScatter;
    long freeGames;
    long coinCells;
    int collectCount;

    /**
     * What to look at on the window.
     *
     * @param coinScatter    the index among the model's scatters whose symbol's cells {@link #coinCells} gives
     * @param collectScatter the index among the model's scatters whose count {@link #collectCount} gives, or -1
     */
    public BaseSpin(int coinScatter, int collectScatter) {
        this.coinScatter = coinScatter;
        this.collectScatter = collectScatter;
    }

    /**
     * The free games the spin awards (to be played with
     * {@link io.fairspin.math.slot.SlotGame#playFreeGames}).
     *
     * @return the free games awarded
     */
    public long freeGames() {
        return freeGames;
    }

    /**
     * The cells showing the coin scatter's symbol.
     *
     * @return bit {@code reel * rows + row} for each
     */
    public long coinCells() {
        return coinCells;
    }

    /**
     * How many symbols of the collect scatter the window shows, as that scatter counts them.
     *
     * @return the count, 0 without a collect scatter
     */
    public int collectCount() {
        return collectCount;
    }
}

package io.fairspin.math.slot.jackpots;

import io.fairspin.math.RoundOutcome;
import java.util.List;

/**
 * The meters of a game's progressive jackpots, for one player of rounds in order (a simulation, a
 * server's game): each round's stake adds {@code rate} of it to every meter; a round that wins a
 * progressive jackpot was paid its seed by the game ({@link io.fairspin.math.Game#play} is a pure
 * function of the stream and pays seeds), so the meter's growth since it was last won is paid on top
 * and the meter resets. Meters hold exact fractions of minor units as {@code contributions / denominator};
 * a payment is the whole minor units, the remainder stays on the meter, so every contribution is either
 * paid or still on a meter. Not thread-safe: one per stream of rounds.
 */
public final class ProgressiveMeters {
    private final List<Jackpot> jackpots;
    private final int[] winTypes;
    /** Per jackpot: growth since last won, in units of 1 / denominator minor units. */
    private final long[] growth;
    private final long[] numerator;
    private final long[] denominator;
    private long paid;

    /**
     * @param jackpots the game's jackpots
     * @param winTypes per jackpot, the index of its win type in the game's {@code winTypes()}
     */
    public ProgressiveMeters(List<Jackpot> jackpots, int[] winTypes) {
        this.jackpots = List.copyOf(jackpots);
        this.winTypes = winTypes.clone();
        growth = new long[jackpots.size()];
        numerator = new long[jackpots.size()];
        denominator = new long[jackpots.size()];
        for (int j = 0; j < jackpots.size(); j++) {
            numerator[j] = jackpots.get(j).rate().numerator().longValueExact();
            denominator[j] = jackpots.get(j).rate().denominator().longValueExact();
        }
    }

    /**
     * Settles one played round: adds its stake's contributions, and pays the meters of the progressive
     * jackpots it won above their seeds. Returns what it paid above the seeds, in minor units.
     */
    public long settle(RoundOutcome outcome) {
        long extra = 0;
        for (int j = 0; j < growth.length; j++) {
            if (!jackpots.get(j).progressive()) {
                continue;
            }
            growth[j] = Math.addExact(growth[j], Math.multiplyExact(numerator[j], outcome.stake()));
            if (outcome.win(winTypes[j]) > 0) {
                long whole = growth[j] / denominator[j];
                extra += whole;
                growth[j] -= whole * denominator[j];
            }
        }
        paid += extra;
        return extra;
    }

    /** What jackpot {@code j}'s meter shows above its seed now, in whole minor units. */
    public long meter(int j) {
        return growth[j] / denominator[j];
    }

    /** The exact growth on jackpot {@code j}'s meter: numerator over {@link #denominator(int)} minor units. */
    public long growth(int j) {
        return growth[j];
    }

    public long denominator(int j) {
        return denominator[j];
    }

    /** Everything paid above the seeds so far, in minor units. */
    public long paid() {
        return paid;
    }
}

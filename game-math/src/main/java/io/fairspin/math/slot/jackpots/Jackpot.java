package io.fairspin.math.slot.jackpots;

import io.fairspin.math.Fraction;

/**
 * A jackpot a model names ({@code "jackpots"}, docs/model-format.md): fixed, paying {@code amount} total
 * bets; or progressive, paying what its meter holds: the meter starts at {@code amount} (the seed), grows
 * by {@code rate} of every stake and is reset to the seed when the jackpot is won.
 *
 * @param name   the jackpot's name, for example {@code "grand"}
 * @param amount the fixed amount, or the progressive jackpot's seed, in total bets
 * @param rate   the share of each stake added to the meter; zero for a fixed jackpot
 */
public record Jackpot(String name, long amount, Fraction rate) {
    /** Whether the jackpot is progressive (it has a contribution rate). */
    public boolean progressive() {
        return rate.signum() > 0;
    }

    /** "fixed" or "progressive". */
    public String kind() {
        return progressive() ? "progressive" : "fixed";
    }
}

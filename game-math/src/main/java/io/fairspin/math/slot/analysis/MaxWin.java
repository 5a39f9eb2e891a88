package io.fairspin.math.slot.analysis;

import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.Fraction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The largest win a round can pay, features included, as designers and regulators read it ("maximum win x total
 * bet"), and the model's cap: one set of PAR sheet rows for every slot sheet (line and ways slots, cascades,
 * hold-and-win). A round's win is its base spin's win, plus each bonus round's award, plus its free games' wins;
 * the largest is the largest over base outcomes of win + B x (largest bonus award) + N x (largest free game),
 * where a free game is its own win plus its bonus rounds. When free games retrigger (a free game can award more)
 * and a free game can win, the round's win has no upper bound (every chain of retriggers has a positive chance).
 */
public final class MaxWin {
    /** The row of the largest round win, features included (JSON: the summary's {@code figure} of that name). */
    public static final String LABEL = "maximum win, x total bet (features included)";
    /** The row of the model's cap. */
    public static final String CAP = "maximum-win cap, x total bet";
    /** The row saying whether the cap can be reached, and what it applies to. */
    public static final String CAP_REACHABLE = "maximum-win cap reachable";

    /** Per kind of spin outcome, keyed by (bonus rounds, free games awarded), the largest win in line bets. */
    public static final class Outcomes {
        private final Map<Long, Long> largest = new TreeMap<>();

        /**
         * Records one outcome of a spin that occurs (positive probability).
         *
         * @param win its win in line bets (after multiplier and cap), bonus rounds and free games apart
         * @param bonuses the bonus rounds it starts
         * @param awarded the free games it awards
         */
        public void add(long win, long bonuses, long awarded) {
            largest.merge(bonuses << 32 | awarded, win, Math::max);
        }

        /** Adds every outcome of {@code other}. */
        void addAll(Outcomes other) {
            other.largest.forEach((key, win) -> largest.merge(key, win, Math::max));
        }

        /** The largest win + bonuses x bonus + awarded x free of any outcome; -1 when there is none. */
        long best(long bonus, long free) {
            long best = -1;
            for (Map.Entry<Long, Long> e : largest.entrySet()) {
                best = Math.max(best, e.getValue() + (e.getKey() >>> 32) * bonus + (e.getKey() & 0xFFFFFFFFL) * free);
            }
            return best;
        }

        /** Whether an outcome awards free games. */
        boolean awards() {
            return largest.keySet().stream().anyMatch(k -> (k & 0xFFFFFFFFL) > 0);
        }

        /**
         * The largest win alone (the cap's concern).
         *
         * @return the largest win in line bets, -1 when there is none
         */
        public long largestWin() {
            return largest.values().stream().mapToLong(Long::longValue).max().orElse(-1);
        }
    }

    /**
     * The largest round win in line bets, or -1 when it is unbounded.
     *
     * @param base the base spin's outcomes
     * @param free a free game's outcomes (its own awards counted only when free games retrigger), or null
     * @param bonus the largest bonus award in line bets, 0 without a bonus
     * @return the largest round win in line bets, or -1 for unbounded
     */
    public static long largest(Outcomes base, Outcomes free, long bonus) {
        long freeGame = free == null ? 0 : free.best(bonus, 0);
        if (free != null && base.awards() && free.awards() && freeGame > 0) {
            return -1;
        }
        return base.best(bonus, Math.max(freeGame, 0));
    }

    /**
     * The summary rows.
     *
     * @param largest the largest round win as {@link #largest} gives it, in line bets, -1 for unbounded
     * @param units line bets per total bet (lines x coins)
     * @param cap the model's cap in total bets, 0 for none
     * @param reachable whether the cap can be reached (ignored without a cap)
     * @param scope what the cap applies to and how far play gets, for the reachability row
     * @return the rows: the maximum win, then with a cap the cap and whether it is reachable
     */
    public static List<List<Cell>> rows(long largest, long units, long cap, boolean reachable, String scope) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.text(LABEL), largest < 0
                ? Cell.text("unbounded: free games retrigger without a limit" + (cap > 0 ? "; see the cap" : ""))
                : Cell.exact(Fraction.of(largest, units))));
        rows.addAll(capRows(cap, reachable, scope));
        return rows;
    }

    /**
     * The cap's rows alone, for a sheet whose maximum win is stated otherwise.
     *
     * @param cap the model's cap in total bets, 0 for none
     * @param reachable whether the cap can be reached
     * @param scope what the cap applies to, and how far play gets
     * @return the rows, none without a cap
     */
    public static List<List<Cell>> capRows(long cap, boolean reachable, String scope) {
        if (cap <= 0) {
            return List.of();
        }
        return List.of(List.of(Cell.text(CAP), Cell.count(cap)),
                List.of(Cell.text(CAP_REACHABLE), Cell.text((reachable ? "yes: " : "no: ") + scope)));
    }
}

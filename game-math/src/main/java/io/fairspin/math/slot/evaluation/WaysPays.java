package io.fairspin.math.slot.evaluation;

import io.fairspin.math.RoundOutcome;
import io.fairspin.math.slot.model.SlotModel;
import java.util.Arrays;

/**
 * A ways game's pay table compiled for play: per paying symbol and run length its pay in line bets and its award,
 * and a spin's ways win. Empty for a line game.
 */
public final class WaysPays {
    /** The symbols with pays, in the order of the pays that first name them; empty for a line game. */
    public final int[] symbols;
    /** Per symbol i and run length k the pay in line bets, index i * (reels + 1) + k. */
    private final long[] pays;
    /** Per symbol i and run length k the award's index in the game's awards, or -1; indexed as {@link #pays}. */
    private final int[] awards;
    private final int reels;
    private final int symbolCount;

    /**
     * The ways pays of {@code model}.
     *
     * @param model the slot model
     * @param awards the awards of the model's pay table
     */
    public WaysPays(SlotModel model, PayAwards awards) {
        this.reels = model.reels();
        this.symbolCount = model.symbolCount();
        this.symbols = model.ways() ? model.pays().stream().mapToInt(WaysPays::firstSymbol).distinct().toArray()
                : new int[0];
        this.pays = new long[symbols.length * (reels + 1)];
        this.awards = new int[pays.length];
        Arrays.fill(this.awards, -1);
        for (int p = 0; p < (model.ways() ? model.pays().size() : 0); p++) {
            SlotModel.Pay pay = model.pays().get(p);
            int i = Arrays.stream(symbols).boxed().toList().indexOf(firstSymbol(pay));
            pays[i * (reels + 1) + pay.length()] = pay.credits();
            this.awards[i * (reels + 1) + pay.length()] = awards.ofPay[p];
        }
    }

    /**
     * The first symbol a pay's pattern accepts on reel 1.
     *
     * @param pay a pay of the model
     * @return the symbol's index
     */
    public static int firstSymbol(SlotModel.Pay pay) {
        boolean[] set = pay.pattern()[0];
        for (int s = 0; s < set.length; s++) {
            if (set[s]) {
                return s;
            }
        }
        throw new IllegalStateException("a pay without symbols");
    }

    /**
     * The pay in line bets for a run of {@code length} reels of the i-th paying symbol.
     *
     * @param i the symbol's index among {@link #symbols}
     * @param length the run's length in reels
     * @return the pay in line bets, 0 when that run does not pay
     */
    public long pay(int i, int length) {
        return pays[i * (reels + 1) + length];
    }

    /**
     * The ways win of a window in line bets; each paying run's award counted into {@code counting} when it is not
     * null.
     *
     * @param window the reels the spin shows
     * @param p0 the packed stops of reels 0 to 2 ({@link CompiledReels#pack})
     * @param p1 the packed stops of reels 3 to 5
     * @param p2 the packed stops of reels 6 and up
     * @param counting receives the awards, or null
     * @return the win in line bets
     */
    public long credits(CompiledReels window, long p0, long p1, long p2, RoundOutcome counting) {
        int n = window.reels;
        long total = 0;
        for (int i = 0; i < symbols.length; i++) {
            int s = symbols[i];
            int k = 0;
            long ways = 1;
            while (k < n) {
                int count = window.waysCount[CompiledReels.unpack(p0, p1, p2, k) * symbolCount + s];
                if (count == 0) {
                    break;
                }
                ways *= count;
                k++;
            }
            total += ways * pay(i, k);
            if (counting != null && awards[i * (n + 1) + k] >= 0) {
                counting.addAward(awards[i * (n + 1) + k]);
            }
        }
        return total;
    }
}

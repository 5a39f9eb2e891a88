package io.fairspin.math.slot.evaluation;

import io.fairspin.math.RoundOutcome;
import io.fairspin.math.slot.jackpots.PayTableJackpots;

/**
 * The played lines' win on a window, read from the {@link LineTable}: the line evaluation of the simulation path,
 * allocation-free, with a loop of its own for the common five reels.
 */
final class LineWins {
    private final LineTable table;
    /** Row of each played line on each reel: index line * reels + reel. */
    private final int[] lineRows;
    /** Per pay of the model, the index of its award among the game's awards. */
    private final int[] awardOfPay;
    /** The jackpots line pays win, or null when no line pay names one. */
    private final PayTableJackpots jackpots;

    LineWins(LineTable table, int[] lineRows, int[] awardOfPay, PayTableJackpots jackpots) {
        this.table = table;
        this.lineRows = lineRows;
        this.awardOfPay = awardOfPay;
        this.jackpots = jackpots;
    }

    /**
     * The played lines' win in line bets, shifted left 8 bits, plus the number of lines starting the bonus; each
     * paying line's awards counted into {@code counting} when it is not null, and its jackpots paid into
     * {@code paid} (and left out) when that is not null.
     */
    long credits(CompiledReels reels, long p0, long p1, long p2, int lines, RoundOutcome counting, RoundOutcome paid,
            long lineBet) {
        if (reels.reels == 5 && paid == null) {
            return creditsFiveReels(reels, CompiledReels.unpack(p0, p1, p2, 0), CompiledReels.unpack(p0, p1, p2, 1),
                    CompiledReels.unpack(p0, p1, p2, 2), CompiledReels.unpack(p0, p1, p2, 3),
                    CompiledReels.unpack(p0, p1, p2, 4), lines, counting);
        }
        int n = reels.reels;
        int rows = reels.rows;
        int[] codes = reels.lineCode;
        long result = 0;
        for (int l = 0; l < lines; l++) {
            int code = 0;
            int base = l * n;
            for (int r = 0; r < n; r++) {
                code += codes[CompiledReels.unpack(p0, p1, p2, r) * rows + lineRows[base + r]];
            }
            int entry = table.entry(code);
            result += ((long) (entry >>> 1) << 8) + (entry & 1);
            if (counting != null && LineTable.credits(entry) != 0) {
                countAwards(code, counting);
            }
            if (paid != null && LineTable.credits(entry) != 0) {
                result -= jackpots.payLine(code, paid, lineBet) << 8;
            }
        }
        return result;
    }

    /** {@link #credits} for the common five reels, with the stops in locals: the hot loop of most games. */
    private long creditsFiveReels(CompiledReels reels, int g0, int g1, int g2, int g3, int g4, int lines,
            RoundOutcome counting) {
        int rows = reels.rows;
        int[] codes = reels.lineCode;
        int[] rowsOf = lineRows;
        int o0 = g0 * rows;
        int o1 = g1 * rows;
        int o2 = g2 * rows;
        int o3 = g3 * rows;
        int o4 = g4 * rows;
        long result = 0;
        for (int l = 0, b = 0; l < lines; l++, b += 5) {
            int code = codes[o0 + rowsOf[b]] + codes[o1 + rowsOf[b + 1]] + codes[o2 + rowsOf[b + 2]]
                    + codes[o3 + rowsOf[b + 3]] + codes[o4 + rowsOf[b + 4]];
            int entry = table.entry(code);
            result += ((long) (entry >>> 1) << 8) + (entry & 1);
            if (counting != null && entry > 1) {
                countAwards(code, counting);
            }
        }
        return result;
    }

    /** Counts the awards of a line with code {@code code}, as {@link LineTable#pays} packs its pays. */
    private void countAwards(int code, RoundOutcome counting) {
        int packed = table.pays(code);
        for (; packed != 0; packed >>>= 16) {
            counting.addAward(awardOfPay[(packed & 0xFFFF) - 1]);
        }
    }
}

package io.fairspin.math.slot.evaluation;

import io.fairspin.math.slot.model.SlotModel.Pay;
import io.fairspin.math.slot.model.SlotModel.Wild;
import io.fairspin.math.slot.model.SlotModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The line rules: which pay a line's symbols win (the highest, wilds substituting where they may) and
 * whether they start the bonus. The one definition that both play and analysis use, through
 * {@link LineTable}.
 */
public final class LinePays {
    /** Match codes per pay, position and symbol: 0 no match, -1 the symbol itself, m > 0 a wild worth m. */
    private final int[][][] match;
    private final List<Pay> pays;
    private final boolean addMultipliers;
    private final boolean bothWays;
    private final int reels;

    /**
     * The line pays of {@code model}, ready to evaluate.
     *
     * @param model the slot model
     */
    public LinePays(SlotModel model) {
        this.pays = model.pays();
        this.addMultipliers = model.addMultipliers();
        this.bothWays = model.bothWays();
        this.reels = model.reels();
        int symbols = model.symbolCount();
        match = new int[pays.size()][][];
        for (int p = 0; p < pays.size(); p++) {
            boolean[][] pattern = pays.get(p).pattern();
            match[p] = new int[pattern.length][symbols];
            for (int i = 0; i < pattern.length; i++) {
                for (int x = 0; x < symbols; x++) {
                    match[p][i][x] = matchCode(pattern[i], x, model.wild(x));
                }
            }
        }
    }

    private static int matchCode(boolean[] accepted, int symbol, Wild wild) {
        if (accepted[symbol]) {
            return -1;
        }
        if (wild != null) {
            for (int y = 0; y < accepted.length; y++) {
                if (accepted[y] && wild.substitutes()[y]) {
                    return (int) wild.multiplier();
                }
            }
        }
        return 0;
    }

    /**
     * A line's win in one direction.
     *
     * @param pay     index into the model's pays, -1 for none
     * @param credits the win in line bets, multipliers applied
     * @param length  positions the win covers
     * @param fromRight read from the last reel
     */
    public record Win(int pay, long credits, int length, boolean fromRight) {
    }

    /**
     * The highest win of {@code symbols} read from reel 1 ({@code fromRight} false) or from the last reel.
     *
     * @param symbols the line's symbols, reel 1 first
     * @param fromRight whether to read from the last reel
     * @return the win, or null when the line pays nothing that way
     */
    public Win best(int[] symbols, boolean fromRight) {
        int p = bestPay(symbols, fromRight);
        return p < 0 ? new Win(-1, 0, 0, fromRight)
                : new Win(p, value(p, symbols, fromRight), pays.get(p).length(), fromRight);
    }

    /** The index of the highest-paying pay that matches (the first on ties), -1 if none. */
    private int bestPay(int[] symbols, boolean fromRight) {
        int best = -1;
        long bestValue = 0;
        for (int p = 0; p < pays.size(); p++) {
            if (!pays.get(p).bonus()) {
                long value = value(p, symbols, fromRight);
                if (value > bestValue) {
                    best = p;
                    bestValue = value;
                }
            }
        }
        return best;
    }

    private long value(int p, int[] symbols, boolean fromRight) {
        return p < 0 ? 0 : pays.get(p).credits() * multiplier(p, symbols, fromRight);
    }

    private int length(int p) {
        return p < 0 ? 0 : pays.get(p).length();
    }

    /**
     * The wins a line pays: none, one, or with both-ways pays a second from the right unless one covers the line.
     *
     * @param symbols the line's symbols, reel 1 first
     * @return the wins, possibly none
     */
    public List<Win> wins(int[] symbols) {
        Win left = best(symbols, false);
        Win right = bothWays ? best(symbols, true) : null;
        List<Win> wins = new ArrayList<>(2);
        if (right != null && (left.length() == reels || right.length() == reels)) {
            wins.add(right.credits() > left.credits() ? right : left);
        } else {
            wins.add(left);
            if (right != null) {
                wins.add(right);
            }
        }
        wins.removeIf(w -> w.credits() == 0);
        return wins;
    }

    /**
     * The line's total win in line bets: what {@link #wins} adds up to, without building it.
     *
     * @param symbols the line's symbols, reel 1 first
     * @return the total win in line bets
     */
    public long credits(int[] symbols) {
        int left = bestPay(symbols, false);
        if (!bothWays) {
            return value(left, symbols, false);
        }
        int right = bestPay(symbols, true);
        long l = value(left, symbols, false);
        long r = value(right, symbols, true);
        return length(left) == reels || length(right) == reels ? Math.max(l, r) : l + r;
    }

    /**
     * Whether the symbols start the bonus: the trigger read from reel 1.
     *
     * @param symbols the line's symbols, reel 1 first
     * @return true when the bonus starts
     */
    public boolean startsBonus(int[] symbols) {
        for (int p = 0; p < pays.size(); p++) {
            if (pays.get(p).bonus() && multiplier(p, symbols, false) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The multiplier pay {@code p} wins with, 0 when it does not match. */
    private long multiplier(int p, int[] symbols, boolean fromRight) {
        int[][] codes = match[p];
        long product = 1;
        long sum = 0;
        boolean wild = false;
        for (int i = 0; i < codes.length; i++) {
            int code = codes[i][symbols[fromRight ? reels - 1 - i : i]];
            if (code == 0) {
                return 0;
            }
            if (code > 0) {
                wild = true;
                product *= code;
                sum += code > 1 ? code : 0;
            }
        }
        return !wild ? 1 : addMultipliers ? Math.max(1, sum) : product;
    }
}

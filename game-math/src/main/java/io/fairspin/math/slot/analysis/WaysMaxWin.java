package io.fairspin.math.slot.analysis;

import io.fairspin.math.AnalysisBudget;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.evaluation.CompiledReels;
import io.fairspin.math.slot.evaluation.IntArrayKey;
import io.fairspin.math.slot.model.SlotModel;
import io.fairspin.math.slot.model.SlotModel.Choice;
import io.fairspin.math.slot.model.SlotModel.Scatter;
import io.fairspin.math.Fraction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The largest win of one spin of a ways game with random reel heights whose outcomes are too many to count
 * (analysed by {@link WaysMoments}), found exactly by a search instead. A window's ways win is a function of its
 * columns' counts alone: per reel, how many positions show each paying symbol (a wild counted for every symbol it
 * replaces), and the scatter count; so each reel's distinct count vectors (over its stops of positive weight, every
 * height) are its choices, and a spin's largest win is the largest over one choice per reel, found per total scatter
 * count (which alone decides the scatter pay and the free games awarded).
 *
 * <p>Two rules cut the search, both exact. <b>Domination</b>: a reel's column is dropped when another column of that
 * reel has the same scatter count and, for every paying symbol, at least as many positions, and for a symbol whose
 * pays fall somewhere as its run grows, positions on exactly the same reels (a run that a column would extend could
 * pay less). Raising a count never lowers a symbol's win when its pays never fall with the run's length (a longer
 * run's product of counts is at least the shorter one's), so the dominating column wins at least as much with any
 * other reels. <b>Bound</b>: after the first reels, a symbol whose run is still going can at most win its ways so far
 * times the best, over the run's possible ends, of its pay times the largest counts the remaining reels show; a
 * branch whose ended runs plus those bounds (after the multiplier and cap, at every scatter count it can still
 * reach) cannot beat the largest win found at that count is not searched. Wild multipliers and line bonuses do not
 * exist in ways games, and a ways game with random heights has at most one scatter.
 */
final class WaysMaxWin {
    /** The most columns the search may try, over all reel sets and top-reel views of a spin: 2 x 10^7, seconds. */
    static final long BUDGET = 20_000_000L;

    private final SlotGame game;
    private final long multiplier;
    private final long budget;
    private final int symbols;
    private final int reelCount;
    private final boolean[] monotone;
    /** By total scatter count, the largest ways win found, -1 when none yet. */
    private final long[] best;
    private long tried;

    private WaysMaxWin(SlotGame game, long multiplier, int maxScatter, long budget) {
        this.game = game;
        this.multiplier = multiplier;
        this.budget = budget;
        this.symbols = game.ways.symbols.length;
        this.reelCount = game.model.reels();
        this.best = new long[maxScatter + 1];
        Arrays.fill(best, -1);
        monotone = new boolean[symbols];
        for (int i = 0; i < symbols; i++) {
            monotone[i] = true;
            for (int k = 1; k <= reelCount; k++) {
                monotone[i] &= game.ways.pay(i, k) >= game.ways.pay(i, k - 1);
            }
        }
    }

    /**
     * Adds the largest win of a spin on {@code choice}'s reel sets to {@code moments}: its {@code maxT} with, when
     * {@code probability} is set, the probability of a spin winning it, and, per scatter count that occurs, its
     * {@link MaxWin.Outcomes}; nothing when the search passes {@code budget}, and a null probability when only its
     * count does.
     *
     * @return whether the largest win was found within the budget
     */
    static boolean addTo(SpinMoments moments, SlotGame game, Choice choice, long multiplier, boolean awardsFreeGames,
            long budget, boolean probability) {
        SlotModel model = game.model;
        Scatter scatter = model.scatters().isEmpty() ? null : model.scatters().get(0);
        int maxScatter = scatter == null ? 0 : model.reels() * (scatter.perReel() ? 1 : model.rows() + 1);
        WaysMaxWin search = new WaysMaxWin(game, multiplier, maxScatter, budget);
        for (int i = 0; i < choice.sets().length; i++) {
            for (CompiledReels.View view : choice.weights()[i] == 0 ? List.<CompiledReels.View>of()
                    : game.reelSets[choice.sets()[i]].views()) {
                if (!search.new Step(view.reels(), -1).visit(0, ones(search.symbols), 0, 0)) {
                    return false;
                }
            }
        }
        long maxT = -1;
        for (int c = 0; c < search.best.length; c++) {
            if (search.best[c] >= 0) {
                long t = search.capped(c, search.best[c]);
                moments.outcomes.add(t, 0, awardsFreeGames && model.freeGames() != null ? model.freeGames().spins(c) : 0);
                maxT = Math.max(maxT, t);
            }
        }
        moments.maxT = maxT;
        moments.maxTProbability = probability ? search.probability(choice, maxT) : null;
        return true;
    }

    /** The probability of a spin on {@code choice} whose T is {@code target}, or null when its count passes the budget. */
    private Fraction probability(Choice choice, long target) {
        Fraction p = Fraction.ZERO;
        for (int i = 0; i < choice.sets().length; i++) {
            CompiledReels set = game.reelSets[choice.sets()[i]];
            BigInteger cycle = BigInteger.valueOf(choice.total()).multiply(BigInteger.valueOf(set.viewWeight()));
            for (int r = 0; r < reelCount; r++) {
                cycle = cycle.multiply(BigInteger.valueOf(set.reelWeight(r)));
            }
            for (CompiledReels.View view : choice.weights()[i] == 0 ? List.<CompiledReels.View>of() : set.views()) {
                Step count = new Step(view.reels(), target);
                if (!count.visit(0, ones(symbols), 0, 0)) {
                    return null;
                }
                p = p.add(Fraction.of(count.weight.multiply(BigInteger.valueOf(choice.weights()[i] * view.weight())),
                        cycle));
            }
        }
        return p;
    }

    private static long[] ones(int n) {
        long[] ways = new long[n];
        Arrays.fill(ways, 1);
        return ways;
    }

    /** A spin's T at scatter count c for a ways win of {@code ways}: multiplied, scatter pay added, capped. */
    private long capped(int c, long ways) {
        Scatter scatter = game.model.scatters().isEmpty() ? null : game.model.scatters().get(0);
        int lines = game.model.lines();
        long raw = Math.multiplyExact(multiplier, ways + (scatter == null ? 0 : scatter.pay(c) * lines));
        return raw - game.excess(raw, lines);
    }

    /**
     * The search over one view of a reel set, reel by reel from the first: for the largest win per scatter count
     * (over the undominated columns), or for the weight of the windows whose T is a target (over every column).
     */
    private final class Step {
        private final int[][][] columns;
        private final long[][] weights;
        private final long[][] bound;
        private final int[] fewest;
        private final int[] most;
        /** The T whose windows are counted, -1 when searching for the largest. */
        private final long target;
        /** Per reel, the weight of the column chosen (counting). */
        private final long[] chosen;
        /** The weight of the windows counted so far. */
        private BigInteger weight = BigInteger.ZERO;

        Step(CompiledReels reels, long target) {
            this.target = target;
            columns = new int[reelCount][][];
            weights = new long[reelCount][];
            chosen = new long[reelCount];
            for (int r = 0; r < reelCount; r++) {
                Map<IntArrayKey, Long> distinct = distinct(game, reels, r);
                columns[r] = distinct.keySet().stream().map(IntArrayKey::values).toArray(int[][]::new);
                if (target < 0) {
                    columns[r] = undominated(columns[r]);
                }
            }
            bound = new long[reelCount + 1][symbols];
            fewest = new int[reelCount + 1];
            most = new int[reelCount + 1];
            for (int i = 0; i < symbols; i++) {
                bound[reelCount][i] = game.ways.pay(i, reelCount);
            }
            for (int r = reelCount - 1; r >= 0; r--) {
                int low = Integer.MAX_VALUE;
                int high = 0;
                for (int[] column : columns[r]) {
                    low = Math.min(low, column[symbols]);
                    high = Math.max(high, column[symbols]);
                }
                fewest[r] = fewest[r + 1] + low;
                most[r] = most[r + 1] + high;
                for (int i = 0; i < symbols; i++) {
                    int largest = 0;
                    for (int[] column : columns[r]) {
                        largest = Math.max(largest, column[i]);
                    }
                    bound[r][i] = Math.max(game.ways.pay(i, r), Math.multiplyExact(largest, bound[r + 1][i]));
                }
            }
            for (int r = 0; r < reelCount; r++) {
                long[] next = bound[r + 1];
                Arrays.sort(columns[r], Comparator.comparingLong((int[] column) -> {
                    long score = 0;
                    for (int i = 0; i < symbols; i++) {
                        score += column[i] * next[i];
                    }
                    return -score;
                }));
                if (target >= 0) {
                    Map<IntArrayKey, Long> distinct = distinct(game, reels, r);
                    weights[r] = Arrays.stream(columns[r]).mapToLong(c -> distinct.get(new IntArrayKey(c))).toArray();
                }
            }
        }

        /**
         * Tries every column of reel {@code r}, given the ways so far of each symbol whose run reaches reel r (0 for
         * an ended run), the ended runs' win and the scatters so far; false when past the budget.
         */
        boolean visit(int r, long[] ways, long ended, int scatters) {
            if (r == reelCount) {
                long win = ended;
                for (int i = 0; i < symbols; i++) {
                    win += ways[i] * game.ways.pay(i, reelCount);
                }
                if (target < 0) {
                    best[scatters] = Math.max(best[scatters], win);
                } else if (capped(scatters, win) == target) {
                    BigInteger product = BigInteger.ONE;
                    for (long w : chosen) {
                        product = product.multiply(BigInteger.valueOf(w));
                    }
                    weight = weight.add(product);
                }
                return true;
            }
            long[] next = new long[symbols];
            for (int k = 0; k < columns[r].length; k++) {
                int[] column = columns[r][k];
                if (++tried > budget) {
                    return false;
                }
                if ((tried & 0xFFFFF) == 0) {
                    AnalysisBudget.step(0, "the largest win's search", 0);
                }
                long endedNext = ended;
                long reach = 0;
                for (int i = 0; i < symbols; i++) {
                    if (ways[i] == 0) {
                        next[i] = 0;
                    } else if (column[i] == 0) {
                        next[i] = 0;
                        endedNext += ways[i] * game.ways.pay(i, r);
                    } else {
                        next[i] = ways[i] * column[i];
                        reach += next[i] * bound[r + 1][i];
                    }
                }
                int count = scatters + column[symbols];
                if (target >= 0) {
                    chosen[r] = weights[r][k];
                }
                if (canReach(endedNext + reach, count + fewest[r + 1], count + most[r + 1])
                        && !visit(r + 1, next.clone(), endedNext, count)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether a window whose ways win is at most {@code most} and whose scatter count is in [low, high] can beat
         * the largest found at its count (searching), or win the target (counting).
         */
        private boolean canReach(long most, int low, int high) {
            for (int c = low; c <= Math.min(high, best.length - 1); c++) {
                if (target >= 0 ? capped(c, most) >= target : best[c] < 0 || capped(c, most) > capped(c, best[c])) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Reel r's distinct count vectors (each paying symbol's positions, then the scatter count) with the weight of the
     * stops that show them; stops of weight 0 left out. {@link WaysMoments}'s columns too.
     *
     * @param game the ways game
     * @param reels the reels (a view of them with a top reel)
     * @param r the reel, from 0
     * @return the count vectors in order of the first stop showing each, with their weights
     */
    static Map<IntArrayKey, Long> distinct(SlotGame game, CompiledReels reels, int r) {
        SlotModel model = game.model;
        Scatter scatter = model.scatters().isEmpty() ? null : model.scatters().get(0);
        int symbols = game.ways.symbols.length;
        Map<IntArrayKey, Long> seen = new LinkedHashMap<>();
        for (int stop = 0; stop < reels.length(r); stop++) {
            long weight = reels.stopWeight(r, stop);
            if (weight == 0) {
                continue;
            }
            int[] column = reels.column(r, stop);
            int[] key = new int[symbols + 1];
            for (int i = 0; i < symbols; i++) {
                key[i] = CompiledReels.waysCount(model, game.ways.symbols[i], column);
            }
            key[symbols] = scatter == null ? 0 : CompiledReels.scatterCount(scatter, column);
            seen.merge(new IntArrayKey(key), weight, Long::sum);
        }
        return seen;
    }

    /** The columns no other column dominates (the class's rule); of equal columns, there are none ({@link #distinct}). */
    private int[][] undominated(int[][] columns) {
        List<int[]> kept = new ArrayList<>();
        for (int[] column : columns) {
            boolean dominated = false;
            for (int[] other : columns) {
                if (other != column && dominates(other, column)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                kept.add(column);
            }
        }
        return kept.toArray(int[][]::new);
    }

    /** Whether column a wins at least as much as column b beside any other reels (the class's rule). */
    private boolean dominates(int[] a, int[] b) {
        if (a[symbols] != b[symbols]) {
            return false;
        }
        for (int i = 0; i < symbols; i++) {
            if (a[i] < b[i] || !monotone[i] && (a[i] == 0) != (b[i] == 0)) {
                return false;
            }
        }
        return true;
    }
}

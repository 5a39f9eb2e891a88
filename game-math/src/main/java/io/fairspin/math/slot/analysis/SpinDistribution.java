package io.fairspin.math.slot.analysis;

import io.fairspin.math.AnalysisBudget;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.evaluation.CompiledReels;
import io.fairspin.math.slot.evaluation.IntArrayKey;
import io.fairspin.math.slot.evaluation.LineTable;
import io.fairspin.math.slot.evaluation.LongLongMap;
import io.fairspin.math.slot.model.SlotModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact distribution of one spin on one reel set, found by counting reel by reel rather than by
 * visiting every stop combination: stops that show the same column are merged, and spins whose lines
 * (or ways) have the same future are merged into one state carrying the wins already fixed. Each final
 * outcome is (scatter counts, line or ways win in line bets A, lines starting the bonus B) with its
 * number of stop combinations.
 */
public final class SpinDistribution {
    private static final int DONE = Integer.MIN_VALUE;

    /** Final outcomes: per scatter counts, a map from {@code A << 8 | B} to combinations. */
    public final Map<IntArrayKey, LongLongMap> outcomes;
    /** The number of stop combinations (weighted): the cycle. */
    public final long cycle;

    private SpinDistribution(Map<IntArrayKey, LongLongMap> outcomes, long cycle) {
        this.outcomes = outcomes;
        this.cycle = cycle;
    }

    /** Where one column takes a state: the next state and the wins it fixes. */
    private record Step(IntArrayKey state, long added) {
    }

    /**
     * The distribution of a spin's outcomes on {@code reels}, built reel by reel over every stop combination.
     *
     * @param game the slot game
     * @param reels the compiled reel set
     * @return the distribution of final states and their wins
     */
    public static SpinDistribution of(SlotGame game, CompiledReels reels) {
        return of(game, reels, null);
    }

    /**
     * A count of one reel's column that adds up over the reels, tracked besides the scatter counts, such as the
     * cells of each landing class that show a hold-and-win coin (in mixed radix).
     */
    @FunctionalInterface
    public interface ColumnCount {
        /**
         * The count of one reel's column.
         *
         * @param reel the reel, from 0
         * @param column the reel's symbols, top row first
         * @return what the column adds to the tracked count
         */
        int count(int reel, int[] column);
    }

    /**
     * {@link #of(SlotGame, CompiledReels)} with one more count tracked: each outcome's key is the scatter counts
     * followed by the sum over the reels of {@code extra}'s count of each reel's column.
     *
     * @param game the slot game
     * @param reels the compiled reel set
     * @param extra the count to track, or null for none
     * @return the distribution of final states and their wins
     */
    public static SpinDistribution of(SlotGame game, CompiledReels reels, ColumnCount extra) {
        if (!reels.hasTop()) {
            return count(game, reels, extra);
        }
        // A top reel: the sum over its windows, each counted with the reels independent given the window.
        Map<IntArrayKey, LongLongMap> outcomes = new LinkedHashMap<>();
        long cycle = 0;
        for (CompiledReels.View view : reels.views()) {
            SpinDistribution part = count(game, view.reels(), extra);
            long weight = view.weight();
            part.outcomes.forEach((key, wins) -> {
                LongLongMap target = outcomes.computeIfAbsent(key, k -> new LongLongMap());
                wins.forEach((win, count) -> target.add(win, Math.multiplyExact(count, weight)));
            });
            cycle = part.cycle * reels.viewWeight();
        }
        return new SpinDistribution(outcomes, cycle);
    }

    private static SpinDistribution count(SlotGame game, CompiledReels reels, ColumnCount extra) {
        SlotModel model = game.model;
        int scatters = model.scatters().size();
        int[] waysSymbols = game.ways.symbols;
        int trackers = model.ways() ? waysSymbols.length : model.lines();
        int[] start = new int[trackers + scatters + (extra == null ? 0 : 1)];
        long startA = 0;
        for (int t = 0; t < trackers; t++) {
            if (model.ways()) {
                start[t] = 1;
            } else if (game.table.root() < 0) {
                start[t] = DONE;
                startA += LineTable.leafCredits(game.table.root()) << 8 | LineTable.leafBonus(game.table.root());
            } else {
                start[t] = game.table.root();
            }
        }
        // A state of the count: per line its diagram node (or per paying symbol its ways so far), then the
        // scatter counts; it maps the wins already fixed (A << 8 | B) to their combinations.
        Map<IntArrayKey, LongLongMap> states = new HashMap<>();
        LongLongMap first = new LongLongMap();
        first.add(startA, 1);
        states.put(new IntArrayKey(start), first);
        long cycle = 1;
        double fullCycle = 1;
        for (int r = 0; r < model.reels(); r++) {
            fullCycle *= reels.reelWeight(r);
        }
        for (int r = 0; r < model.reels(); r++) {
            Map<int[], Long> columns = columns(reels, r);
            Map<IntArrayKey, LongLongMap> next = new HashMap<>();
            String stage = "reel set " + reels.set.name() + ", reel " + (r + 1) + " of " + model.reels();
            // Refused before the reel's step when the budget cannot cover it; counted state by state for progress.
            AnalysisBudget.ahead((long) states.size() * columns.size(), stage, fullCycle);
            for (Map.Entry<IntArrayKey, LongLongMap> entry : states.entrySet()) {
                AnalysisBudget.step(columns.size(), stage, fullCycle);
                // Columns that lead to the same state with the same fixed win are applied once, together.
                Map<Step, Long> steps = new HashMap<>();
                for (Map.Entry<int[], Long> column : columns.entrySet()) {
                    int[] values = entry.getKey().values().clone();
                    long added = model.ways() ? waysStep(game, values, column.getKey(), r)
                            : lineStep(game, values, column.getKey(), r);
                    for (int i = 0; i < scatters; i++) {
                        values[trackers + i] += CompiledReels.scatterCount(model.scatters().get(i), column.getKey());
                    }
                    if (extra != null) {
                        values[trackers + scatters] += extra.count(r, column.getKey());
                    }
                    steps.merge(new Step(new IntArrayKey(values), added), column.getValue(), Long::sum);
                }
                for (Map.Entry<Step, Long> step : steps.entrySet()) {
                    LongLongMap target = next.computeIfAbsent(step.getKey().state(), k -> new LongLongMap());
                    long added = step.getKey().added();
                    long weight = step.getValue();
                    entry.getValue().forEach((key, count) -> target.add(key + added, count * weight));
                }
            }
            states = next;
            cycle *= reels.reelWeight(r);
        }
        Map<IntArrayKey, LongLongMap> outcomes = new LinkedHashMap<>();
        for (Map.Entry<IntArrayKey, LongLongMap> entry : states.entrySet()) {
            int[] values = entry.getKey().values();
            long added = model.ways() ? waysEnd(game, values) : 0;
            LongLongMap target = outcomes.computeIfAbsent(
                    new IntArrayKey(Arrays.copyOfRange(values, trackers, values.length)), k -> new LongLongMap());
            entry.getValue().forEach((key, count) -> target.add(key + added, count));
        }
        return new SpinDistribution(outcomes, cycle);
    }

    /** The distinct columns reel {@code r} shows and how many stops (or how much weight) show each. */
    private static Map<int[], Long> columns(CompiledReels reels, int r) {
        Map<IntArrayKey, Long> byColumn = new LinkedHashMap<>();
        for (int stop = 0; stop < reels.length(r); stop++) {
            long weight = reels.stopWeight(r, stop);
            if (weight > 0) {
                byColumn.merge(new IntArrayKey(reels.column(r, stop)), weight, Long::sum);
            }
        }
        Map<int[], Long> columns = new LinkedHashMap<>();
        byColumn.forEach((column, weight) -> columns.put(column.values(), weight));
        return columns;
    }

    /** Moves every line on by one reel; returns the wins that became fixed, as {@code A << 8 | B}. */
    private static long lineStep(SlotGame game, int[] values, int[] column, int r) {
        int reels = game.model.reels();
        long added = 0;
        for (int l = 0; l < game.model.lines(); l++) {
            if (values[l] == DONE) {
                continue;
            }
            int child = game.table.next(values[l], column[game.lineRows[l * reels + r]]);
            if (child < 0) {
                added += LineTable.leafCredits(child) << 8 | LineTable.leafBonus(child);
                values[l] = DONE;
            } else {
                values[l] = child;
            }
        }
        return added;
    }

    /** Extends every symbol's ways by one reel; a run that ends pays for its length. */
    private static long waysStep(SlotGame game, int[] values, int[] column, int r) {
        long added = 0;
        for (int i = 0; i < game.ways.symbols.length; i++) {
            if (values[i] == 0) {
                continue;
            }
            int count = CompiledReels.waysCount(game.model, game.ways.symbols[i], column);
            if (count == 0) {
                added += game.ways.pay(i, r) * values[i] << 8;
            }
            values[i] *= count;
        }
        return added;
    }

    /** Pays the runs that reached the last reel. */
    private static long waysEnd(SlotGame game, int[] values) {
        long added = 0;
        for (int i = 0; i < game.ways.symbols.length; i++) {
            added += game.ways.pay(i, game.model.reels()) * values[i] << 8;
        }
        return added;
    }

    /**
     * The final outcomes as a list, for reading in order.
     *
     * @return the entries, each a state with its win counts
     */
    public List<Map.Entry<IntArrayKey, LongLongMap>> entries() {
        return new ArrayList<>(outcomes.entrySet());
    }
}

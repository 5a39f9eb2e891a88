package io.fairspin.math.slot.analysis;

import io.fairspin.math.Fraction;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.evaluation.CompiledReels;
import io.fairspin.math.slot.evaluation.LinePays;
import io.fairspin.math.slot.evaluation.LineTable;
import io.fairspin.math.slot.evaluation.WaysPays;
import io.fairspin.math.slot.model.SlotModel.Choice;
import io.fairspin.math.slot.model.SlotModel.Pay;
import io.fairspin.math.slot.model.SlotModel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each line or ways award occurs in a spin and what it returns (before multipliers), and each
 * played line's hit frequency: counted per line from the symbol distribution at that line's rows, which are
 * independent from reel to reel.
 */
public final class Awards {
    /** Per pay of the model: expected occurrences per spin. */
    public final Fraction[] occurrences;
    /** Per pay: expected win per spin in line bets. */
    public final Fraction[] credits;
    /** Per played line: the chance that it pays (line games only). */
    public final List<Fraction> lineHitFrequency = new ArrayList<>();

    private Awards(int pays) {
        occurrences = new Fraction[pays];
        credits = new Fraction[pays];
        Arrays.fill(occurrences, Fraction.ZERO);
        Arrays.fill(credits, Fraction.ZERO);
    }

    /**
     * The awards of a spin on {@code base}'s reel sets (the base game's or the free games').
     *
     * @param game the slot game
     * @param base the reel sets the spin is played on, with their weights
     * @return each award with its exact probability per spin
     */
    public static Awards of(SlotGame game, Choice base) {
        SlotModel model = game.model;
        Awards awards = new Awards(model.pays().size());
        long total = base.total();
        List<Fraction> lineHits = new ArrayList<>();
        for (int i = 0; i < base.sets().length; i++) {
            CompiledReels reels = game.reelSets[base.sets()[i]];
            Fraction chance = Fraction.of(base.weights()[i], total);
            if (model.ways()) {
                // With a top reel, a sum over its windows: given the top reel's stop, the reels are independent.
                for (CompiledReels.View view : reels.views()) {
                    awards.addWays(model, view.reels(), chance.multiply(Fraction.of(view.weight(), reels.viewWeight())));
                }
            } else {
                List<Fraction> hits = awards.addLines(game, reels, chance);
                for (int l = 0; l < hits.size(); l++) {
                    if (lineHits.size() <= l) {
                        lineHits.add(Fraction.ZERO);
                    }
                    lineHits.set(l, lineHits.get(l).add(hits.get(l)));
                }
            }
        }
        awards.lineHitFrequency.addAll(lineHits);
        return awards;
    }

    /** Per reel, the weight of each symbol at row {@code row}. */
    private static long[][] rowWeights(SlotModel model, CompiledReels reels, int[] rows) {
        long[][] weights = new long[model.reels()][model.symbolCount()];
        for (int r = 0; r < model.reels(); r++) {
            for (int stop = 0; stop < reels.length(r); stop++) {
                weights[r][reels.column(r, stop)[rows[r]]] += reels.stopWeight(r, stop);
            }
        }
        return weights;
    }

    private List<Fraction> addLines(SlotGame game, CompiledReels reels, Fraction chance) {
        SlotModel model = game.model;
        LinePays rules = new LinePays(model);
        Map<String, LineCount> cache = new HashMap<>();
        List<Fraction> hits = new ArrayList<>();
        for (int l = 0; l < model.lines(); l++) {
            long[][] weights = rowWeights(model, reels, model.paylines()[l]);
            LineCount count = cache.computeIfAbsent(Arrays.deepToString(weights),
                    k -> LineCount.of(game.table, rules, weights, model.pays().size()));
            Fraction perCombination = chance.divide(Fraction.of(count.cycle, BigInteger.ONE));
            for (int p = 0; p < occurrences.length; p++) {
                occurrences[p] = occurrences[p].add(perCombination.multiply(Fraction.of(count.hits[p], BigInteger.ONE)));
                credits[p] = credits[p].add(perCombination.multiply(Fraction.of(count.credits[p], BigInteger.ONE)));
            }
            hits.add(perCombination.multiply(Fraction.of(count.paying, BigInteger.ONE)));
        }
        return hits;
    }

    /** One line's counts over all symbol tuples on its rows. */
    private static final class LineCount {
        final BigInteger[] hits;
        final BigInteger[] credits;
        BigInteger paying = BigInteger.ZERO;
        BigInteger cycle = BigInteger.ONE;

        private LineCount(int pays) {
            hits = new BigInteger[pays];
            credits = new BigInteger[pays];
            Arrays.fill(hits, BigInteger.ZERO);
            Arrays.fill(credits, BigInteger.ZERO);
        }

        static LineCount of(LineTable table, LinePays rules, long[][] weights, int pays) {
            LineCount count = new LineCount(pays);
            for (long[] reel : weights) {
                count.cycle = count.cycle.multiply(BigInteger.valueOf(Arrays.stream(reel).sum()));
            }
            count.walk(table, rules, weights, new int[weights.length], 0, 0, 1);
            return count;
        }

        private void walk(LineTable table, LinePays rules, long[][] weights, int[] tuple, int r, int code, long weight) {
            if (r == tuple.length) {
                if (LineTable.credits(table.entry(code)) == 0) {
                    return;
                }
                BigInteger w = BigInteger.valueOf(weight);
                paying = paying.add(w);
                for (LinePays.Win win : rules.wins(tuple)) {
                    hits[win.pay()] = hits[win.pay()].add(w);
                    credits[win.pay()] = credits[win.pay()].add(w.multiply(BigInteger.valueOf(win.credits())));
                }
                return;
            }
            for (int s = 0; s < weights[r].length; s++) {
                if (weights[r][s] > 0) {
                    tuple[r] = s;
                    walk(table, rules, weights, tuple, r + 1, code + table.weight(r, s), weight * weights[r][s]);
                }
            }
        }
    }

    /** Ways: a run of exactly k reels for symbol s has E[ways] = product of E[count] before k, times P(none on k). */
    private void addWays(SlotModel model, CompiledReels reels, Fraction chance) {
        for (int p = 0; p < model.pays().size(); p++) {
            Pay pay = model.pays().get(p);
            int s = WaysPays.firstSymbol(pay);
            Fraction ways = chance;
            Fraction runs = chance;
            for (int r = 0; r < model.reels() && r <= pay.length(); r++) {
                long total = reels.reelWeight(r);
                long countSum = 0;
                long present = 0;
                for (int stop = 0; stop < reels.length(r); stop++) {
                    int c = CompiledReels.waysCount(model, s, reels.column(r, stop));
                    long w = reels.stopWeight(r, stop);
                    countSum += c * w;
                    present += c > 0 ? w : 0;
                }
                if (r < pay.length()) {
                    ways = ways.multiply(Fraction.of(countSum, total));
                    runs = runs.multiply(Fraction.of(present, total));
                } else {
                    ways = ways.multiply(Fraction.of(total - present, total));
                    runs = runs.multiply(Fraction.of(total - present, total));
                }
            }
            occurrences[p] = occurrences[p].add(runs);
            credits[p] = credits[p].add(ways.multiply(pay.credits()));
        }
    }
}

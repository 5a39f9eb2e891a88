package io.fairspin.math.slot.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.math.ModelException;
import io.fairspin.math.json.StrictJson;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.evaluation.IntArrayKey;
import io.fairspin.math.slot.analysis.Analysis;
import io.fairspin.math.slot.analysis.ParSheet;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tunes a slot model with one base reel set by how many stops of each symbol its plain strips hold, the way designers
 * of physical-strip games do: some stops of one symbol are replaced, in place, by another; every strip keeps its
 * length and stays a plain strip; each symbol's count on a tuned strip moves by at most {@code maxChange} of itself
 * (rounded down, so a symbol a strip lacks, or holds once at 0.5, stays as it is).
 *
 * <p>Why it is exact, and where a stop's change is a weight move: a base spin draws the reel's stop uniformly, so any
 * expectation per round is (1/L) sum over the L stops of c(window), and a line reads one row of the reel, whose symbol
 * is each stop's in turn: a line's expected pay is linear in the reel's symbol counts, whichever stop is changed (the
 * per-symbol linear model of {@link ReelWeightTuner}, with a stop's change moving one unit of weight from one symbol to
 * another). A scatter counted in the window is linear in its count too while no window shows two of it, which the
 * tuner keeps: it never places a scatter within {@code rows - 1} stops of another of the same symbol. What is not
 * linear (the hit frequency, the mean square win, a cap, a scatter next to another) is met by analysis: the tuner
 * measures, per tuned reel, the exact change of every figure when one stop of a reference symbol shows each other
 * symbol (one analysis per symbol), searches the symbol counts whose predicted figures meet the targets (a beam search
 * over single-stop replacements, fewest changes first), places them, analyses the tuned model exactly and, when a
 * figure missed, searches again from the exact figures (at most {@link #ROUNDS} analyses per target). The figures
 * reported are those of the written model, analysed again from its bytes.
 *
 * <p>Which stop changes: for a replacement of symbol A by symbol B on a strip, among the stops still showing A (each
 * stop changes at most once), the one farthest from the strip's stops of B (so a symbol's stops stay spread out), the
 * lowest such stop on a tie; a scatter is never put within {@code rows - 1} stops of a stop showing the same scatter.
 * The model format refuses no other arrangement of a strip.
 */
public final class StripCountTuner {
    /** The most exact analyses of a tuned model per target. */
    static final int ROUNDS = 5;
    private static final int BEAM = 400;
    private static final int MAX_MOVES = 60;
    /** What a target the counts cannot reach may be reached by instead, closing each such message. */
    private static final String ELSEWHERE = "; the stop weights (--change weights), more reels (--reel) or a larger"
            + " --max-change may reach it";

    /**
     * A target the symbol counts cannot reach (the RTP outside their range, a hit frequency or volatility band the search
     * found no counts for, or the tuned strips missing after {@link #ROUNDS} exact analyses), told apart from the other
     * refusals so that a caller may try the stop weights instead.
     */
    public static final class TargetMissed extends ModelException {
        private static final long serialVersionUID = 1L;

        TargetMissed(String file, String jsonPath, String problem) {
            super(file, jsonPath, problem);
        }
    }

    /**
     * One symbol's count on a tuned strip.
     *
     * @param reel the reel, 0 the leftmost
     * @param symbol the symbol
     * @param before its number of stops before
     * @param after its number of stops after
     */
    public record SymbolCount(int reel, String symbol, int before, int after) {
    }

    /**
     * One stop whose symbol changed.
     *
     * @param path its JSON path in the model (or in the model a variant makes), for example {@code $.reelSets.base[2][7]}
     * @param before the symbol before
     * @param after the symbol after
     */
    public record StopChange(String path, String before, String after) {
    }

    /**
     * One tuned model (or variant).
     *
     * @param variant the variant's name, or null for the top-level model
     * @param targets what it had to reach
     * @param figures its exact figures, analysed from the written model's bytes
     * @param counts each symbol's count on each tuned strip, before and after
     * @param stops each stop changed
     * @param game the written model (or variant) as loaded from its bytes, its analysis done
     */
    public record Tuned(String variant, ReelWeightTuner.Targets targets, ExactFigures figures, List<SymbolCount> counts,
            List<StopChange> stops, Game game) {
    }

    /**
     * The result.
     *
     * @param model the written model's bytes
     * @param reelSet the tuned reel set's name
     * @param reels the tuned reels, 0 the leftmost
     * @param before the exact figures before
     * @param tuned one entry per target, in order
     */
    public record Result(byte[] model, String reelSet, int[] reels, ExactFigures before, List<Tuned> tuned) {
    }

    /** A tuned strip's symbols and their bounds: the search's coordinates are (reel, symbol) pairs. */
    private record Strip(int reel, String path, List<String> stops, List<String> symbols, int[] count, int[] bound,
            int reference, int referenceStop) {
    }

    private StripCountTuner() {
    }

    /**
     * Tunes the top-level model ({@code names} null, one target) or writes one variant per target.
     *
     * @param fileName the model file's name as the user gave it, for messages
     * @param json the model file's bytes
     * @param names null to tune the top-level model, else the variants' names
     * @param targets what each must reach
     * @param maxChange the largest change of a symbol's count on a strip, as a fraction of it (0 &lt; b &lt; 1)
     * @param reels the reels to tune, 0 the leftmost; empty for the middle reel
     * @param option the option the targets came from, for messages ({@code --target-rtp} or {@code --variants})
     * @return the written model and each target's figures
     * @throws TargetMissed when a target is out of reach of the counts (the message names the option and the reachable
     *     range) or the tuned strips miss it
     * @throws ModelException when the model cannot be tuned by its counts for another reason (a tuned reel is not a plain
     *     strip, or shows one symbol or scatters only)
     */
    public static Result tune(String fileName, byte[] json, List<String> names, List<ReelWeightTuner.Targets> targets,
            Fraction maxChange, int[] reels, String option) {
        GameModels.load(fileName, json, null);
        ObjectNode root = StrictJson.model(fileName, json);
        BaseReelSet base = BaseReelSet.of(fileName, root);
        int[] tunedReels = base.reels(reels);
        int rows = root.path("rows").asInt(1);
        Set<String> scatters = new HashSet<>(root.path("scatters").findValuesAsText("symbol"));
        List<Strip> strips = new ArrayList<>();
        for (int r : tunedReels) {
            strips.add(strip(fileName, base, r, maxChange, rows, scatters));
        }
        Game original = GameModels.load(fileName, base.withReels(Map.of()), null);
        ExactFigures before = original.exactFigures().orElseThrow(() -> new ModelException(fileName, "$",
                "the model has no exact figures, so tune cannot compute them exactly"));
        Analysis reference = original instanceof SlotGame slot ? slot.analysis() : null;
        double[] start = values(before);
        double[][][] delta = measure(fileName, base, strips, strips.stream().map(Strip::stops).toList(), start, reference, rows, scatters);
        Search search = new Search(strips, delta);
        List<Map<Integer, JsonNode>> tunedStrips = new ArrayList<>();
        List<List<StopChange>> changes = new ArrayList<>();
        Search first = search;
        for (ReelWeightTuner.Targets t : targets) {
            search = first;
            search.reachable(fileName, t, start, option, maxChange, rows);
            int[][] d = search.zero();
            double[] exact = start;
            Map<Integer, JsonNode> tuned = null;
            List<StopChange> changed = null;
            ExactFigures f = before;
            for (int round = 0; round < ROUNDS; round++) {
                d = search.find(fileName, t, exact, d, round == 0 ? 3 : 2, option, maxChange);
                tuned = new LinkedHashMap<>();
                changed = new ArrayList<>();
                for (int k = 0; k < strips.size(); k++) {
                    List<String> after = place(strips.get(k), d[k], rows, scatters);
                    tuned.put(strips.get(k).reel(), json(after));
                    for (int i = 0; i < after.size(); i++) {
                        if (!after.get(i).equals(strips.get(k).stops().get(i))) {
                            changed.add(new StopChange(strips.get(k).path() + "[" + i + "]", strips.get(k).stops().get(i),
                                    after.get(i)));
                        }
                    }
                }
                f = analyse(fileName, base.withReels(tuned), reference);
                if (misses(t, f).isEmpty() || round == ROUNDS - 1) {
                    break;
                }
                exact = values(f);
                if (strips.size() > 1) {
                    // Strips change each other's per-symbol changes (a line reads one row of every reel): measure them
                    // again where the search stands.
                    List<List<String>> current = new ArrayList<>();
                    for (Strip strip : strips) {
                        List<String> stops = new ArrayList<>();
                        tuned.get(strip.reel()).forEach(n -> stops.add(n.asText()));
                        current.add(stops);
                    }
                    search = new Search(strips, measure(fileName, base, strips, current, exact, reference, rows, scatters));
                }
            }
            List<String> missed = misses(t, f);
            if (!missed.isEmpty()) {
                throw new TargetMissed(fileName, strips.get(0).path(), option + ": the tuned strips miss their targets"
                        + " after " + ROUNDS + " exact analyses: " + String.join(", ", missed) + " (--tolerance "
                        + t.tolerance().toDecimalString(6) + ")" + ELSEWHERE);
            }
            tunedStrips.add(tuned);
            changes.add(changed);
        }
        byte[] written = base.write(names, tunedStrips);
        List<Tuned> tuned = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            String variant = names == null ? null : names.get(t);
            Game game = GameModels.load(fileName, written, variant);
            ExactFigures f = game.exactFigures().orElseThrow();
            List<String> missed = misses(targets.get(t), f);
            if (!missed.isEmpty()) {
                throw new IllegalStateException("the written model misses what its tuned copy met: " + missed);
            }
            List<SymbolCount> counts = new ArrayList<>();
            Map<Integer, JsonNode> after = tunedStrips.get(t);
            for (Strip strip : strips) {
                JsonNode stops = after.get(strip.reel());
                for (int s = 0; s < strip.symbols().size(); s++) {
                    int n = 0;
                    for (JsonNode stop : stops) {
                        n += stop.asText().equals(strip.symbols().get(s)) ? 1 : 0;
                    }
                    counts.add(new SymbolCount(strip.reel(), strip.symbols().get(s), strip.count()[s], n));
                }
            }
            tuned.add(new Tuned(variant, targets.get(t), f, counts, changes.get(t), game));
        }
        return new Result(written, base.name, tunedReels, before, tuned);
    }

    /**
     * Per strip and symbol, the exact change of each figure when one stop of the strip's reference symbol (the most
     * frequent that is not a scatter, at its stop farthest from any scatter, where a scatter may go) shows that symbol
     * instead, the strips showing {@code current}: one analysis per symbol and strip, side by side.
     */
    private static double[][][] measure(String fileName, BaseReelSet base, List<Strip> strips, List<List<String>> current,
            double[] start, Analysis reference, int rows, Set<String> scatters) {
        Map<Integer, JsonNode> now = new LinkedHashMap<>();
        int[] stopOf = new int[strips.size()];
        for (int k = 0; k < strips.size(); k++) {
            now.put(strips.get(k).reel(), json(current.get(k)));
            stopOf[k] = referenceStop(current.get(k), strips.get(k).symbols().get(strips.get(k).reference()), scatters);
        }
        List<int[]> pairs = new ArrayList<>();
        double[][][] delta = new double[strips.size()][][];
        for (int k = 0; k < strips.size(); k++) {
            delta[k] = new double[strips.get(k).symbols().size()][3];
            for (int s = 0; s < strips.get(k).symbols().size(); s++) {
                if (s != strips.get(k).reference() && stopOf[k] >= 0) {
                    pairs.add(new int[] {k, s});
                }
            }
        }
        pairs.parallelStream().forEach(p -> {
            Strip strip = strips.get(p[0]);
            List<String> stops = new ArrayList<>(current.get(p[0]));
            stops.set(stopOf[p[0]], strip.symbols().get(p[1]));
            Map<Integer, JsonNode> reels = new LinkedHashMap<>(now);
            reels.put(strip.reel(), json(stops));
            double[] f = values(analyse(fileName, base.withReels(reels), reference));
            for (int fig = 0; fig < 3; fig++) {
                delta[p[0]][p[1]][fig] = f[fig] - start[fig];
            }
        });
        return delta;
    }

    /** The stop of {@code symbol} farthest from any scatter on the strip, the lowest on a tie; -1 when it has none. */
    private static int referenceStop(List<String> stops, String symbol, Set<String> scatters) {
        int best = -1;
        int farthest = -1;
        for (int i = 0; i < stops.size(); i++) {
            if (stops.get(i).equals(symbol)) {
                int distance = Integer.MAX_VALUE;
                for (int j = 0; j < stops.size(); j++) {
                    if (scatters.contains(stops.get(j))) {
                        distance = Math.min(distance, cyclic(i, j, stops.size()));
                    }
                }
                if (distance > farthest) {
                    farthest = distance;
                    best = i;
                }
            }
        }
        return best;
    }

    /** The strip of reel r, its symbols in order of first appearance, their counts and bounds, and its reference stop. */
    private static Strip strip(String fileName, BaseReelSet base, int r, Fraction maxChange, int rows, Set<String> scatters) {
        JsonNode node = base.set.get(r);
        String path = base.path(r);
        if (!node.isArray()) {
            throw new ModelException(fileName, path, "--change counts changes the symbols of plain strips; this reel is a"
                    + " virtual reel (stops with weights): tune its weights with --change weights");
        }
        List<String> stops = new ArrayList<>();
        node.forEach(s -> stops.add(s.asText()));
        List<String> symbols = stops.stream().distinct().toList();
        if (symbols.size() < 2) {
            throw new ModelException(fileName, path, "the strip shows one symbol only; tune another --reel");
        }
        int[] count = new int[symbols.size()];
        int[] bound = new int[symbols.size()];
        for (String s : stops) {
            count[symbols.indexOf(s)]++;
        }
        for (int s = 0; s < count.length; s++) {
            Fraction b = maxChange.multiply(count[s]);
            bound[s] = b.numerator().divide(b.denominator()).intValueExact();
        }
        // The reference: the most frequent symbol that is not a scatter, at its stop farthest from any scatter (where a
        // scatter may be put); its stop shows each other symbol in turn in the analyses.
        int reference = -1;
        for (int s = 0; s < symbols.size(); s++) {
            if (!scatters.contains(symbols.get(s)) && (reference < 0 || count[s] > count[reference])) {
                reference = s;
            }
        }
        if (reference < 0) {
            throw new ModelException(fileName, path, "the strip shows scatters only; tune another --reel, or its stop"
                    + " weights (--change weights)");
        }
        int referenceStop = referenceStop(stops, symbols.get(reference), scatters);
        int farthest = Integer.MAX_VALUE;
        for (int j = 0; j < stops.size(); j++) {
            if (scatters.contains(stops.get(j))) {
                farthest = Math.min(farthest, cyclic(referenceStop, j, stops.size()));
            }
        }
        if (farthest < rows) {
            // No stop where a scatter may go: scatters keep their counts on this strip.
            for (int s = 0; s < symbols.size(); s++) {
                if (scatters.contains(symbols.get(s))) {
                    bound[s] = 0;
                }
            }
        }
        return new Strip(r, path, stops, symbols, count, bound, reference, referenceStop);
    }

    private static int cyclic(int i, int j, int length) {
        int d = Math.abs(i - j);
        return Math.min(d, length - d);
    }

    /**
     * The strip with its counts moved by {@code d}: each replacement A -> B (the symbols losing stops paired in order
     * with those gaining) at the stop still showing A that is farthest from the strip's stops of B, the lowest on a tie;
     * a scatter never within {@code rows - 1} stops of another of the same symbol.
     */
    private static List<String> place(Strip strip, int[] d, int rows, Set<String> scatters) {
        List<String> stops = new ArrayList<>(strip.stops());
        boolean[] changed = new boolean[stops.size()];
        List<String> losing = new ArrayList<>();
        List<String> gaining = new ArrayList<>();
        for (int s = 0; s < d.length; s++) {
            for (int n = 0; n < Math.abs(d[s]); n++) {
                (d[s] < 0 ? losing : gaining).add(strip.symbols().get(s));
            }
        }
        for (String b : gaining) {
            int best = -1;
            int bestDistance = -1;
            int bestLoser = -1;
            for (int l = 0; l < losing.size(); l++) {
                for (int i = 0; i < stops.size(); i++) {
                    if (changed[i] || !stops.get(i).equals(losing.get(l))) {
                        continue;
                    }
                    int distance = Integer.MAX_VALUE;
                    for (int j = 0; j < stops.size(); j++) {
                        if (j != i && stops.get(j).equals(b)) {
                            distance = Math.min(distance, cyclic(i, j, stops.size()));
                        }
                    }
                    if (scatters.contains(b) && distance < rows) {
                        continue;
                    }
                    if (distance > bestDistance) {
                        best = i;
                        bestDistance = distance;
                        bestLoser = l;
                    }
                }
                if (best >= 0) {
                    break; // the first symbol losing stops that has a stop for b
                }
            }
            if (best >= 0) {
                stops.set(best, b);
                changed[best] = true;
                losing.remove(bestLoser);
            }
        }
        return stops;
    }

    private static ArrayNode json(List<String> stops) {
        ArrayNode node = JsonNodeFactory.instance.arrayNode();
        stops.forEach(node::add);
        return node;
    }

    /** RTP, hit frequency and the mean square win per total bet (E[X^2]), as doubles for the search. */
    private static double[] values(ExactFigures f) {
        return new double[] {f.rtp().doubleValue(), f.hitFrequency().doubleValue(),
            f.variance().add(f.rtp().multiply(f.rtp())).doubleValue()};
    }

    /**
     * The exact figures of a model whose base reels differ from {@code reference}'s game's only: a slot's free games are
     * taken from the reference analysis ({@link Analysis#of(SlotGame, Analysis)}), not counted again.
     */
    private static ExactFigures analyse(String fileName, byte[] json, Analysis reference) {
        Game game = GameModels.load(fileName, json, null);
        if (game instanceof SlotGame slot && reference != null) {
            return Analysis.of(slot, reference).figures();
        }
        return game.exactFigures().orElseThrow(() -> new ModelException(fileName, "$",
                "the model has no exact figures, so tune cannot compute them exactly"));
    }

    /** What of the targets the exact figures miss, described; empty when they meet them all. */
    static List<String> misses(ReelWeightTuner.Targets want, ExactFigures f) {
        List<String> misses = new ArrayList<>();
        if (ReelWeightTuner.distance(f.rtp(), want.rtp()).compareTo(want.tolerance()) > 0) {
            misses.add("RTP " + f.rtp().toDecimalString(6) + " (target " + want.rtp().toDecimalString(6) + ")");
        }
        if (want.hitFrequency() != null
                && ReelWeightTuner.distance(f.hitFrequency(), want.hitFrequency()).compareTo(want.tolerance()) > 0) {
            misses.add("hit frequency " + f.hitFrequency().toDecimalString(6) + " (target "
                    + want.hitFrequency().toDecimalString(6) + ")");
        }
        double vi = ParSheet.volatilityIndex(f);
        if (want.volatilityLow() != null
                && (vi < want.volatilityLow().doubleValue() || vi > want.volatilityHigh().doubleValue())) {
            misses.add(String.format(java.util.Locale.ROOT, "volatility index %.4f", vi));
        }
        return misses;
    }

    private static String stripped(Fraction f) {
        return f.toBigDecimal(MathContext.DECIMAL64).stripTrailingZeros().toPlainString();
    }

    /**
     * The search over symbol counts: a state is the change of every symbol's count on every tuned strip (each strip's
     * changes summing to 0, each within its bound), its predicted figures the exact figures it starts from plus each
     * count change times its symbol's measured change. A beam of the states nearest the targets grows by one stop's
     * replacement at a time; the first depth with a state meeting every target gives the answer (the fewest stops
     * changed), the nearest of its states.
     */
    private static final class Search {
        private final List<Strip> strips;
        private final double[][][] delta;

        Search(List<Strip> strips, double[][][] delta) {
            this.strips = strips;
            this.delta = delta;
        }

        int[][] zero() {
            int[][] d = new int[strips.size()][];
            for (int k = 0; k < d.length; k++) {
                d[k] = new int[strips.get(k).symbols().size()];
            }
            return d;
        }

        /** The RTP range the counts reach by the per-symbol changes (linear: exact for line pays), refused outside it. */
        void reachable(String fileName, ReelWeightTuner.Targets t, double[] start, String option, Fraction maxChange,
                int rows) {
            double low = start[0];
            double high = start[0];
            for (int k = 0; k < strips.size(); k++) {
                low += extreme(k, -1);
                high += extreme(k, 1);
            }
            double tol = t.tolerance().doubleValue();
            double target = t.rtp().doubleValue();
            if (target < low - tol || target > high + tol) {
                List<String> paths = strips.stream().map(Strip::path).toList();
                throw new TargetMissed(fileName, strips.get(0).path(), String.format(java.util.Locale.ROOT,
                        "%s: the RTP %s is outside what can be reached by changing at most --max-change %s of each"
                        + " symbol's stops on %s: about %.6f to %.6f%s", option, t.rtp().toDecimalString(6),
                        stripped(maxChange), String.join(", ", paths), low, high, ELSEWHERE));
            }
        }

        /** The largest (sign 1) or least (-1) RTP change of strip k: stops moved from the symbols returning least to most. */
        private double extreme(int k, int sign) {
            Strip strip = strips.get(k);
            int n = strip.symbols().size();
            Integer[] order = new Integer[n];
            for (int s = 0; s < n; s++) {
                order[s] = s;
            }
            Arrays.sort(order, Comparator.comparingDouble(s -> sign * delta[k][s][0]));
            int[] down = strip.bound().clone(); // stops each symbol may still give
            int[] up = strip.bound().clone(); // stops each may still take
            double total = 0;
            int lo = 0;
            int hi = n - 1;
            while (lo < hi) {
                int a = order[lo];
                int b = order[hi];
                double gain = sign * (delta[k][b][0] - delta[k][a][0]);
                if (gain <= 0) {
                    break;
                }
                int moved = Math.min(down[a], up[b]);
                total += sign * gain * moved;
                down[a] -= moved;
                up[b] -= moved;
                if (down[a] == 0) {
                    lo++;
                }
                if (up[b] == 0) {
                    hi--;
                }
            }
            return total;
        }

        /** One state of the beam: the count changes, their predicted figures and how far those are from the targets. */
        private record State(int[][] d, double[] f, double miss, boolean meets) {
        }

        /**
         * The count changes, from {@code from} (whose exact figures are {@code exact}), whose predicted figures meet the
         * targets with {@code margin} times less than the tolerance, fewest stops changed first.
         */
        int[][] find(String fileName, ReelWeightTuner.Targets t, double[] exact, int[][] from, int margin, String option,
                Fraction maxChange) {
            double aim = t.tolerance().doubleValue() / margin;
            State first = state(t, copy(from), exact.clone(), aim);
            if (first.meets()) {
                return first.d();
            }
            List<State> beam = List.of(first);
            Set<IntArrayKey> seen = new HashSet<>();
            seen.add(key(first.d()));
            State best = first;
            double hitLeast = Double.MAX_VALUE;
            double hitMost = -Double.MAX_VALUE;
            double viLeast = Double.MAX_VALUE;
            double viMost = -Double.MAX_VALUE;
            for (int depth = 0; depth < MAX_MOVES && !beam.isEmpty(); depth++) {
                List<State> next = new ArrayList<>();
                for (State s : beam) {
                    for (int k = 0; k < strips.size(); k++) {
                        Strip strip = strips.get(k);
                        int n = strip.symbols().size();
                        for (int a = 0; a < n; a++) {
                            if (s.d()[k][a] <= -strip.bound()[a]) {
                                continue;
                            }
                            for (int b = 0; b < n; b++) {
                                if (b == a || s.d()[k][b] >= strip.bound()[b]) {
                                    continue;
                                }
                                int[][] d = copy(s.d());
                                d[k][a]--;
                                d[k][b]++;
                                if (!seen.add(key(d))) {
                                    continue;
                                }
                                double[] f = s.f().clone();
                                for (int fig = 0; fig < 3; fig++) {
                                    f[fig] += delta[k][b][fig] - delta[k][a][fig];
                                }
                                State child = state(t, d, f, aim);
                                next.add(child);
                                if (Math.abs(f[0] - t.rtp().doubleValue()) <= aim) {
                                    hitLeast = Math.min(hitLeast, f[1]);
                                    hitMost = Math.max(hitMost, f[1]);
                                    if (t.hitFrequency() == null
                                            || Math.abs(f[1] - t.hitFrequency().doubleValue()) <= aim) {
                                        double vi = vi(f);
                                        viLeast = Math.min(viLeast, vi);
                                        viMost = Math.max(viMost, vi);
                                    }
                                }
                            }
                        }
                    }
                }
                next.sort(Comparator.comparingDouble(State::miss));
                State met = next.stream().filter(State::meets).findFirst().orElse(null);
                if (met != null) {
                    return met.d();
                }
                if (!next.isEmpty() && next.get(0).miss() < best.miss()) {
                    best = next.get(0);
                }
                beam = next.subList(0, Math.min(BEAM, next.size()));
            }
            String bounds = " within --max-change " + stripped(maxChange) + " of each symbol's stops on "
                    + String.join(", ", strips.stream().map(Strip::path).toList());
            if (t.hitFrequency() != null && Math.abs(best.f()[1] - t.hitFrequency().doubleValue()) > aim) {
                throw new TargetMissed(fileName, strips.get(0).path(), String.format(java.util.Locale.ROOT,
                        "--hit-frequency %s: at RTP %s the hit frequency of the strip counts found%s is about %s%s",
                        t.hitFrequency().toDecimalString(6), t.rtp().toDecimalString(6), bounds,
                        hitLeast > hitMost ? "none" : String.format(java.util.Locale.ROOT, "%.6f to %.6f", hitLeast,
                                hitMost), ELSEWHERE));
            }
            if (t.volatilityLow() != null && !inBand(t, best.f())) {
                throw new TargetMissed(fileName, strips.get(0).path(), String.format(java.util.Locale.ROOT,
                        "--volatility-index %s..%s: at RTP %s%s the volatility index (90%%) of the strip counts found%s is"
                        + " about %s%s", stripped(t.volatilityLow()), stripped(t.volatilityHigh()), t.rtp().toDecimalString(6),
                        t.hitFrequency() == null ? "" : " and hit frequency " + t.hitFrequency().toDecimalString(6), bounds,
                        viLeast > viMost ? "none" : String.format(java.util.Locale.ROOT, "%.4f to %.4f", viLeast, viMost),
                        ELSEWHERE));
            }
            return best.d(); // the RTP alone: within reach by the range check; the exact analysis decides
        }

        private State state(ReelWeightTuner.Targets t, int[][] d, double[] f, double aim) {
            double tol = t.tolerance().doubleValue();
            double rtpMiss = Math.abs(f[0] - t.rtp().doubleValue());
            double miss = rtpMiss;
            boolean meets = rtpMiss <= aim;
            if (t.hitFrequency() != null) {
                double hitMiss = Math.abs(f[1] - t.hitFrequency().doubleValue());
                miss += hitMiss;
                meets &= hitMiss <= aim;
            }
            if (t.volatilityLow() != null) {
                boolean in = inBand(t, f);
                meets &= in;
                if (!in) {
                    double vi = vi(f);
                    miss += tol * Math.min(Math.abs(vi - t.volatilityLow().doubleValue()),
                            Math.abs(vi - t.volatilityHigh().doubleValue()));
                }
            }
            return new State(d, f, miss, meets);
        }

        private static boolean inBand(ReelWeightTuner.Targets t, double[] f) {
            double vi = vi(f);
            return vi >= t.volatilityLow().doubleValue() && vi <= t.volatilityHigh().doubleValue();
        }

        private static double vi(double[] f) {
            return ParSheet.Z90 * Math.sqrt(Math.max(0, f[2] - f[0] * f[0]));
        }

        private static int[][] copy(int[][] d) {
            int[][] c = new int[d.length][];
            for (int k = 0; k < d.length; k++) {
                c[k] = d[k].clone();
            }
            return c;
        }

        private static IntArrayKey key(int[][] d) {
            int length = 0;
            for (int[] row : d) {
                length += row.length;
            }
            int[] flat = new int[length];
            int i = 0;
            for (int[] row : d) {
                System.arraycopy(row, 0, flat, i, row.length);
                i += row.length;
            }
            return new IntArrayKey(flat);
        }
    }
}

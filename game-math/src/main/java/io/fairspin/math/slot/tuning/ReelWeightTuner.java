package io.fairspin.math.slot.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import io.fairspin.math.ModelException;
import io.fairspin.math.json.StrictJson;
import io.fairspin.math.slot.analysis.ParSheet;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tunes a slot model with one base reel set by the weights of one of its reels, within bounds the designer gives:
 * the reel becomes a virtual reel ({@code {"stops", "weights", "weightedRow"}}, its stops unchanged) whose symbols
 * fall into k groups (k = 2 for an RTP alone: those returning more than the RTP per unit of weight and the rest; 3
 * when a hit frequency or a volatility index is asked too, see {@code groups}), and each group's stops take a common
 * multiplier m_g of their weight, at most {@code maxChange} away from 1.
 *
 * <p>Why this is exact: a base spin draws the reel's stop independently of the other reels, and everything after
 * the spin depends on the spin alone, so any expectation per round F (RTP, hit frequency, E[(win/stake)^2]) is
 * sum_i w_i c_i / sum_i w_i over the reel's stops i, with c_i the expectation given stop i. With the multipliers,
 * F(m) = (G . m) / (W . m), G_g = sum over the group of w_i c_i and W_g its weight. The c_i are never computed:
 * one exact analysis per symbol on the reel, that symbol's stops raised by b (F_j D_j = sum G + b G_j), gives each
 * symbol's G for every figure at once, and a group's G is the sum of its symbols'. A target is then a linear equation in m ((G - target W) . m = 0), a volatility band two linear
 * inequalities on E[X^2] with the RTP fixed, and the bounds a box; {@link SmallLp} finds the polytope's vertices
 * (which also give the exact reachable ranges named in errors) and the tuner takes their mean. The weights written are
 * the multipliers times the weights scaled by {@link #SCALE}, rounded; the figures reported are those of the
 * written model, analysed again from its bytes.
 */
public final class ReelWeightTuner {
    /** Each stop's weight is scaled by this before its multiplier is applied (so rounding moves figures by ~1e-6). */
    public static final long SCALE = 1_000_000;
    /** The model format's largest stop weight. */
    private static final long MAX_WEIGHT = 1L << 24;
    /** The 90% two-sided normal quantile of the PAR sheet's volatility index (ParSheet), as an exact fraction. */
    public static final Fraction Z90 = ReelSetTuner.decimal(new BigDecimal(ParSheet.Z90).toPlainString());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * What one tuned model must reach.
     *
     * @param rtp the RTP, within {@code tolerance}
     * @param hitFrequency the hit frequency per round, within {@code tolerance}, or null
     * @param volatilityLow the least volatility index (90%), or null for no band
     * @param volatilityHigh the greatest volatility index (90%), or null for no band
     * @param tolerance the largest distance of the achieved RTP and hit frequency from their targets
     */
    public record Targets(Fraction rtp, Fraction hitFrequency, Fraction volatilityLow, Fraction volatilityHigh,
            Fraction tolerance) {
        boolean needsThreeGroups() {
            return hitFrequency != null || volatilityLow != null;
        }
    }

    /**
     * One symbol of a tuned reel: its group (0 pays most) and its share of the reel's weight before and after.
     *
     * @param reel the reel, 0 the leftmost
     * @param symbol the symbol
     * @param group its group, 0 the best paying
     * @param before its share of the reel's weight before
     * @param after its share after
     */
    public record SymbolWeight(int reel, String symbol, int group, Fraction before, Fraction after) {
    }

    /**
     * One tuned model (or variant).
     *
     * @param variant the variant's name, or null for the top-level model
     * @param targets what it had to reach
     * @param figures its exact figures, analysed from the written model's bytes
     * @param symbols each symbol of the reel
     * @param game the written model (or variant) as loaded from its bytes, its analysis done
     */
    public record Tuned(String variant, Targets targets, ExactFigures figures, List<SymbolWeight> symbols,
            io.fairspin.math.Game game) {
        /**
         * The volatility index at 90% confidence, as the PAR sheet computes it.
         *
         * @return 1.6448536269514722 x the standard deviation
         */
        public double volatilityIndex() {
            return ParSheet.volatilityIndex(figures);
        }
    }

    /**
     * The result.
     *
     * @param model the written model's bytes
     * @param reelSet the tuned reel set's name (as in the input)
     * @param reels the reels that may be tuned, 0 the leftmost, in the order they are tried (a target that the first
     *     reel reaches changes it alone)
     * @param rtpBefore the exact RTP before
     * @param hitFrequencyBefore the exact hit frequency before
     * @param tuned one entry per target, in order
     */
    public record Result(byte[] model, String reelSet, int[] reels, Fraction rtpBefore, Fraction hitFrequencyBefore,
            List<Tuned> tuned) {
    }

    private ReelWeightTuner() {
    }

    /**
     * Tunes the top-level model ({@code names} null, one target) or writes one variant per target.
     *
     * @param fileName the model file's name as the user gave it, for messages
     * @param json the model file's bytes
     * @param names null to tune the top-level model (then {@code targets} has one entry), else the variants' names
     * @param targets what each must reach
     * @param maxChange the largest change of a stop's weight, as a fraction of it (0 &lt; b &lt; 1, at most six decimals)
     * @param reels the reels that may change, 0 the leftmost, in order: when the first cannot reach the RTP within its
     *     bounds it is set where it comes nearest and the next is tuned with it; empty for the middle reel alone
     * @param option the option the targets came from, for messages ({@code --target-rtp} or {@code --variants})
     * @return the written model and each target's figures
     * @throws ModelException when the model has no single base reel set, a target is out of reach (the message names the
     *     option and the reachable range), or a written model misses a target
     */
    public static Result tune(String fileName, byte[] json, List<String> names, List<Targets> targets, Fraction maxChange,
            int[] reels, String option) {
        GameModels.load(fileName, json, null);
        ObjectNode root = StrictJson.model(fileName, json);
        BaseReelSet base = BaseReelSet.of(fileName, root);
        int[] tunedReels = base.reels(reels);
        // Cascading reels take no "weightedRow" (their weights are the top row's); with equal weights it makes no odds.
        int rows = root.has("cascade") ? 1 : root.path("rows").asInt(1);
        boolean three = targets.stream().anyMatch(Targets::needsThreeGroups);
        long scale = fitting(base, tunedReels, rows, maxChange);
        Fit first = Fit.of(base, Map.of(), tunedReels[0], maxChange, three, rows, scale, option);
        List<Map<Integer, JsonNode>> stopWeights = new ArrayList<>();
        List<List<SymbolWeight>> symbols = new ArrayList<>();
        for (Targets t : targets) {
            // The reels in turn: a reel that cannot reach the RTP is set where it comes nearest (a vertex of its bounds),
            // and the next reel is fitted to the model with it; each fit is exact for the model it is fitted to.
            Map<Integer, JsonNode> fixed = new LinkedHashMap<>();
            List<SymbolWeight> shares = new ArrayList<>();
            Fit fit = first;
            for (int i = 0; ; i++) {
                long[] w;
                boolean reached = fit.model.reaches(t);
                if (reached || i == tunedReels.length - 1) {
                    try {
                        w = fit.weights(t, maxChange); // refused with the reachable range when not reached
                    } catch (ModelException e) {
                        if (i == 0) {
                            throw e;
                        }
                        List<String> before = new ArrayList<>();
                        for (int j = 0; j < i; j++) {
                            before.add(base.path(tunedReels[j]));
                        }
                        throw new ModelException(e.file(), e.jsonPath(), e.problem()
                                + ", with " + String.join(", ", before) + " set where they come nearest");
                    }
                } else {
                    w = fit.nearest(t);
                }
                fixed.put(fit.r, fit.reel.with(w).json());
                shares.addAll(symbols(fit.r, fit.reel, fit.group, w));
                if (reached) {
                    break;
                }
                fit = Fit.of(base, fixed, tunedReels[i + 1], maxChange, three, rows, scale, option);
            }
            stopWeights.add(fixed);
            symbols.add(shares);
        }
        byte[] written = base.write(names, stopWeights);
        List<Tuned> tuned = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            String variant = names == null ? null : names.get(t);
            io.fairspin.math.Game game = GameModels.load(fileName, written, variant);
            ExactFigures f = game.exactFigures().orElseThrow();
            Tuned result = new Tuned(variant, targets.get(t), f, symbols.get(t), game);
            check(fileName, base.path(tunedReels[0]), result);
            tuned.add(result);
        }
        return new Result(written, base.name, tunedReels, first.rtpBefore, first.hitBefore, tuned);
    }

    /**
     * One reel's fit: its stops and weights, its symbols' groups and the linear-fractional model of the figures in the
     * groups' multipliers, from one exact analysis per symbol of the model with {@code fixed} reels replaced.
     */
    private static final class Fit {
        final int r;
        final Reel reel;
        final int[] symbolOf;
        final int[] group;
        final Fraction[][] perSymbol;
        final Fraction[] symbolWeight;
        final long scale;
        final boolean even;
        final Model model;
        final Fraction rtpBefore;
        final Fraction hitBefore;

        private Fit(int r, Reel reel, int[] symbolOf, int[] group, Fraction[][] perSymbol, Fraction[] symbolWeight,
                long scale, Model model, Fraction rtpBefore, Fraction hitBefore) {
            this.r = r;
            this.reel = reel;
            this.symbolOf = symbolOf;
            this.group = group;
            this.perSymbol = perSymbol;
            this.symbolWeight = symbolWeight;
            this.scale = scale;
            this.model = model;
            this.rtpBefore = rtpBefore;
            this.hitBefore = hitBefore;
            boolean e = true; // every stop of a symbol has one weight: then the rounded weights' figures are exact
            for (int i = 0; i < symbolOf.length; i++) {
                for (int j = 0; j < i; j++) {
                    e &= symbolOf[i] != symbolOf[j] || reel.weights[i] == reel.weights[j];
                }
            }
            even = e;
        }

        static Fit of(BaseReelSet base, Map<Integer, JsonNode> fixed, int r, Fraction maxChange, boolean three, int rows,
                long scale, String option) {
            String fileName = base.fileName;
            String path = base.path(r);
            Reel original = Reel.of(fileName, path, base.set.get(r), rows);
            List<String> symbols = original.stops.stream().distinct().toList();
            if (symbols.size() < 2) {
                throw new ModelException(fileName, path, "the reel shows one symbol only; tune another --reel");
            }
            int n = symbols.size();
            int[] symbolOf = original.stops.stream().mapToInt(symbols::indexOf).toArray();
            Fraction[] symbolWeight = new Fraction[n];
            Arrays.fill(symbolWeight, Fraction.ZERO);
            for (int i = 0; i < symbolOf.length; i++) {
                symbolWeight[symbolOf[i]] = symbolWeight[symbolOf[i]].add(Fraction.of(original.weights[i] * scale));
            }
            // n analyses, symbol j's stops raised by b (run side by side): F_j D_j = sum G + b G_j.
            Fraction[][] fd = new Fraction[3][n];
            java.util.stream.IntStream.range(0, n).parallel().forEach(j -> {
                Fraction[] m = ones(n);
                m[j] = Fraction.ONE.add(maxChange);
                Map<Integer, JsonNode> reels = new LinkedHashMap<>(fixed);
                reels.put(r, original.with(ReelWeightTuner.weights(original, symbolOf, m, scale)).json());
                ExactFigures f = analyse(fileName, base.withReels(reels));
                Fraction d = SmallLp.dot(symbolWeight, m);
                fd[0][j] = f.rtp().multiply(d);
                fd[1][j] = f.hitFrequency().multiply(d);
                fd[2][j] = f.variance().add(f.rtp().multiply(f.rtp())).multiply(d);
            });
            Fraction[][] perSymbol = new Fraction[3][n]; // RTP, hit frequency, E[X^2]
            for (int fig = 0; fig < 3; fig++) {
                Fraction sum = Fraction.ZERO;
                for (int j = 0; j < n; j++) {
                    sum = sum.add(fd[fig][j]);
                }
                sum = sum.divide(Fraction.of(n).add(maxChange));
                for (int j = 0; j < n; j++) {
                    perSymbol[fig][j] = fd[fig][j].subtract(sum).divide(maxChange);
                }
            }
            int[] groupOfSymbol = groups(perSymbol, symbolWeight, three);
            int k = Arrays.stream(groupOfSymbol).max().orElse(0) + 1;
            int[] group = Arrays.stream(symbolOf).map(s -> groupOfSymbol[s]).toArray();
            Fraction[] weightOf = new Fraction[k];
            Fraction[][] g = new Fraction[3][k];
            Arrays.fill(weightOf, Fraction.ZERO);
            for (Fraction[] row : g) {
                Arrays.fill(row, Fraction.ZERO);
            }
            for (int s = 0; s < n; s++) {
                weightOf[groupOfSymbol[s]] = weightOf[groupOfSymbol[s]].add(symbolWeight[s]);
                for (int fig = 0; fig < 3; fig++) {
                    g[fig][groupOfSymbol[s]] = g[fig][groupOfSymbol[s]].add(perSymbol[fig][s]);
                }
            }
            Fraction[] one = ones(k);
            Fraction total = SmallLp.dot(weightOf, one);
            Fraction lo = Fraction.ONE.subtract(maxChange);
            Fraction hi = Fraction.ONE.add(maxChange);
            Model model = new Model(fileName, path, option, k, lo, hi, weightOf, g);
            return new Fit(r, original, symbolOf, group, perSymbol, symbolWeight, scale, model,
                    SmallLp.dot(g[0], one).divide(total), SmallLp.dot(g[1], one).divide(total));
        }

        /** The reel's weights that meet the targets (refused, naming the reachable range, when they cannot). */
        long[] weights(Targets t, Fraction maxChange) {
            long[] w = ReelWeightTuner.weights(reel, group, model.solve(t, maxChange), scale);
            return even ? rounded(w, symbolOf, perSymbol, symbolWeight, t, maxChange, scale, reel.weights) : w;
        }

        /** The reel's weights at the vertex of its bounds whose RTP is nearest the target. */
        long[] nearest(Targets t) {
            return ReelWeightTuner.weights(reel, group, model.nearest(t.rtp()), scale);
        }
    }

    /** The linear-fractional model of the figures in the group multipliers, and the targets' solutions in it. */
    private record Model(String fileName, String path, String option, int k, Fraction lo, Fraction hi, Fraction[] w,
            Fraction[][] g) {
        Fraction figure(int fig, Fraction[] m) {
            return SmallLp.dot(g[fig], m).divide(SmallLp.dot(w, m));
        }

        /** (G - value W): the figure equals value where this dotted with m is 0, exceeds it where positive. */
        Fraction[] level(int fig, Fraction value) {
            Fraction[] a = new Fraction[k];
            for (int j = 0; j < k; j++) {
                a[j] = g[fig][j].subtract(value.multiply(w[j]));
            }
            return a;
        }

        Fraction[] negate(Fraction[] a) {
            Fraction[] n = new Fraction[a.length];
            for (int j = 0; j < a.length; j++) {
                n[j] = a[j].negate();
            }
            return n;
        }

        /** Whether some multipliers within the bounds give the target RTP. */
        boolean reaches(Targets t) {
            return !SmallLp.vertices(k, lo, hi, List.<Fraction[]>of(level(0, t.rtp())), List.of()).isEmpty();
        }

        /** The vertex of the bounds whose RTP is nearest {@code rtp}. */
        Fraction[] nearest(Fraction rtp) {
            Fraction[] best = null;
            for (Fraction[] m : SmallLp.vertices(k, lo, hi, List.of(), List.of())) {
                if (best == null || distance(figure(0, m), rtp).compareTo(distance(figure(0, best), rtp)) < 0) {
                    best = m;
                }
            }
            return best;
        }

        Fraction[] solve(Targets t, Fraction maxChange) {
            String bounds = " within --max-change " + stripped(maxChange) + " of the stop weights of " + path;
            List<Fraction[]> eq = new ArrayList<>();
            List<Fraction[]> box = SmallLp.vertices(k, lo, hi, eq, List.of());
            eq.add(level(0, t.rtp()));
            List<Fraction[]> v = SmallLp.vertices(k, lo, hi, eq, List.of());
            if (v.isEmpty()) {
                throw new ModelException(fileName, path, option + ": the RTP " + t.rtp().toDecimalString(6)
                        + " is outside what can be reached" + bounds + ": " + range(0, box, 6) + " (raise --max-change"
                        + " or tune another --reel)");
            }
            if (t.hitFrequency() != null) {
                List<Fraction[]> before = v;
                eq.add(level(1, t.hitFrequency()));
                v = SmallLp.vertices(k, lo, hi, eq, List.of());
                if (v.isEmpty()) {
                    throw new ModelException(fileName, path, "--hit-frequency " + t.hitFrequency().toDecimalString(6)
                            + ": at RTP " + t.rtp().toDecimalString(6) + " the hit frequency reachable" + bounds + " is "
                            + range(1, before, 6));
                }
            }
            if (t.volatilityLow() != null) {
                List<Fraction[]> before = v;
                Fraction r2 = t.rtp().multiply(t.rtp());
                Fraction low = square(t.volatilityLow().divide(Z90)).add(r2);
                Fraction high = square(t.volatilityHigh().divide(Z90)).add(r2);
                v = SmallLp.vertices(k, lo, hi, eq, List.of(level(2, low), negate(level(2, high))));
                if (v.isEmpty()) {
                    double least = Double.MAX_VALUE;
                    double most = 0;
                    for (Fraction[] m : before) {
                        double vi = Z90.doubleValue() * Math.sqrt(Math.max(0, figure(2, m).subtract(r2).doubleValue()));
                        least = Math.min(least, vi);
                        most = Math.max(most, vi);
                    }
                    throw new ModelException(fileName, path, String.format(java.util.Locale.ROOT,
                            "--volatility-index %s..%s: at RTP %s%s the volatility index (90%%) reachable%s is %.4f to %.4f",
                            stripped(t.volatilityLow()), stripped(t.volatilityHigh()), t.rtp().toDecimalString(6),
                            t.hitFrequency() == null ? "" : " and hit frequency " + t.hitFrequency().toDecimalString(6),
                            bounds, least, most));
                }
            }
            return SmallLp.mean(v);
        }

        String range(int fig, List<Fraction[]> vertices, int places) {
            Fraction least = null;
            Fraction most = null;
            for (Fraction[] m : vertices) {
                Fraction f = figure(fig, m);
                least = least == null || f.compareTo(least) < 0 ? f : least;
                most = most == null || f.compareTo(most) > 0 ? f : most;
            }
            return least.toDecimalString(places) + " to " + most.toDecimalString(places);
        }
    }

    private static void check(String fileName, String path, Tuned t) {
        Targets want = t.targets();
        ExactFigures f = t.figures();
        List<String> misses = new ArrayList<>();
        if (distance(f.rtp(), want.rtp()).compareTo(want.tolerance()) > 0) {
            misses.add("RTP " + f.rtp().toDecimalString(6) + " (target " + want.rtp().toDecimalString(6) + ")");
        }
        if (want.hitFrequency() != null && distance(f.hitFrequency(), want.hitFrequency()).compareTo(want.tolerance()) > 0) {
            misses.add("hit frequency " + f.hitFrequency().toDecimalString(6) + " (target "
                    + want.hitFrequency().toDecimalString(6) + ")");
        }
        if (want.volatilityLow() != null && (t.volatilityIndex() < want.volatilityLow().doubleValue()
                || t.volatilityIndex() > want.volatilityHigh().doubleValue())) {
            misses.add(String.format(java.util.Locale.ROOT, "volatility index %.4f", t.volatilityIndex()));
        }
        if (!misses.isEmpty()) {
            throw new ModelException(fileName, path, "the tuned model" + (t.variant() == null ? "" : " (variant "
                    + t.variant() + ")") + " misses its targets: " + String.join(", ", misses) + " (--tolerance "
                    + want.tolerance().toDecimalString(6) + "); its figures are not linear in this reel's weights, as"
                    + " when a mechanic draws from the reel again after the spin (cascades refilling from it)");
        }
    }

    static Fraction distance(Fraction a, Fraction b) {
        Fraction d = a.subtract(b);
        return d.signum() < 0 ? d.negate() : d;
    }

    private static Fraction square(Fraction f) {
        return f.multiply(f);
    }

    private static String stripped(Fraction f) {
        return f.toBigDecimal(MathContext.DECIMAL64).stripTrailingZeros().toPlainString();
    }

    private static Fraction[] ones(int k) {
        Fraction[] m = new Fraction[k];
        Arrays.fill(m, Fraction.ONE);
        return m;
    }

    /** The scale that keeps every multiplied weight integral and within the format's largest weight. */
    private static long scale(String fileName, String path, Reel reel, Fraction maxChange) {
        if (maxChange.signum() <= 0 || maxChange.compareTo(Fraction.ONE) >= 0) {
            throw new ModelException(fileName, path, "--max-change must be above 0 and below 1, was "
                    + maxChange.toDecimalString(6));
        }
        BigInteger den = maxChange.denominator();
        long most = Arrays.stream(reel.weights).max().orElse(1);
        Fraction room = Fraction.of(MAX_WEIGHT).divide(Fraction.of(most).multiply(Fraction.ONE.add(maxChange)));
        long bound = Math.min(SCALE, room.numerator().divide(room.denominator()).longValue());
        long scale = bound / den.longValueExact() * den.longValueExact();
        if (den.bitLength() > 40 || scale < 1) {
            throw new ModelException(fileName, path, "the reel's weights (up to " + most + ") leave no room to change them by"
                    + " --max-change " + maxChange.toDecimalString(6) + " in whole numbers below 2^24");
        }
        return scale;
    }

    /**
     * The largest scale, {@code first} or a tenth, a hundredth of it and so on (a multiple of the change's denominator), at
     * which the model with every weight raised still loads: a model's cycle (the product of its reels' weight totals,
     * and of random heights' weights) must stay within 2^62.
     */
    private static long fitting(BaseReelSet base, int[] tunedReels, int rows, Fraction maxChange) {
        String fileName = base.fileName;
        long first = Long.MAX_VALUE;
        List<Reel> originals = new ArrayList<>();
        for (int r : tunedReels) {
            Reel reel = Reel.of(fileName, base.path(r), base.set.get(r), rows);
            originals.add(reel);
            first = Math.min(first, ReelWeightTuner.scale(fileName, base.path(r), reel, maxChange));
        }
        long den = maxChange.denominator().longValueExact();
        ModelException last = null;
        for (long scale = first; scale >= den; scale = scale / 10 / den * den) {
            Map<Integer, JsonNode> reels = new LinkedHashMap<>();
            for (int k = 0; k < tunedReels.length; k++) {
                Reel reel = originals.get(k);
                long[] raised = new long[reel.weights.length];
                for (int i = 0; i < raised.length; i++) {
                    raised[i] = Fraction.ONE.add(maxChange).multiply(reel.weights[i] * scale).numerator().longValueExact();
                }
                reels.put(tunedReels[k], reel.with(raised).json());
            }
            try {
                GameModels.load(fileName, base.withReels(reels), null);
                return scale;
            } catch (ModelException e) {
                last = e;
            }
            if (scale / 10 / den * den == 0) {
                break;
            }
        }
        throw last;
    }

    /**
     * The rounded weights moved, one symbol at a time by one unit, while that brings the figures nearer their targets:
     * with every stop of a symbol at one weight u_s, a figure is exactly sum_s G_s u_s / sum_s W_s u_s (G and W of the
     * analyses at the scale), so the best rounding is found without another analysis. Moves stay within the bounds
     * and keep a volatility band that the rounded weights meet.
     */
    private static long[] rounded(long[] start, int[] symbolOf, Fraction[][] g, Fraction[] w, Targets t, Fraction maxChange,
            long scale, long[] original) {
        int n = w.length;
        long[] u = new long[n];
        long[] base = new long[n];
        for (int i = 0; i < start.length; i++) {
            u[symbolOf[i]] = start[i];
            base[symbolOf[i]] = original[i] * scale;
        }
        Fraction[] weight = new Fraction[n];
        Fraction[][] mean = new Fraction[3][n];
        for (int s = 0; s < n; s++) {
            weight[s] = w[s].divide(base[s]); // the symbol's weight per unit of u (its number of stops)
            for (int fig = 0; fig < 3; fig++) {
                mean[fig][s] = g[fig][s].divide(w[s]); // the figure given the symbol shows (the weighted row)
            }
        }
        Fraction best = miss(u, mean, weight, t);
        for (int step = 0; step < 10_000 && best.signum() > 0; step++) {
            int bestSymbol = -1;
            long bestValue = 0;
            for (int s = 0; s < n; s++) {
                for (long d : new long[] {-1, 1}) {
                    long value = u[s] + d;
                    Fraction lo = Fraction.ONE.subtract(maxChange).multiply(base[s]);
                    Fraction hi = Fraction.ONE.add(maxChange).multiply(base[s]);
                    if (Fraction.of(value).compareTo(lo) < 0 || Fraction.of(value).compareTo(hi) > 0) {
                        continue;
                    }
                    long keep = u[s];
                    u[s] = value;
                    Fraction m = miss(u, mean, weight, t);
                    u[s] = keep;
                    if (m.compareTo(best) < 0) {
                        best = m;
                        bestSymbol = s;
                        bestValue = value;
                    }
                }
            }
            if (bestSymbol < 0) {
                break;
            }
            u[bestSymbol] = bestValue;
        }
        long[] out = new long[start.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = u[symbolOf[i]];
        }
        return out;
    }

    /** How far the figures at per-symbol weights u are from the targets: RTP and hit frequency gaps, or more when the band is broken. */
    private static Fraction miss(long[] u, Fraction[][] mean, Fraction[] weight, Targets t) {
        Fraction d = Fraction.ZERO;
        Fraction[] num = {Fraction.ZERO, Fraction.ZERO, Fraction.ZERO};
        for (int s = 0; s < u.length; s++) {
            Fraction x = weight[s].multiply(u[s]);
            d = d.add(x);
            for (int fig = 0; fig < 3; fig++) {
                num[fig] = num[fig].add(mean[fig][s].multiply(x));
            }
        }
        Fraction rtp = num[0].divide(d);
        Fraction miss = distance(rtp, t.rtp());
        if (t.hitFrequency() != null) {
            miss = miss.add(distance(num[1].divide(d), t.hitFrequency()));
        }
        if (t.volatilityLow() != null) {
            Fraction variance = num[2].divide(d).subtract(rtp.multiply(rtp));
            Fraction low = square(t.volatilityLow().divide(Z90));
            Fraction high = square(t.volatilityHigh().divide(Z90));
            if (variance.compareTo(low) < 0 || variance.compareTo(high) > 0) {
                miss = miss.add(Fraction.ONE);
            }
        }
        return miss;
    }

    private static long[] weights(Reel reel, int[] group, Fraction[] m, long scale) {
        long[] w = new long[reel.stops.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = m[group[i]].multiply(reel.weights[i] * scale).toBigDecimal(MathContext.DECIMAL128)
                    .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        }
        return w;
    }

    private static List<SymbolWeight> symbols(int r, Reel reel, int[] group, long[] after) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, Integer> groups = new LinkedHashMap<>();
        long totalBefore = 0;
        long totalAfter = 0;
        for (int i = 0; i < after.length; i++) {
            String s = reel.stops.get(i);
            long[] sum = sums.computeIfAbsent(s, x -> new long[2]);
            sum[0] += reel.weights[i];
            sum[1] += after[i];
            groups.put(s, group[i]);
            totalBefore += reel.weights[i];
            totalAfter += after[i];
        }
        List<SymbolWeight> list = new ArrayList<>();
        for (var e : sums.entrySet()) {
            list.add(new SymbolWeight(r, e.getKey(), groups.get(e.getKey()), Fraction.of(e.getValue()[0], totalBefore),
                    Fraction.of(e.getValue()[1], totalAfter)));
        }
        list.sort((a, b) -> a.group() != b.group() ? Integer.compare(a.group(), b.group()) : 0);
        return list;
    }

    /**
     * Each symbol's group. The RTP moves most when the symbols that return more than the reel's average per unit of
     * weight (their expected RTP given they show, G_s / W_s, above the RTP) move against the others, so those are
     * group 0 and the rest group 1; with a hit frequency or volatility band to meet too, the larger of the two is cut
     * again by the symbols' hit frequency given they show (above or below its median), giving three groups.
     */
    private static int[] groups(Fraction[][] g, Fraction[] w, boolean three) {
        int n = w.length;
        Fraction[] total = {Fraction.ZERO, Fraction.ZERO};
        Fraction weight = Fraction.ZERO;
        for (int s = 0; s < n; s++) {
            total[0] = total[0].add(g[0][s]);
            weight = weight.add(w[s]);
        }
        Fraction rtp = total[0].divide(weight);
        int[] group = new int[n];
        Integer[] byRtp = new Integer[n];
        for (int s = 0; s < n; s++) {
            byRtp[s] = s;
        }
        Arrays.sort(byRtp, (a, b) -> g[0][b].divide(w[b]).compareTo(g[0][a].divide(w[a])));
        int high = 0;
        for (int s : byRtp) {
            high += g[0][s].divide(w[s]).compareTo(rtp) > 0 ? 1 : 0;
        }
        high = Math.max(1, Math.min(n - 1, high));
        for (int i = 0; i < n; i++) {
            group[byRtp[i]] = i < high ? 0 : 1;
        }
        if (three && n >= 3) {
            int larger = high >= n - high ? 0 : 1;
            List<Integer> members = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                if (group[s] == larger) {
                    members.add(s);
                }
            }
            members.sort((a, b) -> g[1][b].divide(w[b]).compareTo(g[1][a].divide(w[a])));
            for (int i = members.size() / 2; i < members.size(); i++) {
                group[members.get(i)] = 2;
            }
        }
        return group;
    }

    private static ExactFigures analyse(String fileName, byte[] json) {
        return GameModels.load(fileName, json, null).exactFigures().orElseThrow(() -> new ModelException(fileName, "$",
                "the model has no exact figures, so tune cannot compute them exactly"));
    }

    /**
     * A reel as stops with weights: a plain strip is stops of weight 1, weighted on the middle row (the row whose
     * symbol a stop's weight is for does not matter while the weights are equal, and on the middle row each group's
     * weight is that of the symbol the centre line shows).
     */
    private record Reel(List<String> stops, long[] weights, Integer weightedRow) {
        static Reel of(String fileName, String path, JsonNode node, int rows) {
            if (node.isArray()) {
                List<String> stops = new ArrayList<>();
                node.forEach(s -> stops.add(s.asText()));
                long[] weights = new long[stops.size()];
                Arrays.fill(weights, 1);
                return new Reel(stops, weights, rows > 1 ? rows / 2 : null);
            }
            List<String> stops = new ArrayList<>();
            node.get("stops").forEach(s -> stops.add(s.asText()));
            long[] weights = new long[stops.size()];
            JsonNode w = node.get("weights");
            for (int i = 0; i < weights.length; i++) {
                weights[i] = w == null ? 1 : w.get(i).asLong();
            }
            return new Reel(stops, weights, node.has("weightedRow") ? node.get("weightedRow").asInt() : null);
        }

        Reel with(long[] newWeights) {
            return new Reel(stops, newWeights, weightedRow);
        }

        ObjectNode json() {
            ObjectNode node = MAPPER.createObjectNode();
            ArrayNode s = node.putArray("stops");
            stops.forEach(s::add);
            ArrayNode w = node.putArray("weights");
            Arrays.stream(weights).forEach(w::add);
            if (weightedRow != null) {
                node.put("weightedRow", weightedRow);
            }
            return node;
        }
    }
}

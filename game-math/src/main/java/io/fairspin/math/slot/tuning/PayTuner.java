package io.fairspin.math.slot.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.math.ModelException;
import io.fairspin.math.json.StrictJson;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.cascades.CascadeGame;
import io.fairspin.math.slot.respins.HoldAndWinGame;
import io.fairspin.math.slot.analysis.Analysis;
import io.fairspin.math.slot.analysis.SpinMoments;
import io.fairspin.math.slot.model.SlotModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Tunes a slot model's RTP by its pays, the reels kept ({@code tune --keep reels}): every non-zero line, ways, sequence
 * and scatter pay may move by at most {@code maxChange} of itself, in whole line bets (total bets for scatters), and a
 * symbol's pays stay non-decreasing in the count.
 *
 * <p>How: one exact analysis gives each pay's return per unit of pay: the PAR sheet's "return by award" (how often the
 * award is paid per round, in the base game and in free games, times its multiplier) divided by the pay. While no
 * line's best win changes (scaling every pay alike keeps them), the RTP is linear in the pays with those
 * coefficients. All pays are first scaled by the one factor that would reach the target, rounded; the remaining gap is
 * then closed greedily, largest coefficient first, one whole unit at a time (so the last steps move the rarest
 * awards, whose unit moves the RTP least). The written model is analysed again; if a cap ({@code maxWin}) or a changed
 * best win made the RTP differ from the linear estimate, the coefficients are taken from that analysis and the gap
 * closed again (at most {@link #ROUNDS} times).
 */
public final class PayTuner {
    /** The most analyses of a tuned model before a target is given up. */
    static final int ROUNDS = 4;

    /**
     * One pay that changed.
     *
     * @param path its JSON path, for example {@code $.pays[0].pays[2]}
     * @param before the pay before
     * @param after the pay after
     */
    public record PayChange(String path, long before, long after) {
    }

    /**
     * One tuned model (or variant).
     *
     * @param variant the variant's name, or null for the top-level model
     * @param target the RTP it had to reach
     * @param figures its exact figures, analysed from the written model's bytes
     * @param pays the pays that changed
     * @param game the written model (or variant) as loaded from its bytes, its analysis done
     */
    public record Tuned(String variant, Fraction target, ExactFigures figures, List<PayChange> pays, Game game) {
    }

    /**
     * The result.
     *
     * @param model the written model's bytes
     * @param before the exact figures before
     * @param tuned one entry per target, in order
     */
    public record Result(byte[] model, ExactFigures before, List<Tuned> tuned) {
    }

    /** A pay in the model file: {@code list[item].field} (a number) or {@code list[item].field[index]}, and its value. */
    private record Entry(String list, int item, String field, int index, long value) {
        String path() {
            return "$." + list + "[" + item + "]." + field + (index < 0 ? "" : "[" + index + "]");
        }

        boolean sameArray(Entry other) {
            return list.equals(other.list) && item == other.item && field.equals(other.field);
        }

        /** A per-coin pay, {@code coinPays.N} or {@code coinPays.N[k]}: its number of coins, else 0. */
        int coins() {
            return field.startsWith("coinPays.") ? Integer.parseInt(field.substring("coinPays.".length())) : 0;
        }

        void write(ObjectNode root, long pay) {
            ObjectNode node = (ObjectNode) root.get(list).get(item);
            String name = field;
            if (coins() > 0) {
                node = (ObjectNode) node.get("coinPays");
                name = String.valueOf(coins());
            }
            if (index < 0) {
                node.put(name, pay);
            } else {
                ((ArrayNode) node.get(name)).set(index, pay);
            }
        }
    }

    private PayTuner() {
    }

    /**
     * Tunes the pays of the top-level model ({@code names} null, one target) or writes one variant per target (each
     * replacing {@code pays} and {@code scatters}).
     *
     * @param fileName the model file's name as the user gave it, for messages
     * @param json the model file's bytes
     * @param names null to tune the top-level model, else the variants' names
     * @param targets the RTP each must reach
     * @param tolerance the largest distance from the target
     * @param maxChange the largest change of a pay, as a fraction of it (0 &lt; b &lt; 1)
     * @param option the option the targets came from, for messages
     * @return the written model and each target's figures
     * @throws ModelException when the model's pays cannot be tuned, or a target is out of reach
     */
    public static Result tune(String fileName, byte[] json, List<String> names, List<Fraction> targets, Fraction tolerance,
            Fraction maxChange, String option) {
        Game original = GameModels.load(fileName, json, null);
        if (!(original instanceof SlotGame)) {
            throw new ModelException(fileName, "$.type", "--keep reels tunes the pays of a line or ways slot; this is "
                    + (original instanceof CascadeGame || original instanceof HoldAndWinGame
                            ? "a cascading or hold-and-win slot: tune its reels (--change weights)" : "not a slot"));
        }
        ObjectNode root = StrictJson.model(fileName, json);
        List<Entry> entries = entries(root);
        if (entries.isEmpty()) {
            throw new ModelException(fileName, "$.pays", "--keep reels: the model has no pay to tune");
        }
        ExactFigures before = original.exactFigures().orElseThrow(() -> new ModelException(fileName, "$",
                "the model has no exact figures, so tune cannot compute them exactly"));
        double[] coefficient = coefficients((SlotGame) original, entries);
        List<long[]> chosen = new ArrayList<>();
        for (Fraction target : targets) {
            long[] pays = entries.stream().mapToLong(Entry::value).toArray();
            double[] c = coefficient;
            Fraction rtp = before.rtp();
            Game game = null;
            for (int round = 0; ; round++) {
                pays = close(fileName, option, entries, pays, c, target.subtract(rtp).doubleValue(), maxChange, target,
                        tolerance, before.rtp(), round == 0);
                ObjectNode copy = root.deepCopy();
                copy.remove("variants");
                for (int e = 0; e < entries.size(); e++) {
                    entries.get(e).write(copy, pays[e]);
                }
                game = GameModels.load(fileName, ReelSetTuner.bytes(copy), null);
                rtp = game.exactFigures().orElseThrow().rtp();
                if (ReelWeightTuner.distance(rtp, target).compareTo(tolerance) <= 0) {
                    break;
                }
                if (round + 1 == ROUNDS) {
                    throw new ModelException(fileName, "$.pays", option + ": the RTP " + target.toDecimalString(6)
                            + " was not reached by the pays in " + ROUNDS + " exact analyses (last "
                            + rtp.toDecimalString(6) + "): a cap or wins that change with the pays keep it away");
                }
                c = coefficients((SlotGame) game, entries);
            }
            chosen.add(pays);
        }
        if (names == null) {
            for (int e = 0; e < entries.size(); e++) {
                entries.get(e).write(root, chosen.get(0)[e]);
            }
        } else {
            ObjectNode variants = root.has("variants") ? (ObjectNode) root.get("variants") : root.putObject("variants");
            for (int t = 0; t < names.size(); t++) {
                String name = names.get(t);
                JsonNode existing = variants.get(name);
                if (existing != null) {
                    existing.fieldNames().forEachRemaining(f -> {
                        if (!List.of("pays", "scatters", "id", "name").contains(f)) {
                            throw new ModelException(fileName, "$.variants." + name + "." + f, "tune --variants"
                                    + " --keep reels tunes the top-level pays, so the variant may replace only pays and scatters");
                        }
                    });
                }
                ObjectNode copy = root.deepCopy();
                for (int e = 0; e < entries.size(); e++) {
                    entries.get(e).write(copy, chosen.get(t)[e]);
                }
                ObjectNode variant = existing instanceof ObjectNode o ? o : variants.putObject(names.get(t));
                variant.set("pays", copy.get("pays"));
                if (copy.has("scatters")) {
                    variant.set("scatters", copy.get("scatters"));
                }
            }
        }
        byte[] written = ReelSetTuner.bytes(root);
        List<Tuned> tuned = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            String variant = names == null ? null : names.get(t);
            Game game = GameModels.load(fileName, written, variant);
            ExactFigures f = game.exactFigures().orElseThrow();
            if (ReelWeightTuner.distance(f.rtp(), targets.get(t)).compareTo(tolerance) > 0) {
                throw new IllegalStateException("the written model's RTP " + f.rtp() + " differs from the tuned copy's");
            }
            List<PayChange> changes = new ArrayList<>();
            for (int e = 0; e < entries.size(); e++) {
                if (chosen.get(t)[e] != entries.get(e).value()) {
                    changes.add(new PayChange(entries.get(e).path(), entries.get(e).value(), chosen.get(t)[e]));
                }
            }
            tuned.add(new Tuned(variant, targets.get(t), f, changes, game));
        }
        return new Result(written, before, tuned);
    }

    /**
     * New pays that close the gap {@code gap} by the linear estimate: on the first round every pay scaled by one
     * factor, then whole units, largest coefficient first; pays within [ceil(p (1 - b)), floor(p (1 + b))] of the
     * original p, at least 1, non-decreasing along one pays array.
     */
    private static long[] close(String fileName, String option, List<Entry> entries, long[] pays, double[] c, double gap,
            Fraction maxChange, Fraction target, Fraction tolerance, Fraction before, boolean scale) {
        int n = entries.size();
        long[] lo = new long[n];
        long[] hi = new long[n];
        double b = maxChange.doubleValue();
        double least = 0;
        double most = 0;
        for (int e = 0; e < n; e++) {
            long p = entries.get(e).value();
            lo[e] = Math.max(1, (long) Math.ceil(p * (1 - b) - 1e-9));
            hi[e] = (long) Math.floor(p * (1 + b) + 1e-9);
            least += c[e] * (lo[e] - pays[e]);
            most += c[e] * (hi[e] - pays[e]);
        }
        double reachLow = target.doubleValue() - gap + least;
        double reachHigh = target.doubleValue() - gap + most;
        if (gap < least - tolerance.doubleValue() || gap > most + tolerance.doubleValue()) {
            throw new ModelException(fileName, "$.pays", String.format(java.util.Locale.ROOT, "%s: the RTP %s is outside"
                    + " what the pays reach within --max-change %s with the reels kept: about %.6f to %.6f (RTP before %s)",
                    option, target.toDecimalString(6), maxChange.toBigDecimal(java.math.MathContext.DECIMAL64)
                            .stripTrailingZeros().toPlainString(), reachLow, reachHigh, before.toDecimalString(6)));
        }
        long[] x = pays.clone();
        double remaining = gap;
        if (scale) {
            double fromPays = 0;
            for (int e = 0; e < n; e++) {
                fromPays += c[e] * pays[e];
            }
            double factor = 1 + gap / fromPays;
            for (int e = 0; e < n; e++) {
                x[e] = Math.max(lo[e], Math.min(hi[e], Math.round(pays[e] * factor)));
                remaining -= c[e] * (x[e] - pays[e]);
            }
        }
        // Pays that were equal (line, ways and sequence pays among themselves, scatter pays among themselves) move
        // together, so they stay equal: one step moves every pay of a group by one unit.
        List<List<Integer>> groups = new ArrayList<>();
        Map<String, List<Integer>> byValue = new java.util.LinkedHashMap<>();
        for (int e = 0; e < n; e++) {
            byValue.computeIfAbsent(entries.get(e).list() + entries.get(e).coins() + "=" + entries.get(e).value(),
                    k -> new ArrayList<>()).add(e);
        }
        groups.addAll(byValue.values());
        double[] cg = new double[groups.size()];
        for (int g = 0; g < cg.length; g++) {
            for (int e : groups.get(g)) {
                cg[g] += c[e];
            }
        }
        Integer[] order = new Integer[groups.size()];
        for (int g = 0; g < order.length; g++) {
            order[g] = g;
        }
        Arrays.sort(order, (a, d) -> Double.compare(cg[d], cg[a]));
        double aim = tolerance.doubleValue() / 8;
        for (int pass = 0; pass < 3 && Math.abs(remaining) > aim; pass++) {
            for (int g : order) {
                if (cg[g] <= 0 || Math.abs(remaining) <= aim) {
                    continue;
                }
                long steps = (long) Math.floor(Math.abs(remaining) / cg[g] + (pass == 2 ? 0.5 : 0));
                long direction = remaining > 0 ? 1 : -1;
                while (steps > 0 && movable(entries, x, groups.get(g), direction, lo, hi)) {
                    for (int e : groups.get(g)) {
                        x[e] += direction;
                    }
                    remaining -= direction * cg[g];
                    steps--;
                }
            }
        }
        return x;
    }

    /** Whether every pay of a group may move by {@code direction} together: within its bounds, its arrays non-decreasing. */
    private static boolean movable(List<Entry> entries, long[] x, List<Integer> group, long direction, long[] lo, long[] hi) {
        long[] next = x.clone();
        for (int e : group) {
            next[e] += direction;
            if (next[e] < lo[e] || next[e] > hi[e]) {
                return false;
            }
        }
        for (int e : group) {
            if (!monotone(entries, next, e, next[e])) {
                return false;
            }
        }
        return true;
    }

    /** Whether pay e may become {@code value} while its pays array stays non-decreasing in the count. */
    private static boolean monotone(List<Entry> entries, long[] x, int e, long value) {
        Entry entry = entries.get(e);
        if (entry.index() < 0) {
            return true;
        }
        for (int o = 0; o < entries.size(); o++) {
            Entry other = entries.get(o);
            if (o != e && other.sameArray(entry)) {
                if (other.index() < entry.index() && x[o] > value || other.index() > entry.index() && x[o] < value) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Each entry's return per unit of its pay, from the game's analysis (base game and free games). */
    private static double[] coefficients(SlotGame game, List<Entry> entries) {
        Analysis analysis = game.analysis();
        SlotModel model = game.model;
        double units = model.stakeUnits();
        double[] c = new double[entries.size()];
        // Line, ways and sequence pays: the model's pays in file order, one per non-zero pay. A per-coin pay for the
        // standard wager's coins replaces coins x the one-coin pay (which then returns nothing at that wager); per-coin
        // pays for other coins return nothing at the standard wager (they are scaled with the rest, in the first step).
        int p = 0;
        Map<String, Integer> payOf = new java.util.HashMap<>();
        for (int e = 0; e < entries.size(); e++) {
            Entry entry = entries.get(e);
            if (!entry.list().equals("pays") || entry.coins() > 0) {
                continue;
            }
            while (p < model.pays().size() && model.pays().get(p).bonus()) {
                p++;
            }
            SlotModel.Pay pay = model.pays().get(p);
            double credits = analysis.awards.credits[p].doubleValue();
            if (analysis.freeAwards != null) {
                credits += analysis.freeAwards.credits[p].multiply(analysis.freeGamesPerRound()).doubleValue()
                        * model.freeGames().multiplier();
            }
            c[e] = credits / pay.credits() / units * model.coins();
            payOf.put(entry.item() + "/" + entry.index(), e);
            p++;
        }
        for (int e = 0; e < entries.size(); e++) {
            Entry entry = entries.get(e);
            Integer one = payOf.get(entry.item() + "/" + entry.index());
            if (entry.coins() == model.coins() && one != null) {
                c[e] = c[one] / model.coins();
                c[one] = 0;
            }
        }
        // Scatter pays: scatters[i].pays[k] pays every count whose pay it is (counts beyond the list take the last).
        for (int e = 0; e < entries.size(); e++) {
            Entry entry = entries.get(e);
            if (!entry.list().equals("scatters")) {
                continue;
            }
            int i = entry.item();
            c[e] = scatterShare(analysis.base, i, entry.index(), model.scatters().get(i).credits().length, 1)
                    + (analysis.free == null ? 0 : scatterShare(analysis.free, i, entry.index(),
                            model.scatters().get(i).credits().length, analysis.freeGamesPerRound().doubleValue()
                                    * model.freeGames().multiplier()));
            c[e] /= model.coins();
        }
        return c;
    }

    private static double scatterShare(SpinMoments spins, int scatter, int index, int length, double weight) {
        double sum = 0;
        for (Map.Entry<Integer, Fraction> count : spins.scatterCounts.get(scatter).entrySet()) {
            if (count.getKey() > 0 && Math.min(count.getKey(), length) - 1 == index) {
                sum += count.getValue().doubleValue();
            }
        }
        return sum * weight;
    }

    /** The model's non-zero pays in file order: line, ways and group pays, sequences, then scatter pays. */
    private static List<Entry> entries(ObjectNode root) {
        List<Entry> entries = new ArrayList<>();
        JsonNode pays = root.path("pays");
        for (int i = 0; i < pays.size(); i++) {
            JsonNode pay = pays.get(i);
            if (pay.has("sequence")) {
                entries.add(new Entry("pays", i, "pay", -1, pay.get("pay").asLong()));
                int item = i;
                pay.path("coinPays").fields().forEachRemaining(byCoins -> entries.add(new Entry("pays", item,
                        "coinPays." + byCoins.getKey(), -1, byCoins.getValue().asLong())));
            } else if (pay.has("pays")) {
                for (int k = 0; k < pay.get("pays").size(); k++) {
                    long value = pay.get("pays").get(k).asLong();
                    if (value > 0) {
                        entries.add(new Entry("pays", i, "pays", k, value));
                    }
                }
                int item = i;
                pay.path("coinPays").fields().forEachRemaining(byCoins -> {
                    for (int k = 0; k < byCoins.getValue().size(); k++) {
                        long value = byCoins.getValue().get(k).asLong();
                        if (value > 0) {
                            entries.add(new Entry("pays", item, "coinPays." + byCoins.getKey(), k, value));
                        }
                    }
                });
            }
        }
        JsonNode scatters = root.path("scatters");
        for (int i = 0; i < scatters.size(); i++) {
            JsonNode scatter = scatters.get(i);
            for (int k = 0; k < scatter.path("pays").size(); k++) {
                long value = scatter.get("pays").get(k).asLong();
                if (value > 0) {
                    entries.add(new Entry("scatters", i, "pays", k, value));
                }
            }
        }
        return entries;
    }
}

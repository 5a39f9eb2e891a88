package io.fairspin.math.slot.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.math.ModelException;
import io.fairspin.math.json.StrictJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tunes a slot model's RTP by the weights of its base reel sets ({@code "baseReels": [{"reelSet", "weight"},
 * ...]}), the way studios ship one game at several RTPs. Only the base spin's reel set is drawn from that
 * choice and everything after it (free games, features) depends on the spin, not on how its set was
 * chosen, so the round's RTP is exactly the weighted mean of the RTPs of the game played on each set
 * alone: RTP = sum w_i R_i / sum w_i. Each R_i is the exact RTP of the model with that set alone; the two
 * sets with the lowest and highest R_i take new weights, summing to {@link #SPAN}, that bring the mean
 * nearest to the target; the other sets keep theirs. The tuned model is read again and its exact RTP
 * computed from scratch, which is the figure reported (the weighted mean is only how the weights were
 * found).
 */
public final class ReelSetTuner {
    /** The weights the two tuned reel sets share: the RTP moves in steps of (R_high - R_low) / SPAN at most. */
    public static final long SPAN = 1_000_000;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One base reel set: its name, its exact RTP played alone, its weight before and after. */
    public record SetRtp(String reelSet, Fraction rtp, long weightBefore, long weightAfter) {
    }

    /**
     * The result.
     *
     * @param model      the tuned model file's bytes
     * @param before     the exact RTP before tuning
     * @param achieved   the tuned model's exact RTP, computed from the written model
     * @param sets       each base reel set
     * @param game       the tuned model (or variant) loaded from the written bytes, its exact figures computed
     */
    public record Result(byte[] model, Fraction before, Fraction achieved, List<SetRtp> sets, Game game) {
    }

    private ReelSetTuner() {
    }

    /**
     * Tunes the model {@code json} (its {@code variant}, or the top level for null) to {@code target}.
     *
     * @param fileName the model file's name as the user gave it, for messages
     * @param json the model file's bytes (UTF-8 JSON)
     * @param variant the RTP variant to tune, or null for the top-level model; the tuned weights go into the
     *     variant when it replaces {@code baseReels}, else into the top level
     * @param target the exact RTP to come nearest to, for example 96/100
     * @return the tuned model's bytes with its exact RTP before and after, and each base reel set's RTP and weights
     * @throws ModelException when the model has no weighted choice of base reel sets, no exact figures, or
     *                        the target is outside what its reel sets reach
     */
    public static Result tune(String fileName, byte[] json, String variant, Fraction target) {
        GameModels.load(fileName, json, variant);
        ObjectNode root = StrictJson.model(fileName, json);
        // Where the choice is written: the variant's overlay when it replaces baseReels, else the top level.
        ObjectNode holder = root;
        String path = "$.baseReels";
        if (variant != null && root.path("variants").path(variant).has("baseReels")) {
            holder = (ObjectNode) root.get("variants").get(variant);
            path = "$.variants." + variant + ".baseReels";
        }
        JsonNode choice = holder.get("baseReels");
        requireChoice(fileName, path, choice);
        Fraction[] rtp = rtps(fileName, root, holder, variant, choice);
        long[] weights = weightsOf(choice);
        Fraction before = weightedMean(rtp, weights);
        long[] after = weights(fileName, path, choice, rtp, weights, target);
        ArrayNode tuned = withWeights(choice, after);
        holder.set("baseReels", tuned);
        byte[] written = bytes(root);
        Game game = GameModels.load(fileName, written, variant);
        Fraction achieved = exactRtp(fileName, game);
        return new Result(written, before, achieved, sets(choice, rtp, weights, after), game);
    }

    /**
     * Tunes the model {@code json} once per target, writing each as an RTP variant of one model: variant
     * {@code names[i]} replaces {@code baseReels} with the weights for {@code targets[i]} (an existing variant
     * of that name keeps its other fields). The reel sets' RTPs are those of the top-level model, so a
     * variant that also replaces other fields (reel sets, pays) is refused.
     *
     * @param fileName the model file's name as the user gave it, for messages
     * @param json the model file's bytes (UTF-8 JSON)
     * @param names the variants' names, one per target
     * @param targets the exact RTPs to come nearest to, in the order of {@code names}
     * @return one result per target, in that order, each holding the same written model (with every variant) and
     *     its own variant's exact RTP and weights
     * @throws ModelException when the model has no weighted choice of base reel sets or no exact figures, a target
     *     is outside what its reel sets reach, or an existing variant of one of the names replaces other fields
     */
    public static List<Result> tuneVariants(String fileName, byte[] json, List<String> names, List<Fraction> targets) {
        GameModels.load(fileName, json, null);
        ObjectNode root = StrictJson.model(fileName, json);
        JsonNode choice = root.get("baseReels");
        String path = "$.baseReels";
        requireChoice(fileName, path, choice);
        Fraction[] rtp = rtps(fileName, root, root, null, choice);
        long[] weights = weightsOf(choice);
        Fraction before = weightedMean(rtp, weights);
        ObjectNode variants = root.has("variants") ? (ObjectNode) root.get("variants") : root.putObject("variants");
        List<long[]> chosen = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            JsonNode existing = variants.get(names.get(t));
            if (existing != null) {
                List<String> others = new ArrayList<>();
                existing.fieldNames().forEachRemaining(f -> {
                    if (!f.equals("baseReels") && !f.equals("id") && !f.equals("name")) {
                        others.add(f);
                    }
                });
                if (!others.isEmpty()) {
                    throw new ModelException(fileName, "$.variants." + names.get(t), "replaces " + String.join(", ", others)
                            + ": tune --variants tunes the top-level reel sets, so the variant may replace only baseReels");
                }
            }
            long[] after = weights(fileName, path, choice, rtp, weights, targets.get(t));
            ObjectNode variant = existing instanceof ObjectNode o ? o : variants.putObject(names.get(t));
            variant.set("baseReels", withWeights(choice, after));
            chosen.add(after);
        }
        byte[] written = bytes(root);
        List<Result> results = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            Game game = GameModels.load(fileName, written, names.get(t));
            Fraction achieved = exactRtp(fileName, game);
            results.add(new Result(written, before, achieved, sets(choice, rtp, weights, chosen.get(t)), game));
        }
        return results;
    }

    private static void requireChoice(String fileName, String path, JsonNode choice) {
        if (choice == null || !choice.isArray() || choice.size() < 2) {
            throw new ModelException(fileName, path, "tune changes the weights of a weighted choice of base reel sets"
                    + " ([{\"reelSet\", \"weight\"}, ...], at least two); this model has "
                    + (choice == null ? "none" : choice.isArray() ? "one" : "one reel set (\"" + choice.asText() + "\")"));
        }
    }

    /** The exact RTP of the model played on each reel set of {@code choice} alone. */
    private static Fraction[] rtps(String fileName, ObjectNode root, ObjectNode holder, String variant, JsonNode choice) {
        Fraction[] rtp = new Fraction[choice.size()];
        for (int i = 0; i < rtp.length; i++) {
            ObjectNode alone = root.deepCopy();
            ObjectNode aloneHolder = holder == root ? alone : (ObjectNode) alone.get("variants").get(variant);
            aloneHolder.set("baseReels", choice.get(i).get("reelSet"));
            rtp[i] = exactRtp(fileName, GameModels.load(fileName, bytes(alone), variant));
        }
        return rtp;
    }

    private static long[] weightsOf(JsonNode choice) {
        long[] weights = new long[choice.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = choice.get(i).get("weight").asLong();
        }
        return weights;
    }

    private static ArrayNode withWeights(JsonNode choice, long[] after) {
        ArrayNode tuned = ((ArrayNode) choice).deepCopy();
        for (int i = 0; i < after.length; i++) {
            ((ObjectNode) tuned.get(i)).put("weight", after[i]);
        }
        return tuned;
    }

    private static List<SetRtp> sets(JsonNode choice, Fraction[] rtp, long[] weights, long[] after) {
        List<SetRtp> sets = new ArrayList<>();
        for (int i = 0; i < rtp.length; i++) {
            sets.add(new SetRtp(choice.get(i).get("reelSet").asText(), rtp[i], weights[i], after[i]));
        }
        return sets;
    }

    /** New weights for the lowest and highest sets that bring the weighted mean of {@code rtp} nearest to {@code target}. */
    private static long[] weights(String fileName, String path, JsonNode choice, Fraction[] rtp, long[] weights,
            Fraction target) {
        int n = rtp.length;
        int low = 0;
        int high = 0;
        for (int i = 1; i < n; i++) {
            low = rtp[i].compareTo(rtp[low]) < 0 ? i : low;
            high = rtp[i].compareTo(rtp[high]) > 0 ? i : high;
        }
        // Others keep their weights: find w_high = x, w_low = SPAN - x with sum w_i R_i = target sum w_i.
        Fraction otherWeight = Fraction.ZERO;
        Fraction otherSum = Fraction.ZERO;
        for (int i = 0; i < n; i++) {
            if (i != low && i != high) {
                otherWeight = otherWeight.add(Fraction.of(weights[i]));
                otherSum = otherSum.add(rtp[i].multiply(weights[i]));
            }
        }
        Fraction span = Fraction.of(SPAN);
        Fraction gap = rtp[high].subtract(rtp[low]);
        Fraction reachLow = otherSum.add(rtp[low].multiply(SPAN - 1).add(rtp[high])).divide(otherWeight.add(span));
        Fraction reachHigh = otherSum.add(rtp[high].multiply(SPAN - 1).add(rtp[low])).divide(otherWeight.add(span));
        if (gap.signum() == 0 || target.compareTo(reachLow) < 0 || target.compareTo(reachHigh) > 0) {
            throw new ModelException(fileName, path, "the target RTP " + target.toDecimalString(6)
                    + " is outside what these reel sets reach, " + reachLow.toDecimalString(6) + " to "
                    + reachHigh.toDecimalString(6) + " (each set alone: " + describe(choice, rtp) + ")");
        }
        Fraction x = target.multiply(otherWeight.add(span)).subtract(otherSum).subtract(rtp[low].multiply(SPAN))
                .divide(gap);
        long wHigh = x.toBigDecimal(java.math.MathContext.DECIMAL128).setScale(0, RoundingMode.HALF_EVEN)
                .longValueExact();
        wHigh = Math.max(1, Math.min(SPAN - 1, wHigh));
        long[] after = weights.clone();
        after[high] = wHigh;
        after[low] = SPAN - wHigh;
        return after;
    }

    private static String describe(JsonNode choice, Fraction[] rtp) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < rtp.length; i++) {
            parts.add(choice.get(i).get("reelSet").asText() + " " + rtp[i].toDecimalString(6));
        }
        return String.join(", ", parts);
    }

    private static Fraction exactRtp(String fileName, Game game) {
        return game.exactFigures().map(ExactFigures::rtp).orElseThrow(() -> new ModelException(fileName, "$",
                "the model has no exact figures, so tune cannot compute its RTP exactly"));
    }

    /** The model as written by every tuner: indented JSON and a final newline. */
    static byte[] bytes(JsonNode root) {
        try {
            return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A decimal target such as {@code 0.96}, exactly: 96/100.
     *
     * @param text a decimal number, surrounding spaces allowed ({@code 0.96}, {@code 96e-2})
     * @return its exact value as a fraction
     * @throws NumberFormatException when {@code text} is not a decimal number
     */
    public static Fraction decimal(String text) {
        BigDecimal value = new BigDecimal(text.trim());
        return Fraction.of(value.unscaledValue(), BigInteger.TEN.pow(Math.max(0, value.scale())))
                .multiply(Fraction.of(BigInteger.TEN.pow(Math.max(0, -value.scale())), BigInteger.ONE));
    }

    /**
     * The RTP of a round whose base reel set is drawn by {@code weights}: the weighted mean of each set's RTP
     * played alone, exactly (the linearity the tuning itself rests on).
     */
    private static Fraction weightedMean(Fraction[] rtp, long[] weights) {
        Fraction sum = Fraction.ZERO;
        long total = 0;
        for (int i = 0; i < rtp.length; i++) {
            sum = sum.add(rtp[i].multiply(weights[i]));
            total += weights[i];
        }
        return sum.divide(total);
    }
}

package io.fairspin.math.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.Bet;
import io.fairspin.math.BetException;
import io.fairspin.math.BetLimits;
import io.fairspin.math.ModelException;
import io.fairspin.math.Wager;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the {@code "betLimits"} and {@code "abandon"} fields of a model file, for the readers of every game
 * type (documented in {@code docs/model-format.md}). Internal to fairspin's game readers.
 */
public final class ModelBets {
    /** The names a line bet's limits may have. */
    public static final List<String> LINE_LIMITS = List.of("lines", "lineBet", "coins", "total");

    private ModelBets() {
    }

    /**
     * The limits in {@code root.betLimits}, or the standard wager only when there is none.
     *
     * @param allowed the names a limit may have (for table games, the bets the game offers, and "total")
     * @param file the model file as the user named it, for messages
     * @param root the model's JSON root
     * @param standard the model's standard wager
     * @return the limits
     * @throws ModelException naming the file and the JSON path of a malformed limit
     */
    public static BetLimits limits(String file, JsonNode root, Bet standard, List<String> allowed) {
        JsonNode node = root.get("betLimits");
        if (node == null) {
            return BetLimits.only(standard);
        }
        String path = "$.betLimits";
        if (!node.isObject() || node.isEmpty()) {
            throw new ModelException(file, path, "expected an object of limits by name, for example {\"lines\": {\"min\": 1,"
                    + " \"max\": 10}}");
        }
        TreeMap<String, BetLimits.Limit> limits = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = path + "." + e.getKey();
            if (!allowed.contains(e.getKey())) {
                throw new ModelException(file, at, "unknown limit: expected one of " + String.join(", ", allowed));
            }
            limits.put(e.getKey(), limit(file, at, e.getValue()));
        }
        BetLimits result = new BetLimits(standard, limits);
        try {
            result.check(standard);
            for (Map.Entry<String, BetLimits.Limit> e : limits.entrySet()) {
                long value = switch (e.getKey()) {
                    case "lines" -> standard.lines();
                    case "lineBet" -> standard.lineBet();
                    case "coins" -> standard.coins();
                    case "total" -> standard.total();
                    default -> -1;
                };
                if (value >= 0 && !e.getValue().allows(value)) {
                    throw new ModelException(file, path + "." + e.getKey(), "the standard wager's " + e.getKey() + " "
                            + value + " is outside this limit (" + e.getValue().describe() + ")");
                }
            }
            for (Wager w : standard.wagers()) {
                BetLimits.Limit limit = limits.get(w.bet());
                if (limit == null || !limit.allows(w.amount())) {
                    throw new ModelException(file, path, "the standard wager's \"" + w.bet() + "\" of " + w.amount()
                            + " is outside the limits: expected a limit for it that allows it");
                }
            }
        } catch (BetException x) {
            throw new ModelException(file, path, "the standard wager is outside these limits: " + x.getMessage());
        }
        return result;
    }

    private static BetLimits.Limit limit(String file, String path, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new ModelException(file, path, "expected {\"min\": n, \"max\": n} or {\"values\": [n, ...]}");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!List.of("min", "max", "values").contains(name)) {
                throw new ModelException(file, path + "." + name, "unknown field: expected min, max or values");
            }
        }
        if (node.has("values")) {
            if (node.has("min") || node.has("max")) {
                throw new ModelException(file, path, "expected either values or min and max, not both");
            }
            JsonNode values = node.get("values");
            if (!values.isArray() || values.isEmpty()) {
                throw new ModelException(file, path + ".values", "expected a non-empty array of positive integers");
            }
            List<Long> list = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                list.add(positive(file, path + ".values[" + i + "]", values.get(i)));
            }
            if (list.stream().distinct().count() != list.size()) {
                throw new ModelException(file, path + ".values", "duplicate value");
            }
            return BetLimits.Limit.values(list);
        }
        long min = node.has("min") ? positive(file, path + ".min", node.get("min")) : 1;
        if (!node.has("max")) {
            throw new ModelException(file, path + ".max", "missing: expected the largest value allowed");
        }
        long max = positive(file, path + ".max", node.get("max"));
        if (min > max) {
            throw new ModelException(file, path, "min " + min + " is above max " + max);
        }
        return BetLimits.Limit.range(min, max);
    }

    private static long positive(String file, String path, JsonNode value) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
            throw new ModelException(file, path, "expected a positive integer, was " + value);
        }
        return value.longValue();
    }

    /**
     * The default action of step {@code step} for an abandoned round, from {@code root.abandon.<step>}, one of
     * {@code choices} (the first is the default when the model says nothing).
     *
     * @param file the model file as the user named it, for messages
     * @param root the model's JSON root
     * @param step the decision step, such as {@code hold} or {@code insurance}
     * @param choices the step's legal actions, the default first
     * @return the action an abandoned round takes at that step
     * @throws ModelException naming the field when it is not one of {@code choices}
     */
    public static String abandon(String file, JsonNode root, String step, List<String> choices) {
        JsonNode node = root.get("abandon");
        if (node == null || node.get(step) == null) {
            return choices.get(0);
        }
        JsonNode value = node.get(step);
        if (!value.isTextual() || !choices.contains(value.asText())) {
            throw new ModelException(file, "$.abandon." + step, "expected one of " + String.join(", ", choices)
                    + ", was " + value);
        }
        return value.asText();
    }

    /**
     * Checks {@code root.abandon}: an object whose members are steps of {@code steps}, each one of the step's
     * choices.
     *
     * @param file the model file as the user named it, for messages
     * @param root the model's JSON root
     * @param steps each step's legal actions
     * @throws ModelException naming the field otherwise
     */
    public static void checkAbandon(String file, JsonNode root, Map<String, List<String>> steps) {
        JsonNode node = root.get("abandon");
        if (node == null) {
            return;
        }
        if (!node.isObject()) {
            throw new ModelException(file, "$.abandon", "expected an object of step: default action");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String step = it.next();
            if (!steps.containsKey(step)) {
                throw new ModelException(file, "$.abandon." + step, steps.isEmpty() ? "this game has no decisions"
                        : "unknown step: expected " + String.join(", ", new java.util.TreeSet<>(steps.keySet())));
            }
            abandon(file, root, step, steps.get(step));
        }
    }
}

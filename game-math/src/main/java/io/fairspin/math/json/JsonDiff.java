package io.fairspin.math.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Comparing two JSON trees: a logged outcome with the same round described again, for the
 * {@link io.fairspin.math.OutcomeCheck}s' messages ({@link #firstDifference}), and a model with its tuned copy, for the
 * diff {@code fairspin tune} writes ({@link #differences}).
 */
public final class JsonDiff {
    /** Numbers compare by value, whatever node type holds them; everything else by equality. */
    public static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a instanceof NumericNode && b instanceof NumericNode) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonDiff() {
    }

    /**
     * Where two JSON trees first differ, for a message: {@code " at $.outcome.x[1]: logged 3, evaluated 4"}. Numbers
     * compare {@link #BY_VALUE}; an object's fields are visited in the order of {@code again}'s.
     *
     * @param logged the tree as logged
     * @param again the same round described again; meant for trees known to differ (two equal objects are reported
     *     as {@code " (an extra field)"})
     * @param path the JSON path of both trees, as the message starts it (for example {@code "$.outcome"})
     * @return the difference's description, starting with {@code " at "} and the JSON path where it is
     */
    public static String firstDifference(JsonNode logged, JsonNode again, String path) {
        if (logged.isObject() && again.isObject()) {
            for (var it = again.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                JsonNode l = logged.get(name);
                if (l == null) {
                    return " at " + path + "." + name + " (missing)";
                }
                if (!l.equals(BY_VALUE, again.get(name))) {
                    return firstDifference(l, again.get(name), path + "." + name);
                }
            }
            return " at " + path + " (an extra field)";
        }
        if (logged.isArray() && again.isArray()) {
            for (int i = 0; i < Math.min(logged.size(), again.size()); i++) {
                if (!logged.get(i).equals(BY_VALUE, again.get(i))) {
                    return firstDifference(logged.get(i), again.get(i), path + "[" + i + "]");
                }
            }
            return " at " + path + " (" + logged.size() + " elements logged, " + again.size() + " evaluated)";
        }
        return " at " + path + ": logged " + logged + ", evaluated " + again;
    }

    /**
     * One difference between two trees: at {@code path}, {@code before} became {@code after} (either is null where the
     * node is missing on its side).
     *
     * @param path the JSON path, for example {@code $.reelSets.base[2]}
     * @param before the node before, or null when added
     * @param after the node after, or null when removed
     */
    public record Difference(String path, JsonNode before, JsonNode after) {
    }

    /**
     * Every difference between two trees, outermost first: objects are compared field by field (the fields of
     * {@code before} in its order, then those only {@code after} has), arrays of one length element by element;
     * anything else that differs ({@link #BY_VALUE}) is one difference of the whole node.
     *
     * @param before the tree before
     * @param after the tree after
     * @param path the JSON path of both trees, for example {@code "$"}
     * @return the differences, empty when the trees are equal
     */
    public static List<Difference> differences(JsonNode before, JsonNode after, String path) {
        List<Difference> out = new ArrayList<>();
        collect(before, after, path, out);
        return out;
    }

    private static void collect(JsonNode before, JsonNode after, String path, List<Difference> out) {
        if (before.equals(BY_VALUE, after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            for (var it = before.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                JsonNode a = after.get(name);
                if (a == null) {
                    out.add(new Difference(path + "." + name, before.get(name), null));
                } else {
                    collect(before.get(name), a, path + "." + name, out);
                }
            }
            for (var it = after.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!before.has(name)) {
                    out.add(new Difference(path + "." + name, null, after.get(name)));
                }
            }
        } else if (before.isArray() && after.isArray() && before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) {
                collect(before.get(i), after.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.add(new Difference(path, before, after));
        }
    }
}

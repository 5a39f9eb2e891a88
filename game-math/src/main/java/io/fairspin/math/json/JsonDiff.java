package io.fairspin.math.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.util.Comparator;

/** Comparing a logged outcome with the same round described again, for the {@link io.fairspin.math.OutcomeCheck}s' messages. */
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
}

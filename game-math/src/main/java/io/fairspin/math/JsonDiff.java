package io.fairspin.math;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.util.Comparator;

/** Comparing a logged outcome with the same round described again, for the {@link OutcomeCheck}s' messages. */
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

    /** Where two JSON trees first differ, for a message: {@code " at $.outcome.x[1]: logged 3, evaluated 4"}. */
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

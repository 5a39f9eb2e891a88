package io.fairspin.audit.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The canonical bytes of a JSON value, so that the same round always gives the same outcome bytes:
 * UTF-8, no whitespace, the members of every object sorted by name (UTF-16 code units, as RFC 8785
 * does), strings escaped as Jackson writes them ({@code "}, {@code \} and control characters, and a character
 * beyond the Basic Multilingual Plane as its surrogate pair's {@code \\u} escapes; docs/audit-log-format.md
 * lists each form), numbers as integers. A non-integral number is refused, since its text has more than one form.
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CanonicalJson() {
    }

    /**
     * The canonical bytes of {@code value}.
     *
     * @param value the JSON value, with integral numbers only
     * @return the canonical UTF-8 bytes
     * @throws IllegalArgumentException naming the JSON path of a non-integral number
     */
    public static byte[] encode(JsonNode value) {
        try {
            return MAPPER.writeValueAsBytes(sorted(value, "$"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialize", e);
        }
    }

    /**
     * The canonical bytes of the JSON text {@code json} (a {@link io.fairspin.math.PlayedRound#detail()}).
     *
     * @param json the JSON text
     * @return the canonical UTF-8 bytes
     * @throws IllegalArgumentException when it is not valid JSON, or naming the JSON path of a non-integral number
     */
    public static byte[] encode(String json) {
        byte[] fast = CanonicalText.encode(json);
        return fast != null ? fast : encodeByTree(json);
    }

    /**
     * {@link #encode(String)} through a Jackson tree: read, members sorted, written. The one-pass writer
     * ({@link CanonicalText}) gives these bytes for the texts it takes, and leaves the rest, with their errors,
     * to this.
     */
    static byte[] encodeByTree(String json) {
        try {
            return encode(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode sorted(JsonNode value, String path) {
        if (value.isObject()) {
            List<String> names = new ArrayList<>();
            value.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                copy.set(name, sorted(value.get(name), path + "." + name));
            }
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(value.size());
            for (int i = 0; i < value.size(); i++) {
                copy.add(sorted(value.get(i), path + "[" + i + "]"));
            }
            return copy;
        }
        if (value.isNumber() && !value.isIntegralNumber()) {
            throw new IllegalArgumentException(path + ": " + value + " is not an integer; canonical outcomes hold"
                    + " integers only");
        }
        return value;
    }
}

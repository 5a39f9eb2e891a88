package io.fairspin.math.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A logged outcome in the audit log's canonical layout read into a tree without Jackson's parser, optionally without
 * the members a check does not read (a cascade's windows, a spin's window), whose values are stepped over byte by byte.
 * It reads only what it can read exactly as Jackson's {@code readTree} does (no whitespace, strings of printable ASCII
 * without escapes, integers of at most 18 digits without leading zeros, at most 64 levels) and answers null for
 * anything else, which {@link OutcomeJson#object} then gives to Jackson; a tree it reads in full equals Jackson's, node
 * class for node class.
 */
public final class OutcomeTree {
    private static final int MAX_DEPTH = 64;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final byte[] in;
    private final Set<String> skipped;
    private int at;

    private OutcomeTree(byte[] in, Set<String> skipped) {
        this.in = in;
        this.skipped = skipped;
    }

    /**
     * The outcome as an object without the members named in {@code skipped} (at any depth).
     *
     * @param outcome the logged outcome's bytes
     * @param skipped the names of the members left out
     * @return the object, or null when the bytes are not laid out as the canonical form lays out an object
     */
    public static ObjectNode read(byte[] outcome, Set<String> skipped) {
        OutcomeTree reader = new OutcomeTree(outcome, skipped);
        if (outcome.length == 0 || outcome[0] != '{') {
            return null;
        }
        JsonNode value = reader.value(0);
        return value != null && reader.at == outcome.length ? (ObjectNode) value : null;
    }

    private JsonNode value(int depth) {
        if (at >= in.length || depth > MAX_DEPTH) {
            return null;
        }
        switch (in[at]) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                String text = string();
                return text == null ? null : TextNode.valueOf(text);
            case 't':
                return literal("true") ? BooleanNode.TRUE : null;
            case 'f':
                return literal("false") ? BooleanNode.FALSE : null;
            case 'n':
                return literal("null") ? NullNode.getInstance() : null;
            default:
                return number();
        }
    }

    private ObjectNode object(int depth) {
        at++;
        ObjectNode object = NODES.objectNode();
        if (next('}')) {
            return object;
        }
        do {
            String name = string();
            if (name == null || !next(':')) {
                return null;
            }
            if (skipped.contains(name)) {
                if (!skipValue()) {
                    return null;
                }
                continue;
            }
            JsonNode member = value(depth);
            if (member == null) {
                return null;
            }
            object.set(name, member);
        } while (next(','));
        return next('}') ? object : null;
    }

    private ArrayNode array(int depth) {
        at++;
        ArrayNode array = NODES.arrayNode();
        if (next(']')) {
            return array;
        }
        do {
            JsonNode element = value(depth);
            if (element == null) {
                return null;
            }
            array.add(element);
        } while (next(','));
        return next(']') ? array : null;
    }

    /** A string of printable ASCII without escapes; null when it has anything else or does not end. */
    private String string() {
        if (!next('"')) {
            return null;
        }
        int start = at;
        while (at < in.length && in[at] != '"') {
            if (in[at] == '\\' || in[at] < 0x20 || in[at] == 0x7f) { // bytes above 0x7f are negative
                return null;
            }
            at++;
        }
        if (at == in.length) {
            return null;
        }
        return new String(in, start, at++ - start, StandardCharsets.US_ASCII);
    }

    /** An integer of 1 to 18 digits, with an optional minus sign and no leading zero, not -0; null otherwise. */
    private JsonNode number() {
        boolean negative = next('-');
        int start = at;
        long value = 0;
        while (at < in.length && in[at] >= '0' && in[at] <= '9') {
            value = value * 10 + (in[at++] - '0');
            if (at - start > 18) {
                return null;
            }
        }
        int digits = at - start;
        if (digits == 0 || (digits > 1 && in[start] == '0') || (at < in.length && (in[at] == '.' || in[at] == 'e'
                || in[at] == 'E'))) {
            return null;
        }
        if (negative && value == 0) {
            return null;
        }
        value = negative ? -value : value;
        return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    }

    private boolean literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (at + i >= in.length || in[at + i] != word.charAt(i)) {
                return false;
            }
        }
        at += word.length();
        return true;
    }

    private boolean next(char c) {
        if (at < in.length && in[at] == c) {
            at++;
            return true;
        }
        return false;
    }

    /** Steps over one value (strings and nesting honoured, nothing else checked: the byte comparison decides). */
    private boolean skipValue() {
        int depth = 0;
        int start = at;
        while (at < in.length) {
            byte b = in[at];
            if (b == '"') {
                if (!skipString()) {
                    return false;
                }
                continue;
            }
            if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']' || b == ',') {
                if (depth == 0) {
                    return at > start;
                }
                depth -= b == ',' ? 0 : 1;
            }
            at++;
        }
        return false;
    }

    private boolean skipString() {
        at++;
        while (at < in.length) {
            byte b = in[at++];
            if (b == '\\') {
                at++;
            } else if (b == '"') {
                return true;
            }
        }
        return false;
    }
}

package io.fairspin.math.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.Fraction;
import io.fairspin.math.ModelException;
import io.fairspin.math.json.ModelFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field of a model document together with its JSON path, so that reading a model reports a bad or
 * missing field by file, path and what was expected.
 *
 * @param file the model file as the user named it
 * @param path the JSON path of this field
 * @param node the field's value, or {@code null} when it is absent
 */
public record Field(String file, String path, JsonNode node) {
    /**
     * The root of a model document.
     *
     * @param file the model file's name, for messages
     * @param root the parsed document
     * @return the root field, path {@code $}
     */
    public static Field root(String file, JsonNode root) {
        return new Field(file, "$", root);
    }

    /**
     * The member {@code name} of this object (absent when missing, or this field absent).
     *
     * @param name the member's name
     * @return the member, possibly absent
     */
    public Field get(String name) {
        if (present() && !node.isObject()) {
            throw fail("expected an object with \"" + name + "\", was " + node);
        }
        JsonNode child = node == null ? null : node.get(name);
        return new Field(file, path + "." + name, child);
    }

    /**
     * Refuses members of this object other than {@code allowed} (see {@link ModelFields}); nothing to
     * check when the field is absent.
     *
     * @param allowed the member names allowed
     * @return this field
     */
    public Field allowOnly(String... allowed) {
        if (present()) {
            ModelFields.allowOnly(file, path, node, List.of(allowed));
        }
        return this;
    }

    /**
     * Whether the field is present and not null.
     *
     * @return true when present
     */
    public boolean present() {
        return node != null && !node.isNull();
    }

    /**
     * An error about this field.
     *
     * @param problem what is wrong
     * @return the exception, naming the file and the field's JSON path
     */
    public ModelException fail(String problem) {
        return new ModelException(file, path, problem);
    }

    private Field require(String expected) {
        if (!present()) {
            throw fail("missing: expected " + expected);
        }
        return this;
    }

    /**
     * The field's string, which must be present.
     *
     * @return the text
     */
    public String text() {
        require("a string");
        if (!node.isTextual()) {
            throw fail("expected a string");
        }
        return node.asText();
    }

    /**
     * The field's string, or {@code fallback} when absent.
     *
     * @param fallback the value when absent
     * @return the text
     */
    public String text(String fallback) {
        return present() ? text() : fallback;
    }

    /**
     * A string that must be one of {@code allowed}.
     *
     * @param fallback the value when absent
     * @param allowed the strings allowed
     * @return the string
     */
    public String choice(String fallback, String... allowed) {
        String value = present() ? text() : fallback;
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw fail("\"" + value + "\" is not allowed: expected one of " + String.join(", ", allowed));
    }

    /**
     * The field's boolean, or {@code fallback} when absent.
     *
     * @param fallback the value when absent
     * @return the value
     */
    public boolean bool(boolean fallback) {
        if (!present()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw fail("expected true or false");
        }
        return node.asBoolean();
    }

    /**
     * The field's integer, which must be present and within [min, max].
     *
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the value
     */
    public long integer(long min, long max) {
        require("an integer from " + min + " to " + max);
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            throw fail("expected an integer from " + min + " to " + max + ", was " + node);
        }
        return node.asLong();
    }

    /**
     * The field's integer within [min, max], or {@code fallback} when absent.
     *
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @param fallback the value when absent
     * @return the value
     */
    public long integer(long min, long max, long fallback) {
        return present() ? integer(min, max) : fallback;
    }

    /**
     * The field's integer as an int, which must be present and within [min, max].
     *
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the value
     */
    public int smallInt(int min, int max) {
        return (int) integer(min, max);
    }

    /**
     * The field's integer as an int within [min, max], or {@code fallback} when absent.
     *
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @param fallback the value when absent
     * @return the value
     */
    public int smallInt(int min, int max, int fallback) {
        return present() ? smallInt(min, max) : fallback;
    }

    /**
     * A non-negative exact amount: an integer or a string {@code "a/b"}.
     *
     * @return the amount
     */
    public Fraction fraction() {
        require("a non-negative integer or a fraction \"a/b\"");
        Fraction value;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = Fraction.of(node.asLong());
        } else if (node.isTextual()) {
            try {
                value = Fraction.parse(node.asText());
            } catch (NumberFormatException | ArithmeticException e) {
                throw fail("expected a fraction \"a/b\" or an integer, was \"" + node.asText() + "\"");
            }
        } else {
            throw fail("expected a non-negative integer or a fraction \"a/b\", was " + node);
        }
        if (value.signum() < 0) {
            throw fail("expected a non-negative amount, was " + value);
        }
        return value;
    }

    /**
     * The field's exact amount, or {@code fallback} when absent.
     *
     * @param fallback the value when absent
     * @return the amount
     */
    public Fraction fraction(Fraction fallback) {
        return present() ? fraction() : fallback;
    }

    /**
     * The elements of this array, which must have at least {@code minSize} of them.
     *
     * @param minSize the fewest elements allowed
     * @return the elements, each with its JSON path
     */
    public List<Field> elements(int minSize) {
        require("an array");
        if (!node.isArray() || node.size() < minSize) {
            throw fail("expected an array of at least " + minSize + " element(s)");
        }
        List<Field> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new Field(file, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    /**
     * The members of this object, in document order.
     *
     * @return the members by name
     */
    public Map<String, Field> members() {
        require("an object");
        if (!node.isObject()) {
            throw fail("expected an object");
        }
        Map<String, Field> out = new LinkedHashMap<>();
        node.fieldNames().forEachRemaining(name -> out.put(name, get(name)));
        return out;
    }
}

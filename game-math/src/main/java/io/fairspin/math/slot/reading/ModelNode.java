package io.fairspin.math.slot.reading;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.ModelException;
import io.fairspin.math.json.ModelFields;
import java.util.ArrayList;
import java.util.List;

/** A node of a model document with its JSON path, so that every complaint names the file and the field. */
public final class ModelNode {
    private final String file;
    private final String path;
    private final JsonNode node;

    /**
     * A node of the model document.
     *
     * @param file the model file's name, for messages
     * @param path the node's JSON path
     * @param node the JSON node
     */
    public ModelNode(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /**
     * The node's JSON path.
     *
     * @return the path, such as {@code $.reels[0]}
     */
    public String path() {
        return path;
    }

    /**
     * An error about this node.
     *
     * @param problem what is wrong
     * @return the exception, naming the file and the node's path
     */
    public ModelException error(String problem) {
        return new ModelException(file, path, problem);
    }

    /**
     * Whether the object has the field.
     *
     * @param field the field's name
     * @return true when present
     */
    public boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    /**
     * The field {@code name}, which must be present.
     *
     * @param name the field's name
     * @return the field's node
     */
    public ModelNode field(String name) {
        if (!has(name)) {
            throw new ModelException(file, path + "." + name, "missing");
        }
        return new ModelNode(file, path + "." + name, node.get(name));
    }

    /**
     * The elements of an array.
     *
     * @return the elements, each with its path
     */
    public List<ModelNode> elements() {
        if (!node.isArray()) {
            throw error("expected an array");
        }
        List<ModelNode> elements = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            elements.add(new ModelNode(file, path + "[" + i + "]", node.get(i)));
        }
        return elements;
    }

    /**
     * The elements of a non-empty array.
     *
     * @return the elements, at least one
     */
    public List<ModelNode> nonEmptyElements() {
        List<ModelNode> elements = elements();
        if (elements.isEmpty()) {
            throw error("expected a non-empty array");
        }
        return elements;
    }

    /**
     * Refuses fields other than {@code allowed}, so that a misspelt field is not silently ignored.
     *
     * @param allowed the fields allowed
     * @return this node
     */
    public ModelNode allowOnly(List<String> allowed) {
        ModelFields.allowOnly(file, path, node, allowed);
        return this;
    }

    /**
     * The object's field names.
     *
     * @return the names, in document order
     */
    public List<String> fieldNames() {
        if (!node.isObject()) {
            throw error("expected an object");
        }
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Whether the node is an array.
     *
     * @return true for an array
     */
    public boolean isArray() {
        return node.isArray();
    }

    /**
     * Whether the node is an object.
     *
     * @return true for an object
     */
    public boolean isObject() {
        return node.isObject();
    }

    /**
     * Whether the node is a string.
     *
     * @return true for a string
     */
    public boolean isText() {
        return node.isTextual();
    }

    /**
     * The string's value.
     *
     * @return the text
     */
    public String text() {
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw error("expected a non-empty string");
        }
        return node.asText();
    }

    /**
     * The boolean's value.
     *
     * @return the value
     */
    public boolean bool() {
        if (!node.isBoolean()) {
            throw error("expected true or false");
        }
        return node.asBoolean();
    }

    /**
     * An integer in [min, max].
     *
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the value
     */
    public long integer(long min, long max) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw error("expected an integer in [" + min + ", " + max + "]");
        }
        long value = node.asLong();
        if (value < min || value > max) {
            throw error("expected an integer in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    /**
     * An array of integers, each in [min, max].
     *
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the values
     */
    public long[] integers(long min, long max) {
        List<ModelNode> elements = nonEmptyElements();
        long[] values = new long[elements.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = elements.get(i).integer(min, max);
        }
        return values;
    }

    /**
     * One of the given words.
     *
     * @param words the words allowed
     * @return the word
     */
    public String oneOf(String... words) {
        String value = node.isTextual() ? node.asText() : null;
        for (String word : words) {
            if (word.equals(value)) {
                return word;
            }
        }
        throw error("expected one of " + String.join(", ", words));
    }
}

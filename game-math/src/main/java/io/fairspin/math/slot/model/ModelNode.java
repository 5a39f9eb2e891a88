package io.fairspin.math.slot.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.ModelException;
import io.fairspin.math.ModelFields;
import java.util.ArrayList;
import java.util.List;

/** A node of a model document with its JSON path, so that every complaint names the file and the field. */
public final class ModelNode {
    private final String file;
    private final String path;
    private final JsonNode node;

    public ModelNode(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    public String path() {
        return path;
    }

    public ModelException error(String problem) {
        return new ModelException(file, path, problem);
    }

    public boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    /** The field {@code name}, which must be present. */
    public ModelNode field(String name) {
        if (!has(name)) {
            throw new ModelException(file, path + "." + name, "missing");
        }
        return new ModelNode(file, path + "." + name, node.get(name));
    }

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

    /** The elements of a non-empty array. */
    public List<ModelNode> nonEmptyElements() {
        List<ModelNode> elements = elements();
        if (elements.isEmpty()) {
            throw error("expected a non-empty array");
        }
        return elements;
    }

    /** Refuses fields other than {@code allowed}, so that a misspelt field is not silently ignored. */
    public ModelNode allowOnly(List<String> allowed) {
        ModelFields.allowOnly(file, path, node, allowed);
        return this;
    }

    public List<String> fieldNames() {
        if (!node.isObject()) {
            throw error("expected an object");
        }
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public boolean isArray() {
        return node.isArray();
    }

    public boolean isObject() {
        return node.isObject();
    }

    public boolean isText() {
        return node.isTextual();
    }

    public String text() {
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw error("expected a non-empty string");
        }
        return node.asText();
    }

    public boolean bool() {
        if (!node.isBoolean()) {
            throw error("expected true or false");
        }
        return node.asBoolean();
    }

    /** An integer in [min, max]. */
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

    /** An array of integers, each in [min, max]. */
    public long[] integers(long min, long max) {
        List<ModelNode> elements = nonEmptyElements();
        long[] values = new long[elements.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = elements.get(i).integer(min, max);
        }
        return values;
    }

    /** One of the given words. */
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

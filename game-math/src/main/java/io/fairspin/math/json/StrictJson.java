package io.fairspin.math.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.ModelException;
import java.io.IOException;

/**
 * Reads a JSON document for fairspin's input files (models, dispute packets) with explicit limits, and
 * turns every failure into one readable line: where (line and column) and what, with no Jackson class
 * names. Refused: nesting deeper than {@value #MAX_NESTING} levels, a string longer than
 * {@value #MAX_STRING} characters, a number longer than {@value #MAX_NUMBER} characters, a field given
 * twice in one object, and anything after the document (a second object, garbage).
 */
public final class StrictJson {
    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_NESTING = 64;
    /** The longest string value accepted, in characters. */
    public static final int MAX_STRING = 1 << 20;
    /** The longest number accepted, in characters. */
    public static final int MAX_NUMBER = 64;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                    .maxStringLength(MAX_STRING).maxNumberLength(MAX_NUMBER).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {
    }

    /** A document that is not valid JSON or breaks a limit; the message says where and what. */
    public static final class InvalidJsonException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidJsonException(String message) {
            super(message);
        }
    }

    /**
     * A model file's document: a JSON object read as strictly as {@link #read}.
     *
     * @param fileName the model file's name as the user gave it, for messages
     * @param json the file's bytes
     * @return the document, an object
     * @throws ModelException naming the file, at {@code $}, when the bytes are not JSON or not an object
     */
    public static ObjectNode model(String fileName, byte[] json) {
        JsonNode root;
        try {
            root = read(json);
        } catch (InvalidJsonException e) {
            throw new ModelException(fileName, "$", e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ModelException(fileName, "$", "expected a JSON object");
        }
        return (ObjectNode) root;
    }

    /**
     * A document's bytes (UTF-8), for a reader that takes a model as bytes.
     *
     * @param document the document
     * @return its bytes
     */
    public static byte[] write(JsonNode document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e); // a tree always serialises
        }
    }

    /**
     * The document in {@code json} (UTF-8).
     *
     * @param json the document's bytes
     * @return the parsed document
     * @throws InvalidJsonException "not valid JSON at line L, column C: what", or which limit was broken
     */
    public static JsonNode read(byte[] json) throws InvalidJsonException {
        try {
            return MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new InvalidJsonException(limit(e) + where(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException("not valid JSON" + where(e.getLocation()) + ": "
                    + shortened(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidJsonException("not valid JSON: " + e.getMessage());
        }
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String limit(StreamConstraintsException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("nesting depth")) {
            return "JSON nested deeper than " + MAX_NESTING + " levels (the limit)";
        }
        if (message.contains("String value length")) {
            return "a JSON string longer than " + MAX_STRING + " characters (the limit)";
        }
        if (message.contains("Number value length")) {
            return "a JSON number longer than " + MAX_NUMBER + " characters (the limit)";
        }
        return "JSON beyond a size limit: " + message.replaceAll(" \\(from `StreamReadConstraints[^)]*\\)", "");
    }

    /**
     * Jackson's message without its internals: an embedded location made short, no Jackson class or feature
     * named after a duplicate field or trailing content.
     */
    static String shortened(String message) {
        return String.valueOf(message)
                .replaceAll("\\[Source: [^\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2")
                .replaceAll("^Duplicate field ('[^']*') for `ObjectNode`.*", "duplicate field $1")
                .replaceAll("(?s)^Trailing token \\(of type ([A-Z_]+)\\) found after value.*",
                        "more content after the document ($1): one JSON value per file")
                .replace("(START_OBJECT)", "(an object)").replace("(START_ARRAY)", "(an array)")
                .replaceAll("(?s)\\s*\\(for .*?\\)$", "");
    }
}

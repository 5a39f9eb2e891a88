package io.fairspin.math.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reading logged outcomes (UTF-8 JSON, as the audit log keeps them) as trees, for the outcome checks. */
public final class OutcomeJson {
    /** The reader and writer of outcome trees. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private OutcomeJson() {
    }

    /**
     * A logged outcome as a JSON object.
     *
     * @param outcome the outcome's bytes
     * @return the object
     * @throws IllegalArgumentException with the check's one-line message when the bytes are not JSON or not an object
     */
    public static JsonNode object(byte[] outcome) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(outcome);
        } catch (IOException e) {
            throw new IllegalArgumentException("$.outcome: not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("$.outcome: not a JSON object");
        }
        return tree;
    }
}

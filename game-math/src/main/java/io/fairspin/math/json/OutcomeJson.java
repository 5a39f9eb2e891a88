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

    /**
     * A logged spin's stops: one per reel, each a stop of its reel.
     *
     * @param stops the logged array of stops (may be null or not an array)
     * @param lengths each reel's number of stops
     * @param path the JSON path of {@code stops}, for messages
     * @return the stops
     * @throws IllegalArgumentException naming {@code path} (or a stop's) when the count or a stop is wrong
     */
    public static int[] stops(JsonNode stops, int[] lengths, String path) {
        if (stops == null || !stops.isArray() || stops.size() != lengths.length) {
            throw new IllegalArgumentException(path + ": expected " + lengths.length + " stops");
        }
        int[] values = new int[lengths.length];
        for (int r = 0; r < values.length; r++) {
            JsonNode stop = stops.get(r);
            if (!stop.canConvertToInt() || stop.asInt() < 0 || stop.asInt() >= lengths[r]) {
                throw new IllegalArgumentException(path + "[" + r + "]: expected a stop in [0, " + lengths[r] + ")");
            }
            values[r] = stop.asInt();
        }
        return values;
    }
}

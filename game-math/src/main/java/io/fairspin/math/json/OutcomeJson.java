package io.fairspin.math.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.filter.FilteringParserDelegate;
import com.fasterxml.jackson.core.filter.TokenFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Set;

/** Reading logged outcomes (UTF-8 JSON, as the audit log keeps them) as trees, for the outcome checks. */
public final class OutcomeJson {
    /** The reader and writer of outcome trees. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * The writer of a game's round record in the member order of the audit log's canonical form (every object's
     * members sorted by name), so that a round played again can be compared with its logged bytes
     * ({@code ReplayCheck}'s fast path).
     */
    public static final ObjectWriter SORTED = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build()
            .writer();

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
     * A logged outcome as a JSON object without the members named {@code leftOut} (at any depth), for a check that
     * reads nothing from them: Jackson's parser behind a {@link FilteringParserDelegate} steps over their values.
     *
     * @param outcome the outcome's bytes
     * @param leftOut the names of the members left out
     * @return the object, or null when the bytes are not a JSON object (the check on the whole tree names the error)
     */
    public static JsonNode objectWithout(byte[] outcome, Set<String> leftOut) {
        try (JsonParser parser = new FilteringParserDelegate(MAPPER.createParser(outcome), new Without(leftOut),
                TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH, true)) {
            JsonNode tree = MAPPER.readTree(parser);
            return tree != null && tree.isObject() ? tree : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Passes every token but the members of the given names and their values; empty objects and arrays are kept. */
    private static final class Without extends TokenFilter {
        private final Set<String> names;

        Without(Set<String> names) {
            this.names = names;
        }

        @Override
        public TokenFilter includeProperty(String name) {
            return names.contains(name) ? null : this;
        }

        @Override
        public boolean includeEmptyObject(boolean contentsFiltered) {
            return true;
        }

        @Override
        public boolean includeEmptyArray(boolean contentsFiltered) {
            return true;
        }
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

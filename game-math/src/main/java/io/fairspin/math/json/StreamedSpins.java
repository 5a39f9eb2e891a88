package io.fairspin.math.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The draws of a logged slot round's spins (each spin's reel set and stops) read with Jackson's streaming parser, for
 * an outcome check's fast path: every other member of a spin (its windows, cascades, wins) is stepped over by the
 * parser, no tree is built. What is read decides nothing by itself: the fast path accepts a round only when the round
 * played again on these draws is written in exactly the logged bytes.
 */
public final class StreamedSpins {
    /** At most this many stops are read for one spin. */
    private static final int MAX_STOPS = 64;

    private StreamedSpins() {
    }

    /**
     * One logged spin's draws.
     *
     * @param reelSet the reel set's name
     * @param stops the stops, as logged
     */
    public record Drawn(String reelSet, int[] stops) {
    }

    /**
     * The spins of the array the parser is at the start of ({@link JsonToken#START_ARRAY}), the parser left at its end.
     *
     * @param p the parser
     * @return each spin's reel set and stops, or null when a spin lacks either, names one twice or has another value
     *     there, or the array holds something other than spins (the check on the tree then decides)
     * @throws IOException when the bytes are not JSON
     */
    public static List<Drawn> read(JsonParser p) throws IOException {
        List<Drawn> spins = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String set = null;
            int[] stops = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("reelSet")) {
                    if (value != JsonToken.VALUE_STRING || set != null) {
                        return null;
                    }
                    set = p.getText();
                } else if (name.equals("stops")) {
                    if (value != JsonToken.START_ARRAY || stops != null || (stops = ints(p)) == null) {
                        return null;
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (set == null || stops == null) {
                return null;
            }
            spins.add(new Drawn(set, stops));
        }
        return p.currentToken() == JsonToken.END_ARRAY ? spins : null;
    }

    /** The ints of the array the parser is at the start of; null when another value is in it. */
    private static int[] ints(JsonParser p) throws IOException {
        int[] values = new int[8];
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.VALUE_NUMBER_INT && n < MAX_STOPS) {
            if (p.getNumberType() != JsonParser.NumberType.INT) {
                return null;
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = p.getIntValue();
        }
        return t == JsonToken.END_ARRAY ? Arrays.copyOf(values, n) : null;
    }

    /**
     * Whether there is one stop per reel, each on its strip.
     *
     * @param stops the stops read
     * @param lengths each reel's number of stops
     * @return true when they fit
     */
    public static boolean onStrips(int[] stops, int[] lengths) {
        if (stops.length != lengths.length) {
            return false;
        }
        for (int r = 0; r < stops.length; r++) {
            if (stops[r] < 0 || stops[r] >= lengths[r]) {
                return false;
            }
        }
        return true;
    }
}

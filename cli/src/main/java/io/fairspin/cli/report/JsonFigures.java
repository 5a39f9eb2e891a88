package io.fairspin.cli.report;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every JSON result writes a figure, so that one figure has one shape in every command: an exact figure is
 * {@code {"fraction": "a/b", "decimal": 0.123}} under the figure's name ({@code rtp}, {@code hitFrequency}), an
 * interval is {@code {"low": ..., "high": ...}}, and what JSON cannot hold (NaN, infinity) is null.
 */
public final class JsonFigures {
    private JsonFigures() {
    }

    /**
     * An exact figure: its fraction in lowest terms and its nearest double.
     *
     * @param value the figure
     * @return {@code {"fraction": "a/b", "decimal": d}}
     */
    public static Map<String, Object> exact(Fraction value) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fraction", value.toString());
        json.put("decimal", value.doubleValue());
        return json;
    }

    /**
     * A ratio of two counts, exact: {@code numerator / denominator} (null when the denominator is 0).
     *
     * @param numerator the count
     * @param denominator the count it is a fraction of
     * @return the exact figure, or null
     */
    public static Map<String, Object> exact(long numerator, long denominator) {
        return denominator == 0 ? null : exact(Fraction.of(numerator, denominator));
    }

    /**
     * Exact figures, each as {@link #exact(Fraction)}.
     *
     * @param values the figures
     * @return one exact figure per value
     */
    public static List<Map<String, Object>> exact(List<Fraction> values) {
        return values.stream().map(JsonFigures::exact).toList();
    }

    /**
     * A game's exact figures under the names every command uses: {@code rtp}, {@code houseEdge},
     * {@code hitFrequency}, {@code variance}, {@code standardDeviation}, {@code rtpByWinType} ({@code winType},
     * {@code rtp}) and {@code featureFrequencies} ({@code feature}, {@code frequency}).
     *
     * @param e the exact figures
     * @param winTypes the game's win types, naming {@code rtpByWinType}
     * @param features the game's features, naming {@code featureFrequencies}
     * @return the figures, keyed
     */
    public static Map<String, Object> exactFigures(ExactFigures e, List<String> winTypes, List<String> features) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rtp", exact(e.rtp()));
        json.put("houseEdge", exact(Fraction.ONE.subtract(e.rtp())));
        json.put("hitFrequency", exact(e.hitFrequency()));
        json.put("variance", exact(e.variance()));
        json.put("standardDeviation", finite(e.standardDeviation()));
        List<Map<String, Object>> byType = new java.util.ArrayList<>();
        for (int t = 0; t < e.rtpByWinType().size(); t++) {
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("winType", winTypes.get(t));
            type.put("rtp", exact(e.rtpByWinType().get(t)));
            byType.add(type);
        }
        json.put("rtpByWinType", byType);
        List<Map<String, Object>> byFeature = new java.util.ArrayList<>();
        for (int f = 0; f < e.featureFrequencies().size(); f++) {
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("feature", features.get(f));
            feature.put("frequency", exact(e.featureFrequencies().get(f)));
            byFeature.add(feature);
        }
        json.put("featureFrequencies", byFeature);
        return json;
    }

    /**
     * An interval as {@code {"low", "high"}}.
     *
     * @param low the lower end
     * @param high the upper end
     * @return the interval, its ends null when not finite
     */
    public static Map<String, Object> interval(double low, double high) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("low", finite(low));
        json.put("high", finite(high));
        return json;
    }

    /**
     * A double JSON can hold, or null for NaN and infinities.
     *
     * @param value any double
     * @return the value, or null
     */
    public static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /**
     * Doubles JSON can hold, NaN and infinities as null.
     *
     * @param values any doubles
     * @return the values, non-finite ones as null
     */
    public static List<Double> finite(double[] values) {
        return Arrays.stream(values).mapToObj(JsonFigures::finite).toList();
    }

    /**
     * A display name as a JSON key: "stake per round" is {@code stakePerRound}, "RTP" {@code rtp}, "house edge"
     * {@code houseEdge}, "volatility index 90%" {@code volatilityIndex90Percent}.
     *
     * @param name a display name
     * @return the camelCase key
     */
    public static String key(String name) {
        StringBuilder key = new StringBuilder();
        for (String word : name.replace("%", " percent ").split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String lower = word.equals(word.toUpperCase(java.util.Locale.ROOT))
                    ? word.toLowerCase(java.util.Locale.ROOT) : word;
            if (key.length() == 0) {
                key.append(Character.toLowerCase(lower.charAt(0))).append(lower.substring(1));
            } else {
                key.append(Character.toUpperCase(lower.charAt(0))).append(lower.substring(1));
            }
        }
        return key.toString();
    }
}

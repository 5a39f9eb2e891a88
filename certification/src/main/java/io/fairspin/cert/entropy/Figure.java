package io.fairspin.cert.entropy;

/**
 * One figure of an estimate, as NIST's {@code ea_non_iid -vv} prints it.
 *
 * @param label NIST's label ({@code "p-hat"}, {@code "Mode count"})
 * @param key   the JSON key ({@code "pHat"}, {@code "modeCount"})
 * @param value a {@link Long} for counts, a {@link Double} otherwise
 */
public record Figure(String label, String key, Number value) {
    static Figure count(String label, String key, long value) {
        return new Figure(label, key, value);
    }

    static Figure real(String label, String key, double value) {
        return new Figure(label, key, value);
    }
}

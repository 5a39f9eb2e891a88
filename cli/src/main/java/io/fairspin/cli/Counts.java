package io.fairspin.cli;

import java.math.BigDecimal;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses counts such as {@code 4.9M}, {@code 1G} or {@code 64Ki}: decimal suffixes K, M, G, T (10^3 to
 * 10^12) and binary suffixes Ki, Mi, Gi, Ti (2^10 to 2^40). The result must be a whole number.
 */
public final class Counts implements ITypeConverter<Long> {

    @Override
    public Long convert(String text) {
        return parse(text);
    }

    /**
     * The count {@code text} denotes.
     *
     * @param text a count such as {@code 1000}, {@code 10K}, {@code 1M} or {@code 64Ki}
     * @return the count
     */
    public static long parse(String text) {
        String t = text.strip();
        long multiplier = 1;
        String[][] suffixes = {{"KI", "1024"}, {"MI", "1048576"}, {"GI", "1073741824"}, {"TI", "1099511627776"},
            {"K", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        String upper = t.toUpperCase(Locale.ROOT);
        for (String[] suffix : suffixes) {
            if (upper.endsWith(suffix[0])) {
                multiplier = Long.parseLong(suffix[1]);
                t = t.substring(0, t.length() - suffix[0].length());
                break;
            }
        }
        try {
            BigDecimal value = new BigDecimal(t).multiply(BigDecimal.valueOf(multiplier));
            if (value.signum() < 0) {
                throw new TypeConversionException("'" + text + "' is negative; a count must be 0 or more");
            }
            return value.longValueExact();
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a count (examples: 1000, 4.9M, 1G, 64Ki)");
        } catch (ArithmeticException e) {
            throw new TypeConversionException("'" + text + "' is not a whole number below 2^63");
        }
    }
}

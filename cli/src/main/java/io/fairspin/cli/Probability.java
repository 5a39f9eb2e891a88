package io.fairspin.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a level or confidence strictly between 0 and 1, such as {@code 0.01} or {@code 0.99}: what
 * {@code --level}, {@code --alpha} and {@code --confidence} take.
 */
public final class Probability implements ITypeConverter<Double> {

    @Override
    public Double convert(String text) {
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a number (examples: 0.01, 0.99)");
        }
        if (!(value > 0 && value < 1)) {
            throw new TypeConversionException("'" + text + "' must be strictly between 0 and 1");
        }
        return value;
    }
}

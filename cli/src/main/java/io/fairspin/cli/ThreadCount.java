package io.fairspin.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --threads N}: a whole number from 1 to 4 times the processors this JVM may use. More
 * threads than that only cost memory (and 100,000 would end in a JVM error); 0 and negatives mean nothing.
 */
public final class ThreadCount implements ITypeConverter<Integer> {

    /**
     * The most threads any command accepts: 4 x the available processors.
     *
     * @return 4 x {@code Runtime.availableProcessors()}
     */
    public static int max() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    @Override
    public Integer convert(String text) {
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a whole number of threads");
        }
        if (value < 1 || value > max()) {
            throw new TypeConversionException("'" + text + "' must be from 1 to " + max() + " (4 x "
                    + Runtime.getRuntime().availableProcessors() + " processors)");
        }
        return value;
    }
}

package io.fairspin.cli;

import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --format} option, as a mixin that lists only the formats its command prints: {@link TextJson} for
 * commands whose result is a record, {@link TextJsonCsv} for commands whose result has tables. HTML is never a
 * format: reports take {@code --report FILE.html}.
 */
public final class FormatOption {
    private FormatOption() {
    }

    static OutputFormat convert(String value, Set<OutputFormat> allowed) {
        for (OutputFormat format : allowed) {
            if (format.cliName().equalsIgnoreCase(value)) {
                return format;
            }
        }
        throw new TypeConversionException("'" + value + "' is not a format of this command: expected "
                + allowed.stream().map(OutputFormat::cliName).collect(Collectors.joining(" or ")));
    }

    /** {@code --format text|json}. */
    public static final class TextJson {
        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", converter = TextJsonNames.class,
                completionCandidates = TextJsonNames.class,
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        OutputFormat format;
    }

    /** {@code --format text|json|csv}. */
    public static final class TextJsonCsv {
        @Option(names = "--format", paramLabel = "text|json|csv", defaultValue = "text",
                converter = TextJsonCsvNames.class, completionCandidates = TextJsonCsvNames.class,
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); csv writes the"
                        + " result's tables.")
        OutputFormat format;
    }

    /** The names and the converter of {@code text|json}. */
    static final class TextJsonNames implements Iterable<String>, ITypeConverter<OutputFormat> {
        private static final Set<OutputFormat> FORMATS = EnumSet.of(OutputFormat.TEXT, OutputFormat.JSON);

        @Override
        public Iterator<String> iterator() {
            return FORMATS.stream().map(OutputFormat::cliName).iterator();
        }

        @Override
        public OutputFormat convert(String value) {
            return FormatOption.convert(value, FORMATS);
        }
    }

    /** The names and the converter of {@code text|json|csv}. */
    static final class TextJsonCsvNames implements Iterable<String>, ITypeConverter<OutputFormat> {
        private static final Set<OutputFormat> FORMATS = EnumSet.allOf(OutputFormat.class);

        @Override
        public Iterator<String> iterator() {
            return FORMATS.stream().map(OutputFormat::cliName).iterator();
        }

        @Override
        public OutputFormat convert(String value) {
            return FormatOption.convert(value, FORMATS);
        }
    }
}

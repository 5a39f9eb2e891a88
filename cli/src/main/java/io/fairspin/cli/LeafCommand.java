package io.fairspin.cli;

import io.fairspin.cli.report.ReportHeader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What every command that does work shares: the streams and the global options of the root. */
public abstract class LeafCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** The root command, which holds the streams and the global options. */
    protected final FairspinCommand root() {
        return (FairspinCommand) spec.root().userObject();
    }

    protected final Io io() {
        return root().io();
    }

    /**
     * The output format: the command's own {@code --format} (a {@link FormatOption} mixin, which offers only the
     * formats the command prints), else text. There is no {@code --format} before the command name.
     */
    protected final OutputFormat format() {
        OptionSpec own = spec.findOption("--format");
        return own != null && own.getValue() != null ? own.getValue() : OutputFormat.TEXT;
    }

    protected final boolean json() {
        return format() == OutputFormat.JSON;
    }

    protected final boolean csv() {
        return format() == OutputFormat.CSV;
    }

    /** Writes {@code result} as a JSON report: the {@link ReportHeader} under "report", then the result's keys. */
    protected final void writeJsonReport(Object result) throws java.io.IOException {
        Json.writeReport(io().out(), root().reportHeader(), result);
    }

    /** The report's provenance lines (version, command line, date, inputs), for HTML reports. */
    protected final java.util.List<String> reportLines() {
        return root().reportHeader().lines();
    }

    /** Ends a text report with its header lines (version, command line, date, inputs), after a blank line. */
    protected final void printReportFooter(java.io.PrintStream out) {
        out.println();
        root().reportHeader().lines().forEach(out::println);
        out.flush();
    }

    /** Rejects, as a usage error (exit code 2), a value of {@code option} below {@code min}. */
    protected final void requireAtLeast(String option, long value, long min) {
        requireAtLeast(spec, option, value, min);
    }

    /** Rejects, as a usage error (exit code 2), a value of {@code option} outside [{@code min}, {@code max}]. */
    protected final void requireBetween(String option, long value, long min, long max) {
        requireBetween(spec, option, value, min, max);
    }

    /** A usage error (exit code 2) with this message. */
    protected final ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * Rejects, as a usage error of {@code command} (exit code 2), a value of {@code option} below {@code min}.
     *
     * @param command the command the option belongs to
     * @param option the option's name, for the message
     * @param value the value given
     * @param min the smallest value allowed
     */
    public static void requireAtLeast(CommandSpec command, String option, long value, long min) {
        if (value < min) {
            throw new ParameterException(command.commandLine(),
                    option + ": must be at least " + min + ", was " + value);
        }
    }

    /**
     * Rejects, as a usage error of {@code command} (exit code 2), a value of {@code option} outside [{@code min},
     * {@code max}].
     *
     * @param command the command the option belongs to
     * @param option the option's name, for the message
     * @param value the value given
     * @param min the smallest value allowed
     * @param max the largest value allowed
     */
    public static void requireBetween(CommandSpec command, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ParameterException(command.commandLine(),
                    option + ": must be in [" + min + ", " + max + "], was " + value);
        }
    }
}

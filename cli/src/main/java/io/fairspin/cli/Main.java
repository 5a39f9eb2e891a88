package io.fairspin.cli;

import io.fairspin.audit.log.LogCorruptedException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/** The entry point of the {@code fairspin} command: it exits with what {@link #run} returns. */
public final class Main {
    private Main() {
    }

    /**
     * Runs {@code fairspin} with the process's streams and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int code;
        try {
            code = run(Io.system(), args);
        } catch (OutOfMemoryError tooSmall) {
            // Thrown on past the command, whose work is unwound by now: say what to do, not a stack trace.
            System.err.println("fairspin: out of memory: the JVM's heap is too small for this work; run with more, for"
                    + " example FAIRSPIN_OPTS=-Xmx4g (docs/cli.md, \"Memory\")");
            code = ExitCode.ERROR;
        }
        System.exit(code);
    }

    /**
     * Runs the command line with the given streams and returns the exit code; never exits the JVM.
     *
     * @param io the streams
     * @param args the command line
     * @return the exit code (0 success, 1 error, 2 usage, 3 battery failed, 4 tampering, 5 disagreement)
     */
    public static int run(Io io, String... args) {
        CheckedOutput stdout = new CheckedOutput(io.out());
        int code = run(new Io(io.in(), stdout, io.err(), io.interactive()), stdout, args);
        java.io.IOException lost = stdout.failure();
        if (lost != null && code != ExitCode.USAGE) {
            io.err().println("fairspin: standard output: write error: " + (lost.getMessage() != null ? lost.getMessage()
                    : lost.getClass().getSimpleName()) + "; the output is incomplete");
            return ExitCode.ERROR;
        }
        return code;
    }

    private static int run(Io io, CheckedOutput stdout, String... args) {
        FairspinCommand root = new FairspinCommand(io);
        root.arguments(args);
        CommandLine cli = commandLine(root);
        cli.setOut(new PrintWriter(io.out(), true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(io.err(), true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, arguments) -> {
            PrintStream err = io.err();
            CommandLine.ParameterException reported = unknownOptionFirst(e, arguments);
            err.println("fairspin: " + reported.getMessage());
            if (reported instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                err.println("Did you mean: " + String.join(" or ", unmatched.getSuggestions()) + "?");
            }
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, command, parseResult) -> {
            io.err().println("fairspin: " + UserErrors.describe(e));
            if (root.verbose()) {
                e.printStackTrace(io.err());
            }
            return e instanceof LogCorruptedException ? ExitCode.TAMPERED : ExitCode.ERROR;
        });
        return cli.execute(args);
    }

    /**
     * A mistyped option, rather than the required option it leaves missing: picocli checks required options
     * first, so {@code simulate m.json --rounsd 10} would say only that {@code --rounds} is missing.
     */
    private static CommandLine.ParameterException unknownOptionFirst(CommandLine.ParameterException e,
                                                                     String[] arguments) {
        if (e instanceof UnmatchedArgumentException) {
            return e;
        }
        CommandSpec command = e.getCommandLine().getCommandSpec();
        for (String argument : arguments) {
            if (argument.equals("--")) {
                break;
            }
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            if (name.startsWith("--") && name.length() > 2 && command.findOption(name) == null
                    && command.subcommands().isEmpty()) {
                return new UnmatchedArgumentException(e.getCommandLine(), List.of(argument));
            }
        }
        return e;
    }

    /**
     * The command tree, also used to generate the completion script: every command answers {@code --help} and
     * {@code --version}.
     *
     * @param root the root command
     * @return the command line, ready to execute
     */
    public static CommandLine commandLine(FairspinCommand root) {
        CommandLine cli = new CommandLine(root);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        standardOptions(cli, new FairspinCommand.Version());
        return cli;
    }

    private static void standardOptions(CommandLine command, CommandLine.IVersionProvider version) {
        CommandSpec spec = command.getCommandSpec();
        if (!spec.mixinStandardHelpOptions()) {
            spec.mixinStandardHelpOptions(true);
        }
        spec.versionProvider(version);
        for (CommandLine sub : command.getSubcommands().values()) {
            standardOptions(sub, version);
        }
    }
}

package io.fairspin.cli;

import io.fairspin.audit.log.LogCorruptedException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The entry point of the {@code fairspin} command: it exits with what {@link #run} returns. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Io.system(), args));
    }

    /** Runs the command line with the given streams and returns the exit code; never exits the JVM. */
    public static int run(Io io, String... args) {
        FairspinCommand root = new FairspinCommand(io);
        CommandLine cli = commandLine(root);
        cli.setOut(new PrintWriter(io.out(), true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(io.err(), true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, arguments) -> {
            PrintStream err = io.err();
            err.println("fairspin: " + e.getMessage());
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
        cli.setExecutionStrategy(parseResult -> {
            Object command = parseResult.asCommandLineList().get(parseResult.asCommandLineList().size() - 1)
                    .getCommand();
            boolean help = parseResult.asCommandLineList().stream()
                    .anyMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested());
            if (root.format() == OutputFormat.HTML && !help && !(command instanceof HtmlOutput)) {
                io.err().println("fairspin: --format html: this command prints text or json only");
                return ExitCode.USAGE;
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cli.execute(args);
    }

    /** The command tree, also used to generate the completion script. */
    static CommandLine commandLine(FairspinCommand root) {
        CommandLine cli = new CommandLine(root);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}

package io.fairspin.cli.simulate;

import io.fairspin.cli.FairspinCommand;
import io.fairspin.cli.Io;
import io.fairspin.math.Game;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * One {@code fairspin simulate} run in-process over a test game: the command line is parsed as usual,
 * then the command simulates {@code game} instead of loading its MODEL argument.
 */
record SimulateRun(int exitCode, String stdout, String stderr) {

    static SimulateRun of(Game game, boolean interactive, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8),
                interactive);
        ParseResult parsed = new CommandLine(new FairspinCommand(io)).setCaseInsensitiveEnumValuesAllowed(true)
                .parseArgs(args);
        SimulateCommand command = (SimulateCommand) parsed.subcommand().commandSpec().userObject();
        int code = command.simulate(game);
        return new SimulateRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

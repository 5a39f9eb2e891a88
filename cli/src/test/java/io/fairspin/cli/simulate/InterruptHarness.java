package io.fairspin.cli.simulate;

import io.fairspin.cli.FairspinCommand;
import io.fairspin.cli.Io;
import io.fairspin.sim.DiceGame;
import picocli.CommandLine;

/**
 * A process for {@link InterruptTest}: simulates the dice game for far too many rounds as the command
 * does, with the command's shutdown hook, until it is terminated.
 */
public final class InterruptHarness {
    private InterruptHarness() {
    }

    public static void main(String[] args) throws Exception {
        Io io = Io.system();
        SimulateCommand command = (SimulateCommand) new CommandLine(new FairspinCommand(io)).setCaseInsensitiveEnumValuesAllowed(true)
                .parseArgs("simulate", "dice.json", "--rounds", "1T", "--seed", "1", "--threads", "1")
                .subcommand().commandSpec().userObject();
        System.err.println("started");
        System.exit(command.simulate(DiceGame.honest()));
    }
}

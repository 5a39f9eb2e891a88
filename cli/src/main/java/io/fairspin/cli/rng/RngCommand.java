package io.fairspin.cli.rng;

import picocli.CommandLine.Command;

/** The {@code fairspin rng} group: collecting generator output and checking the DRBGs. */
@Command(name = "rng",
        description = "Collect raw and scaled generator output; run the NIST CAVP known-answer tests; replay from escrow.",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {RngBytesCommand.class, RngIntsCommand.class, RngStatsCommand.class, RngKatCommand.class,
            RngReplayCommand.class})
public final class RngCommand {
}

package io.fairspin.cli.certify;

import picocli.CommandLine.Command;

/** The {@code fairspin certify} group: the statistical batteries a testing lab runs. */
@Command(name = "certify",
        description = "Statistical certification: NIST SP 800-22 on raw bits, game-level tests on scaled outcomes.",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {CertifyNistCommand.class, CertifyOutcomesCommand.class, CertifyGameCommand.class,
            CertifyEntropyCommand.class})
public final class CertifyCommand {
}

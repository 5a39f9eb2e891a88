package io.fairspin.cli.keys;

import picocli.CommandLine.Command;

/** The {@code fairspin keys} group: creating the key files fairspin's commands use. */
@Command(name = "keys",
        description = "Create key files: the operator's Ed25519 checkpoint signing key.",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {KeysSigningCommand.class})
public final class KeysCommand {
}

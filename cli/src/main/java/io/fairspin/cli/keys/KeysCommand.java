package io.fairspin.cli.keys;

import picocli.CommandLine.Command;

/** The {@code fairspin keys} group: key pairs for seed escrow and the audit log. */
@Command(name = "keys",
        description = "Generate key pairs: PEM files <out>.key (PKCS#8, owner-only) and <out>.pub (X.509"
                + " SubjectPublicKeyInfo); the key ID is the hex of the first 8 bytes of SHA-256 over the public key.",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {KeysEscrowCommand.class, KeysSigningCommand.class})
public final class KeysCommand {
}

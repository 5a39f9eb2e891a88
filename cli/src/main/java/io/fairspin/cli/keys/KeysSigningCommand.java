package io.fairspin.cli.keys;

import io.fairspin.rng.keys.KeyFiles;
import picocli.CommandLine.Command;

/** {@code fairspin keys signing}: the operator's Ed25519 key pair, which signs audit log checkpoints. */
@Command(name = "signing", mixinStandardHelpOptions = true,
        description = {"Generate the operator's Ed25519 key pair for signing audit log checkpoints.",
            "Keep PREFIX.key with the log writer ('fairspin play --signing-key PREFIX.key'); give PREFIX.pub to"
                + " whoever verifies ('fairspin audit verify DIR --operator-key PREFIX.pub').",
            "Example: fairspin keys signing --out operator"})
public final class KeysSigningCommand extends KeyPairCommand {
    @Override
    String algorithm() {
        return KeyFiles.SIGNING_ALGORITHM;
    }
}

package io.fairspin.cli.keys;

import io.fairspin.rng.keys.KeyFiles;
import picocli.CommandLine.Command;

/** {@code fairspin keys escrow}: the auditor's X25519 key pair, to which seed escrow is sealed. */
@Command(name = "escrow", mixinStandardHelpOptions = true,
        description = {"Generate the auditor's X25519 key pair for seed escrow (HPKE, RFC 9180).",
            "Give PREFIX.pub to the operator ('fairspin play --escrow-key PREFIX.pub', 'fairspin rng bytes --escrow"
                + " FILE --escrow-key PREFIX.pub'); keep PREFIX.key with the auditor ('fairspin audit replay"
                + " --auditor-key PREFIX.key', 'fairspin rng replay --auditor-key PREFIX.key').",
            "Example: fairspin keys escrow --out auditor"})
public final class KeysEscrowCommand extends KeyPairCommand {
    @Override
    String algorithm() {
        return KeyFiles.ESCROW_ALGORITHM;
    }
}

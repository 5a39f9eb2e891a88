package io.fairspin.cli;

import io.fairspin.rng.escrow.EscrowException;
import io.fairspin.rng.escrow.EscrowReplay;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Opens an escrow file with the auditor's private key file, for the commands that replay from escrow. */
public final class EscrowReplays {
    private EscrowReplays() {
    }

    /**
     * Reads {@code escrow} with the key in {@code auditorKeyFile}; an escrow sealed to another key is an error
     * that names the key file as well as the escrow.
     *
     * @param escrow the escrow file
     * @param auditorKeyFile the auditor's private key file
     * @return the checked escrow, ready to replay
     * @throws java.io.IOException when a file cannot be read
     */
    public static EscrowReplay open(Path escrow, Path auditorKeyFile) throws IOException {
        try {
            return EscrowReplay.read(escrow, KeyFiles.readPrivateKey(auditorKeyFile, KeyFiles.ESCROW_ALGORITHM));
        } catch (EscrowException e) {
            if (e.wrongKey()) {
                throw new IOException(auditorKeyFile + ": not the key this escrow is sealed to: " + e.getMessage(), e);
            }
            throw e;
        }
    }
}

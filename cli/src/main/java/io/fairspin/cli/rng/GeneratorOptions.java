package io.fairspin.cli.rng;

import io.fairspin.cli.Io;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.escrow.EscrowFile;
import io.fairspin.rng.keys.KeyFiles;
import io.fairspin.rng.escrow.SeedEscrow;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that choose and configure the certified generator. */
public final class GeneratorOptions {

    @Option(names = "--mechanism", paramLabel = "NAME", defaultValue = "ctr-aes256",
            converter = MechanismConverter.class, completionCandidates = MechanismNames.class,
            description = "DRBG mechanism: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DrbgMechanism mechanism;

    @Option(names = "--prediction-resistance",
            description = "Reseed from the entropy source before every generate request.")
    boolean predictionResistance;

    @Option(names = "--escrow", paramLabel = "FILE",
            description = "Escrow every input of the generator to FILE (appended, created if absent), sealed to"
                    + " --escrow-key, so the run can be replayed with 'fairspin rng replay'.")
    Path escrowFile;

    @Option(names = "--escrow-key", paramLabel = "FILE",
            description = "The auditor's X25519 public key (PEM, from 'fairspin keys escrow') for --escrow.")
    Path escrowKey;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    /**
     * The escrow asked for with --escrow and --escrow-key, or null without them. The key is read before
     * the file is opened.
     */
    SeedEscrow openEscrow(Io io) throws IOException {
        if ((escrowFile == null) != (escrowKey == null)) {
            throw new ParameterException(spec.commandLine(), "--escrow and --escrow-key go together");
        }
        if (escrowFile == null) {
            return null;
        }
        PublicKey key = KeyFiles.readPublicKey(escrowKey, KeyFiles.ESCROW_ALGORITHM);
        return openEscrow(key, escrowFile, io);
    }

    /**
     * Opens {@code file} to escrow to {@code key}: refused when the file holds another key's records or
     * another writer has it; a torn last record that the opening cut off is reported on stderr.
     *
     * @param key the auditor's X25519 public key
     * @param file the escrow file
     * @param io the streams, for the note on stderr
     * @return the escrow
     * @throws java.io.IOException when the file cannot be opened
     */
    public static SeedEscrow openEscrow(PublicKey key, Path file, Io io) throws IOException {
        EscrowFile opened = EscrowFile.open(file);
        opened.cut().ifPresent(cut -> io.err().println("fairspin: recovered from a crash: " + file + ": " + cut));
        return new SeedEscrow(key, opened);
    }

    /** A certified generator seeded from the operating system's health-tested entropy, escrowed when asked. */
    CertifiedRandom build(SeedEscrow escrow) {
        return CertifiedRandom.builder().mechanism(mechanism).predictionResistance(predictionResistance)
                .escrow(escrow).build();
    }

    /** Converts a mechanism's command-line name. */
    public static final class MechanismConverter implements ITypeConverter<DrbgMechanism> {
        @Override
        public DrbgMechanism convert(String value) {
            return DrbgMechanism.fromCliName(value);
        }
    }

    /** The mechanisms' command-line names, for completion. */
    public static final class MechanismNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(DrbgMechanism.values()).map(DrbgMechanism::cliName).iterator();
        }
    }
}

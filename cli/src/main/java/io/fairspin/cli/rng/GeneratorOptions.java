package io.fairspin.cli.rng;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.DrbgMechanism;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The options that choose and configure the certified generator. */
public final class GeneratorOptions {

    @Option(names = "--mechanism", paramLabel = "NAME", defaultValue = "ctr-aes256",
            converter = MechanismConverter.class, completionCandidates = MechanismNames.class,
            description = "DRBG mechanism: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DrbgMechanism mechanism;

    @Option(names = "--prediction-resistance",
            description = "Reseed from the entropy source before every generate request.")
    boolean predictionResistance;

    /** A certified generator seeded from the operating system's health-tested entropy. */
    CertifiedRandom build() {
        return CertifiedRandom.builder().mechanism(mechanism).predictionResistance(predictionResistance).build();
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

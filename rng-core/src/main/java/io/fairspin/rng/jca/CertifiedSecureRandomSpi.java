package io.fairspin.rng.jca;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.HealthTestedEntropySource;
import java.security.SecureRandomSpi;

/** The {@code SecureRandom} engine of {@link FairspinProvider}: a {@link CertifiedRandom} behind the JCA's SPI. */
final class CertifiedSecureRandomSpi extends SecureRandomSpi {
    private static final long serialVersionUID = 1L;

    private final transient CertifiedRandom random;

    CertifiedSecureRandomSpi(DrbgMechanism mechanism) {
        this.random = CertifiedRandom.builder().mechanism(mechanism).build();
    }

    /** Reseeds from the entropy source with {@code seed} as additional input (it adds, it never replaces). */
    @Override
    protected void engineSetSeed(byte[] seed) {
        random.reseed(seed);
    }

    @Override
    protected void engineNextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }

    /** Bytes straight from the health-tested OS entropy source, as the generator seeds itself. */
    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
        byte[] seed = new byte[numBytes];
        HealthTestedEntropySource.os().read(seed);
        return seed;
    }

    @Override
    public String toString() {
        return random.toString();
    }
}

package io.fairspin.rng.jca;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.DrbgMechanism;
import java.security.Provider;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JCA provider that hands out the certified generator through the standard API:
 * {@code SecureRandom.getInstance("FAIRSPIN-CTR-DRBG", new FairspinProvider())} gives a {@link CertifiedRandom}
 * with CTR_DRBG AES-256 on health-tested OS entropy.
 *
 * <p>Algorithms: {@code FAIRSPIN-CTR-DRBG} (CTR_DRBG AES-256 with derivation function),
 * {@code FAIRSPIN-HASH-DRBG} (Hash_DRBG SHA-512), {@code FAIRSPIN-HMAC-DRBG} (HMAC_DRBG SHA-512), and one per
 * mechanism, {@code FAIRSPIN-} followed by its command-line name in capitals ({@code FAIRSPIN-CTR-AES128},
 * {@code FAIRSPIN-HMAC-SHA256}, ...). {@link java.security.SecureRandom#setSeed(byte[])} reseeds from the entropy
 * source with the bytes as additional input: it adds to the generator's entropy and never replaces it, so a
 * caller cannot make the output predictable. Instances are thread-safe.
 *
 * <p>The provider is registered as a service ({@code provides java.security.Provider}), so
 * {@code java.security} configuration or {@link java.security.Security#addProvider} can install it under the
 * name {@value #NAME}.
 */
public final class FairspinProvider extends Provider {
    private static final long serialVersionUID = 1L;

    /** The provider's name. */
    public static final String NAME = "FAIRSPIN";

    /** The default algorithm: CTR_DRBG AES-256. */
    public static final String CTR_DRBG = "FAIRSPIN-CTR-DRBG";
    /** Hash_DRBG with SHA-512. */
    public static final String HASH_DRBG = "FAIRSPIN-HASH-DRBG";
    /** HMAC_DRBG with HMAC-SHA-512. */
    public static final String HMAC_DRBG = "FAIRSPIN-HMAC-DRBG";

    /** The provider, with every algorithm. */
    public FairspinProvider() {
        super(NAME, "1.0", "fairspin certified generators: SP 800-90A DRBGs on health-tested OS entropy");
        add(CTR_DRBG, DrbgMechanism.CTR_AES256);
        add(HASH_DRBG, DrbgMechanism.HASH_SHA512);
        add(HMAC_DRBG, DrbgMechanism.HMAC_SHA512);
        for (DrbgMechanism mechanism : DrbgMechanism.values()) {
            add("FAIRSPIN-" + mechanism.cliName().toUpperCase(Locale.ROOT), mechanism);
        }
    }

    private void add(String algorithm, DrbgMechanism mechanism) {
        putService(new DrbgService(this, algorithm, mechanism));
    }

    /** One algorithm: builds its generator directly, without reflection. */
    private static final class DrbgService extends Service {
        private final DrbgMechanism mechanism;

        DrbgService(Provider provider, String algorithm, DrbgMechanism mechanism) {
            super(provider, "SecureRandom", algorithm, CertifiedSecureRandomSpi.class.getName(), List.of(),
                    Map.of("ThreadSafe", "true"));
            this.mechanism = mechanism;
        }

        @Override
        public Object newInstance(Object constructorParameter) {
            if (constructorParameter != null) {
                throw new IllegalArgumentException(getAlgorithm() + " takes no SecureRandomParameters");
            }
            return new CertifiedSecureRandomSpi(mechanism);
        }
    }
}

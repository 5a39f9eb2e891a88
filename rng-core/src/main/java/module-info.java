/**
 * fairspin rng-core: SP 800-90A DRBGs on health-tested entropy, derivation v1, round seeds and streams, seed
 * escrow, the CAVP runner and a JCA provider. Depends on the JDK and Bouncy Castle only.
 */
module io.fairspin.rng {
    requires org.bouncycastle.provider;

    exports io.fairspin.rng;
    exports io.fairspin.rng.escrow;
    exports io.fairspin.rng.jca;
    exports io.fairspin.rng.kat;
    exports io.fairspin.rng.keys;

    provides java.security.Provider with io.fairspin.rng.jca.FairspinProvider;
}

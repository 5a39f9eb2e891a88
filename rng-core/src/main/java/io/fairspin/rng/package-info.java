/**
 * The certified random number generator: SP 800-90A DRBGs ({@link io.fairspin.rng.DrbgMechanism},
 * {@link io.fairspin.rng.Drbg}), entropy behind SP 800-90B health tests
 * ({@link io.fairspin.rng.HealthTestedEntropySource}), the thread-safe generator a server shares
 * ({@link io.fairspin.rng.CertifiedRandom}), and derivation v1, the frozen mapping from random bytes to
 * integers, shuffles, samples and weighted picks ({@link io.fairspin.rng.RandomStream}); each game
 * round's seed and stream ({@link io.fairspin.rng.RoundSeed}); the hook through which a generator's
 * inputs are escrowed ({@link io.fairspin.rng.DrbgEscrow}, implemented in {@code io.fairspin.rng.escrow});
 * and a verifier of the common HMAC-SHA256 provably-fair scheme ({@link io.fairspin.rng.HmacProvablyFair}).
 */
package io.fairspin.rng;

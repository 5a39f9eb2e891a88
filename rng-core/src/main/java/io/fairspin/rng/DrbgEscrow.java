package io.fairspin.rng;

/**
 * Where a {@link CertifiedRandom} escrows the inputs of its DRBG, so that an auditor can reproduce its
 * output: an escrow instantiates the DRBG and hands back one that records every reseed and every
 * generate call that matters for replay, durably, before any output derived from it is returned.
 *
 * <p>An implementation fails closed: when a record cannot be written, instantiation or the call in
 * question throws {@link RngFailureException} and the DRBG produces nothing more. The implementation in
 * fairspin is {@code io.fairspin.rng.escrow.SeedEscrow} (HPKE to an auditor's key, append-only file).
 */
public interface DrbgEscrow {

    /**
     * Instantiates {@code mechanism}, records its inputs, and returns a DRBG that records its reseeds and
     * its generate calls other than plain requests of {@code requestBytes} without additional input
     * (those are only counted).
     *
     * @param instanceId   the DRBG instance's identifier: 16 lowercase hex digits, unique
     * @param requestBytes the size of the instance's ordinary generate requests
     * @param mechanism the mechanism to instantiate
     * @param entropyInput the entropy input read for the instantiation; escrowed sealed, never retained in clear
     * @param nonce the nonce, or null for CTR_DRBG without derivation function
     * @param personalization the personalization string, or null for none
     * @param reseedInterval generate requests allowed before a reseed is required
     * @return the instantiated DRBG, whose reseeds and recorded requests go into the escrow before they take effect
     * @throws RngFailureException when the record cannot be written durably
     */
    Drbg instantiate(String instanceId, DrbgMechanism mechanism, byte[] entropyInput, byte[] nonce,
                     byte[] personalization, long reseedInterval, int requestBytes);
}

/**
 * Seed escrow: the inputs of a DRBG sealed with HPKE (RFC 9180) to an auditor's X25519 key and appended
 * durably to a store ({@link io.fairspin.rng.escrow.SeedEscrow}, {@link io.fairspin.rng.escrow.EscrowStore},
 * {@link io.fairspin.rng.escrow.EscrowFile}); the auditor's replay of a DRBG's output and of any round's
 * seed ({@link io.fairspin.rng.escrow.EscrowReplay}). PEM key files and key IDs are in
 * {@link io.fairspin.rng.keys}. The record format is {@code docs/escrow-format.md}.
 */
package io.fairspin.rng.escrow;

/**
 * Key files: the auditor's X25519 escrow keys and the operator's Ed25519 signing keys as PEM files
 * (PKCS#8 private keys, owner-only; X.509 SubjectPublicKeyInfo public keys), and key IDs
 * ({@link io.fairspin.rng.keys.KeyFiles}).
 */
package io.fairspin.rng.keys;

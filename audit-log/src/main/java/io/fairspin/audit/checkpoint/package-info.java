/**
 * Signed checkpoints: the C2SP checkpoint body ({@link io.fairspin.audit.checkpoint.Checkpoint}), signed
 * notes with Ed25519 signatures ({@link io.fairspin.audit.checkpoint.SignedNote}), and their signing and
 * verification.
 */
package io.fairspin.audit.checkpoint;

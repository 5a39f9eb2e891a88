/**
 * Tamper-evident audit logs of game rounds: canonical round records in append-only, CRC-framed segment
 * files with durable group commit, an RFC 9162 Merkle tree over the records, Ed25519-signed checkpoints
 * in the C2SP signed-note format, and dispute packets that prove one round offline.
 *
 * <p>Start with {@link io.fairspin.audit.AuditLog} (write), {@link io.fairspin.audit.LogVerifier}
 * (check a whole log), {@link io.fairspin.audit.LogReader} (find a round) and
 * {@link io.fairspin.audit.DisputePacket} (prove one round).
 */
package io.fairspin.audit;

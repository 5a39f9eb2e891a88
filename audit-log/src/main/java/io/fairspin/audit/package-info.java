/**
 * Tamper-evident audit logs of game rounds: canonical round records in append-only, CRC-framed segment
 * files with durable group commit, an RFC 9162 Merkle tree over the records, Ed25519-signed checkpoints
 * in the C2SP signed-note format, dispute packets that prove one round offline, and the replay of a
 * logged round from seed escrow.
 *
 * <p>Start with {@link io.fairspin.audit.log.AuditLog} (write), {@link io.fairspin.audit.round.RoundPlayer} (play
 * and log rounds of a game model), {@link io.fairspin.audit.log.LogVerifier} (check a whole log),
 * {@link io.fairspin.audit.log.LogReader} (find a round), {@link io.fairspin.audit.round.DisputePacket} (prove one
 * round) and {@link io.fairspin.audit.round.RoundReplay} (replay one round from escrow).
 */
package io.fairspin.audit;

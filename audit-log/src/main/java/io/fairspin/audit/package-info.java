/**
 * Append-only, CRC-framed round records, an RFC 9162 Merkle tree, signed checkpoints, proofs and replay.
 * Not yet implemented: the module builds empty until the audit-log issue lands.
 */
package io.fairspin.audit;

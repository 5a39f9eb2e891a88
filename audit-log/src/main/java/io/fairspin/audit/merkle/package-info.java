/**
 * The RFC 9162 Merkle tree over a log's entries: {@link io.fairspin.audit.merkle.MerkleTree} computes
 * roots, inclusion and consistency proofs and verifies them.
 */
package io.fairspin.audit.merkle;

/**
 * The audit log's JSON: the canonical form of logged outcomes, the readable view of an entry, and the proof fields
 * of dispute packets and consistency proofs. Internal to fairspin: this package is not exported; an entry's
 * readable view is public as {@link io.fairspin.audit.record.LogEntry#toJson()}.
 */
package io.fairspin.audit.json;

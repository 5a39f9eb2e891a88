/**
 * Log storage and recovery: {@link io.fairspin.audit.log.AuditLog} appends entries to CRC32C-framed,
 * append-only segment files with durable group commit and signs checkpoints; opening a log cuts a torn
 * tail and keeps the cut bytes; {@link io.fairspin.audit.log.LogVerifier} checks a whole log and
 * {@link io.fairspin.audit.log.LogReader} finds one entry.
 */
package io.fairspin.audit.log;

/**
 * The entries of a log and their canonical encoding: {@link io.fairspin.audit.record.LogEntry} (index,
 * chain link, event), the events it carries ({@link io.fairspin.audit.record.RoundRecord}, key
 * announcements, tail cuts) and the canonical binary and JSON forms that are hashed and signed.
 */
package io.fairspin.audit.record;

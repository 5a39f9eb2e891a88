package io.fairspin.audit.record;

/**
 * What a log entry records: a played round, the announcement of a checkpoint signing key, the cut of
 * a torn tail found when the log was reopened after a crash, or an event of the certified generator.
 */
public sealed interface LogEvent permits RoundRecord, KeyAnnouncement, TailCut, RngHealthRecord {
}

package io.fairspin.audit.record;

/**
 * What a log entry records: a played round, the announcement of a checkpoint signing key, or the cut of
 * a torn tail found when the log was reopened after a crash.
 */
public sealed interface LogEvent permits RoundRecord, KeyAnnouncement, TailCut {
}

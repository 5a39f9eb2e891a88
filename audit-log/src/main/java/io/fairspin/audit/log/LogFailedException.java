package io.fairspin.audit.log;

import java.io.IOException;

/**
 * The log could not make entries durable (a write or a sync failed). Fatal: the log accepts nothing more
 * and never retries a failed sync, because after one the state of the file on disk is unknown. Reopen
 * the log, which checks and recovers what is on disk.
 */
public class LogFailedException extends IOException {
    /**
     * The log failed and accepts no more entries.
     *
     * @param message what failed
     * @param cause the I/O error behind it
     */
    public LogFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

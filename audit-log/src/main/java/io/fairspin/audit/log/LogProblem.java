package io.fairspin.audit.log;

/**
 * Damage or tampering found in a log: the file (relative to the log folder; empty for the folder itself), the
 * byte offset in it, and what is wrong there.
 */
public record LogProblem(String file, long offset, String message) {
    @Override
    public String toString() {
        return file.isEmpty() ? "the log folder: " + message : file + " at offset " + offset + ": " + message;
    }
}

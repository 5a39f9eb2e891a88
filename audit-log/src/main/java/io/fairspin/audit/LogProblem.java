package io.fairspin.audit;

/** Damage or tampering found in a log: the file, the byte offset in it, and what is wrong there. */
public record LogProblem(String file, long offset, String message) {
    @Override
    public String toString() {
        return file + " at offset " + offset + ": " + message;
    }
}

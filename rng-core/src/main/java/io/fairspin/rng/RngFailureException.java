package io.fairspin.rng;

/**
 * Thrown when a generator has stopped for good: its entropy source failed a health test, or it could
 * not reseed. The generator never falls back to weaker randomness; it produces nothing more.
 */
public class RngFailureException extends RuntimeException {
    public RngFailureException(String message) {
        super(message);
    }

    public RngFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.fairspin.rng;

/**
 * Thrown when a generator has stopped for good: its entropy source failed a health test, or it could
 * not reseed. The generator never falls back to weaker randomness; it produces nothing more.
 */
public class RngFailureException extends RuntimeException {
    /**
     * A generator failure.
     *
     * @param message what failed and why the generator stopped
     */
    public RngFailureException(String message) {
        super(message);
    }

    /**
     * A generator failure with its cause.
     *
     * @param message what failed and why the generator stopped
     * @param cause the underlying failure, such as an I/O error of the entropy source
     */
    public RngFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.fairspin.rng;

import java.util.Objects;

/**
 * An event of a {@link CertifiedRandom}'s health: a reseed from the entropy source, or a failure (a health-test
 * failure of the entropy source, or another failure of the randomness) that stopped it for good. Emitted
 * through {@code System.Logger} (logger {@code io.fairspin.rng.CertifiedRandom}: reseeds at DEBUG, failures at
 * ERROR) and to a {@link CertifiedRandom.Builder#healthListener listener}, which a game server can use to write
 * the event into its audit log.
 *
 * @param instanceId the generator's instance id
 * @param kind       what happened
 * @param atMillis   when (epoch milliseconds)
 * @param reseeds    reseeds so far, this one included
 * @param detail     for a failure its message; empty for a reseed
 */
public record RngHealthEvent(String instanceId, Kind kind, long atMillis, long reseeds, String detail) {
    /** What happened. */
    public enum Kind {
        /** A reseed from the entropy source. */
        RESEED,
        /** A failure that stopped the generator (an entropy health test failed, or a reseed could not be made). */
        HEALTH_FAILURE
    }

    /**
     * Checks the event's fields.
     *
     * @param instanceId the generator's instance id
     * @param kind what happened
     * @param atMillis when (epoch milliseconds)
     * @param reseeds reseeds so far, this one included
     * @param detail for a failure its message; empty for a reseed
     */
    public RngHealthEvent {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}

package io.fairspin.rng;

import java.util.Optional;

/**
 * The health of a {@link CertifiedRandom}, for a server's readiness probe: whether it can still draw, whether
 * its entropy source passes its SP 800-90B health tests, how often it reseeded, and its last failure.
 *
 * @param instanceId           the generator's instance id
 * @param healthy              whether it can draw: not stopped by a failure, not closed
 * @param entropySourceHealthy whether the entropy source has passed every health test so far
 * @param reseeds              reseeds from the entropy source since instantiation
 * @param lastReseedMillis     when the last reseed happened (epoch milliseconds), or 0 when none has
 * @param lastFailure          the failure that stopped it, if any (a message, never secret material)
 * @param lastFailureMillis    when it failed (epoch milliseconds), or 0
 */
public record RngHealth(String instanceId, boolean healthy, boolean entropySourceHealthy, long reseeds,
                        long lastReseedMillis, Optional<String> lastFailure, long lastFailureMillis) {

    /**
     * Whether a readiness probe should report ready: healthy, with a healthy entropy source.
     *
     * @return true when both the generator and its entropy source are healthy
     */
    public boolean ready() {
        return healthy && entropySourceHealthy;
    }
}

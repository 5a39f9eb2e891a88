package io.fairspin.rng;

/** Thrown by {@link Drbg#generate} when the reseed interval is used up: the state must be reseeded first. */
public final class ReseedRequiredException extends IllegalStateException {
    ReseedRequiredException(DrbgMechanism mechanism, long reseedInterval) {
        super(mechanism.cliName() + ": reseed required after " + reseedInterval + " generate requests");
    }
}

package io.fairspin.rng;

/** Thrown when an entropy source fails an SP 800-90B health test; the source stays failed from then on. */
public final class EntropyHealthException extends RngFailureException {
    /**
     * An entropy health test failed.
     *
     * @param message which test failed, on which source, and its cutoff
     */
    public EntropyHealthException(String message) {
        super(message);
    }
}

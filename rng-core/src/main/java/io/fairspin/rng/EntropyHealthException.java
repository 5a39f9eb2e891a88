package io.fairspin.rng;

/** Thrown when an entropy source fails an SP 800-90B health test; the source stays failed from then on. */
public final class EntropyHealthException extends RngFailureException {
    public EntropyHealthException(String message) {
        super(message);
    }
}

package io.fairspin.math;

/** A game with an exact analysis that {@code fairspin par} prints. */
public interface Analyzable {
    /**
     * Computes the game's exact analysis.
     *
     * @return the game's tables of exact figures, computed from the model (no simulation)
     */
    AnalysisReport analyze();
}

package io.fairspin.math;

/** A game with an exact analysis that {@code fairspin par} prints. */
public interface Analyzable {
    /** Computes the game's exact analysis. */
    AnalysisReport analyze();
}

package io.fairspin.math.slot.analysis;

import io.fairspin.math.slot.SlotGame;
import java.util.Optional;

/**
 * A slot game's exact analysis and its round win distribution, each made once on first use (thread-safe: two
 * threads may both make one, and either result is kept).
 */
public final class AnalysisCache {
    private final SlotGame game;
    /** The exact analysis once made; empty when the game has none (a capped reel-heights count past its budget). */
    private volatile Optional<Analysis> analysis;
    /** Why the game has no exact analysis, once {@link #analysis()} found none. */
    private volatile String notExact;
    /** The round win distribution once computed ({@link Optional#empty()} when the game has none). */
    private volatile Optional<RoundWins> roundWins;

    /**
     * The cache of {@code game}'s analyses, empty.
     *
     * @param game the slot game
     */
    public AnalysisCache(SlotGame game) {
        this.game = game;
    }

    /**
     * The exact analysis; empty when the game has none: random reel heights with a maximum-win cap whose count,
     * outcome by outcome, passes its budget ({@link SpinMoments#HEIGHTS_BUDGET}).
     *
     * @return the analysis, or empty
     */
    public Optional<Analysis> analysis() {
        Optional<Analysis> result = analysis;
        if (result == null) {
            try {
                result = Optional.of(Analysis.of(game));
            } catch (SpinMoments.NotCounted e) {
                notExact = "random reel heights with a maximum-win cap ($.maxWin) are counted outcome by outcome, and "
                        + e.getMessage();
                result = Optional.empty();
            }
            analysis = result;
        }
        return result;
    }

    /**
     * Why the game has no exact analysis.
     *
     * @return the reason, once {@link #analysis()} found none; null before, or when it has one
     */
    public String notExact() {
        return notExact;
    }

    /**
     * The exact distribution of the win of a round that triggers no feature ({@link RoundWins}).
     *
     * @return the distribution; empty for random reel heights whose count is past {@link RoundWins#HEIGHTS_BUDGET}
     */
    public Optional<RoundWins> roundWins() {
        Optional<RoundWins> result = roundWins;
        if (result == null) {
            result = Optional.ofNullable(RoundWins.of(game));
            roundWins = result;
        }
        return result;
    }
}

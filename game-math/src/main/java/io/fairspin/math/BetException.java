package io.fairspin.math;

/**
 * A bet the game does not accept: a field outside the model's limits, a bet the model does not offer,
 * or a malformed bet. Thrown before anything is drawn from the round's stream, so nothing was played.
 * The message names the field as a JSON path into the bet ({@code $.lines}, {@code $.wagers[1].amount})
 * and what the model allows.
 */
public final class BetException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The JSON path of the field the bet is refused for, such as {@code $.wagers[1].amount}. */
    private final String jsonPath;

    /**
     * @param jsonPath the JSON path of the offending field in the bet, {@code $} for the whole bet
     * @param problem  what is wrong and what the model allows
     */
    public BetException(String jsonPath, String problem) {
        super("bet: " + jsonPath + ": " + problem);
        this.jsonPath = jsonPath;
    }

    /**
     * The JSON path of the offending field in the bet.
     *
     * @return a JSON path starting at {@code $}
     */
    public String jsonPath() {
        return jsonPath;
    }
}

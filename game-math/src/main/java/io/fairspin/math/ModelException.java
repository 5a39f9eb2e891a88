package io.fairspin.math;

/**
 * A model file that cannot be used: names the file, the JSON path of the offending field (for example
 * {@code $.reels[2].stops[7]}) and what was expected, so that the message alone tells a designer what
 * to fix. Subclassed where a caller must tell one kind of refusal from the rest (a tuner's target out of reach).
 */
public class ModelException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The model file as the user named it. */
    private final String file;
    /** The JSON path of the offending field, such as {@code $.reels[2]}. */
    private final String jsonPath;
    /** What is wrong and what was expected. */
    private final String problem;

    /**
     * @param file     the model file as the user named it
     * @param jsonPath the JSON path of the field, {@code $} for the whole document
     * @param problem  what is wrong and what was expected
     */
    public ModelException(String file, String jsonPath, String problem) {
        super(file + ": " + jsonPath + ": " + problem);
        this.file = file;
        this.jsonPath = jsonPath;
        this.problem = problem;
    }

    /**
     * The model file the error is about.
     *
     * @return the file as the user named it
     */
    public String file() {
        return file;
    }

    /**
     * The JSON path of the offending field.
     *
     * @return a JSON path starting at {@code $}
     */
    public String jsonPath() {
        return jsonPath;
    }

    /**
     * What is wrong and what was expected: the message without the file and the JSON path it starts with.
     *
     * @return the problem as given
     */
    public String problem() {
        return problem;
    }
}

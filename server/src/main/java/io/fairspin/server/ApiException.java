package io.fairspin.server;

/**
 * A refused request: the HTTP status, the field it is about (a JSON path into the request body, a
 * header or a path parameter) and a message for the client. Messages never hold a session token.
 */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The HTTP status of the response: 4xx for a refused request, 503 while the server stops or cannot log. */
    private final int status;
    /** The request field the error is about (a JSON path, header or path parameter), or null. */
    private final String field;

    /**
     * A request refused with {@code status}.
     *
     * @param status the HTTP status: 4xx, or 503 when the server cannot serve the request now
     * @param field the field the error is about (a JSON path, a header or a path parameter), or null
     * @param message what was expected, for the client; never a session token
     */
    public ApiException(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    /** 400: the body or a parameter is not what was expected. */
    static ApiException badRequest(String field, String message) {
        return new ApiException(400, field, message);
    }

    /** 422: well-formed, but not allowed (an unknown game, a bet outside the limits, an illegal decision). */
    static ApiException unprocessable(String field, String message) {
        return new ApiException(422, field, message);
    }

    /**
     * The HTTP status of the response.
     *
     * @return a 4xx status code, or 503
     */
    public int status() {
        return status;
    }

    /**
     * The field the error is about, or null.
     *
     * @return the field's name or JSON path, or null when the error is about the request as a whole
     */
    public String field() {
        return field;
    }
}

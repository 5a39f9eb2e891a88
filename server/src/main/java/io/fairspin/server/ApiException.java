package io.fairspin.server;

/**
 * A refused request: the HTTP status, the field it is about (a JSON path into the request body, a
 * header or a path parameter) and a message for the client. Messages never hold a session token.
 */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

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

    public int status() {
        return status;
    }

    /** The field the error is about, or null. */
    public String field() {
        return field;
    }
}

package io.fairspin.server;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself (a malformed request line, a header too long, an unparsable Content-Length, a
 * body over the limit), in the API's own form: {@code {"error": {"status", "field", "message"}}} with the API's
 * headers, no stack trace, no page, and nothing of the request echoed.
 */
final class JettyErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
            Callback callback) {
        HttpApi.send(response, callback, reply(status, message));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        HttpApi.Reply reply = reply(status, reason);
        fields.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put("X-Content-Type-Options", "nosniff");
        return ByteBuffer.wrap(reply.body());
    }

    /**
     * The error: a body too large names the body, a bad Content-Length that header; others get the status's standard
     * reason ({@code reason}, Jetty's, is only looked at: it may quote the request).
     */
    private static HttpApi.Reply reply(int status, String reason) {
        if (status == 400 && reason != null && reason.toLowerCase(Locale.ROOT).contains("content-length")) {
            return HttpApi.Reply.error(400, "Content-Length", "not a valid length");
        }
        if (status == 413) {
            return HttpApi.Reply.error(413, "$", "the body is larger than " + GameServer.MAX_BODY_BYTES + " bytes");
        }
        return HttpApi.Reply.error(status, null, "the request could not be served: " + status + " "
                + org.eclipse.jetty.http.HttpStatus.getMessage(status));
    }
}

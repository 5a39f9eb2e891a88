package io.fairspin.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.rng.RngHealth;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * The HTTP API and the page, as one Jetty handler that never blocks: it runs on Jetty's selector thread, reads
 * request bodies asynchronously, and completes a response from a future when the answer has to wait (a settle for
 * the log's group commit, an open for the seed batcher), while the few requests that read files or wait for a sync
 * of their own (dispute packets, checkpoints) go to the server's thread pool.
 */
final class HttpApi extends Handler.Abstract {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(GameServer.MAX_BODY_BYTES).build());
    }

    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");
    private static final HttpField NO_SNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
    private static final HttpField JSON_CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, JSON_TYPE);

    private final RoundService rounds;
    private final Sessions sessions;
    private final Checkpoints checkpoints;
    private final boolean issueSessions;
    private final Executor blocking;
    private final Supplier<RngHealth> health;
    private final Page page = new Page();

    /**
     * @param blocking where the requests that read the log or sign a checkpoint run (the server's thread pool)
     * @param health the certified generator's health, for the readiness probe
     */
    HttpApi(RoundService rounds, Sessions sessions, Checkpoints checkpoints, boolean issueSessions, Executor blocking,
            Supplier<RngHealth> health) {
        super(Invocable.InvocationType.NON_BLOCKING);
        this.rounds = rounds;
        this.sessions = sessions;
        this.checkpoints = checkpoints;
        this.issueSessions = issueSessions;
        this.blocking = blocking;
        this.health = health;
    }

    /** A response: status, content type, body, and the Allow header of a 405 (else null). */
    record Reply(int status, String contentType, byte[] body, String allow) {
        static Reply json(int status, JsonNode body) {
            try {
                return new Reply(status, JSON_TYPE, JSON.writeValueAsBytes(body), null);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a JSON tree could not be written", e);
            }
        }

        /** {@code {"error": {"status", "field", "message"}}}; a 405 names the allowed method in Allow. */
        static Reply error(int status, String field, String message) {
            ObjectNode error = JsonNodeFactory.instance.objectNode();
            error.put("status", status);
            if (field != null) {
                error.put("field", field);
            }
            error.put("message", message);
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.set("error", error);
            Reply reply = json(status, body);
            return status == 405 ? new Reply(status, reply.contentType, reply.body,
                    message.substring(message.lastIndexOf(' ') + 1)) : reply;
        }

        static Reply error(ApiException e) {
            return error(e.status(), e.field(), e.getMessage());
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        CompletableFuture<Reply> reply;
        try {
            reply = route(request);
        } catch (ApiException e) {
            reply = CompletableFuture.completedFuture(Reply.error(e));
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((answer, failure) -> {
            Throwable cause = failure == null ? null : RoundService.unwrap(failure);
            if (cause instanceof IOException || cause instanceof HttpException) {
                callback.failed(cause); // the client went away, or Jetty answers (a body too large: 413)
            } else {
                send(response, callback, answer != null ? answer : failed(request, cause));
            }
        });
        return true;
    }

    /** The reply to a request whose handling failed: its refusal, or a plain 500 for a bug. */
    private static Reply failed(Request request, Throwable cause) {
        if (cause instanceof ApiException e) {
            return Reply.error(e);
        }
        // A bug: the client gets a plain 500 and no trace; the operator a line on stderr.
        System.err.println("fairspin serve: internal error on " + request.getMethod() + " "
                + RoundService.printable(request.getHttpURI().getPath()) + ": " + cause);
        return Reply.error(500, null, "internal error");
    }

    static void send(Response response, Callback callback, Reply reply) {
        response.setStatus(reply.status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(reply.contentType.equals(JSON_TYPE) ? JSON_CONTENT_TYPE
                : new HttpField(HttpHeader.CONTENT_TYPE, reply.contentType));
        headers.put(NO_STORE);
        headers.put(NO_SNIFF);
        if (reply.allow != null) {
            headers.put(HttpHeader.ALLOW, reply.allow);
        }
        headers.put(HttpHeader.CONTENT_LENGTH, reply.body.length);
        response.write(true, ByteBuffer.wrap(reply.body), callback);
    }

    // ------------------------------------------------------------------ routes

    private CompletableFuture<Reply> route(Request request) throws ApiException {
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith("/api/")) {
            requireMethod(method, "GET");
            Page.Resource resource = path == null ? null : page.get(path);
            if (resource == null) {
                throw new ApiException(404, "path", "no page at " + RoundService.printable(String.valueOf(path)));
            }
            return done(new Reply(200, resource.contentType(), resource.bytes(), null));
        }
        List<String> parts = List.of(path.substring(5).split("/", -1));
        String head = parts.get(0);
        if (head.equals("games") && parts.size() == 1) {
            requireMethod(method, "GET");
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.set("games", rounds.games());
            return done(Reply.json(200, body));
        } else if (head.equals("sessions") && parts.size() == 1) {
            requireMethod(method, "POST");
            if (!issueSessions) {
                throw new ApiException(403, "path", "this server takes sessions from the operator's front end only");
            }
            Sessions.Issued issued = sessions.issue();
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("sessionId", issued.sessionId());
            body.put("token", issued.token());
            return done(Reply.json(201, body));
        } else if (head.equals("checkpoint") && parts.size() == 1) {
            requireMethod(method, "GET");
            // Signing one (when there is none yet) writes and syncs the log: not on the selector.
            return CompletableFuture.supplyAsync(() -> call(() -> Reply.json(200, checkpoints.latestJson())),
                    blocking);
        } else if (head.equals("health") && parts.size() == 1) {
            requireMethod(method, "GET");
            // The entropy source's health is read under its lock, which a reseed holds while it reads: not on the
            // selector.
            return CompletableFuture.supplyAsync(() -> Readiness.reply(health.get()), blocking);
        } else if (head.equals("rounds")) {
            return rounds(request, method, path, parts);
        }
        throw new ApiException(404, "path", "no API at " + RoundService.printable(path));
    }

    private CompletableFuture<Reply> rounds(Request request, String method, String path, List<String> parts)
            throws ApiException {
        if (parts.size() == 1) {
            requireMethod(method, "POST");
            String session = session(request);
            String key = request.getHeaders().get("Idempotency-Key");
            return json(request).thenCompose(body -> answer(201, () -> rounds.open(session, body, key)));
        }
        String roundId = parts.get(1);
        if (roundId.isEmpty() || parts.size() > 3) {
            throw new ApiException(404, "path", "no API at " + RoundService.printable(path));
        }
        String action = parts.size() == 3 ? parts.get(2) : "";
        switch (action) {
            case "" -> {
                requireMethod(method, "GET");
                return done(Reply.json(200, rounds.get(session(request), roundId)));
            }
            case "play" -> {
                requireMethod(method, "POST");
                return body(request).thenCompose(ignored -> answer(200, () -> rounds.play(session(request), roundId)));
            }
            case "actions" -> {
                requireMethod(method, "POST");
                String session = session(request);
                return json(request).thenCompose(body -> answer(200, () -> rounds.act(session, roundId, body)));
            }
            case "settle" -> {
                requireMethod(method, "POST");
                return body(request).thenCompose(ignored -> answer(200, () -> rounds.settle(session(request), roundId)));
            }
            case "packet" -> {
                requireMethod(method, "GET");
                String session = session(request);
                // Reads the log, and may sign a checkpoint: not on the selector.
                return CompletableFuture.supplyAsync(() -> call(() -> new Reply(200, JSON_TYPE,
                        rounds.packet(session, roundId, checkpoints::covering).getBytes(StandardCharsets.UTF_8), null)),
                        blocking);
            }
            default -> throw new ApiException(404, "path", "no API at " + RoundService.printable(path));
        }
    }

    private String session(Request request) throws ApiException {
        return sessions.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
    }

    private static void requireMethod(String method, String allowed) throws ApiException {
        if (!method.equals(allowed)) {
            throw new ApiException(405, "method", method + " is not allowed here; use " + allowed);
        }
    }

    // ------------------------------------------------------------------ bodies

    /** The request body as JSON: at most {@link GameServer#MAX_BODY_BYTES}, well-formed, no duplicate fields. */
    private static CompletableFuture<JsonNode> json(Request request) {
        return body(request).thenApply(body -> call(() -> parse(body)));
    }

    private static JsonNode parse(byte[] body) throws ApiException {
        if (body.length == 0) {
            throw ApiException.badRequest("$", "a JSON object body is required");
        }
        try {
            JsonNode json = JSON.readTree(body);
            return json == null ? JsonNodeFactory.instance.missingNode() : json;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw ApiException.badRequest("$", "malformed JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage().split("\n")[0]
                    .replaceAll("\\(for .*", "").trim());
        } catch (IOException e) {
            throw ApiException.badRequest("$", "the body could not be read");
        }
    }

    /**
     * The request body, read without blocking. Jetty's {@link org.eclipse.jetty.server.handler.SizeLimitHandler} in
     * front of this handler refuses a body over {@link GameServer#MAX_BODY_BYTES} with 413 ({@link JettyErrors}), at
     * once by its Content-Length or once more arrived: the future then fails with Jetty's exception, as it does with
     * an IOException when the client went away.
     */
    private static CompletableFuture<byte[]> body(Request request) {
        return Content.Source.asByteArrayAsync(request, GameServer.MAX_BODY_BYTES);
    }

    // ------------------------------------------------------------------ futures

    /** A step that may refuse the request. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws ApiException;
    }

    private static CompletableFuture<Reply> done(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    /** The JSON reply with {@code status} to a round call, or its refusal as a failed future. */
    private static CompletableFuture<Reply> answer(int status, Step<CompletableFuture<ObjectNode>> call) {
        try {
            return call.run().thenApply(body -> Reply.json(status, body));
        } catch (ApiException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The step's value; its refusal thrown unchecked, for a future to fail with. */
    private static <T> T call(Step<T> step) {
        try {
            return step.run();
        } catch (ApiException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }
}

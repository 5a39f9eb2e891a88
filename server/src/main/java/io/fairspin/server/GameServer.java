package io.fairspin.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.round.ModelFile;
import io.fairspin.audit.merkle.ProofException;
import io.fairspin.audit.round.RoundPlayer;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.rng.CertifiedRandom;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reference game server: HTTP/JSON over the JDK's own HTTP server ({@code com.sun.net.httpserver}),
 * playing game models from an escrowed certified generator into a signed audit log. See
 * {@code docs/server.md} for the API and {@code docs/openapi.yaml} for its schema.
 *
 * <pre>{@code
 * try (GameServer server = GameServer.builder()
 *         .games(models).log(auditLog, logDir).random(rng, escrow.keyId())
 *         .bind(InetAddress.getLoopbackAddress(), 8080).build().start()) {
 *     ...                                    // serve until told to stop
 * }                                          // settles every open round, signs a last checkpoint
 * }</pre>
 *
 * <p>The server does not own the log or the generator: close them after the server.
 */
public final class GameServer implements AutoCloseable {
    /** The largest request body accepted; anything longer gets 413. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    /** The round seeds kept escrowed ahead of requests by default ({@link Builder#seedReserve}). */
    public static final int DEFAULT_SEED_RESERVE = 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(MAX_BODY_BYTES).build());
    }

    private final Builder config;
    private final Sessions sessions;
    private final SeedBatcher seeds;
    private final RoundService rounds;
    private final Checkpoints checkpoints;
    private final ExecutorService workers;
    private final ScheduledExecutorService ticker;
    private final HttpServer http;
    private final Page page = new Page();
    private volatile boolean closed;

    private GameServer(Builder config) throws IOException {
        this.config = config;
        this.sessions = new Sessions(config.hook);
        Map<String, ServedGame> games = new LinkedHashMap<>();
        for (ModelFile model : config.models) {
            RoundPlayer player = new RoundPlayer(config.log, config.rng, config.escrowKeyId, model, "server",
                    config.currency);
            if (games.put(model.game().id(), new ServedGame(model, player)) != null) {
                throw new IllegalArgumentException(model.name() + ": another model also has the game id '"
                        + model.game().id() + "'");
            }
        }
        this.seeds = new SeedBatcher(config.rng, "r-" + config.rng.instanceId() + "-", config.seedReserve);
        this.rounds = new RoundService(games, config.log, config.logDir, seeds, config.retainSettled);
        this.checkpoints = new Checkpoints(config.log);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.threads, r -> {
            Thread t = new Thread(r, "fairspin-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fairspin-checkpoints");
            t.setDaemon(true);
            return t;
        });
        noDelayUnlessSet();
        this.http = HttpServer.create(new InetSocketAddress(config.address, config.port), 1024);
        this.http.setExecutor(workers);
        this.http.createContext("/", this::handle);
    }

    /** The JDK server's property that turns Nagle's algorithm off on the connections it accepts. */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    /**
     * Turns Nagle's algorithm off on the JDK server's connections ({@value #NO_DELAY}), unless the JVM was started
     * with the property set either way. The JDK server writes a response's headers and body in separate writes; with
     * Nagle's algorithm the body then waits for the client's delayed acknowledgement of the headers, about 40 ms a
     * response, which set the load test's latency (2 exchanges a round: p50 88 ms) while the cores idled. The JDK
     * reads the property once, when its server is first used in the JVM.
     */
    private static void noDelayUnlessSet() {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    /**
     * A builder; {@code games}, {@code log} and {@code random} are required.
     *
     * @return a new builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening and signing periodic checkpoints.
     *
     * @return this server, listening
     */
    public GameServer start() {
        http.start();
        long every = config.checkpointInterval.toMillis();
        ticker.scheduleWithFixedDelay(checkpoints::tick, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * The address the server listens on (the port is the real one when 0 was asked for).
     *
     * @return the bound address and port
     */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /**
     * {@code http://host:port}, without a trailing slash.
     *
     * @return the base URL of the HTTP API and the page
     */
    public String url() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /**
     * Stops: no more rounds are opened, requests in progress get up to {@code grace} to finish, every
     * round not yet settled is settled by its model's default actions and made durable, and a last
     * checkpoint is signed.
     *
     * @param grace how long requests in progress may take to finish
     * @throws java.io.IOException when the last rounds or the last checkpoint cannot be made durable
     */
    public void stop(Duration grace) throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        rounds.stopAccepting();
        http.stop((int) Math.max(0, Math.min(Integer.MAX_VALUE, grace.toSeconds())));
        ticker.shutdownNow();
        rounds.close();
        seeds.close();
        workers.shutdown();
        try {
            workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        config.log.checkpoint();
    }

    @Override
    public void close() throws IOException {
        stop(Duration.ofSeconds(1));
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                route(exchange);
            } catch (ApiException e) {
                sendError(exchange, e.status(), e.field(), e.getMessage());
            } catch (RuntimeException e) {
                // A bug: the client gets a plain 500 and no trace; the operator a line on stderr.
                System.err.println("fairspin serve: internal error on " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getRawPath() + ": " + e);
                sendError(exchange, 500, null, "internal error");
            }
        } catch (IOException e) {
            // The client went away; nothing to answer.
        }
    }

    private void route(HttpExchange exchange) throws ApiException, IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        if (!path.startsWith("/api/")) {
            requireMethod(method, "GET");
            Page.Resource resource = page.get(path);
            if (resource == null) {
                throw new ApiException(404, "path", "no page at " + RoundService.printable(path));
            }
            send(exchange, 200, resource.contentType(), resource.bytes());
            return;
        }
        List<String> parts = List.of(path.substring(5).split("/", -1));
        String head = parts.get(0);
        if (head.equals("games") && parts.size() == 1) {
            requireMethod(method, "GET");
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.set("games", rounds.games());
            sendJson(exchange, 200, body);
        } else if (head.equals("sessions") && parts.size() == 1) {
            requireMethod(method, "POST");
            if (!config.issueSessions) {
                throw new ApiException(403, "path", "this server takes sessions from the operator's front end only");
            }
            Sessions.Issued issued = sessions.issue();
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("sessionId", issued.sessionId());
            body.put("token", issued.token());
            sendJson(exchange, 201, body);
        } else if (head.equals("checkpoint") && parts.size() == 1) {
            requireMethod(method, "GET");
            sendJson(exchange, 200, checkpoints.latestJson());
        } else if (head.equals("rounds")) {
            rounds(exchange, method, parts);
        } else {
            throw new ApiException(404, "path", "no API at " + RoundService.printable(path));
        }
    }

    private void rounds(HttpExchange exchange, String method, List<String> parts) throws ApiException, IOException {
        if (parts.size() == 1) {
            requireMethod(method, "POST");
            String session = session(exchange);
            JsonNode body = readJson(exchange);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            sendJson(exchange, 201, rounds.open(session, body, key));
            return;
        }
        String roundId = parts.get(1);
        if (roundId.isEmpty() || parts.size() > 3) {
            throw new ApiException(404, "path", "no API at " + RoundService.printable(exchange.getRequestURI().getRawPath()));
        }
        String action = parts.size() == 3 ? parts.get(2) : "";
        switch (action) {
            case "" -> {
                requireMethod(method, "GET");
                sendJson(exchange, 200, rounds.get(session(exchange), roundId));
            }
            case "play" -> {
                requireMethod(method, "POST");
                drain(exchange);
                sendJson(exchange, 200, rounds.play(session(exchange), roundId));
            }
            case "actions" -> {
                requireMethod(method, "POST");
                String session = session(exchange);
                sendJson(exchange, 200, rounds.act(session, roundId, readJson(exchange)));
            }
            case "settle" -> {
                requireMethod(method, "POST");
                drain(exchange);
                sendJson(exchange, 200, rounds.settle(session(exchange), roundId));
            }
            case "packet" -> {
                requireMethod(method, "GET");
                String packet = rounds.packet(session(exchange), roundId, checkpoints::covering);
                send(exchange, 200, "application/json; charset=utf-8", packet.getBytes(StandardCharsets.UTF_8));
            }
            default -> throw new ApiException(404, "path", "no API at "
                    + RoundService.printable(exchange.getRequestURI().getRawPath()));
        }
    }

    private String session(HttpExchange exchange) throws ApiException {
        return sessions.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static void requireMethod(String method, String allowed) throws ApiException {
        if (!method.equals(allowed)) {
            throw new ApiException(405, "method", method + " is not allowed here; use " + allowed);
        }
    }

    /** The request body as JSON: at most {@link #MAX_BODY_BYTES}, well-formed, no duplicate fields. */
    private static JsonNode readJson(HttpExchange exchange) throws ApiException, IOException {
        byte[] body = readBody(exchange);
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
        }
    }

    private static void drain(HttpExchange exchange) throws ApiException, IOException {
        readBody(exchange);
    }

    private static byte[] readBody(HttpExchange exchange) throws ApiException, IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Content-Length", "not a number");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return body;
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "$", "the body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    private static void sendError(HttpExchange exchange, int status, String field, String message) throws IOException {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("status", status);
        if (field != null) {
            error.put("field", field);
        }
        error.put("message", message);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", error);
        if (status == 405) {
            exchange.getResponseHeaders().set("Allow", message.substring(message.lastIndexOf(' ') + 1));
        }
        sendJson(exchange, status, body);
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ------------------------------------------------------------------ checkpoints

    /** Signs a checkpoint now and then, and on request when a dispute packet needs one. */
    private static final class Checkpoints {
        private final AuditLog log;
        private SignedNote latest;
        private long latestSize;

        Checkpoints(AuditLog log) {
            this.log = log;
        }

        void tick() {
            try {
                if (log.size() > size()) {
                    sign();
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("fairspin serve: signing a checkpoint failed: " + e.getMessage());
            }
        }

        private synchronized long size() {
            return latestSize;
        }

        private synchronized SignedNote sign() throws IOException {
            SignedNote note = log.checkpoint();
            try {
                latestSize = Checkpoint.parse(note.text()).size();
            } catch (ProofException e) {
                throw new IllegalStateException("the log signed a checkpoint it cannot parse", e);
            }
            latest = note;
            return note;
        }

        synchronized SignedNote covering(long index) throws IOException {
            return latest != null && latestSize > index ? latest : sign();
        }

        synchronized ObjectNode latestJson() throws ApiException {
            try {
                SignedNote note = latest != null ? latest : sign();
                Checkpoint checkpoint = Checkpoint.parse(note.text());
                ObjectNode json = JsonNodeFactory.instance.objectNode();
                json.put("origin", checkpoint.origin());
                json.put("size", checkpoint.size());
                json.put("rootHash", HexFormat.of().formatHex(checkpoint.rootHash()));
                json.put("note", note.encode());
                return json;
            } catch (IOException | ProofException e) {
                throw new ApiException(503, null, "no checkpoint could be signed: the audit log failed");
            }
        }
    }

    // ------------------------------------------------------------------ configuration

    /** The server's settings; {@link #games}, {@link #log} and {@link #random} are required. */
    public static final class Builder {
        private List<ModelFile> models;
        private AuditLog log;
        private Path logDir;
        private CertifiedRandom rng;
        private String escrowKeyId;
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port = 8080;
        private String currency = "XXX";
        private SessionHook hook = SessionHook.NONE;
        private boolean issueSessions = true;
        private int threads = 128;
        private int retainSettled = 100_000;
        private Duration checkpointInterval = Duration.ofSeconds(1);
        private int seedReserve = DEFAULT_SEED_RESERVE;

        /**
         * The games to offer, one model file each (game ids must differ).
         *
         * @param value the model files, at least one
         * @return this builder
         */
        public Builder games(List<ModelFile> value) {
            models = List.copyOf(value);
            return this;
        }

        /**
         * The audit log to write, open, and its folder (read for dispute packets).
         *
         * @param value the open audit log the server appends rounds and checkpoints to
         * @param dir the log's folder
         * @return this builder
         */
        public Builder log(AuditLog value, Path dir) {
            log = Objects.requireNonNull(value);
            logDir = Objects.requireNonNull(dir);
            return this;
        }

        /**
         * The certified generator, escrowed to the auditor key {@code escrowKeyId}.
         *
         * @param value the generator every round seed is drawn from
         * @param escrowKeyId the auditor key ID its escrow seals to, 16 hex digits, stated in the games list
         * @return this builder
         */
        public Builder random(CertifiedRandom value, String escrowKeyId) {
            rng = Objects.requireNonNull(value);
            this.escrowKeyId = Objects.requireNonNull(escrowKeyId);
            return this;
        }

        /**
         * Where to listen (default 127.0.0.1:8080; port 0 picks a free one).
         *
         * @param value the address to listen on
         * @param port the TCP port, 0 to 65535 (0: a free port)
         * @return this builder
         */
        public Builder bind(InetAddress value, int port) {
            address = Objects.requireNonNull(value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port: must be in [0, 65535], was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The currency of bets and wins, in its minor units (default XXX, none).
         *
         * @param value an ISO 4217 code such as {@code EUR}, or {@code XXX}
         * @return this builder
         */
        public Builder currency(String value) {
            currency = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The operator's session hook (see {@link SessionHook}).
         *
         * @param value the hook, or null for none
         * @return this builder
         */
        public Builder sessionHook(SessionHook value) {
            hook = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Whether {@code POST /api/sessions} issues sessions (default true; false with a front end's hook).
         *
         * @param value false when only the operator's front end opens sessions through the hook
         * @return this builder
         */
        public Builder issueSessions(boolean value) {
            issueSessions = value;
            return this;
        }

        /**
         * HTTP worker threads (default 128): each request waiting for its sync holds one.
         *
         * @param value the number of worker threads, at least 1
         * @return this builder
         */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads: must be at least 1, was " + value);
            }
            threads = value;
            return this;
        }

        /**
         * Settled rounds kept in memory for retries and packets (default 100,000); older ones are read from the log.
         *
         * @param value the number of settled rounds kept, at least 0
         * @return this builder
         */
        public Builder retainSettled(int value) {
            retainSettled = Math.max(1, value);
            return this;
        }

        /**
         * Round seeds kept drawn and escrowed ahead of the open-round requests (default 1,024; at most
         * {@link CertifiedRandom#MAX_ROUND_SEEDS}): a batch is drawn, escrowed and synced in the background when
         * fewer than half are left, so opening a round seldom waits for an escrow seal and sync. The reserve's
         * seeds are held in memory until used and wiped when the server stops; 0 draws a batch only for the
         * requests waiting.
         *
         * @param value the number of seeds, 0 to {@link CertifiedRandom#MAX_ROUND_SEEDS}
         * @return this builder
         */
        public Builder seedReserve(int value) {
            if (value < 0 || value > CertifiedRandom.MAX_ROUND_SEEDS) {
                throw new IllegalArgumentException("seedReserve: must be in [0, " + CertifiedRandom.MAX_ROUND_SEEDS
                        + "], was " + value);
            }
            seedReserve = value;
            return this;
        }

        /**
         * How often a checkpoint is signed when rounds were added (default 1 s).
         *
         * @param value the interval, positive
         * @return this builder
         */
        public Builder checkpointInterval(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("checkpointInterval: must be positive");
            }
            checkpointInterval = value;
            return this;
        }

        /**
         * Creates the server, bound to its address but not yet serving; {@link #start()} starts it.
         *
         * @return the server
         * @throws java.io.IOException when the address cannot be bound
         */
        public GameServer build() throws IOException {
            if (models == null || models.isEmpty()) {
                throw new IllegalArgumentException("games: at least one model is required");
            }
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(rng, "random");
            return new GameServer(this);
        }
    }
}

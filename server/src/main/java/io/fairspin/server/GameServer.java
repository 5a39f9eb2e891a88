package io.fairspin.server;

import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.round.ModelFile;
import io.fairspin.audit.round.RoundPlayer;
import io.fairspin.rng.CertifiedRandom;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The reference game server: HTTP/JSON on Jetty's core API ({@code org.eclipse.jetty.server}, no servlets),
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
    /** How long a stop waits, once the open rounds are settled, for their answers to be written. */
    private static final Duration ANSWERS_AFTER_SETTLING = Duration.ofSeconds(5);

    private final Builder config;
    private final SeedBatcher seeds;
    private final RoundService rounds;
    private final Checkpoints checkpoints;
    private final ScheduledExecutorService ticker;
    private final Server http;
    private final ServerConnector connector;
    private final GracefulHandler requests;
    private volatile boolean closed;

    private GameServer(Builder config) throws IOException {
        this.config = config;
        Map<String, ServedGame> games = new LinkedHashMap<>();
        for (ModelFile model : config.models) {
            RoundPlayer player = new RoundPlayer(config.log, config.rng, config.escrowKeyId, model, "server",
                    config.currency);
            if (games.put(model.game().id(), new ServedGame(model, player)) != null) {
                throw new IllegalArgumentException(model.name() + ": another model also has the game id '"
                        + model.game().id() + "'");
            }
        }
        int selectors = Runtime.getRuntime().availableProcessors();
        QueuedThreadPool pool = new QueuedThreadPool(config.threads + selectors + 1);
        pool.setName("fairspin-http");
        pool.setDaemon(true);
        this.http = new Server(pool);
        http.setStopAtShutdown(false); // the owner stops it: the rounds are settled after the last request
        this.seeds = new SeedBatcher(config.rng, "r-" + config.rng.instanceId() + "-", config.seedReserve);
        this.rounds = new RoundService(games, config.log, config.logDir, seeds, config.retainSettled, pool);
        this.checkpoints = new Checkpoints(config.log);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fairspin-checkpoints");
            t.setDaemon(true);
            return t;
        });
        HttpConfiguration http11 = new HttpConfiguration();
        http11.setSendServerVersion(false);
        http11.setSendXPoweredBy(false);
        this.connector = new ServerConnector(http, 1, selectors, new HttpConnectionFactory(http11));
        connector.setHost(config.address.getHostAddress());
        connector.setPort(config.port);
        connector.setAcceptQueueSize(1024);
        // Jetty's default, stated: a response goes out in one gathering write, and never waits for an acknowledgement.
        connector.setAcceptedTcpNoDelay(true);
        http.addConnector(connector);
        SizeLimitHandler bodyLimit = new SizeLimitHandler(MAX_BODY_BYTES, -1); // 413 over the limit; none on responses
        bodyLimit.setHandler(new HttpApi(rounds, new Sessions(config.hook), checkpoints, config.issueSessions, pool,
                config.rng::health));
        this.requests = new GracefulHandler(bodyLimit);
        http.setHandler(requests);
        http.setErrorHandler(new JettyErrors());
        try {
            connector.open();
        } catch (IOException e) {
            seeds.close();
            throw e;
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
     * @throws IllegalStateException when Jetty could not start
     */
    public GameServer start() {
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server could not start: " + e.getMessage(), e);
        }
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
        return new InetSocketAddress(config.address, connector.getLocalPort());
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

    /** The connector, for a test to see what Jetty does with the connections it accepts. */
    ServerConnector connector() {
        return connector;
    }

    /** The HTTP server, for a test to see how Jetty will run the handler. */
    Server jetty() {
        return http;
    }

    /**
     * Stops: no more rounds are opened, requests in progress get up to {@code grace} to finish, every
     * round not yet settled is settled by its model's default actions and made durable, the requests waiting for
     * those rounds get up to 5 s more to be answered (a request still running then, a stalled upload say, loses its
     * connection), and a last checkpoint is signed.
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
        connector.shutdown(); // accepts no more connections
        // The requests in progress finish (new ones on open connections get 503), up to the grace.
        CompletableFuture<Void> requestsFinished = requests.shutdown();
        await(requestsFinished, grace);
        stopTicker();
        // Before the pool stops: a request still waiting for its round's durability or its seed goes on on the pool
        // (a stopped pool would run it on the log's writer or the batcher's thread).
        rounds.close();
        seeds.close();
        // The answers of the rounds just made durable are being written on the pool: closing the connections now
        // would drop them (ShutdownTest lost one in three under load).
        await(requestsFinished, ANSWERS_AFTER_SETTLING);
        try {
            http.stop(); // closes the connections, stops the pool
        } catch (Exception e) {
            System.err.println("fairspin serve: stopping the HTTP server failed: " + e);
        }
        config.log.checkpoint();
    }

    @Override
    public void close() throws IOException {
        stop(Duration.ofSeconds(1));
    }

    /** Waits for the requests in progress to finish, at most {@code limit}; past it their connections are closed. */
    private static void await(CompletableFuture<Void> requestsFinished, Duration limit) {
        try {
            requestsFinished.get(Math.max(0, limit.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the limit is over: the connections are closed by the caller
        }
    }

    /**
     * Stops signing periodic checkpoints, letting a signature in progress finish: interrupting it (shutdownNow) closed
     * the log's file channel under the write (ClosedByInterruptException), which failed the log, so the shutdown could
     * not make the last rounds durable (ServeKillTest saw it).
     */
    private void stopTicker() {
        ticker.shutdown();
        try {
            ticker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
         * The most threads of the HTTP server's pool besides its acceptor and its selectors (one per core), default
         * 128. No request holds one while it waits for the log or the seed batcher: requests are handled on the
         * selectors, and the pool runs the answers sent once a round is durable or a seed escrowed, the requests
         * that read the log (dispute packets, checkpoints) and whatever Jetty itself hands off.
         *
         * @param value the number of pool threads, at least 1
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

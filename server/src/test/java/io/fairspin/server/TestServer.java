package io.fairspin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.log.LogReader;
import io.fairspin.audit.round.ModelFile;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.escrow.EscrowFile;
import io.fairspin.rng.keys.KeyFiles;
import io.fairspin.rng.escrow.SeedEscrow;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A game server for a test: fresh keys, log and escrow in {@code dir}, the given example models, listening
 * on 127.0.0.1 on a free port; {@link #close()} stops it and closes log, generator and escrow.
 */
final class TestServer implements AutoCloseable {
    static final KeyPair AUDITOR = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);
    static final KeyPair OPERATOR = KeyFiles.generate(KeyFiles.SIGNING_ALGORITHM);
    static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final Path logDir;
    final Path escrowFile;
    final List<ModelFile> models = new ArrayList<>();
    final AuditLog log;
    final SeedEscrow escrow;
    final CertifiedRandom rng;
    final GameServer server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private boolean closed;

    TestServer(Path dir, List<String> examples, UnaryOperator<GameServer.Builder> settings) throws IOException {
        this(dir, examples, settings, AuditLog.Options.defaults());
    }

    TestServer(Path dir, List<String> examples, UnaryOperator<GameServer.Builder> settings, AuditLog.Options logOptions)
            throws IOException {
        this.dir = dir;
        this.logDir = dir.resolve("log");
        this.escrowFile = dir.resolve("log.escrow");
        for (String name : examples) {
            models.add(ModelFile.load(example(name)));
        }
        log = AuditLog.create(logDir, "test.fairspin.local/server", OPERATOR, logOptions);
        escrow = new SeedEscrow(AUDITOR.getPublic(), EscrowFile.open(escrowFile));
        rng = CertifiedRandom.builder().escrow(escrow).build();
        server = settings.apply(GameServer.builder().games(models).log(log, logDir).random(rng, escrow.keyId())
                .bind(InetAddress.getLoopbackAddress(), 0)).build().start();
    }

    TestServer(Path dir, String... examples) throws IOException {
        this(dir, List.of(examples), b -> b);
    }

    static Path example(String name) {
        return Path.of(System.getProperty("fairspin.root", ".."), "examples", name);
    }

    /** A response: status, body as JSON, the body's text and the headers. */
    record Reply(int status, JsonNode body, String text, HttpHeaders headers) {
    }

    Reply send(String method, String path, String token, String body, String... headers) throws Exception {
        return send(method, path, token, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), body != null, headers);
    }

    /** Sends the body chunked, without a Content-Length (its length is not known beforehand). */
    Reply sendChunked(String method, String path, String token, String body) throws Exception {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return send(method, path, token, HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(bytes)), true);
    }

    private Reply send(String method, String path, String token, HttpRequest.BodyPublisher body, boolean json,
            String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = null;
        try {
            parsed = JSON.readTree(response.body());
        } catch (IOException e) {
            // not JSON (the page)
        }
        return new Reply(response.statusCode(), parsed, response.body(), response.headers());
    }

    String newSession() throws Exception {
        Reply reply = send("POST", "/api/sessions", null, null);
        if (reply.status() != 201) {
            throw new AssertionError("POST /api/sessions: " + reply.text());
        }
        return reply.body().get("token").asText();
    }

    /** Every entry of the log on disk, read-only (the server may be running). */
    List<LogEntry> entries() throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        LogReader.forEach(logDir, entries::add);
        return entries;
    }

    long escrowBytes() throws IOException {
        return Files.size(escrowFile);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } finally {
            rng.close();
            escrow.close();
            log.close();
        }
    }
}

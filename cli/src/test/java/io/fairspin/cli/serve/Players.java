package io.fairspin.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Concurrent players over real HTTP (java.net.http, HTTP/1.1 keep-alive): each has its own session and
 * plays round after round (open with an idempotency key, then settle), until stopped. Every round whose
 * settled response reached a player is kept, with its commitment, win and log index, for the checks against
 * the log (the load test's players are wrk's, see ServeLoadTest).
 */
final class Players {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A round a client saw settled. */
    record Settled(String roundId, String commitment, long win, long logIndex) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<String> url;
    private final String game;
    private final Map<String, Settled> settled = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private final List<String> firstFailures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch stopped;

    /** Starts {@code n} players of {@code game} against the server at {@code url} (read again after a failure). */
    Players(int n, Supplier<String> url, String game) {
        this.url = url;
        this.game = game;
        this.stopped = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            int player = i;
            Thread t = new Thread(() -> run(player), "player-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void run(int player) {
        try {
            String token = null;
            long n = 0;
            while (running.get()) {
                try {
                    if (token == null) {
                        token = send("POST", "/api/sessions", null, null, null).get("token").asText();
                    }
                    JsonNode opened = send("POST", "/api/rounds", token, "{\"game\":\"" + game + "\"}",
                            "p" + player + "-" + n++);
                    String id = opened.get("roundId").asText();
                    JsonNode done = send("POST", "/api/rounds/" + id + "/settle", token, null, null);
                    if (!"settled".equals(done.get("state").asText())) {
                        throw new IOException("not settled: " + done);
                    }
                    settled.put(id, new Settled(id, done.get("commitment").asText(), done.get("win").asLong(),
                            done.get("logIndex").asLong()));
                } catch (IOException | RuntimeException e) {
                    // The server went away (killed) or refused: a new session on the next server.
                    if (failures.incrementAndGet() <= 3) {
                        firstFailures.add(e.toString());
                    }
                    token = null;
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException ie) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    private JsonNode send(String method, String path, String token, String body, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.get() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    Map<String, Settled> settled() {
        return settled;
    }

    long failures() {
        return failures.get();
    }

    /** The first few failures, for the report. */
    List<String> firstFailures() {
        return List.copyOf(firstFailures);
    }

    void stop() throws InterruptedException {
        running.set(false);
        stopped.await();
    }
}

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
import java.util.Arrays;
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
 * settled response reached a player is kept, with its commitment, win and log index; latencies of whole
 * rounds (open sent to settled received) are kept for percentiles.
 */
final class Players {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code -Dfairspin.load.client=urlconnection}: the players use HttpURLConnection instead of java.net.http. */
    private static final boolean URL_CONNECTION = "urlconnection".equals(System.getProperty("fairspin.load.client"));

    static {
        if (URL_CONNECTION && System.getProperty("http.maxConnections") == null) {
            // One kept-alive connection per player (the JDK keeps 5 per server by default).
            System.setProperty("http.maxConnections", "256");
        }
    }

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
    private final AtomicBoolean measuring = new AtomicBoolean(false);
    private final long[][] latencies;
    private final int[] counts;
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch stopped;

    /** Starts {@code n} players of {@code game} against the server at {@code url} (read again after a failure). */
    Players(int n, Supplier<String> url, String game) {
        this.url = url;
        this.game = game;
        this.latencies = new long[n][1 << 16];
        this.counts = new int[n];
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
                    long start = System.nanoTime();
                    JsonNode opened = send("POST", "/api/rounds", token, "{\"game\":\"" + game + "\"}",
                            "p" + player + "-" + n++);
                    String id = opened.get("roundId").asText();
                    JsonNode done = send("POST", "/api/rounds/" + id + "/settle", token, null, null);
                    long took = System.nanoTime() - start;
                    if (!"settled".equals(done.get("state").asText())) {
                        throw new IOException("not settled: " + done);
                    }
                    settled.put(id, new Settled(id, done.get("commitment").asText(), done.get("win").asLong(),
                            done.get("logIndex").asLong()));
                    if (measuring.get() && counts[player] < latencies[player].length) {
                        latencies[player][counts[player]++] = took;
                    }
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
        if (URL_CONNECTION) {
            return sendByUrlConnection(method, path, token, body, key);
        }
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

    /**
     * The same exchange over the JDK's other HTTP client, {@code HttpURLConnection} (HTTP/1.1, a kept-alive
     * connection per player from its cache): a real client that takes much less CPU per request than
     * java.net.http, which matters when players and server share two cores.
     */
    private JsonNode sendByUrlConnection(String method, String path, String token, String body, String key)
            throws IOException {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create(url.get() + path).toURL()
                .openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(20_000);
        c.setRequestMethod(method);
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (key != null) {
            c.setRequestProperty("Idempotency-Key", key);
        }
        if (method.equals("POST")) {
            byte[] bytes = body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(bytes.length);
            try (java.io.OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = c.getResponseCode();
        byte[] answer;
        try (java.io.InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            answer = in == null ? new byte[0] : in.readAllBytes();
        }
        if (status >= 300) {
            throw new IOException(method + " " + path + ": " + status + " "
                    + new String(answer, java.nio.charset.StandardCharsets.UTF_8));
        }
        return JSON.readTree(answer);
    }

    /** Starts (or restarts) keeping latencies; {@link #measured} counts rounds since. */
    void measure() {
        Arrays.fill(counts, 0);
        measuring.set(true);
    }

    /** Rounds settled since {@link #measure()}. */
    long measured() {
        long sum = 0;
        for (int c : counts) {
            sum += c;
        }
        return sum;
    }

    /** The latency percentile {@code p} (0 to 1) of rounds since {@link #measure()}, in milliseconds. */
    double percentileMillis(double p) {
        long[] all = new long[(int) measured()];
        int at = 0;
        for (int i = 0; i < counts.length; i++) {
            System.arraycopy(latencies[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return all.length == 0 ? Double.NaN : all[(int) Math.min(all.length - 1, Math.ceil(p * all.length) - 1)] / 1e6;
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

package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairspin monitor} and {@code audit witness} from the command line: a log written by {@code play} is
 * read with no alert and exit code 0; JSON summary, alert lines, HTML report and Prometheus metrics; a round of
 * a model not in --models gives exit code 4 and an unknown-model alert line; following the log while
 * {@code play} appends shows the alert; the witness cosigns and check-packet requires it. What the monitor tells its
 * user: each tally's currency, award counts and the generator's reseeds in the text summary as in JSON; a metrics
 * port in use named with its option; with {@code --follow}, a rate over the time spent reading and checking, not over
 * the waits for the log to grow.
 */
class MonitorCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "../examples/sizzling-hot.json";

    @TempDir
    static Path dir;
    /** The origin {@code play} gives a log by default. */
    private static final String ORIGIN = "play.fairspin.local/audit";

    static String path(String name) {
        return dir.resolve(name).toString();
    }

    @BeforeAll
    static void play() throws Exception {
        assertEquals(0, CommandRun.of("keys", "escrow", "--out", path("auditor")).exitCode());
        assertEquals(0, CommandRun.of("keys", "signing", "--out", path("operator")).exitCode());
        assertEquals(0, CommandRun.of("keys", "signing", "--out", path("witness")).exitCode());
        Files.createDirectories(dir.resolve("models"));
        Files.copy(Path.of(MODEL), dir.resolve("models/sizzling-hot.json"));
        CommandRun play = CommandRun.of("play", MODEL, "--rounds", "600", "--log", path("log"), "--escrow-key",
                path("auditor.pub"), "--signing-key", path("operator.key"), "--batch", "100", "--checkpoint-every", "200");
        assertEquals(0, play.exitCode(), play.stderr());
    }

    @Test
    void anHonestLogGivesNoAlertAndExitCodeZero() throws Exception {
        CommandRun run = CommandRun.of("monitor", "--format", "json", path("log"), "--models", path("models"),
                "--alerts", path("alerts.jsonl"), "--report", path("report.html"));
        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode summary = JSON.readTree(run.stdout());
        assertEquals("OK", summary.get("result").asText());
        assertEquals(600, summary.get("rounds").asLong());
        assertEquals(601, summary.get("treeSize").asLong(), "the last checkpoint covers every entry");
        JsonNode game = summary.get("games").get(0);
        assertEquals("sizzling-hot", game.get("game").asText());
        assertEquals(3000, game.get("stake").asLong());
        assertEquals("1868274/1953125", game.get("rtp").get("fraction").asText());
        assertTrue(summary.get("rngReseeds").size() >= 0);
        assertTrue(run.stderr().contains("entries/s"), run.stderr());
        assertEquals(0, Files.size(dir.resolve("alerts.jsonl")));
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<svg") && html.contains("sizzling-hot") && !html.contains("<script"), "report");
    }

    @Test
    void aModelWhoseCountPassesMaxCycleIsRefusedNamingItsFile() throws Exception {
        // Sizzling Hot counts 30,541 combinations: at --max-cycle 1K its figures are refused when the log first
        // names it, on a decoding thread or the reading thread alike, before any summary is written.
        String model = dir.resolve("models").resolve("sizzling-hot.json").toString();
        for (String threads : new String[] {"1", "2"}) {
            CommandRun run = CommandRun.of("monitor", path("log"), "--models", path("models"), "--max-cycle", "1K",
                    "--threads", threads);
            assertEquals(1, run.exitCode(), run.stderr());
            assertEquals("", run.text());
            List<String> lines = run.stderr().lines().toList();
            assertEquals(1, lines.size(), run.stderr());
            assertTrue(lines.get(0).startsWith("fairspin: " + model + ": the exact analysis counts more than 1,000"
                    + " combinations (reel set base, reel "), lines.get(0));
            assertTrue(lines.get(0).endsWith("the cycle is 9.766e+06 stop combinations); raise --max-cycle to count it"),
                    lines.get(0));
        }
        CommandRun raised = CommandRun.of("monitor", path("log"), "--models", path("models"), "--max-cycle", "1M");
        assertEquals(0, raised.exitCode(), raised.stderr());
        assertEquals(2, CommandRun.of("monitor", path("log"), "--models", path("models"), "--max-cycle", "0").exitCode());
    }

    @Test
    void theReportGoesThroughATemporaryFileOfItsOwn() throws Exception {
        // Another monitor of the same report, mid-write, under the fixed temporary name monitors once shared.
        Path report = dir.resolve("shared-report.html");
        Path other = dir.resolve("shared-report.html.tmp");
        Files.writeString(other, "the other monitor's snapshot, half written");
        CommandRun run = CommandRun.of("monitor", path("log"), "--models", path("models"), "--report", report.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(Files.readString(report).contains("sizzling-hot"), "the report is whole");
        assertEquals("the other monitor's snapshot, half written", Files.readString(other), "not clobbered");
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".shared-report")).toList(),
                    "no temporary file is left");
        }
    }

    /**
     * A log read to its end is stated in the report by its tree (the root of play's last signed checkpoint, which
     * covers every entry, read back by {@code audit verify}), the bytes of its segment files and its checkpoints
     * file's SHA-256, its segments not read a second time; a log with a torn tail by each of its files' SHA-256.
     */
    @Test
    void theReportStatesALogReadToItsEndByItsTree() throws Exception {
        CommandRun verify = CommandRun.of("audit", "verify", "--format", "json", path("log"), "--operator-key",
                path("operator.pub"));
        assertEquals(0, verify.exitCode(), verify.stderr());
        JsonNode checkpoints = JSON.readTree(verify.stdout()).get("checkpoints");
        JsonNode last = checkpoints.get(checkpoints.size() - 1);
        assertEquals(601, last.get("size").asLong());
        long segmentBytes = 0;
        try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("log"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".seg")).toList()) {
                segmentBytes += Files.size(f);
            }
        }
        CommandRun run = CommandRun.of("monitor", "--format", "json", path("log"), "--models", path("models"));
        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode inputs = JSON.readTree(run.stdout()).get("report").get("inputs");
        assertEquals(3, inputs.size(), inputs.toString());
        assertEquals(path("models") + "/sizzling-hot.json", inputs.get(0).get("file").asText());
        assertEquals(sha256(dir.resolve("models/sizzling-hot.json")), inputs.get(0).get("sha256").asText());
        JsonNode log = inputs.get(1);
        assertEquals(path("log"), log.get("file").asText());
        assertEquals(601, log.get("entries").asLong());
        assertEquals(last.get("rootHash").asText(), log.get("rootHash").asText());
        assertEquals(segmentBytes, log.get("bytes").asLong());
        assertTrue(log.get("sha256") == null, log.toString());
        assertEquals(path("log") + "/checkpoints", inputs.get(2).get("file").asText());
        assertEquals(sha256(dir.resolve("log/checkpoints")), inputs.get(2).get("sha256").asText());
        CommandRun text = CommandRun.of("monitor", path("log"), "--models", path("models"));
        assertTrue(text.text().contains("input      " + path("log") + ": 601 entries in " + String.format(
                java.util.Locale.ROOT, "%,d", segmentBytes) + " bytes of segments, Merkle tree root "
                + last.get("rootHash").asText()), text.text());

        // A torn tail: the log did not end cleanly, so each of its files is hashed; a crash, not a fault (as verify).
        Path torn = dir.resolve("torn-log");
        Files.createDirectories(torn);
        try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("log"))) {
            for (Path f : files.toList()) {
                Files.copy(f, torn.resolve(f.getFileName()));
            }
        }
        Path newest;
        try (java.util.stream.Stream<Path> files = Files.list(torn)) {
            newest = files.filter(f -> f.toString().endsWith(".seg")).sorted().reduce((a, b) -> b).orElseThrow();
        }
        Files.write(newest, new byte[] {0, 0, 1, 0, 7}, java.nio.file.StandardOpenOption.APPEND);
        CommandRun tornRun = CommandRun.of("monitor", "--format", "json", torn.toString(), "--models", path("models"));
        assertEquals(0, tornRun.exitCode(), tornRun.stderr());
        assertTrue(tornRun.stderr().contains("ALERT torn-tail: ") && tornRun.stderr().contains(": the newest segment ends"
                + " inside a frame"), tornRun.stderr());
        JsonNode tornInputs = JSON.readTree(tornRun.stdout()).get("report").get("inputs");
        boolean newestHashed = false;
        for (JsonNode input : tornInputs) {
            assertTrue(input.get("rootHash") == null && input.get("sha256") != null, input.toString());
            newestHashed |= input.get("file").asText().equals(newest.toString())
                    && input.get("sha256").asText().equals(sha256(newest));
        }
        assertTrue(newestHashed, tornInputs.toString());
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    @Test
    void aRoundOfAnUnknownModelIsAnIntegrityAlert() throws Exception {
        Path other = dir.resolve("other-models");
        Files.createDirectories(other);
        Files.copy(Path.of("../examples/classic-sevens.json"), other.resolve("classic-sevens.json"));
        CommandRun run = CommandRun.of("monitor", path("log"), "--models", other.toString(), "--alerts", "-");
        assertEquals(4, run.exitCode(), run.stderr());
        JsonNode alert = JSON.readTree(run.text().lines().findFirst().orElseThrow());
        assertEquals("unknown-model", alert.get("type").asText());
        assertEquals("integrity", alert.get("category").asText());
        assertEquals("sizzling-hot", alert.get("gameId").asText());
        assertTrue(run.stderr().contains("fairspin: ALERT unknown-model"), run.stderr());
    }

    @Test
    void theMetricsEndpointAnswersWhileFollowing() throws Exception {
        java.net.ServerSocket probe = new java.net.ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress());
        int port = probe.getLocalPort();
        probe.close();
        CompletableFuture<CommandRun> following = CompletableFuture.supplyAsync(() -> CommandRun.of("monitor",
                path("log"), "--models", path("models"), "--follow", "--exit-when-idle", "6", "--metrics-port",
                String.valueOf(port)));
        HttpClient client = HttpClient.newHttpClient();
        String body = null;
        for (int i = 0; i < 50 && body == null; i++) {
            Thread.sleep(200);
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
                if (response.body().contains("fairspin_monitor_rounds_total{currency=\"XXX\",game=\"sizzling-hot\"")) {
                    body = response.body();
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
        }
        CommandRun done = following.get();
        assertEquals(0, done.exitCode(), done.stderr());
        assertTrue(body != null, "no metrics scraped; stderr: " + done.stderr());
        for (String name : List.of("fairspin_monitor_entries_total", "fairspin_monitor_rtp_ratio",
                "fairspin_monitor_rtp_expected_ratio", "fairspin_monitor_hit_frequency_ratio",
                "fairspin_monitor_alerts_total", "fairspin_monitor_award_occurrences_total",
                "fairspin_monitor_alarm")) {
            assertTrue(body.contains(name), name + " missing from\n" + body);
        }
        assertTrue(body.contains("fairspin_monitor_rounds_total{currency=\"XXX\",game=\"sizzling-hot\""), body);
    }

    @Test
    void followingShowsAnAlertWhilePlayWrites() throws Exception {
        Path log = dir.resolve("followed");
        Path alerts = dir.resolve("followed.jsonl");
        CommandRun first = CommandRun.of("play", MODEL, "--rounds", "50", "--log", log.toString(), "--escrow-key",
                path("auditor.pub"), "--signing-key", path("operator.key"));
        assertEquals(0, first.exitCode(), first.stderr());
        CompletableFuture<CommandRun> following = CompletableFuture.supplyAsync(() -> CommandRun.of("monitor",
                log.toString(), "--models", path("models"), "--follow", "--exit-when-idle", "8", "--poll", "50",
                "--alerts", alerts.toString()));
        Thread.sleep(1500);
        // Another game, not in --models, appended to the same log while it is followed.
        CommandRun other = CommandRun.of("play", "../examples/classic-sevens.json", "--rounds", "20", "--log",
                log.toString(), "--escrow-key", path("auditor.pub"), "--signing-key", path("operator.key"));
        assertEquals(0, other.exitCode(), other.stderr());
        long written = System.currentTimeMillis();
        String line = null;
        while (line == null && System.currentTimeMillis() - written < 10_000) {
            Thread.sleep(50);
            if (Files.exists(alerts) && Files.size(alerts) > 0) {
                line = Files.readAllLines(alerts, StandardCharsets.UTF_8).get(0);
            }
        }
        long seconds = (System.currentTimeMillis() - written) / 1000;
        assertTrue(line != null, "no alert within 10 s");
        assertEquals("unknown-model", JSON.readTree(line).get("type").asText());
        assertTrue(seconds < 5, seconds + " s");
        assertEquals(0, following.get().exitCode());
    }

    private static void playInto(Path log, String rounds, String... more) {
        List<String> args = new ArrayList<>(List.of("play", MODEL, "--rounds", rounds, "--log", log.toString(),
                "--escrow-key", path("auditor.pub"), "--signing-key", path("operator.key"), "--checkpoint-every", "100"));
        args.addAll(List.of(more));
        CommandRun play = CommandRun.of(args.toArray(String[]::new));
        assertEquals(0, play.exitCode(), play.stderr());
    }

    /**
     * A checkpoints file whose header is damaged, or emptied, gives a monitor with a store the integrity alerts (exit 4)
     * it gives one without: the log's origin is read from its segment, and the damage left to the reading (it stopped
     * with exit 1 and no alert).
     */
    @Test
    void aDamagedCheckpointsHeaderIsAnAlertWithAStoreToo() throws Exception {
        Path log = dir.resolve("header-log");
        Path store = dir.resolve("header-store");
        playInto(log, "300");
        assertEquals(0, monitorWithStore(log, store).exitCode());
        Path checkpoints = log.resolve("checkpoints");
        byte[] bytes = Files.readAllBytes(checkpoints);
        java.util.Arrays.fill(bytes, 0, 40, (byte) 'X');
        Files.write(checkpoints, bytes);
        CommandRun damaged = monitorWithStore(log, store);
        assertEquals(4, damaged.exitCode(), damaged.stderr());
        assertTrue(damaged.text().contains("\"category\":\"integrity\""), damaged.text());

        Files.write(checkpoints, new byte[0]);
        CommandRun emptied = monitorWithStore(log, store);
        assertEquals(4, emptied.exitCode(), emptied.stderr());
        assertTrue(emptied.text().contains("\"category\":\"integrity\""), emptied.text());
    }

    private static CommandRun monitorWithStore(Path log, Path store, String... more) {
        List<String> args = new ArrayList<>(List.of("monitor", log.toString(), "--models", path("models"), "--store",
                store.toString(), "--alerts", "-"));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    /** The log's files (no lock) copied to {@code to}, replacing what is there. */
    private static void copyLog(Path from, Path to) throws Exception {
        if (Files.exists(to)) {
            try (java.util.stream.Stream<Path> files = Files.list(to)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(to);
        try (java.util.stream.Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("lock")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    /** The monitor's tree head file in {@code store} (the one log it follows). */
    private static Path treeFile(Path store) throws Exception {
        try (java.util.stream.Stream<Path> files = Files.list(store)) {
            return files.filter(f -> f.toString().endsWith(".monitor-tree")).findFirst().orElseThrow();
        }
    }

    /**
     * With --store a monitor checks the log against what an earlier run verified: a follower stores what it read, and
     * honest growth passes and advances the store; a log rolled back while no monitor ran is a rollback alert, in a batch run (exit 4) and with --follow; a
     * damaged state or a store of another log is an error naming the file and the field (exit 1).
     */
    @Test
    void aMonitorWithAStoreCatchesALogRolledBackWhileNoneRan() throws Exception {
        Path log = dir.resolve("stored-log");
        Path old = dir.resolve("stored-log-old");
        Path store = dir.resolve("monitor-store");
        playInto(log, "300");
        copyLog(log, old);
        CommandRun first = monitorWithStore(log, store, "--follow", "--exit-when-idle", "1"); // saves at each poll
        assertEquals(0, first.exitCode(), first.stderr());
        assertTrue(first.stderr().contains("fairspin: store " + store + ": nothing verified of this log before"),
                first.stderr());
        long entriesBefore = Long.parseLong(Files.readAllLines(treeFile(store)).get(1));

        playInto(log, "200");
        CommandRun grown = monitorWithStore(log, store, "--format", "json");
        assertEquals(0, grown.exitCode(), grown.stderr());
        assertTrue(grown.stderr().contains("the log must extend the " + entriesBefore + " entries verified before"
                + " (last signed checkpoint of size " + entriesBefore + ")"), grown.stderr());
        JsonNode summary = JSON.readTree(grown.stdout());
        long entries = summary.get("entries").asLong();
        assertEquals(List.of(ORIGIN, String.valueOf(entries)), Files.readAllLines(treeFile(store)).subList(0, 2),
                "the store advanced to every entry read");
        JsonNode stored = summary.get("store");
        assertEquals(List.of(store.toString(), String.valueOf(entries), String.valueOf(summary.get("treeSize").asLong()),
                "updated"), List.of(stored.get("dir").asText(), stored.get("entries").asText(),
                stored.get("checkpointSize").asText(), stored.get("state").asText()));
        assertEquals(summary.get("report").get("inputs").get(1).get("rootHash").asText(), stored.get("rootHash").asText(), "the root the report states the log by");

        copyLog(old, log); // rolled back while no monitor runs
        CommandRun rolledBack = monitorWithStore(log, store);
        assertEquals(4, rolledBack.exitCode(), rolledBack.stderr());
        JsonNode alert = JSON.readTree(rolledBack.text().lines().findFirst().orElseThrow());
        assertEquals("rollback", alert.get("type").asText());
        assertEquals("integrity", alert.get("category").asText());
        assertTrue(alert.get("message").asText().matches("0{20}\\.seg at offset [0-9]+: the log has " + entriesBefore
                + " entries, fewer than the " + entries + " an earlier reading verified: the log was rolled back since"),
                alert.get("message").asText());
        assertEquals(Files.size(log.resolve("00000000000000000000.seg")), alert.get("details").get("offset").asLong(),
                "where the log now ends");
        assertTrue(rolledBack.text().contains("store         " + store + ": " + String.format(java.util.Locale.ROOT,
                "%,d", entries) + " entries verified"), rolledBack.text());
        assertTrue(rolledBack.text().contains("; kept\n"), rolledBack.text());
        CommandRun following = monitorWithStore(log, store, "--follow", "--exit-when-idle", "1");
        assertEquals(0, following.exitCode(), following.stderr());
        assertTrue(following.stderr().contains("fairspin: ALERT rollback: 00000000000000000000.seg at offset "
                + alert.get("details").get("offset").asLong() + ": the log has " + entriesBefore + " entries,"),
                following.stderr());

        Path tree = treeFile(store);
        Files.writeString(tree, "not a tree head\n");
        CommandRun damaged = monitorWithStore(log, store);
        assertEquals(1, damaged.exitCode(), damaged.stderr());
        assertTrue(damaged.stderr().contains(tree + ": not a tree head (origin, size and base64 root hash lines):"),
                damaged.stderr());

        Path other = dir.resolve("stored-log-c");
        playInto(other, "10", "--origin", ORIGIN + "-c");
        CommandRun foreign = monitorWithStore(other, dir.resolve("stored-c-store"));
        assertEquals(0, foreign.exitCode(), foreign.stderr());
        CommandRun refused = monitorWithStore(old, dir.resolve("stored-c-store"));
        assertEquals(1, refused.exitCode(), refused.stderr());
        assertTrue(refused.stderr().contains(dir.resolve("stored-c-store") + ": origin: this store follows " + ORIGIN
                + "-c, not the log's origin '" + ORIGIN + "' (--add-log to follow another log with this store)"),
                refused.stderr());
        assertEquals(0, monitorWithStore(old, dir.resolve("stored-c-store"), "--add-log").exitCode());
        CommandRun usage = CommandRun.of("monitor", old.toString(), "--models", path("models"), "--add-log");
        assertEquals(2, usage.exitCode(), usage.stderr());
        assertTrue(usage.stderr().contains("--add-log needs --store"), usage.stderr());
    }

    @Test
    void theWitnessCosignsAndCheckPacketRequiresIt() throws Exception {
        CommandRun witness = CommandRun.of("audit", "witness", path("log"), "--store", path("store"), "--signing-key",
                path("witness.key"), "--origin", ORIGIN, "--operator-key", path("operator.pub"), "--out",
                path("cosigned.note"));
        assertEquals(0, witness.exitCode(), witness.stderr());
        CommandRun packet = CommandRun.of("audit", "prove", path("log"), "--index", "5", "--checkpoint",
                path("cosigned.note"));
        assertEquals(0, packet.exitCode(), packet.stderr());
        Files.write(dir.resolve("packet.json"), packet.stdout());
        CommandRun check = CommandRun.of("audit", "check-packet", path("packet.json"), "--operator-key", path("operator.pub"),
                "--origin", ORIGIN, "--witness-key", path("witness.pub"));
        assertEquals(0, check.exitCode(), check.text());
        assertTrue(check.text().contains("cosigned by witness witness.fairspin.local"), check.text());
        CommandRun unwitnessed = CommandRun.of("audit", "prove", path("log"), "--index", "5");
        Files.write(dir.resolve("plain.json"), unwitnessed.stdout());
        CommandRun refused = CommandRun.of("audit", "check-packet", path("plain.json"), "--operator-key", path("operator.pub"),
                "--origin", ORIGIN, "--witness-key", path("witness.pub"));
        assertEquals(4, refused.exitCode());
        assertTrue(refused.text().contains("no cosignature by witness key"), refused.text());
        CommandRun proof = CommandRun.of("audit", "prove", path("log"), "--consistency", "100", "601");
        assertEquals(0, proof.exitCode(), proof.stderr());
        assertEquals("fairspin-consistency-proof/1", JSON.readTree(proof.stdout()).get("format").asText());
    }

    /**
     * The operator shows another history under another origin, signed by the same key: the witness, configured for
     * the first log by its first run, refuses it (exit 4) unless added with --add-log, and check-packet, told the
     * origin it expects, refuses a packet of the other log even though the witness cosigned it.
     */
    @Test
    void theWitnessAndCheckPacketArePinnedToOneLog() throws Exception {
        String other = ORIGIN + "-b";
        CommandRun play = CommandRun.of("play", MODEL, "--rounds", "101", "--log", path("log-b"), "--escrow-key",
                path("auditor.pub"), "--signing-key", path("operator.key"), "--origin", other);
        assertEquals(0, play.exitCode(), play.stderr());
        assertEquals(0, witness("log", "pinned", ORIGIN).exitCode());

        CommandRun otherOrigin = witness("log-b", "pinned", other);
        assertEquals(ExitCode.TAMPERED, otherOrigin.exitCode(), otherOrigin.stderr());
        assertTrue(otherOrigin.stderr().contains(other + ": WRONG LOG: this witness witnesses " + ORIGIN
                + ", not this origin"), otherOrigin.stderr());
        CommandRun askedForA = witness("log-b", "pinned", ORIGIN);
        assertEquals(ExitCode.TAMPERED, askedForA.exitCode(), askedForA.stderr());
        assertTrue(askedForA.stderr().contains("WRONG LOG: the checkpoint is of origin '" + other + "'"),
                askedForA.stderr());
        CommandRun added = witness("log-b", "pinned", other, "--add-log", "--out", path("cosigned-b.note"));
        assertEquals(0, added.exitCode(), added.stderr());

        CommandRun packet = CommandRun.of("audit", "prove", path("log-b"), "--index", "5", "--checkpoint",
                path("cosigned-b.note"));
        Files.write(dir.resolve("packet-b.json"), packet.stdout());
        CommandRun expectingA = CommandRun.of("audit", "check-packet", path("packet-b.json"), "--operator-key",
                path("operator.pub"), "--origin", ORIGIN, "--witness-key", path("witness.pub"));
        assertEquals(ExitCode.TAMPERED, expectingA.exitCode(), expectingA.text());
        assertTrue(expectingA.text().contains("its origin is '" + other + "', not the expected '" + ORIGIN + "'"),
                expectingA.text());
        CommandRun noOrigin = CommandRun.of("audit", "check-packet", path("packet-b.json"), "--operator-key",
                path("operator.pub"), "--witness-key", path("witness.pub"));
        assertEquals(ExitCode.USAGE, noOrigin.exitCode(), noOrigin.text());
        assertTrue(noOrigin.stderr().contains("--witness-key needs --origin"), noOrigin.stderr());
    }

    /**
     * A checkpoint received from elsewhere: the first is taken on trust without --proof, as is the same one again; a
     * damaged note or a proof to another size is an error naming the file and the field; the JSON states the input.
     */
    @Test
    void aReceivedCheckpointNeedsAProofOnlyAfterTheFirst() throws Exception {
        CommandRun packet = CommandRun.of("audit", "prove", path("log"), "--index", "5");
        Files.writeString(dir.resolve("received.note"), JSON.readTree(packet.stdout()).get("checkpoint").asText());
        CommandRun first = witness(null, "received", ORIGIN, "--checkpoint", path("received.note"));
        assertEquals(0, first.exitCode(), first.stderr());
        assertTrue(first.text().contains("\n— witness.fairspin.local "), first.text());
        assertEquals(0, witness(null, "received", ORIGIN, "--checkpoint", path("received.note")).exitCode(),
                "the same checkpoint again needs no proof");

        CommandRun proof = CommandRun.of("audit", "prove", path("log"), "--consistency", "100", "201");
        Files.write(dir.resolve("to-201.json"), proof.stdout());
        CommandRun wrongSize = witness(null, "received", ORIGIN, "--checkpoint", path("received.note"), "--proof",
                path("to-201.json"));
        assertEquals(ExitCode.ERROR, wrongSize.exitCode(), wrongSize.stderr());
        assertTrue(wrongSize.stderr().contains(path("to-201.json") + ": $.newSize: 201, but the checkpoint in "
                + path("received.note") + " has size 601"), wrongSize.stderr());

        Files.writeString(dir.resolve("damaged.note"), "not a note\n");
        CommandRun damaged = witness(null, "received", ORIGIN, "--checkpoint", path("damaged.note"));
        assertEquals(ExitCode.ERROR, damaged.exitCode(), damaged.stderr());
        assertTrue(damaged.stderr().contains(path("damaged.note") + ": not a signed checkpoint note"), damaged.stderr());

        CommandRun json = witness(null, "received-json", ORIGIN, "--checkpoint", path("received.note"), "--format",
                "json");
        assertEquals(0, json.exitCode(), json.stderr());
        assertEquals(path("received.note"), JSON.readTree(json.stdout()).at("/report/inputs/0/file").asText());
    }

    /** {@code audit witness [LOG] --store DIR/STORE --signing-key witness.key --origin ORIGIN --operator-key ...}. */
    private static CommandRun witness(String log, String store, String origin, String... more) {
        List<String> args = new ArrayList<>(List.of("audit", "witness"));
        if (log != null) {
            args.add(path(log));
        }
        args.addAll(List.of("--store", path(store), "--signing-key", path("witness.key"), "--origin", origin,
                "--operator-key", path("operator.pub")));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    /**
     * A blackjack log (its model states no exact figures): no alert, exit code 0, and the output says that no RTP
     * band applies (text, JSON valid against its schema, HTML); with one round's logged win raised (the log rewritten
     * by the library, hashes and checkpoint recomputed, as a hostile operator would), an impossible-win alert and exit
     * code 4.
     */
    @Test
    void aBlackjackLogIsCheckedWithoutAnRtpBand() throws Exception {
        Path models = dir.resolve("bj-models");
        Files.createDirectories(models);
        Files.copy(Path.of("../examples/blackjack.json"), models.resolve("blackjack.json"));
        CommandRun play = CommandRun.of("play", "../examples/blackjack.json", "--rounds", "400", "--log", path("bj-log"),
                "--escrow-key", path("auditor.pub"), "--signing-key", path("operator.key"), "--batch", "100");
        assertEquals(0, play.exitCode(), play.stderr());
        CommandRun json = CommandRun.of("monitor", "--format", "json", path("bj-log"), "--models", models.toString(),
                "--report", path("bj-report.html"));
        assertEquals(0, json.exitCode(), json.stderr());
        assertEquals(List.of(), JsonSchemaTest.schema("monitor.schema.json").validate(json.text(),
                com.networknt.schema.InputFormat.JSON));
        JsonNode game = JSON.readTree(json.stdout()).get("games").get(0);
        assertEquals(400, game.get("rounds").asLong());
        assertTrue(game.get("rtp").isNull() && game.get("rtpBand").isNull(), game.toString());
        assertTrue(game.get("limits").asText().startsWith("none: the model states no exact figures"), game.toString());
        assertEquals(0, game.get("impossibleWins").asLong());
        assertTrue(Files.readString(dir.resolve("bj-report.html")).contains("no RTP band applies"));
        CommandRun text = CommandRun.of("monitor", path("bj-log"), "--models", models.toString());
        assertEquals(0, text.exitCode(), text.stderr());
        assertTrue(text.text().contains("no exact figures, no RTP band applies"), text.text());

        // The same rounds with one logged win raised, written into a new log with every hash and checkpoint
        // recomputed: only the settlement check can tell.
        Path forged = dir.resolve("bj-forged");
        java.security.KeyPair key = io.fairspin.rng.keys.KeyFiles.generate("Ed25519");
        List<io.fairspin.audit.record.RoundRecord> rounds = new java.util.ArrayList<>();
        io.fairspin.audit.log.LogReader.forEach(dir.resolve("bj-log"), entry -> {
            if (entry.event() instanceof io.fairspin.audit.record.RoundRecord r) {
                rounds.add(r);
            }
        });
        try (io.fairspin.audit.log.AuditLog log = io.fairspin.audit.log.AuditLog.create(forged, "forged/bj", key)) {
            for (int i = 0; i < rounds.size(); i++) {
                io.fairspin.audit.record.RoundRecord r = rounds.get(i);
                log.append(copy(r, i == 123 ? r.win() + 100 : r.win()));
            }
        }
        CommandRun alerted = CommandRun.of("monitor", forged.toString(), "--models", models.toString(), "--alerts", "-");
        assertEquals(4, alerted.exitCode(), alerted.stderr());
        JsonNode alert = JSON.readTree(alerted.text().lines().findFirst().orElseThrow());
        assertEquals("impossible-win", alert.get("type").asText());
        assertTrue(alert.get("message").asText().contains("win: logged"), alert.toString());
    }

    private static io.fairspin.audit.record.RoundRecord copy(io.fairspin.audit.record.RoundRecord r, long win) {
        return io.fairspin.audit.record.RoundRecord.builder().roundId(r.roundId()).gameId(r.gameId())
                .modelHash(r.modelHash()).startedAtMillis(r.startedAtMillis()).settledAtMillis(r.settledAtMillis())
                .sessionId(r.sessionId()).traceId(r.traceId()).currency(r.currency()).bet(r.bet()).win(win)
                .playerChoices(r.playerChoices()).seedCommitment(r.seedCommitment())
                .escrowReference(r.escrowReference()).outcome(r.outcome()).build();
    }

    @Test
    void theTextSummaryShowsTheCurrencyEachAwardsCountsAndTheReseedsAsJsonDoes() throws Exception {
        CommandRun text = CommandRun.of("monitor", path("log"), "--models", path("models"));
        assertEquals(0, text.exitCode(), text.stderr());
        CommandRun json = CommandRun.of("monitor", "--format", "json", path("log"), "--models", path("models"));
        JsonNode summary = JSON.readTree(json.stdout());
        JsonNode game = summary.get("games").get(0);
        assertEquals("XXX", game.get("currency").asText());
        assertTrue(text.text().contains("game          sizzling-hot in XXX (model "), text.text());
        JsonNode award = game.get("awards").get(0);
        String line = String.format(java.util.Locale.ROOT, "    %-18s %,d observed, %,.1f expected",
                award.get("award").asText(), award.get("observed").asLong(), award.get("expected").asDouble());
        assertTrue(text.text().contains(line), "no line '" + line + "' in\n" + text.text());
        // The text shows JSON's rngReseeds: a line per generator, or that the log has none.
        if (summary.get("rngReseeds").isEmpty()) {
            assertTrue(text.text().contains("generator     no reseed or health record in the log"), text.text());
        }
        summary.get("rngReseeds").fields().forEachRemaining(e -> assertTrue(text.text().contains(
                "generator     " + e.getKey() + ": " + e.getValue().asLong() + " reseeds"), text.text()));
        assertEquals(summary.get("seconds").asDouble(), summary.get("busySeconds").asDouble(),
                "a batch run is busy all the time");
    }

    @Test
    void aMetricsPortInUseIsNamedWithItsOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            CommandRun run = CommandRun.of("monitor", path("log"), "--models", path("models"), "--metrics-port",
                    String.valueOf(port));
            assertEquals(1, run.exitCode(), run.stderr());
            assertTrue(run.stderr().contains("fairspin: --metrics-port " + port + ": cannot listen on 127.0.0.1:"
                    + port + ": "), run.stderr());
        }
    }

    @Test
    void followingReportsItsRateOverTheTimeSpentReadingNotWaiting() throws Exception {
        CommandRun run = CommandRun.of("monitor", "--format", "json", path("log"), "--models", path("models"),
                "--follow", "--exit-when-idle", "2", "--poll", "50");
        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode summary = JSON.readTree(run.stdout());
        double seconds = summary.get("seconds").asDouble();
        double busy = summary.get("busySeconds").asDouble();
        assertTrue(seconds >= 2 && busy < seconds - 1, "seconds " + seconds + ", busy " + busy);
        assertEquals(summary.get("entries").asDouble() / busy, summary.get("entriesPerSecond").asDouble(),
                summary.get("entriesPerSecond").asDouble() * 1e-9);
        assertTrue(run.stderr().contains("s of reading and checking in "), run.stderr());
    }
}

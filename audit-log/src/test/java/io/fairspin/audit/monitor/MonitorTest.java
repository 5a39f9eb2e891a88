package io.fairspin.audit.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.audit.json.CanonicalJson;
import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.log.LogFollower;
import io.fairspin.audit.record.RngHealthRecord;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.audit.round.ModelFile;
import io.fairspin.math.PlayedRound;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor on real logs of Sizzling Hot rounds: an honest log raises nothing; each anomaly raises its own
 * alert: an unknown model hash, a logged win or outcome the model cannot produce, a duplicate round id, a
 * generator health failure; and rounds paid from an altered pay table but logged under the certified model's
 * hash are flagged at the first round the pay differs.
 */
class MonitorTest {
    private final KeyPair operator = KeyFiles.generate("Ed25519");

    private static ModelFile certified() throws IOException {
        return ModelFile.load(ControlLimitRuns.SIZZLING_HOT);
    }

    /** A copy of the certified model under another name: another hash, which the monitor is not given. */
    private static ModelFile unknownCopy() throws IOException {
        return ModelFile.of("other.json", Files.readString(ControlLimitRuns.SIZZLING_HOT)
                .replace("\"Sizzling Hot", "\"Sizzling Hot copy").getBytes(StandardCharsets.UTF_8));
    }

    /** A round of {@code played} (a model) logged as a round of {@code logged}'s model, possibly edited. */
    private static RoundRecord round(ModelFile logged, PlayedRound played, String id,
                                     UnaryOperator<RoundRecord.Builder> edit) {
        RoundRecord.Builder b = RoundRecord.builder().roundId(id).gameId(logged.game().id()).modelHash(logged.hash())
                .startedAtMillis(1_790_000_000_000L).settledAtMillis(1_790_000_000_001L).sessionId("s")
                .currency("XXX").bet(played.outcome().stake()).win(played.outcome().win()).playerChoices(new byte[0])
                .seedCommitment(new byte[32]).escrowReference("test").outcome(CanonicalJson.encode(played.detail()));
        return edit.apply(b).build();
    }

    private List<Alert> monitor(Path dir, ModelFile... models) throws IOException {
        List<Alert> alerts = new ArrayList<>();
        read(dir, alerts, models);
        return alerts;
    }

    /** A batch run of the monitor over the whole log, as 'fairspin monitor' without --follow does it. */
    private static Monitor read(Path dir, List<Alert> alerts, ModelFile... models) throws IOException {
        return read(dir, 1, alerts, models);
    }

    /** The same, decoding and checking on {@code threads} threads. */
    private static Monitor read(Path dir, int threads, List<Alert> alerts, ModelFile... models) throws IOException {
        Monitor monitor = new Monitor(Models.of(List.of(models)), ControlLimits.DEFAULT, alerts::add);
        try (LogFollower follower = new LogFollower(dir, monitor, threads)) {
            follower.poll();
            follower.finish();
        }
        return monitor;
    }

    private static List<String> types(List<Alert> alerts) {
        List<String> types = new ArrayList<>();
        alerts.forEach(a -> types.add(a.type()));
        return types;
    }

    @Test
    void anHonestLogRaisesNothingAndTalliesEveryRound(@TempDir Path tmp) throws IOException {
        ModelFile model = certified();
        Path dir = tmp.resolve("log");
        SeededStream stream = new SeededStream(1);
        long win = 0;
        try (AuditLog log = AuditLog.create(dir, "test/monitor", operator)) {
            for (int i = 0; i < 3000; i++) {
                PlayedRound played = model.game().playRecorded(stream);
                win += played.outcome().win();
                log.submit(round(model, played, "r" + i, b -> b));
            }
        }
        List<Alert> alerts = new ArrayList<>();
        Monitor monitor = read(dir, alerts, model);
        assertEquals(List.of(), alerts);
        GameTally tally = monitor.games().get(0);
        assertEquals(3000, tally.rounds());
        assertEquals(3000 * 5, tally.stake());
        assertEquals(win, tally.win());
        long awards = 0;
        for (long c : tally.awardCounts()) {
            awards += c;
        }
        assertTrue(awards > 0, "awards are counted");
    }

    /**
     * The model's exact analysis runs on its own thread while the log is read on: here it starts only once the reading
     * thread has delivered every entry and waits for it (the analysis waits until it sees that thread waiting; were the
     * analysis run on the reading thread, it would wait for itself). The alerts still come in log order: the first
     * round's impossible win, the unknown model of the second entry after it (which needs no analysis), the RTP alert
     * that needs the exact figures, at the 16th round, as the first look allows, then a duplicate id and a generator
     * failure logged after it.
     */
    @Test
    void alertsThatNeedTheExactFiguresKeepTheirPlaceWhileTheAnalysisRunsBehindTheReading(@TempDir Path tmp)
            throws IOException {
        ModelFile model = certified();
        ModelFile unknown = unknownCopy();
        Path dir = tmp.resolve("log");
        SeededStream stream = new SeededStream(4);
        try (AuditLog log = AuditLog.create(dir, "test/monitor", operator)) {
            // A win of 10^7 in the first round moves the RTP statistic past its limit at the first look (16 rounds).
            log.submit(round(model, model.game().playRecorded(stream), "r0", b -> b.win(10_000_000)));
            log.submit(round(unknown, unknown.game().playRecorded(stream), "u1", b -> b));
            for (int i = 1; i < 40; i++) {
                log.submit(round(model, model.game().playRecorded(stream), "r" + i, b -> b));
            }
            log.submit(round(model, model.game().playRecorded(stream), "r5", b -> b));
            log.appendHealth(new RngHealthRecord("drbg-1", RngHealthRecord.HEALTH_FAILURE, 1_790_000_000_000L, 3,
                    "entropy source failed the SP 800-90B repetition count test"));
        }
        Thread reader = Thread.currentThread();
        java.util.concurrent.atomic.AtomicBoolean sawTheReaderWait = new java.util.concurrent.atomic.AtomicBoolean();
        Monitor.Analyses afterTheReading = new Monitor.Analyses() {
            @Override
            public <T> T run(ModelFile file, java.util.function.Supplier<T> analysis) {
                long until = System.nanoTime() + 10_000_000_000L;
                while (reader.getState() != Thread.State.WAITING && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                sawTheReaderWait.set(reader.getState() == Thread.State.WAITING);
                return analysis.get();
            }
        };
        List<Alert> alerts = new ArrayList<>();
        Monitor monitor = new Monitor(Models.of(List.of(model)), ControlLimits.DEFAULT, alerts::add, afterTheReading);
        try (LogFollower follower = new LogFollower(dir, monitor, 1)) {
            follower.poll();
            follower.finish();
        }
        assertTrue(sawTheReaderWait.get(), "the analysis ran while the reading thread waited for it");
        assertEquals(List.of("impossible-win", "unknown-model", "rtp-drift", "duplicate-round", "rng-health"),
                types(alerts));
        assertEquals(16, alerts.get(2).rounds());
        assertEquals(41, monitor.games().get(0).rounds());
    }

    @Test
    void eachAnomalyRaisesItsOwnAlert(@TempDir Path tmp) throws IOException {
        ModelFile model = certified();
        ModelFile unknown = unknownCopy();
        Path dir = tmp.resolve("log");
        SeededStream stream = new SeededStream(2);
        try (AuditLog log = AuditLog.create(dir, "test/monitor", operator)) {
            for (int i = 0; i < 50; i++) {
                log.submit(round(model, model.game().playRecorded(stream), "r" + i, b -> b));
            }
            log.submit(round(unknown, unknown.game().playRecorded(stream), "u1", b -> b));
            log.submit(round(model, model.game().playRecorded(stream), "w1", b -> b.win(3)));
            PlayedRound played = model.game().playRecorded(stream);
            String moved = new String(CanonicalJson.encode(played.detail()), StandardCharsets.UTF_8)
                    .replaceFirst("\"stops\":\\[(\\d+)", "\"stops\":[99");
            log.submit(round(model, played, "o1", b -> b.outcome(moved.getBytes(StandardCharsets.UTF_8))));
            log.submit(round(model, model.game().playRecorded(stream), "r7", b -> b));
            log.appendHealth(new RngHealthRecord("drbg-1", RngHealthRecord.HEALTH_FAILURE, 1_790_000_000_000L, 3,
                    "entropy source failed the SP 800-90B repetition count test"));
        }
        List<Alert> alerts = monitor(dir, model);
        assertEquals(List.of("unknown-model", "impossible-win", "impossible-win", "duplicate-round", "rng-health"),
                types(alerts));
        assertTrue(alerts.get(0).message().contains("which no model of --models has"), alerts.get(0).message());
        assertTrue(alerts.get(1).message().contains("win: logged 3, the model pays"), alerts.get(1).message());
        assertTrue(alerts.get(2).message().contains("$.outcome.spins[0].stops[0]"), alerts.get(2).message());
        assertTrue(alerts.get(3).message().contains("round id 'r7'"), alerts.get(3).message());
        assertTrue(alerts.get(4).message().contains("repetition count test"), alerts.get(4).message());
        assertTrue(alerts.stream().allMatch(Alert::integrity));
    }

    @Test
    void anAlteredPayTableUnderTheCertifiedHashIsFlaggedAtItsFirstDifferentPay(@TempDir Path tmp) throws IOException {
        ModelFile model = certified();
        ModelFile altered = ModelFile.of("altered.json", Files.readString(ControlLimitRuns.SIZZLING_HOT)
                .replace("{\"symbol\": \"cherry\", \"pays\": [0, 5, 20, 50, 200]}",
                        "{\"symbol\": \"cherry\", \"pays\": [0, 3, 20, 50, 200]}").getBytes(StandardCharsets.UTF_8));
        List<Long> flaggedAt = new ArrayList<>();
        for (int seed = 1; seed <= 20; seed++) {
            Path dir = tmp.resolve("log" + seed);
            SeededStream stream = new SeededStream(100 + seed);
            long firstDifferent = -1;
            try (AuditLog log = AuditLog.create(dir, "test/monitor", operator)) {
                for (int i = 0; i < 400; i++) {
                    PlayedRound played = altered.game().playRecorded(stream);
                    if (firstDifferent < 0 && played.outcome().win() > 0 && new String(CanonicalJson.encode(
                            played.detail()), StandardCharsets.UTF_8).contains("\"cherry x2\"")) {
                        firstDifferent = i + 1;
                    }
                    log.submit(round(model, played, "r" + i, b -> b));
                }
            }
            List<Alert> alerts = monitor(dir, model);
            assertTrue(firstDifferent > 0, "seed " + seed + ": no cherry pair in 400 rounds");
            assertEquals("impossible-win", alerts.get(0).type(), "seed " + seed);
            assertEquals(firstDifferent, alerts.get(0).index(), "seed " + seed + ": the entry of the first cherry pair");
            flaggedAt.add(firstDifferent);
        }
        System.out.println("cherry x2 paying 3 under the certified hash: flagged at round " + flaggedAt);
    }

    /**
     * Reading on several threads (entries decoded and outcomes checked in batches, out of order) gives what one
     * thread gives: the same alerts in the same order, the same tallies and award counts; the anomalies sit among
     * thousands of honest rounds, so that they fall in different batches.
     */
    @Test
    void readingOnSeveralThreadsGivesWhatOneThreadGives(@TempDir Path tmp) throws IOException {
        ModelFile model = certified();
        Path dir = tmp.resolve("log");
        SeededStream stream = new SeededStream(3);
        // Every round durable before the log closes, so that its last checkpoint covers them all.
        List<java.util.concurrent.CompletableFuture<?>> written = new ArrayList<>();
        try (AuditLog log = AuditLog.create(dir, "test/monitor", operator)) {
            for (int i = 0; i < 5000; i++) {
                PlayedRound played = model.game().playRecorded(stream);
                if (i % 1000 == 999) {
                    written.add(log.submit(round(model, played, "w" + i, b -> b.win(played.outcome().win() + 1))));
                } else {
                    written.add(log.submit(round(model, played, "r" + (i == 3333 ? 17 : i), b -> b)));
                }
                if (i % 700 == 0) {
                    log.checkpoint();
                }
            }
            written.forEach(java.util.concurrent.CompletableFuture::join);
        }
        List<Alert> one = new ArrayList<>();
        Monitor single = read(dir, 1, one, model);
        List<Alert> three = new ArrayList<>();
        Monitor threaded = read(dir, 3, three, model);
        List<String> expected = new ArrayList<>();
        one.forEach(a -> expected.add(a.type() + " " + a.message()));
        List<String> actual = new ArrayList<>();
        three.forEach(a -> actual.add(a.type() + " " + a.message()));
        assertEquals(List.of("impossible-win", "impossible-win", "impossible-win", "duplicate-round", "impossible-win",
                "impossible-win"), types(one));
        assertEquals(expected, actual);
        GameTally a = single.games().get(0);
        GameTally b = threaded.games().get(0);
        assertEquals(5000, b.rounds());
        assertEquals(a.win(), b.win());
        assertEquals(a.impossibleWins(), b.impossibleWins());
        assertEquals(java.util.Arrays.toString(a.awardCounts()), java.util.Arrays.toString(b.awardCounts()));
        assertEquals(single.checkpoints(), threaded.checkpoints());
    }

    /**
     * Table games: every roulette and baccarat round is played again from its logged draws; a round whose logged
     * win was raised, and one whose logged pocket was moved to another that the bet does not cover, are flagged at
     * their entries; the honest rounds around them are not.
     */
    @Test
    void aTamperedTableRoundIsFlagged(@TempDir Path tmp) throws IOException {
        ModelFile roulette = ModelFile.load(Path.of("../examples/roulette-european.json"));
        ModelFile baccarat = ModelFile.load(Path.of("../examples/baccarat.json"));
        Path dir = tmp.resolve("log");
        SeededStream stream = new SeededStream(4);
        long movedAt = -1;
        try (AuditLog log = AuditLog.create(dir, "test/monitor", operator)) {
            for (int i = 0; i < 600; i++) {
                ModelFile model = i % 2 == 0 ? roulette : baccarat;
                PlayedRound played = model.game().playRecorded(stream);
                String outcome = new String(CanonicalJson.encode(played.detail()), StandardCharsets.UTF_8);
                if (i == 101) {
                    log.append(round(model, played, "b" + i, b -> b.win(played.outcome().win() + 100)));
                } else if (i >= 300 && movedAt < 0 && played.outcome().win() > 0 && model == roulette) {
                    // the winning pocket moved one on: the straight bet no longer covers it, the win is kept
                    String pocket = outcome.replaceFirst(".*\"pocket\":\"(\\d+)\".*", "$1");
                    String moved = outcome.replace("\"pocket\":\"" + pocket + "\"",
                            "\"pocket\":\"" + (Integer.parseInt(pocket) + 1) % 37 + "\"");
                    log.append(round(model, played, "m" + i, b -> b.outcome(moved.getBytes(StandardCharsets.UTF_8))));
                    movedAt = i + 1;
                } else {
                    log.append(round(model, played, "r" + i, b -> b));
                }
            }
        }
        assertTrue(movedAt > 0, "no winning roulette round after round 300");
        List<Alert> alerts = monitor(dir, roulette, baccarat);
        assertEquals(List.of("impossible-win", "impossible-win"), types(alerts), alerts.toString());
        assertEquals(102, alerts.get(0).index());
        assertTrue(alerts.get(0).message().contains("win: logged"), alerts.get(0).message());
        assertEquals("baccarat", alerts.get(0).gameId());
        assertEquals(movedAt, alerts.get(1).index());
        assertTrue(alerts.get(1).message().contains("$.outcome.bets[0].returned"), alerts.get(1).message());
    }

    /**
     * Cascading and hold-and-win slots: every round is played again on the draws its outcome logs. A log of honest
     * cascade-clusters and coin-rush rounds raises nothing; the same rounds with one cascade round's window symbol
     * changed (its win kept) and one hold-and-win round's feature win raised (outcome and logged win alike) raise one
     * impossible-win each, at their entries.
     */
    @Test
    void tamperedCascadeAndHoldAndWinRoundsAreFlagged(@TempDir Path tmp) throws IOException {
        ModelFile cascades = ModelFile.load(Path.of("../examples/cascade-clusters.json"));
        ModelFile coins = ModelFile.load(Path.of("../examples/coin-rush.json"));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (boolean tamper : new boolean[] {false, true}) {
            Path dir = tmp.resolve("log-" + tamper);
            SeededStream stream = new SeededStream(6);
            long windowAt = -1;
            long featureAt = -1;
            try (AuditLog log = AuditLog.create(dir, "test/monitor", operator)) {
                for (int i = 0; i < 1000; i++) {
                    ModelFile model = i % 2 == 0 ? cascades : coins;
                    PlayedRound played = model.game().playRecorded(stream);
                    com.fasterxml.jackson.databind.node.ObjectNode outcome =
                            (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(played.detail());
                    if (tamper && windowAt < 0 && i > 100 && model == cascades) {
                        com.fasterxml.jackson.databind.node.ArrayNode row = (com.fasterxml.jackson.databind.node.ArrayNode)
                                outcome.get("spins").get(0).get("cascades").get(0).get("window").get(0);
                        row.set(0, row.get(0).asText().equals("ruby") ? "pearl" : "ruby");
                        byte[] changed = CanonicalJson.encode(outcome);
                        log.append(round(model, played, "w" + i, b -> b.outcome(changed)));
                        windowAt = i + 1;
                    } else if (tamper && featureAt < 0 && i > 100 && outcome.path("holdAndWin").isObject()) {
                        long raised = played.outcome().win() + played.outcome().stake();
                        com.fasterxml.jackson.databind.node.ObjectNode feature =
                                (com.fasterxml.jackson.databind.node.ObjectNode) outcome.get("holdAndWin");
                        feature.put("amount", feature.get("amount").asLong() + played.outcome().stake());
                        outcome.put("win", raised);
                        byte[] changed = CanonicalJson.encode(outcome);
                        log.append(round(model, played, "h" + i, b -> b.outcome(changed).win(raised)));
                        featureAt = i + 1;
                    } else {
                        log.append(round(model, played, "r" + i, b -> b));
                    }
                }
            }
            List<Alert> alerts = new ArrayList<>();
            Monitor monitor = read(dir, 2, alerts, cascades, coins);
            if (!tamper) {
                assertEquals(List.of(), described(alerts));
                continue;
            }
            assertTrue(windowAt > 0 && featureAt > 0, "no feature round in the log");
            assertEquals(List.of("impossible-win", "impossible-win"), types(alerts), described(alerts).toString());
            Alert window = alerts.get(windowAt < featureAt ? 0 : 1);
            Alert feature = alerts.get(windowAt < featureAt ? 1 : 0);
            assertEquals(windowAt, window.index());
            assertTrue(window.message().contains("at $.outcome.spins[0].cascades[0].window[0][0]"), window.message());
            assertEquals(featureAt, feature.index());
            assertTrue(feature.message().contains("at $.outcome.win"), feature.message());
            assertEquals("coin-rush", feature.gameId());
            assertEquals(List.of(1L, 1L), monitor.games().stream().map(GameTally::impossibleWins).toList());
        }
    }

    /** The alerts of a batch run, each as type, entry and message. */
    private static List<String> described(List<Alert> alerts) {
        List<String> out = new ArrayList<>();
        alerts.forEach(a -> out.add(a.type() + " @" + a.index() + " " + a.message()));
        return out;
    }

    /** A batch run with the slot check's fast path turned off: every outcome decided on its parsed tree. */
    private static Monitor readSlowly(Path dir, List<Alert> alerts, ModelFile... models) throws IOException {
        String property = "fairspin.outcomeCheck.fastPath";
        String before = System.getProperty(property);
        System.setProperty(property, "false");
        try {
            return read(dir, 1, alerts, models);
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    /**
     * The fast reading path (outcomes scanned and written again on bytes, on one and on three threads) raises exactly
     * the alerts of the slow path (every outcome parsed into a tree), in the same order with the same messages, on a
     * log tampered in every way a round can be (win, bet, stops, a window symbol, a win's amount with the round's
     * win raised to match, a field added, a duplicate id; honest rounds logged with whitespace pass both paths), and
     * then on copies of that log with a damaged frame and with its checkpoints deleted. (That the property turns the
     * fast path off is shown in game-math's LoggedSpinFastPathTest; with a fast path that accepted its own writing
     * unchecked, this test fails on the window and stops changes.)
     */
    @Test
    void theFastPathRaisesTheSameAlertsAsTheSlowPathOnTamperedLogs(@TempDir Path tmp) throws IOException {
        ModelFile model = certified();
        Path dir = tmp.resolve("log");
        SeededStream stream = new SeededStream(5);
        List<java.util.concurrent.CompletableFuture<?>> written = new ArrayList<>();
        int tampered = 0;
        try (AuditLog log = AuditLog.create(dir, "test/monitor", operator)) {
            for (int i = 0; i < 4000; i++) {
                PlayedRound played = model.game().playRecorded(stream);
                String outcome = new String(CanonicalJson.encode(played.detail()), StandardCharsets.UTF_8);
                UnaryOperator<RoundRecord.Builder> edit = b -> b;
                String id = "r" + i;
                switch (i % 400) {
                    case 11 -> edit = b -> b.win(played.outcome().win() + 1);
                    case 57 -> edit = b -> b.bet(played.outcome().stake() + 5);
                    case 101 -> edit = b -> b.outcome(outcome.replaceFirst("\"stops\":\\[(\\d+)", "\"stops\":[$1$1")
                            .getBytes(StandardCharsets.UTF_8));
                    case 150 -> edit = b -> b.outcome(outcome.replaceFirst("\"window\":\\[\\[\"(\\w+)\"",
                            "\"window\":[[\"" + (outcome.contains("\"window\":[[\"seven\"") ? "plum" : "seven") + "\"")
                            .getBytes(StandardCharsets.UTF_8));
                    case 222 -> edit = b -> b.outcome(outcome.replace("\"kind\":\"base\"", "\"extra\":1,\"kind\":\"base\"")
                            .getBytes(StandardCharsets.UTF_8));
                    case 300 -> edit = b -> b.outcome(outcome.replace(",", ", ").getBytes(StandardCharsets.UTF_8));
                    case 333 -> id = "r" + (i - 1);
                    default -> {
                        if (played.outcome().win() > 0 && i % 400 > 350 && i % 400 < 360) {
                            long won = played.outcome().win();
                            edit = b -> b.win(won + 10).outcome(outcome.replaceFirst("\"amount\":(\\d+)",
                                    "\"amount\":1$1").replace("\"win\":" + won + "}", "\"win\":" + (won + 10) + "}")
                                    .getBytes(StandardCharsets.UTF_8));
                            tampered++;
                        }
                    }
                }
                written.add(log.submit(round(model, played, id, edit)));
                if (i % 900 == 0) {
                    log.checkpoint();
                }
            }
            written.forEach(java.util.concurrent.CompletableFuture::join);
        }
        assertTrue(tampered > 5, "rounds with a win's amount changed: " + tampered);
        Path damaged = tmp.resolve("damaged");
        Path unsigned = tmp.resolve("unsigned");
        for (Path copy : List.of(damaged, unsigned)) {
            Files.createDirectories(copy);
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }
        Path segment;
        try (var files = Files.list(damaged)) {
            segment = files.filter(f -> f.toString().endsWith(".seg")).sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(segment, bytes);
        Files.delete(unsigned.resolve("checkpoints"));

        for (Path log : List.of(dir, damaged, unsigned)) {
            List<Alert> slow = new ArrayList<>();
            readSlowly(log, slow, model);
            List<Alert> fast = new ArrayList<>();
            read(log, 1, fast, model);
            List<Alert> fastThreads = new ArrayList<>();
            read(log, 3, fastThreads, model);
            assertEquals(described(slow), described(fast), log.getFileName().toString());
            assertEquals(described(slow), described(fastThreads), log.getFileName().toString());
            assertTrue(slow.size() >= 3, log.getFileName() + ": " + described(slow));
        }
        List<Alert> alerts = new ArrayList<>();
        read(dir, 1, alerts, model);
        List<String> types = types(alerts);
        // 10 each of win, bet, stops, window, field added and duplicate id, and the win amounts changed; none for the
        // rounds logged with whitespace.
        assertEquals(10, java.util.Collections.frequency(types, "duplicate-round"), described(alerts).toString());
        assertEquals(Monitor.ALERTS_PER_KIND, java.util.Collections.frequency(types, "impossible-win"));
    }

    /**
     * Blackjack states no exact figures: its rounds are tallied without control limits (no RTP band, no statistics
     * alert, no alert about the missing figures), and each is checked one by one: a round whose logged win its logged
     * hands do not give, a hand's result relabelled, and a duplicate round id are flagged at their entries; the
     * honest rounds around them are not.
     */
    @Test
    void aBlackjackLogIsCheckedRoundByRoundWithoutAnRtpBand(@TempDir Path tmp) throws IOException {
        ModelFile blackjack = ModelFile.load(Path.of("../examples/blackjack.json"));
        Path dir = tmp.resolve("log");
        SeededStream stream = new SeededStream(6);
        long forgedAt = -1;
        try (AuditLog log = AuditLog.create(dir, "test/monitor", operator)) {
            for (int i = 0; i < 3000; i++) {
                PlayedRound played = blackjack.game().playRecorded(stream);
                String outcome = new String(CanonicalJson.encode(played.detail()), StandardCharsets.UTF_8);
                if (i == 500) {
                    log.append(round(blackjack, played, "r" + i, b -> b.win(played.outcome().win() + 100)));
                } else if (i >= 1000 && forgedAt < 0 && outcome.contains("\"result\":\"lose\",\"returned\":0")
                        && !outcome.contains("\"doubled\":true")) {
                    // a lost hand relabelled a win, its return and the round's win raised to match
                    long raised = played.outcome().win() + 200;
                    String forged = outcome.replaceFirst("\"result\":\"lose\",\"returned\":0",
                            "\"result\":\"win\",\"returned\":200");
                    log.append(round(blackjack, played, "f" + i, b -> b.win(raised)
                            .outcome(forged.getBytes(StandardCharsets.UTF_8))));
                    forgedAt = i + 1;
                } else {
                    log.append(round(blackjack, played, i == 2000 ? "r1999" : "r" + i, b -> b));
                }
            }
        }
        assertTrue(forgedAt > 0);
        List<Alert> alerts = new ArrayList<>();
        Monitor monitor = read(dir, alerts, blackjack);
        assertEquals(List.of("impossible-win", "impossible-win", "duplicate-round"), types(alerts),
                described(alerts).toString());
        assertEquals(501, alerts.get(0).index());
        assertTrue(alerts.get(0).message().contains("win: logged"), alerts.get(0).message());
        assertEquals(forgedAt, alerts.get(1).index());
        assertTrue(alerts.get(1).message().contains(".result: logged 'win'"), alerts.get(1).message());
        assertEquals(2001, alerts.get(2).index());
        GameTally tally = monitor.games().get(0);
        assertEquals(3000, tally.rounds());
        assertEquals(false, tally.hasExactFigures());
        assertTrue(Double.isNaN(tally.rtpBand()));
        assertTrue(tally.observedRtp() > 0.8 && tally.observedRtp() < 1.2, "observed RTP " + tally.observedRtp());
        assertEquals(2, tally.impossibleWins());
        assertEquals(false, monitor.statisticsAlert());
        assertTrue(monitor.unknownModels().isEmpty());
    }

    /** One tally per game, model hash and currency: EUR and JPY minor units are not summed. */
    @Test
    void roundsInTwoCurrenciesAreTalliedApart(@TempDir Path tmp) throws IOException {
        ModelFile model = certified();
        Path dir = tmp.resolve("log");
        SeededStream stream = new SeededStream(7);
        long[] win = new long[2];
        try (AuditLog log = AuditLog.create(dir, "test/currency", operator)) {
            for (int i = 0; i < 2000; i++) {
                PlayedRound played = model.game().playRecorded(stream);
                String currency = i % 3 == 0 ? "JPY" : "EUR";
                win[i % 3 == 0 ? 1 : 0] += played.outcome().win();
                log.submit(round(model, played, "r" + i, b -> b.currency(currency)));
            }
        }
        List<Alert> alerts = new ArrayList<>();
        Monitor monitor = read(dir, 2, alerts, model);
        assertEquals(List.of(), alerts);
        List<GameTally> games = monitor.games();
        assertEquals(2, games.size(), "one tally per currency");
        GameTally jpy = games.get(0);
        GameTally eur = games.get(1);
        assertEquals(List.of("JPY", "EUR"), List.of(jpy.currency(), eur.currency()));
        assertEquals(List.of(667L, 1333L), List.of(jpy.rounds(), eur.rounds()));
        assertEquals(List.of(667L * 5, 1333L * 5), List.of(jpy.stake(), eur.stake()));
        assertEquals(List.of(win[1], win[0]), List.of(jpy.win(), eur.win()));
        assertEquals(eur.modelHash(), jpy.modelHash());
    }

    /**
     * A statistics alert names its tally's currency and the entry of the round at which its limit was crossed; a
     * duplicate round id names its model and the entry that logged the id first.
     */
    @Test
    void aStatisticsAlertNamesItsCurrencyAndEntryAndADuplicateItsFirstEntry(@TempDir Path tmp) throws IOException {
        ModelFile model = certified();
        Path dir = tmp.resolve("log");
        SeededStream stream = new SeededStream(8);
        List<Long> jpyEntries = new ArrayList<>();
        try (AuditLog log = AuditLog.create(dir, "test/currency", operator)) {
            for (int i = 0; i < 100; i++) {
                boolean jpy = i % 2 == 1;
                // The first JPY round logs a win of 10^7: an impossible win, and the JPY tally's RTP statistic is past
                // its limit at its first look (its 16th round); the EUR rounds stay honest.
                long win = jpy && jpyEntries.isEmpty() ? 10_000_000 : -1;
                long entry = log.submit(round(model, model.game().playRecorded(stream), "r" + i,
                        b -> win < 0 ? b.currency(jpy ? "JPY" : "EUR") : b.currency("JPY").win(win))).join().index();
                if (jpy) {
                    jpyEntries.add(entry);
                }
            }
            log.submit(round(model, model.game().playRecorded(stream), "r3", b -> b.currency("EUR")));
        }
        List<Alert> alerts = new ArrayList<>();
        read(dir, 2, alerts, model);
        assertEquals(List.of("impossible-win", "rtp-drift", "duplicate-round"), types(alerts));
        Alert drift = alerts.get(1);
        assertEquals("JPY", drift.currency());
        assertEquals(16, drift.rounds());
        assertEquals(jpyEntries.get(15), drift.index(), "the entry of the JPY tally's 16th round");
        assertTrue(drift.message().startsWith("sizzling-hot in JPY: "), drift.message());
        Alert duplicate = alerts.get(2);
        assertEquals(java.util.HexFormat.of().formatHex(model.hash()), duplicate.modelHash());
        assertEquals("EUR", duplicate.currency());
        assertEquals(jpyEntries.get(1), duplicate.details().get("firstIndex"), "r3 was the second JPY round");
        assertTrue(duplicate.message().contains("first logged at entry " + jpyEntries.get(1)), duplicate.message());
    }
}

package io.fairspin.audit.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.audit.json.CanonicalJson;
import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.log.LogFollower;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.audit.round.ModelFile;
import io.fairspin.math.PlayedRound;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor keeps a tally per game, model hash and currency: a log mixing EUR and JPY rounds of one model gets one
 * tally of each, with its own stake, win and control limits (EUR and JPY minor units cannot be summed); a statistics
 * alert names the currency and the entry where its limit was crossed; a duplicate round id names the entry that
 * logged it first.
 */
class CurrencyTallyTest {
    private final KeyPair operator = KeyFiles.generate("Ed25519");

    private static RoundRecord round(ModelFile model, PlayedRound played, String id, String currency,
                                     UnaryOperator<RoundRecord.Builder> edit) {
        RoundRecord.Builder b = RoundRecord.builder().roundId(id).gameId(model.game().id()).modelHash(model.hash())
                .startedAtMillis(1_790_000_000_000L).settledAtMillis(1_790_000_000_001L).sessionId("s")
                .currency(currency).bet(played.outcome().stake()).win(played.outcome().win())
                .playerChoices(new byte[0]).seedCommitment(new byte[32]).escrowReference("test")
                .outcome(CanonicalJson.encode(played.detail()));
        return edit.apply(b).build();
    }

    private static Monitor read(Path dir, List<Alert> alerts, ModelFile model) throws IOException {
        Monitor monitor = new Monitor(Models.of(List.of(model)), ControlLimits.DEFAULT, alerts::add);
        try (LogFollower follower = new LogFollower(dir, monitor, 2)) {
            follower.poll();
            follower.finish();
            monitor.finish(follower, 0);
        }
        return monitor;
    }

    @Test
    void roundsInTwoCurrenciesAreTalliedApart(@TempDir Path tmp) throws IOException {
        ModelFile model = ModelFile.load(ControlLimitRuns.SIZZLING_HOT);
        Path dir = tmp.resolve("log");
        SeededStream stream = new SeededStream(7);
        long[] win = new long[2];
        try (AuditLog log = AuditLog.create(dir, "test/currency", operator)) {
            for (int i = 0; i < 2000; i++) {
                PlayedRound played = model.game().playRecorded(stream);
                String currency = i % 3 == 0 ? "JPY" : "EUR";
                win[i % 3 == 0 ? 1 : 0] += played.outcome().win();
                log.submit(round(model, played, "r" + i, currency, b -> b));
            }
        }
        List<Alert> alerts = new ArrayList<>();
        Monitor monitor = read(dir, alerts, model);
        assertEquals(List.of(), alerts);
        List<GameTally> games = monitor.games();
        assertEquals(2, games.size(), "one tally per currency");
        GameTally eur = games.get(1);
        GameTally jpy = games.get(0);
        assertEquals("JPY", jpy.currency());
        assertEquals("EUR", eur.currency());
        assertEquals(667, jpy.rounds());
        assertEquals(1333, eur.rounds());
        assertEquals(667 * 5, jpy.stake());
        assertEquals(win[1], jpy.win());
        assertEquals(win[0], eur.win());
        assertEquals(model.game().id(), eur.gameId());
        assertEquals(eur.modelHash(), jpy.modelHash());
    }

    @Test
    void aStatisticsAlertNamesItsCurrencyAndTheEntryWhereTheLimitWasCrossed(@TempDir Path tmp) throws IOException {
        ModelFile model = ModelFile.load(ControlLimitRuns.SIZZLING_HOT);
        Path dir = tmp.resolve("log");
        SeededStream stream = new SeededStream(8);
        List<Long> jpyEntries = new ArrayList<>();
        try (AuditLog log = AuditLog.create(dir, "test/currency", operator)) {
            for (int i = 0; i < 100; i++) {
                boolean jpy = i % 2 == 1;
                PlayedRound played = model.game().playRecorded(stream);
                // The first JPY round logs a win of 10^7: an impossible win, and the JPY tally's RTP statistic is past
                // its limit at its first look (its 16th round); the EUR rounds stay honest.
                UnaryOperator<RoundRecord.Builder> edit = jpy && jpyEntries.isEmpty() ? b -> b.win(10_000_000) : b -> b;
                long entry = log.submit(round(model, played, "r" + i, jpy ? "JPY" : "EUR", edit)).join().index();
                if (jpy) {
                    jpyEntries.add(entry);
                }
            }
            log.submit(round(model, model.game().playRecorded(stream), "r3", "EUR", b -> b));
        }
        List<Alert> alerts = new ArrayList<>();
        read(dir, alerts, model);
        List<String> types = new ArrayList<>();
        alerts.forEach(a -> types.add(a.type()));
        assertEquals(List.of("impossible-win", "rtp-drift", "duplicate-round"), types);
        Alert drift = alerts.get(1);
        assertEquals("JPY", drift.currency());
        assertEquals(16, drift.rounds());
        assertEquals(jpyEntries.get(15), drift.index(), "the entry of the JPY tally's 16th round");
        assertTrue(drift.message().startsWith("sizzling-hot in JPY: "), drift.message());
        Alert duplicate = alerts.get(2);
        String hash = HexFormat.of().formatHex(model.hash());
        assertEquals(hash, duplicate.modelHash());
        assertEquals("EUR", duplicate.currency());
        assertEquals(jpyEntries.get(1), duplicate.details().get("firstIndex"), "r3 was the second JPY round");
        assertTrue(duplicate.message().contains("first logged at entry " + jpyEntries.get(1)), duplicate.message());
        assertNotNull(duplicate.roundId());
    }
}

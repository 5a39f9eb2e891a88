package io.fairspin.audit.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.audit.json.CanonicalJson;
import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.log.LogFollower;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.audit.round.ModelFile;
import io.fairspin.audit.round.RoundPlayer;
import io.fairspin.math.Bet;
import io.fairspin.math.Game;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundChoices;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bought rounds ({@code "bonusBuy": true} in the bet) in a monitored log: an honest log of base and bought rounds of
 * examples/lucky-wilds.json (whose buy returns 97.5%, its base game 96.0%, but every bought round wins) and bought
 * rounds of examples/coin-rush-deluxe.json raises nothing, and the bought rounds are tallied apart against the buy's
 * exact figures (their own rounds, stake, win and figures; the base tally only the base rounds);
 * each bought round of the slot is evaluated again from its logged outcome, and an altered win, price or free-game
 * count, or a buy that the outcome and the choices do not agree on, is an impossible win.
 */
class BoughtRoundMonitorTest {
    private static final KeyPair OPERATOR = KeyFiles.generate("Ed25519");

    private static ModelFile example(String name) throws IOException {
        return ModelFile.load(ControlLimitRuns.SIZZLING_HOT.resolveSibling(name));
    }

    /** A round of {@code model} logged as a game server logs it (player choices as {@link RoundPlayer} writes them). */
    private static RoundRecord round(ModelFile model, PlayedRound played, String id,
                                     UnaryOperator<RoundRecord.Builder> edit) {
        RoundRecord.Builder b = RoundRecord.builder().roundId(id).gameId(model.game().id()).modelHash(model.hash())
                .startedAtMillis(1_790_000_000_000L).settledAtMillis(1_790_000_000_001L).sessionId("s")
                .currency("XXX").bet(played.outcome().stake()).win(played.outcome().win())
                .playerChoices(RoundPlayer.playerChoices(model.game(), played)).seedCommitment(new byte[32])
                .escrowReference("test").outcome(CanonicalJson.encode(played.detail()));
        return edit.apply(b).build();
    }

    /** Monitors the log in {@code dir} against {@code models} on 2 threads, its alerts into {@code alerts}. */
    static Monitor read(Path dir, List<Alert> alerts, ModelFile... models) throws IOException {
        Monitor monitor = new Monitor(Models.of(List.of(models)), ControlLimits.DEFAULT, alerts::add);
        try (LogFollower follower = new LogFollower(dir, monitor, 2)) {
            follower.poll();
            follower.finish();
        }
        return monitor;
    }

    @Test
    void boughtRoundsAreCheckedAndTalliedApartAgainstTheBuysFigures(@TempDir Path tmp) throws IOException {
        ModelFile slot = example("lucky-wilds.json");
        ModelFile hold = example("coin-rush-deluxe.json");
        Game game = slot.game();
        Bet bought = game.standardBet().withBonusBuy();
        Path dir = tmp.resolve("log");
        SeededStream stream = new SeededStream(5);
        long boughtWin = 0;
        try (AuditLog log = AuditLog.create(dir, "test/monitor", OPERATOR)) {
            for (int i = 0; i < 1500; i++) {
                log.submit(round(slot, game.playRecorded(stream), "base-" + i, b -> b));
                PlayedRound round = game.playRecorded(bought, stream);
                boughtWin += round.outcome().win();
                log.submit(round(slot, round, "bought-" + i, b -> b));
            }
            for (int i = 0; i < 200; i++) {
                log.submit(round(hold, hold.game().playRecorded(Bet.standard().withBonusBuy(), stream), "hold-" + i,
                        b -> b));
            }
        }
        List<Alert> alerts = new ArrayList<>();
        Monitor monitor = read(dir, alerts, slot, hold);
        assertEquals(List.of(), alerts);
        Map<String, GameTally> byGame = monitor.games().stream().collect(Collectors.toMap(GameTally::gameId, t -> t));
        GameTally base = byGame.get(game.id());
        GameTally buy = byGame.get(game.id() + Monitor.BOUGHT);
        assertEquals(1500, base.rounds());
        assertEquals(1500, buy.rounds());
        assertEquals(boughtWin, buy.win());
        assertEquals(1500 * game.stake(bought), buy.stake());
        assertEquals(game.exactFigures(bought).orElseThrow(), buy.figures());
        assertEquals(game.exactFigures().orElseThrow(), base.figures());
        assertTrue(base.awards().size() > 0 && buy.awards().isEmpty(), "no award test on bought rounds");
        GameTally holdBuy = byGame.get(hold.game().id() + Monitor.BOUGHT);
        assertEquals(200, holdBuy.rounds());
        assertEquals(hold.game().exactFigures(Bet.standard().withBonusBuy()).orElseThrow(), holdBuy.figures());
        assertEquals(null, byGame.get(hold.game().id()), "no base rounds of coin-rush-deluxe were logged");
    }

    @Test
    void anAlteredBoughtRoundIsAnImpossibleWin(@TempDir Path tmp) throws IOException {
        ModelFile slot = example("lucky-wilds.json");
        Game game = slot.game();
        Bet bought = Bet.lines(10, 2, 1).withBonusBuy();
        byte[] unbought = new RoundChoices(Bet.lines(10, 2, 1), List.of()).toJson().getBytes(StandardCharsets.UTF_8);
        Path dir = tmp.resolve("log");
        SeededStream stream = new SeededStream(6);
        try (AuditLog log = AuditLog.create(dir, "test/monitor", OPERATOR)) {
            for (int i = 0; i < 20; i++) {
                log.submit(round(slot, game.playRecorded(bought, stream), "honest-" + i, b -> b));
            }
            log.submit(round(slot, game.playRecorded(bought, stream), "win", b -> b.win(b.build().win() + 2)));
            PlayedRound priced = game.playRecorded(bought, stream);
            log.submit(round(slot, priced, "price", b -> b.outcome(edit(priced, "\"price\":26", "\"price\":13"))));
            PlayedRound games = game.playRecorded(bought, stream);
            log.submit(round(slot, games, "free-games", b -> b.outcome(edit(games, "\"freeGames\":10,\"price\"",
                    "\"freeGames\":11,\"price\""))));
            log.submit(round(slot, game.playRecorded(bought, stream), "choices", b -> b.playerChoices(unbought)));
            PlayedRound plain = game.playRecorded(bought.withoutBonusBuy(), stream);
            byte[] claimed = new RoundChoices(bought, List.of()).toJson().getBytes(StandardCharsets.UTF_8);
            log.submit(round(slot, plain, "claimed", b -> b.playerChoices(claimed)));
        }
        List<Alert> alerts = new ArrayList<>();
        read(dir, alerts, slot);
        List<String> flagged = alerts.stream().filter(a -> a.type().equals("impossible-win")).map(Alert::roundId)
                .toList();
        assertEquals(List.of("win", "price", "free-games", "choices", "claimed"), flagged, alerts.toString());
        assertTrue(alerts.get(0).message().contains("win: logged"), alerts.get(0).message());
        assertTrue(alerts.get(1).message().contains("$.outcome.bonusBuy.price"), alerts.get(1).message());
        assertTrue(alerts.get(2).message().contains("bonusBuy"), alerts.get(2).message());
        assertTrue(alerts.get(3).message().contains("the logged bet does not buy the feature"), alerts.get(3).message());
        assertTrue(alerts.get(4).message().contains("the outcome is not a bought round"), alerts.get(4).message());
    }

    private static byte[] edit(PlayedRound played, String from, String to) {
        String text = new String(CanonicalJson.encode(played.detail()), StandardCharsets.UTF_8);
        assertTrue(text.contains(from), text);
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }
}

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
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.Wager;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rounds played at other bets than the standard wager, in a monitored log: each is judged against the exact figures
 * of its own bet configuration. Honest Sizzling Hot rounds at 1 line (whose hit frequency is 0.058 against the
 * standard 5 lines' 0.248) and honest roulette rounds on red (hit frequency 18/37 against the standard straight-up's
 * 1/37) raised a hit-frequency alert within a few thousand rounds when judged against the standard wager's figures;
 * they raise none, and the tally's expected figures are the bets' own, weighted by stake (RTP) and by rounds (hit
 * frequency), as computed here from each bet's exact figures.
 */
class BetConfigurationMonitorTest {
    private static final KeyPair OPERATOR = KeyFiles.generate("Ed25519");

    private static ModelFile example(String name) throws IOException {
        return ModelFile.load(ControlLimitRuns.SIZZLING_HOT.resolveSibling(name));
    }

    private static RoundRecord round(ModelFile model, PlayedRound played, String id) {
        return RoundRecord.builder().roundId(id).gameId(model.game().id()).modelHash(model.hash())
                .startedAtMillis(1_790_000_000_000L).settledAtMillis(1_790_000_000_001L).sessionId("s")
                .currency("XXX").bet(played.outcome().stake()).win(played.outcome().win())
                .playerChoices(RoundPlayer.playerChoices(model.game(), played)).seedCommitment(new byte[32])
                .escrowReference("test").outcome(CanonicalJson.encode(played.detail())).build();
    }

    /** Logs {@code rounds} rounds of {@code model}, round i at {@code betOf(i)}, and monitors the log. */
    private static Monitor monitor(Path dir, ModelFile model, int rounds, IntFunction<Bet> betOf, List<Alert> alerts)
            throws IOException {
        SeededStream stream = new SeededStream(17);
        try (AuditLog log = AuditLog.create(dir, "test/monitor", OPERATOR)) {
            for (int i = 0; i < rounds; i++) {
                Bet bet = betOf.apply(i);
                PlayedRound played = bet == null ? model.game().playRecorded(stream)
                        : model.game().playRecorded(bet, stream);
                log.submit(round(model, played, "r-" + i));
            }
        }
        Monitor monitor = new Monitor(Models.of(List.of(model)), ControlLimits.DEFAULT, alerts::add);
        try (LogFollower follower = new LogFollower(dir, monitor, 2)) {
            follower.poll();
            follower.finish();
        }
        return monitor;
    }

    @Test
    void honestRoundsAtOneLineAreJudgedAgainstTheFiguresOfOneLine(@TempDir Path tmp) throws IOException {
        ModelFile model = example("sizzling-hot.json");
        Game game = model.game();
        // Rounds at the standard wager (no choices logged), at 1 line of 1 and of 5 (one configuration), and at the
        // standard lines named in full (the standard configuration).
        IntFunction<Bet> betOf = i -> switch (i % 8) {
            case 0 -> null;
            case 1 -> Bet.lines(5, 2, 1);
            case 2, 3, 4 -> Bet.lines(1, 1, 1);
            default -> Bet.lines(1, 5, 1);
        };
        List<Alert> alerts = new ArrayList<>();
        Monitor monitor = monitor(tmp.resolve("log"), model, 24_000, betOf, alerts);
        assertEquals(List.of(), alerts);
        GameTally tally = monitor.games().get(0);
        assertEquals(1, monitor.games().size());
        assertEquals(24_000, tally.rounds());
        List<GameTally.BetRounds> bets = tally.bets();
        assertEquals(2, bets.size(), "the standard wager and 1 line");
        assertEquals("{}", bets.get(0).bet());
        assertEquals(6_000, bets.get(0).rounds());
        assertEquals(Bet.lines(1, 1, 1).toJson(), bets.get(1).bet(), "named at the standard bet per line");
        assertEquals(18_000, bets.get(1).rounds());
        ExactFigures five = game.exactFigures().orElseThrow();
        ExactFigures one = game.exactFigures(Bet.lines(1, 1, 1)).orElseThrow();
        assertEquals(one, bets.get(1).figures());
        long stakeFive = 3_000 * 5 + 3_000 * 10;
        long stakeOne = 9_000 * 1 + 9_000 * 5;
        assertEquals(stakeFive, bets.get(0).stake());
        assertEquals(stakeOne, bets.get(1).stake());
        assertEquals(five.rtp().multiply(stakeFive).add(one.rtp().multiply(stakeOne)).divide(stakeFive + stakeOne),
                tally.expectedRtp());
        assertEquals(five.hitFrequency().multiply(6_000).add(one.hitFrequency().multiply(18_000)).divide(24_000),
                tally.expectedHitFrequency());
        assertEquals(0, tally.unjudgedRounds());
    }

    @Test
    void honestRouletteRoundsOnRedAreJudgedAgainstRedsFigures(@TempDir Path tmp) throws IOException {
        ModelFile model = example("roulette-european.json");
        Bet red = Bet.wagers(Wager.of("red", 100));
        Bet redTwice = Bet.wagers(Wager.of("red", 200));
        List<Alert> alerts = new ArrayList<>();
        Monitor monitor = monitor(tmp.resolve("log"), model, 12_000, i -> i % 2 == 0 ? red : redTwice, alerts);
        assertEquals(List.of(), alerts);
        GameTally tally = monitor.games().get(0);
        assertEquals(1, tally.bets().size(), "red at 100 and at 200 are one configuration");
        assertEquals("{\"wagers\":[{\"amount\":1,\"bet\":\"red\"}]}", tally.bets().get(0).bet());
        assertEquals(Fraction.of(18, 37), tally.expectedHitFrequency());
        assertEquals(Fraction.of(36, 37), tally.expectedRtp());
        // The boundary (docs/monitoring.md) at V = 30,000 standard stakes squared (6,000 rounds of 1 and 6,000 of 2
        // standard stakes, variance 1 - 1/37^2 per unit) and rho = V / n x 100,000 is 2,070 standard stakes, a band of
        // 0.115 over the 18,000 staked; with the straight-up's variance (35.0) it would be sqrt(35) times as wide, 0.68.
        assertTrue(tally.rtpBand() > 0.10 && tally.rtpBand() < 0.13, "the band of even-money bets: " + tally.rtpBand());
    }

    @Test
    void redWhiteAndBlueAtThreeCoinsIsJudgedAgainstItsCoinPays(@TempDir Path tmp) throws IOException {
        ModelFile model = example("red-white-blue.json");
        Bet three = model.game().readBet("{\"coins\": 3}");
        List<Alert> alerts = new ArrayList<>();
        Monitor monitor = monitor(tmp.resolve("log"), model, 4_000, i -> three, alerts);
        assertEquals(List.of(), alerts);
        GameTally tally = monitor.games().get(0);
        Fraction threeCoins = model.game().exactFigures(three).orElseThrow().rtp();
        assertTrue(!threeCoins.equals(model.game().exactFigures().orElseThrow().rtp()), "coin pays change the RTP");
        assertEquals(threeCoins, tally.expectedRtp());
    }
}

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
 * standard 5 lines' 0.125) and honest roulette rounds on red (hit frequency 18/37 against the standard straight-up's
 * 1/37) raised a hit-frequency alert within a few thousand rounds when judged against the standard wager's figures;
 * they raise none, and the tally's expected figures are the bets' own, weighted by stake (RTP) and by rounds (hit
 * frequency), as computed here from each bet's exact figures. A bet the game refuses is an impossible win and
 * defines no configuration; choices laid out otherwise than canonically are read whole, as the outcome check reads
 * them, and remembered for no other round.
 */
class BetConfigurationMonitorTest {
    private static final KeyPair OPERATOR = KeyFiles.generate("Ed25519");

    private static ModelFile example(String name) throws IOException {
        return ModelFile.load(ControlLimitRuns.SIZZLING_HOT.resolveSibling(name));
    }

    private static RoundRecord round(ModelFile model, PlayedRound played, String id, byte[] choices) {
        return RoundRecord.builder().roundId(id).gameId(model.game().id()).modelHash(model.hash())
                .startedAtMillis(1_790_000_000_000L).settledAtMillis(1_790_000_000_001L).sessionId("s")
                .currency("XXX").bet(played.outcome().stake()).win(played.outcome().win())
                .playerChoices(choices == null ? RoundPlayer.playerChoices(model.game(), played) : choices)
                .seedCommitment(new byte[32]).escrowReference("test").outcome(CanonicalJson.encode(played.detail()))
                .build();
    }

    /** Logs {@code rounds} rounds of {@code model}, round i at {@code betOf(i)}, and monitors the log. */
    private static Monitor monitor(Path dir, ModelFile model, int rounds, IntFunction<Bet> betOf, List<Alert> alerts)
            throws IOException {
        return monitor(dir, model, rounds, betOf, i -> null, alerts);
    }

    /**
     * Logs {@code rounds} rounds of {@code model}, round i played at {@code betOf(i)} and logged with the choices
     * {@code choicesOf(i)} (null: as played), and monitors the log on 2 threads.
     */
    private static Monitor monitor(Path dir, ModelFile model, int rounds, IntFunction<Bet> betOf,
                                   IntFunction<String> choicesOf, List<Alert> alerts) throws IOException {
        write(dir, model, rounds, betOf, choicesOf);
        return BoughtRoundMonitorTest.read(dir, alerts, model);
    }

    /** Logs {@code rounds} rounds of {@code model} as {@link #monitor} reads them. */
    private static void write(Path dir, ModelFile model, int rounds, IntFunction<Bet> betOf,
                              IntFunction<String> choicesOf) throws IOException {
        SeededStream stream = new SeededStream(17);
        try (AuditLog log = AuditLog.create(dir, "test/monitor", OPERATOR)) {
            for (int i = 0; i < rounds; i++) {
                Bet bet = betOf.apply(i);
                PlayedRound played = bet == null ? model.game().playRecorded(stream)
                        : model.game().playRecorded(bet, stream);
                String choices = choicesOf.apply(i);
                log.submit(round(model, played, "r-" + i,
                        choices == null ? null : choices.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
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
        // The boundary (docs/monitoring.md): V = red's variance per unit, 1 - 1/37^2, x (6,000 x 1^2 + 6,000 x 2^2)
        // standard stakes squared = 29,978, and rho = the standard straight-up's variance, 1296/37 - (36/37)^2 =
        // 34.08, x 100,000; sqrt((V + rho) (ln(1 + V / rho) + 2 ln(2 / 0.001))) = 7,231.5 standard stakes, a band of
        // 0.4017 over the 18,000 staked. With the straight-up's variance in V too it would be 0.66.
        double v = (1 - 1.0 / (37 * 37)) * (6_000 + 6_000 * 4);
        double rho = (1296.0 / 37 - (36.0 / 37) * (36.0 / 37)) * 100_000;
        double band = Math.sqrt((v + rho) * (Math.log(1 + v / rho) + 2 * Math.log(2 / 0.001))) * 100 / 1_800_000;
        assertEquals(band, tally.rtpBand(), 1e-9, "the band of even-money bets");
    }

    @Test
    void configurationsJudgedAlikeShareOneEntry(@TempDir Path tmp) throws IOException {
        ModelFile model = example("roulette-european.json");
        // Straight-ups on other numbers than the standard wager's are judged as it is; black as red.
        List<Bet> layouts = List.of(Bet.wagers(Wager.of("red", 1)), Bet.wagers(Wager.on("straight", 1, 5)),
                Bet.wagers(Wager.of("black", 1)), Bet.wagers(Wager.on("straight", 3, 30)));
        List<Alert> alerts = new ArrayList<>();
        Monitor monitor = monitor(tmp.resolve("log"), model, 8_000, i -> i % 5 == 4 ? null : layouts.get(i % 5),
                alerts);
        assertEquals(List.of(), alerts);
        List<GameTally.BetRounds> bets = monitor.games().get(0).bets();
        assertEquals(List.of("{\"wagers\":[{\"amount\":1,\"bet\":\"red\"}]}", "{}"),
                bets.stream().map(GameTally.BetRounds::bet).toList());
        assertEquals(List.of(3_200L, 4_800L), bets.stream().map(GameTally.BetRounds::rounds).toList());
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

    @Test
    void boughtRoundsAtOtherLinesAreJudgedAgainstThatBuysFigures(@TempDir Path tmp) throws IOException {
        ModelFile model = example("lucky-wilds.json");
        Bet tenLines = Bet.lines(10, 2, 1).withBonusBuy();
        List<Alert> alerts = new ArrayList<>();
        Monitor monitor = monitor(tmp.resolve("log"), model, 600, i -> tenLines, alerts);
        assertEquals(List.of(), alerts);
        GameTally buy = monitor.games().get(0);
        assertEquals(model.game().id() + Monitor.BOUGHT, buy.gameId());
        assertEquals(1, buy.bets().size());
        assertEquals(model.game().exactFigures(tenLines).orElseThrow(), buy.bets().get(0).figures());
        assertEquals(0, buy.unjudgedRounds());
    }

    @Test
    void aBetTheGameRefusesIsAnImpossibleRoundAndDefinesNoConfiguration(@TempDir Path tmp) throws Exception {
        ModelFile slot = example("sizzling-hot.json");
        String wager = "{\"bet\":{\"wagers\":[{\"amount\":1,\"bet\":\"x\"}]},\"decisions\":[]}";
        List<Alert> alerts = new ArrayList<>();
        Monitor monitor = monitor(tmp.resolve("slot"), slot, 300, i -> null, i -> wager, alerts);
        assertEquals(java.util.Map.of(Alert.Type.IMPOSSIBLE_WIN, 300L), monitor.alertCounts());
        assertTrue(alerts.get(0).message().contains("player choices"), alerts.get(0).message());
        assertEquals(300, monitor.games().get(0).impossibleWins());
        assertEquals(0, monitor.games().get(0).unjudgedRounds(), "judged against the standard wager's figures");
        // Six lines of a five-line game: a bet whose stake the game computes, but that it refuses.
        String sixLines = new io.fairspin.math.RoundChoices(Bet.lines(6, 1, 1), List.of()).toJson();
        Monitor six = monitor(tmp.resolve("six"), slot, 50, i -> null, i -> sixLines, new ArrayList<>());
        assertEquals(java.util.Map.of(Alert.Type.IMPOSSIBLE_WIN, 50L), six.alertCounts());
        // 3 a line, which the limits do not offer (1, 2, 5, ...), played by the game whose limits do: the stake and
        // the outcome agree with that bet, only the limits refuse it.
        String text = java.nio.file.Files.readString(ControlLimitRuns.SIZZLING_HOT);
        String withThree = text.replace("\"values\": [1, 2, 5,", "\"values\": [1, 2, 3, 5,");
        assertTrue(!withThree.equals(text));
        Game offering = ModelFile.load(java.nio.file.Files.writeString(tmp.resolve("three.json"), withThree)).game();
        SeededStream stream = new SeededStream(3);
        try (AuditLog log = AuditLog.create(tmp.resolve("three"), "test/monitor", OPERATOR)) {
            for (int i = 0; i < 40; i++) {
                log.submit(round(slot, offering.playRecorded(Bet.lines(5, 3, 1), stream), "r-" + i, null));
            }
        }
        Monitor three = BoughtRoundMonitorTest.read(tmp.resolve("three"), new ArrayList<>(), slot);
        assertEquals(java.util.Map.of(Alert.Type.IMPOSSIBLE_WIN, 40L), three.alertCounts());
    }

    @Test
    void oneRefusedRoundDoesNotLeaveItsConfigurationUnjudged(@TempDir Path tmp) throws IOException {
        ModelFile model = example("baccarat.json");
        Bet twenty = Bet.wagers(Wager.of("player", 20));
        String ten = "{\"bet\":{\"wagers\":[{\"amount\":10,\"bet\":\"player\"}]},\"decisions\":[]}";
        List<Alert> alerts = new ArrayList<>();
        Monitor monitor = monitor(tmp.resolve("log"), model, 2_000, i -> twenty, i -> i == 0 ? ten : null, alerts);
        assertEquals(List.of("impossible-win"), alerts.stream().map(Alert::type).toList(), alerts.toString());
        assertEquals("r-0", alerts.get(0).roundId());
        GameTally tally = monitor.games().get(0);
        GameTally.BetRounds player = tally.bets().stream().filter(b -> b.bet().contains("player")).findFirst()
                .orElseThrow();
        assertEquals(1_999, player.rounds());
        assertEquals(model.game().exactFigures(twenty).orElseThrow(), player.figures());
        assertEquals(0, tally.unjudgedRounds());
    }

    @Test
    void choicesLaidOutOtherwiseAreReadWholeAndNotRemembered(@TempDir Path tmp) throws IOException {
        ModelFile model = example("sizzling-hot.json");
        Bet one = Bet.lines(1, 1, 1);
        // Round 0: a second "bet" member (Jackson reads the last, 5 lines) and round 1: unreadable decisions; neither
        // may decide how the 1-line rounds after them are judged.
        String twoBets = "{\"bet\":{\"coins\":1,\"lineBet\":1,\"lines\":1},\"bet\":{\"coins\":1,\"lineBet\":1,"
                + "\"lines\":5},\"decisions\":[]}";
        String badDecisions = "{\"bet\":{\"coins\":1,\"lineBet\":1,\"lines\":1},\"decisions\":\"x\"}";
        String badDecision = "{\"bet\":{\"coins\":1,\"lineBet\":1,\"lines\":1},\"decisions\":[{\"x\":1}]}";
        List<Alert> alerts = new ArrayList<>();
        Monitor monitor = monitor(tmp.resolve("log"), model, 12_000, i -> one,
                i -> i == 0 ? twoBets : i == 1 ? badDecisions : i == 2 ? badDecision : null, alerts);
        assertEquals(List.of("impossible-win r-1", "impossible-win r-2"),
                alerts.stream().map(a -> a.type() + " " + a.roundId()).toList());
        GameTally tally = monitor.games().get(0);
        GameTally.BetRounds oneLine = tally.bets().stream().filter(b -> b.bet().equals(one.toJson())).findFirst()
                .orElseThrow();
        assertEquals(11_997, oneLine.rounds(), "round 0 is judged at its last bet, 5 lines, rounds 1 and 2 are refused: "
                + tally.bets());
    }

    @Test
    void theBetsAreListedInTheOrderOfTheirFirstRound(@TempDir Path tmp) throws IOException {
        ModelFile model = example("sizzling-hot.json");
        List<Alert> alerts = new ArrayList<>();
        Monitor monitor = monitor(tmp.resolve("log"), model, 64, i -> i < 40 ? Bet.lines(1, 1, 1) : null, alerts);
        assertEquals(List.of(Bet.lines(1, 1, 1).toJson(), "{}"),
                monitor.games().get(0).bets().stream().map(GameTally.BetRounds::bet).toList());
    }

    @Test
    void aBetWhoseAnalysisPassesTheBoundLeavesItsRoundsUnjudgedAndTheMonitorRunning(@TempDir Path tmp)
            throws IOException {
        // As fairspin's monitor under --max-cycle: the model's analysis is run, the one at 1 line passes the bound.
        ModelFile model = example("sizzling-hot.json");
        java.util.concurrent.atomic.AtomicInteger analyses = new java.util.concurrent.atomic.AtomicInteger();
        Monitor.Analyses bounded = new Monitor.Analyses() {
            @Override
            public <T> T run(ModelFile file, java.util.function.Supplier<T> analysis) {
                if (analyses.incrementAndGet() > 1) {
                    throw new IllegalArgumentException(file.name() + ": too large to count; raise --max-cycle");
                }
                return analysis.get();
            }
        };
        write(tmp.resolve("log"), model, 40, i -> i % 2 == 0 ? Bet.lines(1, 1, 1) : null, i -> null);
        List<Alert> alerts = new ArrayList<>();
        Monitor monitor = new Monitor(Models.of(List.of(model)), ControlLimits.DEFAULT, alerts::add, bounded);
        try (LogFollower follower = new LogFollower(tmp.resolve("log"), monitor, 2)) {
            follower.poll();
            follower.finish();
        }
        assertEquals(List.of("unjudged-rounds"), alerts.stream().map(Alert::type).toList());
        assertTrue(alerts.get(0).details().get("reason").toString().contains("raise --max-cycle"), alerts.toString());
        assertEquals(20, monitor.games().get(0).unjudgedRounds());
        assertEquals(40, monitor.games().get(0).rounds());
    }

    @Test
    void roundsPastTheConfigurationsKeptAreCountedUnjudgedAndAlertedOnce(@TempDir Path tmp) throws Exception {
        ModelFile model = example("roulette-european.json");
        List<Bet> layouts = new ArrayList<>();
        for (int a = 1; a <= 400 && layouts.size() <= BetClasses.MAX_CLASSES + 20; a++) {
            for (int b = 1; b <= 400 && layouts.size() <= BetClasses.MAX_CLASSES + 20; b++) {
                if (java.math.BigInteger.valueOf(a).gcd(java.math.BigInteger.valueOf(b)).intValue() == 1) {
                    layouts.add(Bet.wagers(Wager.of("red", a), Wager.of("black", b)));
                }
            }
        }
        List<Alert> alerts = new ArrayList<>();
        AnalysisThreadsSeen seen = AnalysisThreadsSeen.start();
        Monitor monitor = monitor(tmp.resolve("log"), model, layouts.size(), layouts::get, alerts);
        // Each configuration is analysed once, on the monitor's few analysis threads: not on a thread of its own.
        int bound = Math.max(2, Runtime.getRuntime().availableProcessors());
        assertTrue(seen.stop() <= bound, seen.stop() + " analysis threads seen, more than " + bound);
        assertEquals(List.of("unjudged-rounds"), alerts.stream().map(Alert::type).toList());
        GameTally tally = monitor.games().get(0);
        assertEquals(layouts.size() - BetClasses.MAX_CLASSES, tally.unjudgedRounds());
        assertEquals(layouts.size() - BetClasses.MAX_CLASSES, tally.bets().stream().filter(b -> b.bet() == null)
                .findFirst().orElseThrow().rounds());
    }

    /** The analysis threads seen alive while a monitor runs, by sampling every thread (none of those alive before). */
    private static final class AnalysisThreadsSeen implements Runnable {
        private final java.util.Set<Thread> before = analysisThreads();
        private final java.util.Set<Thread> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Thread sampler = new Thread(this, "analysis-threads-seen");
        private volatile boolean running = true;

        static AnalysisThreadsSeen start() {
            AnalysisThreadsSeen threads = new AnalysisThreadsSeen();
            threads.sampler.setDaemon(true);
            threads.sampler.start();
            return threads;
        }

        @Override
        public void run() {
            while (running) {
                java.util.Set<Thread> now = analysisThreads();
                now.removeAll(before);
                seen.addAll(now);
                Thread.onSpinWait();
            }
        }

        /** Stops sampling; how many distinct analysis threads were seen. */
        int stop() throws InterruptedException {
            running = false;
            sampler.join();
            return seen.size();
        }

        private static java.util.Set<Thread> analysisThreads() {
            java.util.Set<Thread> threads = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
            threads.removeIf(t -> !t.getName().equals("fairspin-analysis"));
            return threads;
        }
    }
}

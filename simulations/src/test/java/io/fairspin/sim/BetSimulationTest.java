package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.Bet;
import io.fairspin.math.BetException;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulations at a chosen bet ({@link SimulationPlan#bet()}): bought rounds of the three kinds of game that sell a
 * bonus buy, and line bets other than the standard wager, each judged against the game's exact figures at that bet.
 *
 * <p>The exact figures come from the engine's exact analysis ({@link Game#exactFigures(Bet)}, what {@code par}'s
 * "Bonus buy" table prints; the fractions below were copied from {@code fairspin par} output), not from the
 * simulation path; each test also checks that the bet's figures are far from the standard wager's, so a simulation
 * that ignored the bet would fail it.
 */
class BetSimulationTest {
    /** Short runs for the default profile; {@link BoughtRoundsLongTest} runs more. */
    static final long ROUNDS = 200_000;
    /** A simulated RTP further than this many exact standard errors from the exact RTP fails (p < 1e-4 when right). */
    static final double Z = 4;

    private static final Bet BOUGHT = Bet.standard().withBonusBuy();

    @Test
    void boughtRoundsOfACascadingSlotMatchParsBonusBuy() throws Exception {
        // examples/tumbling-ways.json: price 20 x 50 lines x 1 per line = 1,000 per bought round.
        assertBought("tumbling-ways.json", 1_000, Fraction.parse("5664597/5724800"), ROUNDS, 1);
    }

    @Test
    void boughtRoundsOfAHoldAndWinSlotMatchParsBonusBuy() throws Exception {
        // examples/coin-rush-deluxe.json: price 54 x 20 lines x 1 = 1,080; par prints the RTP 0.9588723366724915.
        SimulationReport report = assertBought("coin-rush-deluxe.json", 1_080, null, ROUNDS, 1);
        assertEquals(0.9588723366724915, report.exactFigures().orElseThrow().rtp().doubleValue(), 1e-15);
    }

    @Test
    void boughtRoundsOfALineSlotMatchParsBonusBuy() throws Exception {
        // examples/lucky-wilds.json: price 26 x 20 lines x 1 = 520.
        assertBought("lucky-wilds.json", 520, Fraction.parse("298569472/306245315"), ROUNDS, 1);
    }

    @Test
    void boughtRoundsAtALineBetStakeThePriceTimesThatBet() throws Exception {
        assertAtBet("lucky-wilds.json", Bet.lines(10, 2, 1).withBonusBuy(), 26 * 10 * 2, 2);
    }

    @Test
    void fewerLinesOfASlotMatchTheExactFiguresAtThatBet() throws Exception {
        List<ExactFigures> figures = assertAtBet("lucky-wilds.json", Bet.lines(5, 2, 1), 5 * 2, 3);
        assertNotEquals(figures.get(0).hitFrequency(), figures.get(1).hitFrequency(), "5 lines hit less often than 20");
    }

    @Test
    void moreCoinsOfAPerCoinPayMatchTheExactFiguresAtThatBet() throws Exception {
        List<ExactFigures> figures = assertAtBet("red-white-blue.json", Bet.lines(1, 25, 3), 25 * 3, 4);
        assertNotEquals(figures.get(0).rtp(), figures.get(1).rtp(), "the top award pays more per coin at 3");
    }

    @Test
    void aBetTheGameRefusesIsRefusedBeforeAnythingIsPlayed() throws Exception {
        Game game = ExampleModels.load("sizzling-hot.json");
        SimulationPlan plan = new SimulationPlan(1_000, 1, RandomMode.FAST, 0.99, BOUGHT);
        BetException e = assertThrows(BetException.class, () -> new Simulation(game, plan));
        assertEquals("$.bonusBuy", e.jsonPath());
    }

    @Test
    void aCheckpointIsResumedAtItsOwnBetOnly(@TempDir Path dir) throws Exception {
        Game game = ExampleModels.load("lucky-wilds.json");
        SimulationPlan standard = new SimulationPlan(70_000, 1, RandomMode.FAST, 0.99);
        SimulationPlan bought = new SimulationPlan(70_000, 1, RandomMode.FAST, 0.99, BOUGHT);
        try (SimulationCheckpoint checkpoint = SimulationCheckpoint.open(dir, game, bought, "model")) {
            new Simulation(game, bought).resumeFrom(checkpoint).run(1);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationCheckpoint.open(dir, game, standard, "model"));
        assertTrue(e.getMessage().contains("saved by a run with bet {\"bonusBuy\":true,\"coins\":1,\"lineBet\":1,"
                + "\"lines\":20}, not {\"coins\":1,\"lineBet\":1,\"lines\":20}"), e.getMessage());
        try (SimulationCheckpoint again = SimulationCheckpoint.open(dir, game, bought, "model")) {
            SimulationReport resumed = new Simulation(game, bought).resumeFrom(again).run(1);
            assertEquals(new Simulation(game, bought).run(2).statistics(), resumed.statistics());
        }
    }

    /** A checkpoint saved before the bet was recorded (no {@code bet} in its plan) is one of the standard wager. */
    @Test
    void aCheckpointWithoutABetIsOneOfTheStandardWager(@TempDir Path dir) throws Exception {
        Game game = ExampleModels.load("lucky-wilds.json");
        SimulationPlan standard = new SimulationPlan(70_000, 1, RandomMode.FAST, 0.99);
        try (SimulationCheckpoint checkpoint = SimulationCheckpoint.open(dir, game, standard, "model")) {
            new Simulation(game, standard).resumeFrom(checkpoint).run(1);
        }
        Path plan = dir.resolve(SimulationCheckpoint.PLAN_FILE);
        List<String> lines = Files.readAllLines(plan);
        assertTrue(lines.removeIf(line -> line.startsWith("bet=")), lines.toString());
        Files.write(plan, lines);
        try (SimulationCheckpoint old = SimulationCheckpoint.open(dir, game, standard, "model")) {
            assertEquals(2, old.completed().size());
        }
        SimulationPlan bought = new SimulationPlan(70_000, 1, RandomMode.FAST, 0.99, BOUGHT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationCheckpoint.open(dir, game, bought, "model"));
        assertTrue(e.getMessage().contains("saved by a run with bet {\"coins\":1,\"lineBet\":1,\"lines\":20}, not"),
                e.getMessage());
    }

    /**
     * Simulates bought rounds of example {@code file} at its standard lines and checks them against the exact
     * "Bonus buy" figures ({@code parRtp} when given) and the stake; returns the report.
     */
    static SimulationReport assertBought(String file, long stake, Fraction parRtp, long rounds, long seed)
            throws Exception {
        Game game = ExampleModels.load(file);
        ExactFigures exact = game.exactFigures(BOUGHT).orElseThrow();
        if (parRtp != null) {
            assertEquals(parRtp, exact.rtp());
        }
        SimulationReport report = run(game, BOUGHT, rounds, seed);
        assertEquals(stake, report.statistics().stake());
        assertEquals(stake, report.statistics().totalStake().longValueExact() / rounds, "every round stakes the price");
        assertEquals(exact, report.exactFigures().orElseThrow());
        ExactFigures standard = game.exactFigures().orElseThrow();
        assertTrue(separated(standard, exact, rounds), file + ": the standard wager's figures are too close to"
                + " the buy's for this test to tell them apart");
        assertAgrees(report, exact);
        return report;
    }

    /**
     * Simulates example {@code file} at {@code bet} and checks its stake and its agreement with the exact figures at
     * that bet; returns the exact figures at the standard wager and at the bet.
     */
    private static List<ExactFigures> assertAtBet(String file, Bet bet, long stake, long seed) throws Exception {
        Game game = ExampleModels.load(file);
        SimulationReport report = run(game, bet, ROUNDS, seed);
        assertEquals(stake, report.statistics().stake());
        ExactFigures exact = game.exactFigures(bet).orElseThrow();
        assertEquals(exact, report.exactFigures().orElseThrow());
        assertAgrees(report, exact);
        return List.of(game.exactFigures().orElseThrow(), exact);
    }

    static SimulationReport run(Game game, Bet bet, long rounds, long seed) throws InterruptedException {
        return new Simulation(game, new SimulationPlan(rounds, seed, RandomMode.FAST, 0.99, bet)).run(2);
    }

    /** The simulated RTP within {@link #Z} exact standard errors of the exact one, and the verdict passed. */
    static void assertAgrees(SimulationReport report, ExactFigures exact) {
        long n = report.statistics().rounds();
        double z = (report.statistics().rtp() - exact.rtp().doubleValue()) / (exact.standardDeviation() / Math.sqrt(n));
        assertTrue(Math.abs(z) < Z, report.gameId() + " at " + report.plan().bet() + ": RTP "
                + report.statistics().rtp() + ", exact " + exact.rtp().doubleValue() + ", z " + z);
        assertTrue(report.verdict().orElseThrow().passed(), report.gameId() + ": " + report.verdict());
    }

    /** Whether the RTP or the hit frequency of {@code a} and {@code b} differ by more than 2 x Z standard errors. */
    private static boolean separated(ExactFigures a, ExactFigures b, long rounds) {
        double rtpError = Math.max(a.standardDeviation(), b.standardDeviation()) / Math.sqrt(rounds);
        double p = b.hitFrequency().doubleValue();
        double hitError = Math.max(Math.sqrt(p * (1 - p) / rounds), 1.0 / rounds);
        return Math.abs(a.rtp().doubleValue() - b.rtp().doubleValue()) > 2 * Z * rtpError
                || Math.abs(a.hitFrequency().doubleValue() - b.hitFrequency().doubleValue()) > 2 * Z * hitError;
    }
}

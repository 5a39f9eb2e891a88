package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.Game;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The engine: determinism across threads, agreement with a plain loop, cancellation and failures. */
class SimulationTest {
    /** 40 chunks, the last one short, so that 16 threads all take several chunks. */
    private static final long ROUNDS = 39L * Simulation.CHUNK_ROUNDS + 12_345;

    private static SimulationReport run(Game game, SimulationPlan plan, int threads) throws InterruptedException {
        return new Simulation(game, plan).run(threads);
    }

    private static CompletableFuture<SimulationReport> inBackground(Simulation simulation, int threads) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return simulation.run(threads);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(RandomMode.class)
    void theSameSeedGivesAnEqualReportOnOneTwoAndSixteenThreads(RandomMode mode) throws Exception {
        SimulationPlan plan = new SimulationPlan(ROUNDS, 20261125L, mode, 0.99);
        SimulationReport one = run(DiceGame.honest(), plan, 1);
        assertEquals(one, run(DiceGame.honest(), plan, 2));
        assertEquals(one, run(DiceGame.honest(), plan, 16));
        assertFalse(one.partial());
        assertEquals(ROUNDS, one.statistics().rounds());
        assertEquals(40, one.convergence().size());
        assertEquals(ROUNDS, one.convergence().get(39).rounds());

        SimulationReport raised = run(RaiseDiceGame.honest(), plan, 1);
        assertEquals(raised, run(RaiseDiceGame.honest(), plan, 2));
        assertEquals(raised, run(RaiseDiceGame.honest(), plan, 16));

        SimulationReport otherSeed = run(DiceGame.honest(), new SimulationPlan(ROUNDS, 20261126L, mode, 0.99), 2);
        assertNotEquals(one.statistics(), otherSeed.statistics());
    }

    @Test
    void theModesDrawDifferentStreams() throws Exception {
        SimulationReport fast = run(DiceGame.honest(), new SimulationPlan(100_000, 7, RandomMode.FAST, 0.99), 1);
        SimulationReport certified = run(DiceGame.honest(),
                new SimulationPlan(100_000, 7, RandomMode.CERTIFIED, 0.99), 1);
        assertNotEquals(fast.statistics(), certified.statistics());
    }

    /** The totals equal those of a plain single-threaded loop over the chunk streams, summed independently. */
    @ParameterizedTest
    @EnumSource(RandomMode.class)
    void theTotalsAreThoseOfAPlainLoopOverTheChunkStreams(RandomMode mode) throws Exception {
        long rounds = 3L * Simulation.CHUNK_ROUNDS + 999;
        SimulationPlan plan = new SimulationPlan(rounds, -42, mode, 0.99);
        Statistics s = run(DiceGame.honest(), plan, 2).statistics();

        Game game = DiceGame.honest();
        RoundOutcome outcome = RoundOutcome.forGame(game);
        long win = 0;
        long squares = 0;
        long hits = 0;
        long pairs = 0;
        long doubleSixes = 0;
        try (RandomMode.ChunkStreams streams = mode.streams(-42)) {
            for (long chunk = 0; chunk < plan.chunks(); chunk++) {
                RandomStream stream = streams.open(chunk);
                for (int i = 0; i < plan.roundsInChunk(chunk); i++) {
                    game.play(stream, outcome);
                    win += outcome.win();
                    squares += outcome.win() * outcome.win();
                    hits += outcome.win() > 0 ? 1 : 0;
                    pairs += outcome.win(0);
                    doubleSixes += outcome.triggered(0) ? 1 : 0;
                }
            }
        }
        assertEquals(rounds, s.rounds());
        assertEquals(BigInteger.valueOf(win), s.totalWin());
        assertEquals(squares, s.sumOfSquaredWins().longValueExact());
        assertEquals(hits, s.hits());
        assertEquals(List.of(BigInteger.valueOf(pairs), BigInteger.valueOf(win - pairs)), s.winByType());
        assertEquals(List.of(doubleSixes), s.featureCounts());
        assertEquals(30, s.maxWin());
    }

    /** The stake sums of a game that raises equal those of a plain loop, summed independently with BigInteger. */
    @Test
    void theStakeSumsAreThoseOfAPlainLoop() throws Exception {
        long rounds = 2L * Simulation.CHUNK_ROUNDS + 77;
        SimulationPlan plan = new SimulationPlan(rounds, 5, RandomMode.FAST, 0.99);
        Statistics s = run(RaiseDiceGame.honest(), plan, 2).statistics();

        Game game = RaiseDiceGame.honest();
        RoundOutcome outcome = RoundOutcome.forGame(game);
        BigInteger stakes = BigInteger.ZERO;
        BigInteger squaredStakes = BigInteger.ZERO;
        BigInteger products = BigInteger.ZERO;
        long win = 0;
        try (RandomMode.ChunkStreams streams = RandomMode.FAST.streams(5)) {
            for (long chunk = 0; chunk < plan.chunks(); chunk++) {
                RandomStream stream = streams.open(chunk);
                for (int i = 0; i < plan.roundsInChunk(chunk); i++) {
                    game.play(stream, outcome);
                    BigInteger stake = BigInteger.valueOf(outcome.stake());
                    stakes = stakes.add(stake);
                    squaredStakes = squaredStakes.add(stake.multiply(stake));
                    products = products.add(stake.multiply(BigInteger.valueOf(outcome.win())));
                    win += outcome.win();
                }
            }
        }
        assertEquals(BigInteger.valueOf(win), s.totalWin());
        assertEquals(stakes, s.totalStake());
        assertEquals(squaredStakes, s.sumOfSquaredStakes());
        assertEquals(products, s.sumOfWinsTimesStakes());
    }

    @Test
    void cancellingReturnsTheWholeChunksDoneMarkedPartial() throws Exception {
        SimulationPlan plan = new SimulationPlan(1L << 50, 1, RandomMode.FAST, 0.99);
        Simulation simulation = new Simulation(DiceGame.honest(), plan);
        CompletableFuture<SimulationReport> running = inBackground(simulation, 2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (simulation.snapshot().rounds() < 4L * Simulation.CHUNK_ROUNDS && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        simulation.cancel();
        SimulationReport report = running.get(30, TimeUnit.SECONDS);

        assertTrue(report.partial());
        Statistics s = report.statistics();
        assertTrue(s.rounds() >= 4L * Simulation.CHUNK_ROUNDS, "the chunks done before the cancel are kept");
        assertEquals(0, s.rounds() % Simulation.CHUNK_ROUNDS, "only whole chunks are reported");
        assertEquals(s.rounds(), s.histogram().stream().mapToLong(Long::longValue).sum());
        assertTrue(report.verdict().isPresent(), "a partial run is still judged");
    }

    @Test
    void aCancelledRunReportsTheSameChunksAsAFullRunWould() throws Exception {
        SimulationPlan plan = new SimulationPlan(1L << 50, 99, RandomMode.FAST, 0.99);
        Simulation simulation = new Simulation(DiceGame.honest(), plan);
        CompletableFuture<SimulationReport> running = inBackground(simulation, 1);
        while (simulation.snapshot().rounds() < 3L * Simulation.CHUNK_ROUNDS) {
            Thread.sleep(5);
        }
        simulation.cancel();
        Statistics partial = running.get(30, TimeUnit.SECONDS).statistics();
        // One thread takes the chunks in order, so the partial run is a prefix of whole chunks.
        Statistics prefix = run(DiceGame.honest(), new SimulationPlan(partial.rounds(), 99, RandomMode.FAST, 0.99), 2)
                .statistics();
        assertEquals(prefix, partial);
    }

    @Test
    void aFailingRoundStopsTheRunAndIsRethrown() {
        IllegalStateException failure = new IllegalStateException("reel 3: no such stop");
        AtomicLong played = new AtomicLong();
        Game failing = new DelegatingGame(DiceGame.honest()) {
            @Override
            public void play(RandomStream stream, RoundOutcome outcome) {
                if (played.incrementAndGet() == 100_000) {
                    throw failure;
                }
                super.play(stream, outcome);
            }
        };
        SimulationPlan plan = new SimulationPlan(1L << 40, 1, RandomMode.FAST, 0.99);
        assertSame(failure, assertThrows(IllegalStateException.class, () -> run(failing, plan, 2)));
    }

    @Test
    void aRoundBelowTheInitialStakeOrWithANegativeWinIsAnError() {
        Game lowStake = new DelegatingGame(DiceGame.honest()) {
            @Override
            public void play(RandomStream stream, RoundOutcome outcome) {
                super.play(stream, outcome);
                outcome.addStake(-1);
            }
        };
        SimulationPlan plan = new SimulationPlan(1000, 1, RandomMode.FAST, 0.99);
        assertEquals("two-dice: a round staked 9, less than the initial stake 10",
                assertThrows(IllegalStateException.class, () -> run(lowStake, plan, 1)).getMessage());
        Game negative = new ScriptedGame(10, 5, -3);
        assertEquals("scripted: a round won -3, a win must not be negative",
                assertThrows(IllegalStateException.class, () -> run(negative, plan, 1)).getMessage());
    }

    @Test
    void aGameWithoutExactFiguresHasNoVerdict() throws Exception {
        SimulationReport report = run(DiceGame.withoutExactFigures(),
                new SimulationPlan(10_000, 3, RandomMode.FAST, 0.99), 1);
        assertTrue(report.exactFigures().isEmpty());
        assertTrue(report.verdict().isEmpty());
    }

    @Test
    void aSimulationRunsOnce() throws Exception {
        Simulation simulation = new Simulation(DiceGame.honest(), new SimulationPlan(10, 3, RandomMode.FAST, 0.99));
        simulation.run(1);
        assertThrows(IllegalStateException.class, () -> simulation.run(1));
    }

    @Test
    void plansRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new SimulationPlan(0, 1, RandomMode.FAST, 0.99));
        assertThrows(IllegalArgumentException.class, () -> new SimulationPlan(1, 1, RandomMode.FAST, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new SimulationPlan(1, 1, RandomMode.FAST, 0));
        assertThrows(IllegalArgumentException.class, () -> new SimulationPlan(1, 1, null, 0.5));
        assertEquals(2, new SimulationPlan(Simulation.CHUNK_ROUNDS + 1, 1, RandomMode.FAST, 0.5).chunks());
        assertEquals(1, new SimulationPlan(Simulation.CHUNK_ROUNDS, 1, RandomMode.FAST, 0.5).chunks());
    }
}

package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.WinDistribution;
import io.fairspin.rng.RandomStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * A slot's verdict tests its win distribution too: the chi-square of every award's frequency (binned tails,
 * rounds with a feature as one category) against the exact distribution counted as the PAR sheet counts.
 */
class SlotWinDistributionTest {
    /** A correct slot: the chi-square is part of the verdict and fails no more often than its level says. */
    @Test
    void aCorrectSlotPassesItsDistributionTestAsOftenAsStated() throws Exception {
        int seeds = 60;
        int rejected = rejectedAtTenPercent(ExampleModels.load("sizzling-hot.json"), seeds, 100_000);
        // At level 0.10 a correct game rejects Binomial(60, 0.10) times: 14 or more has probability below 0.005.
        assertTrue(rejected <= 13, rejected + " of " + seeds + " chi-square tests rejected at 0.10");
    }

    /**
     * Runs {@code game} on seeds 1 to {@code seeds} at confidence 0.90; every verdict tests the awards on more
     * than 5 classes, with no unlisted win. Returns how many chi-square tests had a p-value of at most 0.10.
     */
    private static int rejectedAtTenPercent(Game game, int seeds, long rounds) throws InterruptedException {
        int rejected = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            Verdict verdict = new Simulation(game, new SimulationPlan(rounds, seed, RandomMode.FAST, 0.90)).run(2)
                    .verdict().orElseThrow();
            assertEquals(List.of("rtp", "hitFrequency", "winDistribution"),
                    verdict.tests().stream().map(Verdict.Test::name).toList());
            ChiSquare chi = verdict.chiSquare().orElseThrow();
            assertEquals(0, chi.unlisted());
            assertTrue(chi.categories() > 5, "categories: " + chi.categories());
            rejected += chi.pValue() <= 0.10 ? 1 : 0;
        }
        return rejected;
    }

    /** A slot with free games: the feature rounds are a category, and a seeded run passes. */
    @Test
    void featureRoundsAreOneCategory() throws Exception {
        Game game = ExampleModels.load("lucky-wilds.json");
        SimulationReport report = new Simulation(game, new SimulationPlan(400_000, 3, RandomMode.FAST, 0.99)).run(2);
        ChiSquare chi = report.verdict().orElseThrow().chiSquare().orElseThrow();
        assertEquals(0, chi.unlisted());
        long featureRounds = report.statistics().winCounts().get(chi.awards());
        assertEquals(report.statistics().featureCounts().get(0), featureRounds);
        assertTrue(report.verdict().orElseThrow().passed(), report.verdict().toString());
    }

    /**
     * Negative control: Sizzling Hot whose rounds that win {@code middle} pay {@code middle - d} or
     * {@code middle + d} instead, half each (one extra draw): return and hit frequency stay as they were in
     * expectation, so the z-tests have nothing to see, but the distribution moved. Its verdict must fail on
     * the chi-square in every seed.
     */
    @Test
    void aPerturbedDistributionIsRejected() throws Exception {
        assertEverySeedFails(ExampleModels.load("sizzling-hot.json"));
    }

    /**
     * The negative control of {@code honest}: its most likely win with listed neighbours split by a coin
     * ({@link Splitting}) fails the awards' test, and so the verdict, on each of 5 seeds of 10^6 rounds.
     */
    private static void assertEverySeedFails(Game honest) throws InterruptedException {
        assertEverySeedFails(honest, 1_000_000);
    }

    /** {@link #assertEverySeedFails(Game)} on seeds of {@code rounds} rounds. */
    private static void assertEverySeedFails(Game honest, long rounds) throws InterruptedException {
        SortedMap<Long, Fraction> wins = ((WinDistribution) honest).winDistribution().orElseThrow();
        long[] split = split(wins);
        Game perturbed = new Splitting(honest, split[0], split[1]);
        for (int seed = 1; seed <= 5; seed++) {
            Verdict verdict = new Simulation(perturbed, new SimulationPlan(rounds, seed, RandomMode.FAST, 0.99))
                    .run(2).verdict().orElseThrow();
            Verdict.Test chi = verdict.tests().get(2);
            assertEquals("winDistribution", chi.name());
            assertTrue(chi.rejected(), "seed " + seed + ": " + verdict);
            assertFalse(verdict.passed());
            assertEquals(0, verdict.chiSquare().orElseThrow().unlisted(), "the split pays listed wins only");
        }
    }

    /**
     * A small game with random reel heights (Megaways-style, within {@code RoundWins.HEIGHTS_BUDGET}): its
     * verdict tests the awards too, a correct game rejects at 0.10 no more often than the level says, and
     * the same negative control as above (wins moved by a coin, RTP and hit rate kept) fails every seed.
     */
    @Test
    void aSmallGameWithRandomReelHeightsIsTestedOnItsAwards() throws Exception {
        Game game = io.fairspin.math.GameModels.load("mini-megaways.json", """
            {"type": "slot", "id": "mini-megaways-3", "rows": 3, "ways": true,
             "symbols": ["wild", "star", "a", "b", "c", "d"],
             "wilds": [{"symbol": "wild"}],
             "reelSets": {"base": [["a", "b", "c", "d", "star", "a", "c", "d"],
                                   ["b", "wild", "a", "d", "c", "b", "star", "d"],
                                   ["c", "a", "d", "b", "star", "c", "a", "b"]]},
             "baseReels": "base",
             "reelHeights": [{"values": [1, 2, 3], "weights": [1, 2, 1]}, {"values": [2, 3], "weights": [1, 1]},
                             {"values": [1, 2, 3], "weights": [2, 1, 1]}],
             "pays": [{"symbol": "a", "pays": [0, 2, 5]}, {"symbol": "b", "pays": [0, 1, 4]},
                      {"symbol": "c", "pays": [0, 1, 3]}, {"symbol": "d", "pays": [0, 0, 2]}],
             "scatters": [{"symbol": "star", "count": "per-symbol", "pays": [0, 2, 10]}],
             "bet": {"lineBet": 1, "lines": 10}}""".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int seeds = 40;
        int rejected = rejectedAtTenPercent(game, seeds, 50_000);
        // At level 0.10 a correct game rejects Binomial(40, 0.10) times: 11 or more has probability below 0.005.
        assertTrue(rejected <= 10, rejected + " of " + seeds + " chi-square tests rejected at 0.10");
        assertEverySeedFails(game);
    }

    /**
     * A cascading game (Tumbling Ways: ways, growing multipliers, free games) states its win distribution from the
     * count of every base stop combination: its verdict tests the awards, a correct game rejects at 0.10 no more
     * often than stated, and the negative control fails every seed.
     */
    @Test
    void aCascadingGameIsTestedOnItsAwards() throws Exception {
        Game game = ExampleModels.load("tumbling-ways.json");
        int seeds = 30;
        int rejected = rejectedAtTenPercent(game, seeds, 40_000);
        // At level 0.10 a correct game rejects Binomial(30, 0.10) times: 9 or more has probability below 0.008.
        assertTrue(rejected <= 8, rejected + " of " + seeds + " chi-square tests rejected at 0.10");
        assertEverySeedFails(game, 300_000);
    }

    /** The most likely win w > 0 that has listed wins w − d > 0 and w + d: {w, d}. */
    private static long[] split(SortedMap<Long, Fraction> wins) {
        long best = -1;
        long bestD = 0;
        double bestP = 0;
        for (Map.Entry<Long, Fraction> e : wins.entrySet()) {
            long w = e.getKey();
            for (long lower : wins.keySet()) {
                long d = w - lower;
                if (lower > 0 && d > 0 && wins.containsKey(w + d) && e.getValue().doubleValue() > bestP) {
                    best = w;
                    bestD = d;
                    bestP = e.getValue().doubleValue();
                }
            }
        }
        assertTrue(best > 0 && bestP > 0.001, "no win to split");
        return new long[] {best, bestD};
    }

    /** A game that plays another and moves the wins of {@code middle} by ±{@code d}, by a coin from the stream. */
    private static final class Splitting extends DelegatingGame implements WinDistribution {
        private final Game game;
        private final long middle;
        private final long d;

        Splitting(Game game, long middle, long d) {
            super(game);
            this.game = game;
            this.middle = middle;
            this.d = d;
        }

        @Override
        public void play(RandomStream stream, RoundOutcome outcome) {
            game.play(stream, outcome);
            if (outcome.win() == middle) {
                outcome.addWin(0, stream.nextInt(2) == 0 ? -d : d);
            }
        }

        @Override
        public Optional<SortedMap<Long, Fraction>> winDistribution() {
            return ((WinDistribution) game).winDistribution();
        }

        @Override
        public Fraction featureRounds() {
            return ((WinDistribution) game).featureRounds();
        }
    }
}

package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.AwardOccurrences;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verdict of a game that cannot state its exact win distribution but counts its pay-table awards (Mega
 * Dragon, past the counting budget of random reel heights; Coin Rush, a hold-and-win game) tests each award's
 * occurrences against its exact expectation ({@link AwardOccurrenceTest}).
 */
class AwardOccurrenceVerdictTest {
    /** Mega Dragon's verdict has the awards' test, and a correct game rejects at 0.10 no more often than stated. */
    @Test
    void aCorrectMegawaysGameRejectsAsOftenAsStated() throws Exception {
        int seeds = 40;
        int rejected = rejectedAtTenPercent(ExampleModels.load("mega-dragon.json"), seeds, 50_000);
        // At level 0.10 a correct game rejects Binomial(40, 0.10) times: 11 or more has probability below 0.005.
        assertTrue(rejected <= 10, rejected + " of " + seeds + " award tests rejected at 0.10");
    }

    /** Coin Rush's base spin's awards are tested the same way. */
    @Test
    void aCorrectHoldAndWinGameRejectsAsOftenAsStated() throws Exception {
        int seeds = 40;
        int rejected = rejectedAtTenPercent(ExampleModels.load("coin-rush.json"), seeds, 50_000);
        assertTrue(rejected <= 10, rejected + " of " + seeds + " award tests rejected at 0.10");
    }

    /**
     * Negative control: Mega Dragon with one K of its third reel made an A. A and K pay alike, so the return moves by
     * little (about 1.3% of itself, through the ways an A run gains); the awards of A and K move more. Played and judged against
     * the honest game's expected occurrences, the awards' test rejects at 0.01 on every one of 5 seeds of 10^5
     * rounds.
     */
    @Test
    void anAwardThatOccursTooOftenIsRejected() throws Exception {
        Path file = Path.of(System.getProperty("fairspin.root", "..")).resolve("examples").resolve("mega-dragon.json");
        String honestText = Files.readString(file);
        String reel = "[\"A\", \"dragon\", \"K\", \"koi\"";
        assertEquals(1, honestText.split(java.util.regex.Pattern.quote(reel), -1).length - 1);
        Game honest = GameModels.load(file);
        Game moved = GameModels.load("mega-dragon-moved.json",
                honestText.replace(reel, "[\"A\", \"dragon\", \"A\", \"koi\"").getBytes(StandardCharsets.UTF_8));
        double honestRtp = honest.exactFigures().orElseThrow().rtp().doubleValue();
        double movedRtp = moved.exactFigures().orElseThrow().rtp().doubleValue();
        assertTrue(Math.abs(movedRtp / honestRtp - 1) < 0.02, honestRtp + " against " + movedRtp);
        AwardOccurrences awards = (AwardOccurrences) honest;
        List<Fraction> expected = awards.occurrencesPerRound().orElseThrow();
        for (int seed = 1; seed <= 5; seed++) {
            Statistics played = new Simulation(moved, new SimulationPlan(100_000, seed, RandomMode.FAST, 0.99))
                    .run(2).statistics();
            AwardOccurrenceTest test = AwardOccurrenceTest.of(played.rounds(), awards.awards(), expected,
                    played.awardOccurrences(), played.awardSquares());
            assertTrue(test.pValue() <= 0.01, "seed " + seed + ": " + test);
            assertTrue(test.award().startsWith("A ") || test.award().startsWith("K "), test.toString());
            System.out.println("mega-dragon with a K made an A, seed " + seed + ": " + test);
        }
    }

    /** The Poisson p-value is the sum of the probabilities, checked against a direct sum of the mass function. */
    @Test
    void thePoissonTailIsTheSumOfItsTerms() {
        double mean = 12.5;
        for (long k : new long[] {0, 3, 12, 13, 25, 40}) {
            double below = 0;
            double term = Math.exp(-mean);
            for (long i = 0; i <= k; i++) {
                below += term;
                term *= mean / (i + 1);
            }
            double atOrAbove = 1 - below + Math.exp(-mean) * Math.pow(mean, k) / factorial(k);
            double direct = Math.min(1, 2 * Math.min(below, atOrAbove));
            assertEquals(direct, AwardOccurrenceTest.poissonTwoSided(k, mean), 1e-12 + 1e-9 * direct, "k = " + k);
        }
    }

    /** A test with no award expected often enough tests nothing and is left out of the verdict. */
    @Test
    void tooFewRoundsTestNothing() {
        AwardOccurrenceTest test = AwardOccurrenceTest.of(100, List.of("x"), List.of(Fraction.of(1, 1000)),
                List.of(0L), List.of(0L));
        assertEquals(0, test.awardsTested());
        assertEquals(1, test.pValue());
    }

    private static double factorial(long k) {
        double f = 1;
        for (long i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }

    /** Runs {@code game} on seeds 1 to {@code seeds} at 0.90; returns how many award tests had p at most 0.10. */
    private static int rejectedAtTenPercent(Game game, int seeds, long rounds) throws InterruptedException {
        int rejected = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            Verdict verdict = new Simulation(game, new SimulationPlan(rounds, seed, RandomMode.FAST, 0.90)).run(2)
                    .verdict().orElseThrow();
            assertEquals(List.of("rtp", "hitFrequency", "awardOccurrences"),
                    verdict.tests().stream().map(Verdict.Test::name).toList());
            AwardOccurrenceTest test = verdict.awardOccurrences().orElseThrow();
            assertTrue(test.awardsTested() >= 10, "awards tested: " + test.awardsTested());
            rejected += test.pValue() <= 0.10 ? 1 : 0;
        }
        System.out.println(game.id() + ": " + rejected + " of " + seeds + " award tests rejected at 0.10");
        return rejected;
    }
}

package io.fairspin.math.table;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.RoundOutcome;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Blackjack's house edge under the derived basic strategy by simulating 10^8 rounds of the example
 * model on all processors, with its 95% confidence interval. Run with {@code mvn -Plong}.
 */
@Tag("long")
class BlackjackHouseEdgeLongTest {
    private static final long ROUNDS = 100_000_000L;
    private static final int SLICES = 100;

    @Test
    void houseEdgeOfTheExampleRules() {
        Blackjack game = (Blackjack) References.load("blackjack.json");
        game.strategy();
        double[][] sums = IntStream.range(0, SLICES).parallel().mapToObj(slice -> {
            RoundOutcome outcome = RoundOutcome.forGame(game);
            SeededStream stream = new SeededStream(1_000_003L * slice + 17);
            double sum = 0;
            double sumSquares = 0;
            for (long i = 0; i < ROUNDS / SLICES; i++) {
                game.play(stream, outcome);
                double net = (double) (outcome.win() - outcome.stake()) / game.stake();
                sum += net;
                sumSquares += net * net;
            }
            return new double[] {sum, sumSquares};
        }).toArray(double[][]::new);
        double sum = 0;
        double sumSquares = 0;
        for (double[] s : sums) {
            sum += s[0];
            sumSquares += s[1];
        }
        double mean = sum / ROUNDS;
        double halfWidth = 1.96 * Math.sqrt((sumSquares / ROUNDS - mean * mean) / ROUNDS);
        double computed = game.strategy().roundValue();
        System.out.printf("blackjack %s: %d rounds, house edge %.6f +- %.6f (95%%), computed best-first-decision"
                + " value %.6f%n", game.id(), ROUNDS, -mean, halfWidth, computed);
        assertTrue(Math.abs(mean - computed) <= halfWidth + 0.001, "simulated " + mean + " vs computed " + computed);
    }
}

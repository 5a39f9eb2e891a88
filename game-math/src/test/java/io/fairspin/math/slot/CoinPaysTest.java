package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Bet;
import io.fairspin.math.Fraction;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.DrbgStream;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-coin pay tables ({@code coinPays}): {@code examples/red-white-blue.json} pays its red-white-blue line
 * 2,500 for one coin, 5,000 for two and 10,000 (not 3 x 2,500) for three.
 *
 * <p>The exact RTP at each number of coins is checked against an independent computation written here from
 * the model's pay table alone: every one of the 5 x 5 x 5 stop combinations of the three weighted reels
 * (weights 1, 3, 4, 10, 46 of red7, white7, blue7, bar, blank; one row, one line), its pay by the rule
 * "a line pays its highest pay" over the sequence pay, the three-of-a-kind pays and the any-seven pay, the
 * sequence taken from the coin table, every other pay times the coins; RTP = sum of weight x pay over
 * (64^3 x coins), in exact integers.
 */
class CoinPaysTest {
    private static final String[] SYMBOLS = {"red7", "white7", "blue7", "bar", "blank"};
    private static final long[] WEIGHTS = {1, 3, 4, 10, 46};
    private static final long[] THREE_OF_A_KIND = {1000, 200, 150, 50, 1};
    private static final long[] SEQUENCE_BY_COINS = {0, 2500, 5000, 10000};

    /** The pay of one line in coin values at {@code coins}: the independent evaluator. */
    static long pay(int a, int b, int c, int coins) {
        long best = 0;
        if (a == 0 && b == 1 && c == 2) {
            best = Math.max(best, SEQUENCE_BY_COINS[coins]);
        }
        if (a == b && b == c) {
            best = Math.max(best, THREE_OF_A_KIND[a] * coins);
        }
        if (a < 3 && b < 3 && c < 3) {
            best = Math.max(best, 50L * coins);
        }
        return best;
    }

    static Fraction independentRtp(int coins) {
        BigInteger total = BigInteger.ZERO;
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                for (int c = 0; c < 5; c++) {
                    total = total.add(BigInteger.valueOf(WEIGHTS[a] * WEIGHTS[b] * WEIGHTS[c] * pay(a, b, c, coins)));
                }
            }
        }
        return Fraction.of(total, BigInteger.valueOf(64L * 64 * 64 * coins));
    }

    @Test
    void theExactRtpAtEachNumberOfCoinsMatchesTheIndependentCount() {
        SlotGame game = Examples.slot("red-white-blue.json");
        assertEquals(5, SYMBOLS.length);
        for (int coins = 1; coins <= 3; coins++) {
            Fraction exact = game.exactFigures(Bet.lines(1, 25, coins)).orElseThrow().rtp();
            assertEquals(independentRtp(coins), exact, coins + " coins");
        }
        assertEquals(independentRtp(1), independentRtp(2));
        assertTrue(independentRtp(3).compareTo(independentRtp(1)) > 0);
        // The difference is exactly the extra 2,500 coins of the top award, per coin staked:
        // P(red7, white7, blue7) = 1 x 3 x 4 / 64^3, times (10,000 - 7,500) / 3.
        assertEquals(Fraction.of(12L * 2500, 64L * 64 * 64 * 3), independentRtp(3).subtract(independentRtp(1)));
    }

    /**
     * The sheet's "Maximum win by coins" against the independent evaluator: the model has no free games, bonus, scatter
     * or cap, so at c coins its maximum win is the largest line pay over the 5 x 5 x 5 stop combinations (every symbol
     * has a positive weight), in coin values, over the stake of its one line at c coins: 2,500 at one and two coins,
     * 10,000 / 3 at three (the sheet's maximum win leaves out the gamble, a double-up the player chooses after a win:
     * the summary's is 2,500 at one coin). Classic Sevens, without coin pays, has its one-coin maximum at every count.
     */
    @Test
    void theMaximumWinAtEachNumberOfCoinsIsTheLargestPayOverTheStake() {
        AnalysisReport.Table table = maxWinByCoins("red-white-blue.json");
        assertEquals(3, table.rows().size(), table.rows().toString());
        for (int coins = 1; coins <= 3; coins++) {
            long largest = 0;
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b < 5; b++) {
                    for (int c = 0; c < 5; c++) {
                        largest = Math.max(largest, pay(a, b, c, coins));
                    }
                }
            }
            String bet = "1 line, " + coins + (coins == 1 ? " coin (standard)" : " coins");
            assertEquals(List.of(AnalysisReport.Cell.text(bet), AnalysisReport.Cell.exact(Fraction.of(largest, coins))),
                    table.rows().get(coins - 1));
        }
        assertEquals(AnalysisReport.Cell.exact(Fraction.of(10_000, 3)), table.rows().get(2).get(1));
        for (List<AnalysisReport.Cell> row : maxWinByCoins("classic-sevens.json").rows()) {
            assertEquals(AnalysisReport.Cell.exact(Fraction.of(1150)), row.get(1), "red7 x3 pays 1,150 a coin");
        }
    }

    private static AnalysisReport.Table maxWinByCoins(String model) {
        return Examples.slot(model).analyze().tables().stream().filter(t -> t.title().equals("Maximum win by coins"))
                .findFirst().orElseThrow();
    }

    @Test
    void threeCoinsPayTenThousandForTheTopAwardNotThreeTimesTwentyFiveHundred() {
        SlotGame game = Examples.slot("red-white-blue.json");
        Bet bet = Bet.lines(1, 25, 3);
        RoundOutcome outcome = RoundOutcome.forGame(game);
        int top = 0;
        try (DrbgStream stream = PlayTest.stream(77)) {
            for (int i = 0; i < 200_000; i++) {
                game.play(bet, stream, outcome);
                assertEquals(75, outcome.stake());
                assertTrue(outcome.win() != 3 * 2500 * 25, "paid three times the one-coin award");
                if (outcome.win() == 10_000 * 25) {
                    top++;
                }
            }
        }
        assertTrue(top > 0, "the top award occurred (expected about 9 times in 200,000 rounds)");
    }
}

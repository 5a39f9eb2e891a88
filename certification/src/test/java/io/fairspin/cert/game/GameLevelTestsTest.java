package io.fairspin.cert.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.cert.TestGenerators;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.RandomStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The game-level tests over a game's rounds, with a small stand-in game: three reels and a deal from one deck. */
class GameLevelTestsTest {

    /** Reel stops drawn by derivation v1; optionally the third reel lands on stop 0 twice as often as it should. */
    private static RoundOutcomeSource game(long seed, boolean skewedThirdReel) {
        RandomStream stream = TestGenerators.drbg(DrbgMechanism.CTR_AES256, seed);
        return new RoundOutcomeSource() {
            @Override
            public List<Draw> draws() {
                return List.of(new Draw("reel 1", 32), new Draw("reel 2", 30), new Draw("reel 3", 34));
            }

            @Override
            public List<Shuffle> shuffles() {
                return List.of(new Shuffle("deck", 52));
            }

            @Override
            public void nextRound(long[] draws, int[][] orders) {
                draws[0] = stream.nextLong(32);
                draws[1] = stream.nextLong(30);
                long third = stream.nextLong(34);
                draws[2] = skewedThirdReel && third == 1 && stream.nextBoolean() ? 0 : third;
                for (int i = 0; i < 52; i++) {
                    orders[0][i] = i;
                }
                stream.shuffle(orders[0]);
            }
        };
    }

    @Test
    void everyDrawAndShuffleIsTestedUnderItsName() {
        List<GameTestResult> results = GameLevelTests.run(game(1, false), 20_000);
        assertEquals(3 * 7 + 1, results.size());
        assertEquals("reel 1: frequency", results.get(0).name());
        assertEquals("deck: card positions", results.get(results.size() - 1).name());
    }

    @Test
    void aSkewedReelFailsTheSummary() {
        GameTestSummary summary = GameTestSummary.of(GameLevelTests.run(game(2, true), 100_000), 0.01);
        assertFalse(summary.passed());
        int frequency = summary.results().stream().map(GameTestResult::name).toList().indexOf("reel 3: frequency");
        assertTrue(summary.adjusted().get(frequency) < 0.01);
    }
}

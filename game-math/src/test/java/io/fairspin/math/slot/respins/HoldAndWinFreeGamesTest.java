package io.fairspin.math.slot.respins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.DrbgStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Free games in a hold-and-win model: the base spin awards free games as in any slot (played right after it), and
 * its coins start the hold-and-win feature. Exact figures against {@link NaiveHoldAndWin} (every base stop, every
 * free-reel stop of every free game by convolution, every landing pattern and value; free games without
 * retriggers, which the brute force does not play); with retriggers, the simulation against the exact figures.
 */
class HoldAndWinFreeGamesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The mini game with 2 free games at x2 for a star, on their own reels (a star on the last only: 2/3 retriggers per game). */
    static String withFreeGames(String model, boolean retrigger) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(model);
        ((ObjectNode) root.get("reelSets")).set("free", JSON.readTree(
                "[[\"a\", \"b\", \"c\", \"a\", \"b\"], [\"c\", \"a\", \"b\", \"b\"], [\"b\", \"a\", \"c\", \"star\", \"a\", \"c\"]]"));
        root.set("freeGames", JSON.readTree("{\"scatter\": \"star\", \"spins\": [2], \"reels\": \"free\", \"multiplier\": 2,"
                + " \"retrigger\": " + retrigger + "}"));
        return root.toString();
    }

    private static void assertExactEqualsBruteForce(String model) throws Exception {
        Game game = HoldAndWinTest.load(model);
        Fraction[] expected = new NaiveHoldAndWin(JSON.readTree(model)).figures();
        ExactFigures exact = game.exactFigures().orElseThrow();
        assertEquals(List.of("line", "scatter", "free-games", "hold-and-win", "grand"), game.winTypes());
        assertEquals(List.of("free-games", "hold-and-win"), game.features());
        assertEquals(expected[0], exact.rtp(), "RTP");
        assertEquals(expected[1], exact.hitFrequency(), "hit frequency");
        assertEquals(expected[2], exact.variance(), "variance");
        assertEquals(List.of(expected[9], expected[3]), exact.featureFrequencies(), "free games, hold-and-win frequency");
        assertEquals(List.of(expected[4], expected[5], expected[8], expected[6], expected[7]), exact.rtpByWinType(),
                "RTP by win type");
        assertTrue(expected[8].signum() > 0, "the free games pay");
    }

    @Test
    void exactFiguresEqualABruteForce() throws Exception {
        assertExactEqualsBruteForce(withFreeGames(HoldAndWinTest.MINI, false));
        assertExactEqualsBruteForce(withFreeGames(HoldAndWinTest.edit(HoldAndWinTest.MINI, "landing",
                CellLandingTest.EVERY_CELL), false));
        assertExactEqualsBruteForce(withFreeGames(HoldAndWinTest.edit(HoldAndWinTest.MINI, "trigger", "2"), false));
        // A star that pays nothing: a round whose base spin pays nothing may still win in its free games.
        assertExactEqualsBruteForce(withFreeGames(HoldAndWinTest.MINI.replace("\"pays\": [3]", "\"pays\": [0]"), false));
    }

    /** The fast path and the recorded path draw the same and pay the same, free games included; a replay is the same. */
    @Test
    void recordedRoundsMatchTheSimulationPath() throws Exception {
        Game game = HoldAndWinTest.load(withFreeGames(HoldAndWinTest.MINI, true));
        RoundOutcome outcome = RoundOutcome.forGame(game);
        int both = 0;
        try (DrbgStream a = HoldAndWinTest.stream(9); DrbgStream b = HoldAndWinTest.stream(9)) {
            for (int i = 0; i < 4000; i++) {
                game.play(a, outcome);
                PlayedRound recorded = game.playRecorded(b);
                assertEquals(outcome, recorded.outcome(), "round " + i);
                JsonNode detail = JSON.readTree(recorded.detail());
                assertEquals(outcome.triggered(0), detail.get("base").get("spins").size() > 1, "round " + i);
                both += outcome.triggered(0) && outcome.triggered(1) ? 1 : 0;
            }
        }
        assertTrue(both > 0, "rounds with both features: " + both);
    }

    /**
     * With retriggers: 400,000 seeded rounds against the exact figures, RTP within 5 standard errors and both feature
     * frequencies within 5 binomial standard errors (each P < 1e-6 by chance). Negative control: the exact RTP of the
     * same model without retriggers is more than 10 standard errors away.
     */
    @Test
    void withRetriggersTheSimulationAgreesWithTheExactFigures() throws Exception {
        Game game = HoldAndWinTest.load(withFreeGames(HoldAndWinTest.MINI, true));
        ExactFigures exact = game.exactFigures().orElseThrow();
        int rounds = 400_000;
        RoundOutcome outcome = RoundOutcome.forGame(game);
        double total = 0;
        long[] triggered = new long[2];
        try (DrbgStream stream = HoldAndWinTest.stream(23)) {
            for (int i = 0; i < rounds; i++) {
                game.play(stream, outcome);
                total += outcome.win() / (double) outcome.stake();
                for (int f = 0; f < 2; f++) {
                    triggered[f] += outcome.triggered(f) ? 1 : 0;
                }
            }
        }
        double se = Math.sqrt(exact.variance().doubleValue() / rounds);
        assertEquals(exact.rtp().doubleValue(), total / rounds, 5 * se);
        for (int f = 0; f < 2; f++) {
            double p = exact.featureFrequencies().get(f).doubleValue();
            assertEquals(p, triggered[f] / (double) rounds, 5 * Math.sqrt(p * (1 - p) / rounds), "feature " + f);
        }
        double without = HoldAndWinTest.load(withFreeGames(HoldAndWinTest.MINI, false)).exactFigures().orElseThrow()
                .rtp().doubleValue();
        assertTrue(Math.abs(without - total / rounds) > 10 * se, without + " vs " + total / rounds);
    }
}

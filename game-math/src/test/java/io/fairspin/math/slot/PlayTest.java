package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import io.fairspin.rng.RandomStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Playing rounds: certified streams, the fast and the recorded path agree, replay, the documented draw order. */
class PlayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> models() {
        return Examples.slotModels().stream();
    }

    /** A deterministic CTR_DRBG round stream, as a server derives one per round. */
    static DrbgStream stream(int seed) {
        byte[] entropy = new byte[32];
        ByteBuffer.wrap(entropy).putInt(seed);
        return new DrbgStream(DrbgMechanism.CTR_AES256.instantiate(entropy, new byte[16], null), 4096);
    }

    static Game load(Path file) throws Exception {
        return GameModels.load(file);
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyExamplePlaysFromACertifiedGenerator(Path file) throws Exception {
        Game game = load(file);
        RoundOutcome outcome = RoundOutcome.forGame(game);
        try (CertifiedRandom rng = CertifiedRandom.builder().build()) {
            for (int i = 0; i < 2000; i++) {
                game.play(rng, outcome);
                assertEquals(game.stake(), outcome.stake());
                assertTrue(outcome.win() >= 0);
            }
            PlayedRound round = game.playRecorded(rng);
            assertEquals(game.stake(), round.outcome().stake());
            assertTrue(round.detail().contains("\"spins\""), round.detail());
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void recordedRoundsMatchTheFastPathDrawForDraw(Path file) throws Exception {
        Game game = load(file);
        assertSamePaths(game, 3000);
    }

    @Test
    void recordedRoundsMatchTheFastPathOnTheSmallTestGames() throws Exception {
        for (String model : List.of(ExactAnalysisTest.SMALL_FREE_GAMES, ExactAnalysisTest.SMALL_FREE_GAMES_AND_BONUS,
                ExactAnalysisTest.SMALL_BOTH_WAYS)) {
            assertSamePaths(GameModels.load("test", model.getBytes(StandardCharsets.UTF_8)), 5000);
        }
    }

    static void assertSamePaths(Game game, int rounds) {
        try (DrbgStream fast = stream(7); DrbgStream recorded = stream(7)) {
            RoundOutcome outcome = RoundOutcome.forGame(game);
            for (int i = 0; i < rounds; i++) {
                game.play(fast, outcome);
                RoundOutcome logged = game.playRecorded(recorded).outcome();
                for (int t = 0; t < outcome.winTypeCount(); t++) {
                    assertEquals(outcome.win(t), logged.win(t), game.id() + " round " + i + " win type " + t);
                }
                for (int f = 0; f < outcome.featureCount(); f++) {
                    assertEquals(outcome.triggered(f), logged.triggered(f), game.id() + " round " + i + " feature " + f);
                }
            }
            assertEquals(fast.nextLong(), recorded.nextLong(), "both paths consumed the same bytes");
        }
    }

    @Test
    void aRoundReplaysToTheSameDetail() throws Exception {
        Game game = load(Examples.example("lucky-wilds.json"));
        for (int seed = 0; seed < 50; seed++) {
            try (DrbgStream a = stream(seed); DrbgStream b = stream(seed)) {
                assertEquals(game.playRecorded(a).detail(),
                        game.playRecorded(b).detail());
            }
        }
    }

    /**
     * Derivation v1 draw order (docs/model-format.md): one uniform(reel length) per reel, reel 1 first,
     * then the window rows show strip[stop], strip[stop + 1], ... A stream scripted to give stops 3, 0, 24,
     * 12, 7 must show exactly those stops.
     */
    @Test
    void stopsAreDrawnReelByReelWithUniformOfTheReelLength() throws Exception {
        SlotGame game = Examples.slot("sizzling-hot.json");
        int[] stops = {3, 0, 24, 12, 7};
        SpinResult result = game.play(new SlotGame.Bet(game.model.lineBet(), game.model.lines()), new ScriptedStream(25, stops));
        SpinResult.Spin spin = result.spins().get(0);
        assertEquals(List.of(3, 0, 24, 12, 7), spin.stops());
        NaiveSlot naive = new NaiveSlot(Examples.example("sizzling-hot.json"));
        String[][] window = naive.window(naive.strips("base"), stops);
        for (int row = 0; row < 3; row++) {
            assertEquals(List.of(window[row]), spin.window().get(row));
        }
        assertEquals(naive.lineWinAndBonuses(window)[0] * game.model.lineBet()
                + naive.scatterPay(0, naive.scatterCounts(window)[0]) * game.stake(), result.win());
    }

    /** Another wager plays the first lines at its line bet; scatters pay times its total bet. */
    @Test
    void aWagerOtherThanTheStandardOnePlaysItsLinesAtItsBet() throws Exception {
        SlotGame game = Examples.slot("sizzling-hot.json");
        NaiveSlot naive = new NaiveSlot(Examples.example("sizzling-hot.json"));
        SlotGame.Bet bet = new SlotGame.Bet(3, 2);
        java.util.Random random = new java.util.Random(5);
        for (int round = 0; round < 300; round++) {
            int[] stops = random.ints(5, 0, 25).toArray();
            String[][] window = naive.window(naive.strips("base"), stops);
            long expected = naive.scatterPay(0, naive.scatterCounts(window)[0]) * bet.stake();
            for (int line = 0; line < 2; line++) {
                String[] symbols = new String[5];
                for (int r = 0; r < 5; r++) {
                    symbols[r] = window[naive.model.get("paylines").get(line).get(r).asInt()][r];
                }
                expected += naive.lineCredits(symbols) * bet.lineBet();
            }
            SpinResult result = game.play(bet, new ScriptedStream(25, stops));
            assertEquals(expected, result.win(), java.util.Arrays.toString(stops));
            assertEquals(6, result.stake());
        }
    }

    /** Words that make uniform(n) return the given values: x = ceil(v * 2^32 / n) + 1 is accepted and maps to v. */
    static final class ScriptedStream extends RandomStream {
        private final int[] values;
        private final long n;
        private int next;

        ScriptedStream(long n, int... values) {
            super(4);
            this.n = n;
            this.values = values;
        }

        @Override
        protected void nextBlock(byte[] destination, int offset) {
            long v = values[next++ % values.length];
            long word = ((v << 32) + n - 1) / n + 1;
            ByteBuffer.wrap(destination, offset, 4).putInt((int) word);
        }
    }

    /** The fast path's averages agree with the exact figures: 5 standard errors, seeded (fails with P < 1e-6). */
    @Test
    void simulatedReturnAgreesWithTheExactRtp() throws Exception {
        SlotGame game = Examples.slot("sizzling-hot.json");
        ExactFigures exact = game.exactFigures().orElseThrow();
        RoundOutcome outcome = RoundOutcome.forGame(game);
        int rounds = 300_000;
        double total = 0;
        long hits = 0;
        try (DrbgStream stream = stream(11)) {
            for (int i = 0; i < rounds; i++) {
                game.play(stream, outcome);
                total += (double) outcome.win() / outcome.stake();
                hits += outcome.win() > 0 ? 1 : 0;
            }
        }
        double rtpError = 5 * exact.standardDeviation() / Math.sqrt(rounds);
        assertEquals(exact.rtp().doubleValue(), total / rounds, rtpError);
        double p = exact.hitFrequency().doubleValue();
        assertEquals(p, (double) hits / rounds, 5 * Math.sqrt(p * (1 - p) / rounds));
    }
}

package io.fairspin.cert.game;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fairspin.cert.TestGenerators;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.WeightedTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The game-level tests on a game model: the recording stream changes nothing the game draws, records
 * every draw as drawn, and the tests accept the DRBG on example games and reject a biased stream.
 */
class GameDrawsTest {
    private static final String SYNTHETIC = "every-draw";

    static Game game(String name) {
        if (name.equals(SYNTHETIC)) {
            return new EveryDrawGame();
        }
        try {
            return GameModels.load(Path.of("..", "examples", name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks each recorded draw against the same draw made again on an identical stream, in order. */
    private static final class Replay implements DrawListener {
        final List<Consumer<RandomStream>> checks = new ArrayList<>();

        @Override
        public void integer(long range, long value) {
            // nextInt(b), nextInt(o, b), nextBoolean (range 2) and nextInt() (range 2^32) are all uniform(range).
            checks.add(s -> assertEquals(value, s.nextLong(range)));
        }

        @Override
        public void pick(WeightedTable table, int index) {
            checks.add(s -> assertEquals(index, s.pick(table)));
        }

        @Override
        public void shuffle(int[] order) {
            checks.add(s -> {
                int[] identity = new int[order.length];
                for (int i = 0; i < identity.length; i++) {
                    identity[i] = i;
                }
                s.shuffle(identity);
                assertArrayEquals(order, identity);
            });
        }

        @Override
        public void sample(int n, int[] drawn) {
            checks.add(s -> assertArrayEquals(drawn, s.sample(n, drawn.length)));
        }

        @Override
        public void uniformDouble(double value) {
            checks.add(s -> assertEquals(value, s.nextDouble()));
        }

        @Override
        public void untested(String method) {
            fail("unexpected " + method);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"roulette-european", "roulette-french", "roulette-american", "craps", "keno", "baccarat",
        "blackjack", "jacks-or-better-9-6", "deuces-wild", "joker-poker", "three-card-poker", "sizzling-hot", "classic-sevens", "lucky-wilds", "treasure-pick",
        "ways-243", SYNTHETIC})
    void recordedDrawsAreWhatTheGameDrew(String name) {
        Game game = game(name);
        int rounds = 300;
        RandomStream direct = TestGenerators.drbg(DrbgMechanism.CTR_AES256, 7);
        RandomStream source = TestGenerators.drbg(DrbgMechanism.CTR_AES256, 7);
        Replay replay = new Replay();
        RecordingStream recording = new RecordingStream(source, replay);
        RoundOutcome expected = RoundOutcome.forGame(game);
        RoundOutcome actual = RoundOutcome.forGame(game);
        for (int round = 0; round < rounds; round++) {
            game.play(direct, expected);
            game.play(recording, actual);
            assertEquals(expected.win(), actual.win(), "round " + round);
            assertEquals(expected.stake(), actual.stake(), "round " + round);
        }
        // The source has advanced exactly as far as direct play did.
        long next = direct.nextLong();
        assertEquals(next, source.nextLong());

        RandomStream again = TestGenerators.drbg(DrbgMechanism.CTR_AES256, 7);
        replay.checks.forEach(check -> check.accept(again));
        assertTrue(replay.checks.size() >= rounds, replay.checks.size() + " draws");
        // Every byte the game used went into a recorded draw: the replay ends where the game ended.
        assertEquals(next, again.nextLong());
    }

    private static GameTestSummary certify(String name, RandomStream stream, int rounds) {
        return GameTestSummary.of(GameLevelTests.run(game(name), stream, rounds), GameTestSummary.DEFAULT_LEVEL);
    }

    private static String failing(GameTestSummary s) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < s.results().size(); i++) {
            if (s.adjusted().get(i) < s.level()) {
                lines.add(s.results().get(i).name() + ": p = " + s.results().get(i).pValue());
            }
        }
        return String.join("\n", lines);
    }

    /**
     * Three seeded runs of each of nine games (table games, slots with uniform and weighted reels, free
     * games and a pick bonus, the test game) through the CTR_DRBG. Each run's verdict (Holm over its tests
     * at 0.01) fails with probability at most 0.01 for a good generator, so at most 4 of the 27 runs may
     * fail (P(X >= 5) < 1e-5).
     */
    @Test
    void theDrbgPassesOnExampleGames() {
        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (String name : List.of("roulette-european", "craps", "keno", "baccarat", "jacks-or-better-9-6",
                "classic-sevens", "lucky-wilds", "treasure-pick", SYNTHETIC)) {
            for (int seed = 0; seed < 3; seed++) {
                GameTestSummary s = certify(name, TestGenerators.drbg(DrbgMechanism.CTR_AES256, 1000 + seed), 20_000);
                assertTrue(s.results().size() >= 6, name + ": " + s.results().size() + " tests applied");
                runs++;
                if (!s.passed()) {
                    failures.add(name + " seed " + seed + ":\n" + failing(s));
                }
            }
        }
        assertEquals(27, runs);
        assertTrue(failures.size() <= 4, String.join("\n", failures));
    }

    /**
     * A stream that clears the top bit of a DRBG word one time in ten (so the bit is 1 with probability
     * 0.45): outcomes scaled from the high bits, as derivation v1's are, lean low. Every run must be
     * rejected.
     */
    @ParameterizedTest
    @ValueSource(strings = {"roulette-european", "craps", "keno", "baccarat", "classic-sevens", "lucky-wilds", SYNTHETIC})
    void aBiasedStreamIsRejected(String name) {
        for (int seed = 0; seed < 3; seed++) {
            GameTestSummary s = certify(name, new BiasedStream(seed), 20_000);
            assertFalse(s.passed(), name + " seed " + seed);
        }
    }

    @Test
    void drawsAreGroupedBySite() {
        List<GameTestResult> results = GameLevelTests.run(new EveryDrawGame(), TestGenerators.drbg(DrbgMechanism.HASH_SHA256, 3),
                2000);
        List<String> names = results.stream().map(GameTestResult::name).collect(Collectors.toList());
        for (String expected : List.of("draw 1 pick from table 1 (6 entries, total 20): frequency against the weights",
                "draw 2 shuffle of 8: card positions", "draw 3 sample of 3 from 10: value positions",
                "draw 4 in [0, 6): frequency", "draw 5 in [0, 2): frequency", "draw 6 in [0, 1000): gap",
                "draw 7 doubles in [0, 1): Kolmogorov-Smirnov", "draw 8 shuffle of 4: card positions",
                "other draws in [0, 6): frequency", "draws pick from table 2 (3 entries, total 11): frequency against the weights")) {
            assertTrue(names.contains(expected), expected + " not in " + names);
        }
        // Only the rounds that roll a six (about 333 of 2000, sd 17) make the extra draw.
        GameTestResult extra = results.get(names.indexOf("other draws in [0, 6): frequency"));
        long count = Long.parseLong(extra.detail().split(" ")[0].replace(",", ""));
        assertTrue(count > 250 && count < 420, extra.detail());
    }

    /** A seeded DRBG stream whose words have their top bit cleared with probability 0.1. */
    private static final class BiasedStream extends RandomStream {
        private final RandomStream drbg;
        private final SplittableRandom coin;

        BiasedStream(long seed) {
            super(4);
            this.drbg = TestGenerators.drbg(DrbgMechanism.CTR_AES256, seed);
            this.coin = new SplittableRandom(seed);
        }

        @Override
        protected void nextBlock(byte[] destination, int offset) {
            int word = drbg.nextInt();
            if (coin.nextDouble() < 0.1) {
                word &= 0x7FFF_FFFF;
            }
            for (int i = 0; i < 4; i++) {
                destination[offset + i] = (byte) (word >>> (24 - 8 * i));
            }
        }
    }
}

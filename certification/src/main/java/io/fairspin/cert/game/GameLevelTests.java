package io.fairspin.cert.game;

import io.fairspin.math.Game;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;

/** Runs the game-level tests on a game's rounds: the outcome battery on every draw, the permutation test on every shuffle. */
public final class GameLevelTests {
    private GameLevelTests() {
    }

    /**
     * Every test's result over {@code rounds} rounds of {@code source}, each named after its draw or shuffle.
     *
     * @param source plays rounds and reports their draws and shuffles
     * @param rounds the number of rounds, at least 1
     * @return every test's result, in a fixed order
     */
    public static List<GameTestResult> run(RoundOutcomeSource source, long rounds) {
        List<RoundOutcomeSource.Draw> draws = source.draws();
        List<RoundOutcomeSource.Shuffle> shuffles = source.shuffles();
        List<OutcomeBattery> batteries = new ArrayList<>();
        draws.forEach(d -> batteries.add(new OutcomeBattery(d.range(), rounds)));
        List<PermutationTest> permutations = new ArrayList<>();
        int[][] orders = new int[shuffles.size()][];
        for (int j = 0; j < shuffles.size(); j++) {
            permutations.add(new PermutationTest(shuffles.get(j).deckSize()));
            orders[j] = new int[shuffles.get(j).deckSize()];
        }
        long[] values = new long[draws.size()];
        for (long round = 0; round < rounds; round++) {
            source.nextRound(values, orders);
            for (int i = 0; i < values.length; i++) {
                batteries.get(i).accept(values[i]);
            }
            for (int j = 0; j < orders.length; j++) {
                permutations.get(j).accept(orders[j]);
            }
        }
        List<GameTestResult> results = new ArrayList<>();
        for (int i = 0; i < draws.size(); i++) {
            String prefix = draws.get(i).name() + ": ";
            batteries.get(i).results().forEach(r -> results.add(r.named(prefix + r.name())));
        }
        for (int j = 0; j < shuffles.size(); j++) {
            GameTestResult r = permutations.get(j).result();
            results.add(r.named(shuffles.get(j).name() + ": " + r.name()));
        }
        return results;
    }

    /**
     * Every test on the draws {@code game} makes in {@code rounds} rounds played one after another from
     * {@code stream}, recorded by a {@link RecordingStream} and grouped by {@link GameDraws}. The game
     * plays exactly as it would from {@code stream} itself.
     *
     * @param game the game to play
     * @param stream the generator the game draws from
     * @param rounds the number of rounds, at least 1
     * @return every test's result, grouped by draw
     */
    public static List<GameTestResult> run(Game game, RandomStream stream, long rounds) {
        GameDraws draws = new GameDraws();
        RecordingStream recording = new RecordingStream(stream, draws);
        RoundOutcome outcome = RoundOutcome.forGame(game);
        for (long round = 0; round < rounds; round++) {
            draws.startRound();
            game.play(recording, outcome);
        }
        return draws.results();
    }
}

package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.slot.respins.HoldAndWinGame;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The awards a round counts into an outcome that asks for them ({@link io.fairspin.math.AwardOccurrences}) are the
 * base spin's line and ways wins as the described round lists them ({@link SlotGame#play(SlotGame.Bet,
 * io.fairspin.rng.RandomStream)}, evaluated by the recorder, not by the simulation path), round by round.
 */
class AwardCountingTest {
    private static final int ROUNDS = 3000;

    static Stream<Path> models() {
        return Examples.slotModels().stream();
    }

    @ParameterizedTest
    @MethodSource("models")
    void theCountedAwardsAreTheDescribedBaseSpinsWins(Path file) throws Exception {
        SlotGame game = (SlotGame) GameModels.load(file);
        assertCountsMatchDescribedRounds(game, game);
    }

    /** A hold-and-win round counts its base spin's awards: those of the base game's spin drawn from the same stream. */
    @Test
    void aHoldAndWinRoundCountsItsBaseSpinsAwards() throws Exception {
        HoldAndWinGame game = (HoldAndWinGame) GameModels.load(Examples.example("coin-rush.json"));
        SlotGame base = (SlotGame) GameModels.load(Examples.example("coin-rush.json").getFileName().toString(),
                baseGameOf(Examples.example("coin-rush.json")));
        assertEquals(base.awards(), game.awards());
        assertEquals(base.occurrencesPerRound(), game.occurrencesPerRound());
        assertCountsMatchDescribedRounds(game, base);
    }

    /** The expected occurrences are those of the PAR sheet's awards, summed over the pays that share a name. */
    @Test
    void theExpectedOccurrencesAreThePaysOccurrences() {
        SlotGame game = Examples.slot("mega-dragon.json");
        List<Fraction> perRound = game.occurrencesPerRound().orElseThrow();
        assertEquals(game.awards().size(), perRound.size());
        Fraction[] perPay = game.analysis().awards.occurrences;
        Fraction total = Fraction.ZERO;
        for (Fraction f : perPay) {
            total = total.add(f);
        }
        assertEquals(total, perRound.stream().reduce(Fraction.ZERO, Fraction::add));
        assertTrue(perRound.stream().allMatch(f -> f.signum() > 0), "every award of Mega Dragon can occur");
    }

    /**
     * Plays {@link #ROUNDS} rounds of {@code game} counting awards and, from the same streams, describes
     * {@code described}'s spin: the counts must be the described base spin's non-scatter wins, award by award.
     */
    private static void assertCountsMatchDescribedRounds(io.fairspin.math.Game game, SlotGame described) {
        List<String> awards = ((io.fairspin.math.AwardOccurrences) game).awards();
        RoundOutcome outcome = RoundOutcome.forGame(game);
        outcome.countAwards(awards.size());
        SlotGame.Bet bet = new SlotGame.Bet(described.model.lineBet(), described.model.lines());
        long counted = 0;
        for (int seed = 0; seed < ROUNDS; seed++) {
            game.play(PlayTest.stream(seed), outcome);
            long[] expected = new long[awards.size()];
            SpinResult round = described.play(bet, PlayTest.stream(seed));
            for (SpinResult.Win win : round.spins().get(0).wins()) {
                if (!win.type().equals("scatter")) {
                    expected[awards.indexOf(win.award())]++;
                }
            }
            long[] actual = new long[awards.size()];
            for (int a = 0; a < actual.length; a++) {
                actual[a] = outcome.awards(a);
                counted += actual[a];
            }
            assertArrayEquals(expected, actual, described.id() + ", seed " + seed);
        }
        assertTrue(counted > ROUNDS / 100, described.id() + ": only " + counted + " awards in " + ROUNDS + " rounds");
    }

    /** The model of a hold-and-win game's base game: the file without its feature. */
    private static byte[] baseGameOf(Path file) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        root.remove("holdAndWin");
        root.remove("jackpots");
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(root);
    }
}

package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fairspin.math.GameModels;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.slot.evaluation.SpinTable;
import io.fairspin.rng.DrbgStream;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spin tables (two reads per spin) against the engine's line-by-line evaluation, which they replace on
 * the simulation path: over every slot example, rounds played from equal streams give equal outcomes (wins
 * by type, features, stake) and leave the streams at the same place, so the tables change no draw and no
 * figure. The same holds for the fast-mode draws ({@link SlotGame#playFast}), which split one draw into the
 * stops.
 */
class SpinTableTest {
    static Stream<Path> models() {
        return Examples.slotModels().stream();
    }

    @ParameterizedTest
    @MethodSource("models")
    void tablesPlayEveryRoundAsTheLineByLineEvaluation(Path file) throws Exception {
        playBothWays(file, 20, false);
    }

    @ParameterizedTest
    @MethodSource("models")
    void tablesPlayEveryFastRoundAsTheLineByLineEvaluation(Path file) throws Exception {
        playBothWays(file, 5, true);
    }

    /**
     * Plays 5,000 rounds per seed with the tables and line by line from equal streams, with the fast-mode draws
     * when {@code fast}: equal outcomes, and the streams at the same place after.
     */
    private static void playBothWays(Path file, int seeds, boolean fast) throws Exception {
        SlotGame game = (SlotGame) GameModels.load(file);
        RoundOutcome tabled = RoundOutcome.forGame(game);
        RoundOutcome lineByLine = RoundOutcome.forGame(game);
        for (int seed = 0; seed < seeds; seed++) {
            try (DrbgStream a = PlayTest.stream(seed); DrbgStream b = PlayTest.stream(seed)) {
                for (int round = 0; round < 5_000; round++) {
                    if (fast) {
                        game.playFast(a, tabled);
                        game.playFastLineByLine(b, lineByLine);
                    } else {
                        game.play(a, tabled);
                        game.playLineByLine(b, lineByLine);
                    }
                    assertEquals(lineByLine, tabled, file + ": seed " + seed + ", round " + round);
                }
                assertEquals(b.nextLong(), a.nextLong(), file + ": the streams moved apart");
            }
        }
    }

    @Test
    void sizzlingHotHasATable() {
        SlotGame game = Examples.slot("sizzling-hot.json");
        SpinTable table = SpinTable.of(game.model, game.reelSets[0], game.table, game.lineRows, game.model.lines());
        assertNotNull(table);
        assertEquals(3, table.prefixReels);
        assertEquals(25 * 25, table.suffixSize);
    }
}

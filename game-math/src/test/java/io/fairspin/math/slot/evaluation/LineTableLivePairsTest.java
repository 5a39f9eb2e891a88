package io.fairspin.math.slot.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.GameModels;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.model.SlotModel;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LineTable#livePair}, which lets the monitor's direct path ({@link SpinRecorder#evaluateInto}) pass over a line
 * after its first two reels: on every line slot example, a pair of first symbols is live exactly when some line that
 * starts with it pays or starts the bonus by the line rules themselves ({@link LinePays}, every line outcome asked, not
 * the table), so that no line passed over pays.
 */
class LineTableLivePairsTest {
    @ParameterizedTest
    @MethodSource("io.fairspin.math.slot.evaluation.LoggedSpinFastPathTest#slotModels")
    void aPairIsLiveExactlyWhenSomeLineStartingWithItPaysOrStartsTheBonus(Path file) throws Exception {
        SlotGame game = (SlotGame) GameModels.load(file);
        SlotModel model = game.model;
        if (model.ways() || Math.pow(model.symbolCount(), model.reels()) > 1 << 21) {
            return;
        }
        int symbols = model.symbolCount();
        int reels = model.reels();
        LinePays rules = new LinePays(model);
        boolean[] live = new boolean[symbols * symbols];
        int[] tuple = new int[reels];
        int codes = (int) Math.pow(symbols, reels);
        for (int code = 0; code < codes; code++) {
            for (int r = reels - 1, c = code; r >= 0; r--, c /= symbols) {
                tuple[r] = c % symbols;
            }
            live[tuple[0] * symbols + tuple[1]] |= rules.credits(tuple) != 0 || rules.startsBonus(tuple);
        }
        int dead = 0;
        for (int first = 0; first < symbols; first++) {
            for (int second = 0; second < symbols; second++) {
                assertEquals(live[first * symbols + second], game.table.livePair(first, second),
                        file.getFileName() + ": " + model.symbols().get(first) + ", " + model.symbols().get(second));
                dead += live[first * symbols + second] ? 0 : 1;
            }
        }
        assertTrue(model.bothWays() || dead > 0, file.getFileName() + ": no pair passed over");
    }
}

package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.slot.analysis.Analysis;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * examples/sizzling-hot.json reproduces every exact figure of ../shared/reference/games/sizzling-hot.json
 * (computed there by enumerating all 25^5 stop combinations) to the digits given.
 */
class SizzlingHotTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The reference value as written, and ours rounded to the same number of decimal places. */
    private static void assertDigits(JsonNode expected, Fraction actual, String what) {
        BigDecimal reference = expected.decimalValue();
        BigDecimal ours = new BigDecimal(actual.numerator()).divide(new BigDecimal(actual.denominator()),
                reference.scale(), RoundingMode.HALF_EVEN);
        assertEquals(reference, ours, what);
    }

    @Test
    void reproducesTheReferenceFigures() throws Exception {
        JsonNode figures = JSON.readTree(Examples.reference("games", "sizzling-hot.json").toFile())
                .get("exact_figures_per_total_bet");
        SlotGame game = Examples.slot("sizzling-hot.json");
        ExactFigures exact = game.exactFigures().orElseThrow();
        Analysis analysis = game.analysis();

        long cycle = 1;
        for (int r = 0; r < 5; r++) {
            cycle *= game.model.reelSets().get(0).reelWeight(r);
        }
        assertEquals(figures.get("cycle").asLong(), cycle);
        assertDigits(figures.get("rtp"), exact.rtp(), "rtp");
        assertEquals(game.winTypes().indexOf("line"), 0);
        assertDigits(figures.get("line_rtp"), exact.rtpByWinType().get(0), "line rtp");
        assertDigits(figures.get("scatter_rtp"), exact.rtpByWinType().get(game.winTypes().indexOf("scatter")),
                "scatter rtp");
        assertDigits(figures.get("hit_frequency_per_spin"), exact.hitFrequency(), "hit frequency");
        BigDecimal sd = BigDecimal.valueOf(exact.standardDeviation())
                .setScale(figures.get("sd").decimalValue().scale(), RoundingMode.HALF_EVEN);
        assertEquals(figures.get("sd").decimalValue(), sd, "sd");
        assertEquals(Fraction.of(figures.get("max_win_x_total_bet").asLong()),
                Fraction.of(analysis.base.maxT, game.model.lines()), "max win");
    }
}

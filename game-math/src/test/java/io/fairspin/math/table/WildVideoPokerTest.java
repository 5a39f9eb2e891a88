package io.fairspin.math.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairspin.math.AnalysisReport;
import org.junit.jupiter.api.Test;

/** Video poker with wild cards, against published returns of optimal play. */
class WildVideoPokerTest {
    @Test
    void fullPayDeucesWildReturnsThePublishedFigure() {
        VideoPoker game = (VideoPoker) References.load("deuces-wild.json");
        AnalysisReport report = game.analyze();
        // Every one of the C(52, 5) deals stands for lcm(C(47, j)) = 7,669,695 final hands.
        assertEquals(2_598_960L * 7_669_695L, Reports.count(Reports.table(report, "Final hands under optimal play"),
                "total", "combinations"));
        // Published (Wizard of Odds, full-pay Deuces Wild with optimal strategy): 100.7620%.
        assertEquals("1.007620", game.exactFigures().orElseThrow().rtp().toDecimalString(6));
    }

    @Test
    void jokerPokerKingsOrBetterReturnsThePublishedFigure() {
        VideoPoker game = (VideoPoker) References.load("joker-poker.json");
        AnalysisReport report = game.analyze();
        // A 53-card deck: C(53, 5) deals, each standing for lcm(C(48, j)) = 8,561,520 final hands.
        assertEquals(2_869_685L * 8_561_520L, Reports.count(Reports.table(report, "Final hands under optimal play"),
                "total", "combinations"));
        // Published (Wizard of Odds, Joker Poker kings or better, 20-7-5 paytable): 100.65%.
        assertEquals("1.0065", game.exactFigures().orElseThrow().rtp().toDecimalString(4));
    }
}

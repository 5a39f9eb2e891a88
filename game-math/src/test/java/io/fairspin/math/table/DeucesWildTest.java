package io.fairspin.math.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairspin.math.AnalysisReport;
import org.junit.jupiter.api.Test;

class DeucesWildTest {
    @Test
    void fullPayDeucesWildReturnsThePublishedFigure() {
        VideoPoker game = (VideoPoker) References.load("deuces-wild.json");
        AnalysisReport report = game.analyze();
        assertEquals(19_933_230_517_200L, Reports.count(Reports.table(report, "Final hands under optimal play"),
                "total", "combinations"));
        // Published (Wizard of Odds, full-pay Deuces Wild with optimal strategy): 100.7620%.
        assertEquals("1.007620", game.exactFigures().orElseThrow().rtp().toDecimalString(6));
    }
}

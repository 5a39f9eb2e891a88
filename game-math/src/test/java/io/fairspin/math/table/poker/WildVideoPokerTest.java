package io.fairspin.math.table.poker;

import io.fairspin.math.table.References;
import io.fairspin.math.table.Reports;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairspin.math.AnalysisReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Video poker with wild cards, against published returns of optimal play. */
class WildVideoPokerTest {
    /**
     * Published returns (Wizard of Odds): full-pay Deuces Wild 100.7620%; Joker Poker kings or better,
     * 20-7-5, 100.65%. Each of the C(deck, 5) deals stands for lcm over j of C(deck - 5, j) final hands:
     * 7,669,695 for 52 cards, 8,561,520 for 53.
     */
    @ParameterizedTest
    @CsvSource({"deuces-wild.json, 2598960, 7669695, 1.007620", "joker-poker.json, 2869685, 8561520, 1.0065"})
    void returnsThePublishedFigure(String example, long deals, long weight, String published) {
        VideoPoker game = (VideoPoker) References.load(example);
        AnalysisReport report = game.analyze();
        assertEquals(deals * weight, Reports.count(Reports.table(report, "Final hands under optimal play"), "total",
                "combinations"));
        assertEquals(published, game.exactFigures().orElseThrow().rtp().toDecimalString(published.length() - 2));
    }
}

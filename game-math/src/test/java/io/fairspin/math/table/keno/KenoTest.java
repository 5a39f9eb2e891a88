package io.fairspin.math.table.keno;

import io.fairspin.math.table.References;
import io.fairspin.math.table.Reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Analyzable;
import io.fairspin.math.Fraction;
import io.fairspin.math.ModelException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KenoTest {
    private final AnalysisReport report = ((Analyzable) References.load("keno.json")).analyze();

    @Test
    void oneAndTwoSpotTicketsMatchHandComputedReturns() {
        AnalysisReport.Table bets = Reports.table(report, "Return by bet");
        // One spot: caught with probability 20/80, returning 3 for 1.
        assertEquals(Fraction.of(3, 4), Reports.exact(bets, "1-spot ticket", "return"));
        // Two spots: both caught with probability (20 * 19) / (80 * 79), returning 12 for 1.
        assertEquals(Fraction.of(20 * 19 * 12, 80 * 79), Reports.exact(bets, "2-spot ticket", "return"));
    }

    @Test
    void catchProbabilitiesOfTheTicketAddUpToOne() {
        AnalysisReport.Table catches = Reports.table(report, "Catches of the 6-spot ticket");
        Fraction total = Fraction.ZERO;
        for (List<AnalysisReport.Cell> row : catches.rows()) {
            total = total.add(Reports.exact(catches, row, "probability"));
        }
        assertEquals(Fraction.ONE, total);
    }

    @Test
    void aTicketWithoutAPaytableIsRejected() {
        ModelException e = assertThrows(ModelException.class, () -> References.loadText("{\"type\": \"keno\", \"id\":"
                + " \"k\", \"paytables\": {\"1\": {\"1\": 3}}, \"standardWager\": {\"spots\": [1, 2], \"amount\": 1}}"));
        assertEquals("$.standardWager.spots", e.jsonPath());
        ModelException twice = assertThrows(ModelException.class, () -> References.loadText("{\"type\": \"keno\","
                + " \"id\": \"k\", \"paytables\": {\"2\": {\"2\": 3}}, \"standardWager\": {\"spots\": [5, 5],"
                + " \"amount\": 1}}"));
        assertEquals("$.standardWager.spots[1]", twice.jsonPath());
    }
}

package io.fairspin.math.table.poker;

import io.fairspin.math.table.References;
import io.fairspin.math.table.Reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Analyzable;
import io.fairspin.math.Fraction;
import io.fairspin.math.ModelException;
import org.junit.jupiter.api.Test;

class ThreeCardPokerTest {
    private static final String REFERENCE = "three_card_poker";
    private final AnalysisReport report = ((Analyzable) References.load("three-card-poker.json")).analyze();

    @Test
    void handCountsAreTheReference() {
        Reports.assertCounts(Reports.table(report, "Three-card hands"),
                References.tableGames(REFERENCE, "hand_counts_of_22100"), "combinations");
    }

    @Test
    void anteAndPlayWithQ64HasTheReferenceEdgePerAnte() {
        AnalysisReport.Table bets = Reports.table(report, "Return by bet");
        assertEquals(References.tableGames(REFERENCE, "ante_play", "edge_per_ante").asText(),
                Reports.exact(bets, "ante and play", "house edge").toDecimalString(7));
    }

    @Test
    void pairPlusHasTheReferenceEdge() {
        AnalysisReport.Table bets = Reports.table(report, "Return by bet");
        assertEquals(References.fraction(REFERENCE, "pair_plus_40_30_6_4_1"), Reports.exact(bets, "pair plus", "house edge"));
    }

    @Test
    void theSuitClassesCoverEveryHandOnce() {
        assertEquals(22100, ThreeCardDeals.suitClasses().stream().mapToInt(c -> c[3]).sum());
    }

    @Test
    void raisingWithAnyHandOrNoneChangesTheEdge() {
        // Q-6-4 is the optimal threshold, so raising with a lower or a higher minimum costs the player.
        Fraction optimal = edge("Q-6-4");
        assertEquals(1, edge("2-3-5").compareTo(optimal));
        assertEquals(1, edge("K-2-3").compareTo(optimal));
    }

    @Test
    void badStrategiesAreNamed() {
        ModelException e = assertThrows(ModelException.class, () -> References.loadText(
                "{\"type\": \"three-card-poker\", \"id\": \"t\", \"raiseWith\": \"Q-6\", \"standardWager\": [{\"bet\":"
                        + " \"ante\", \"amount\": 1}]}"));
        assertEquals("$.raiseWith", e.jsonPath());
    }

    private static Fraction edge(String raiseWith) {
        AnalysisReport r = ((Analyzable) References.loadText("{\"type\": \"three-card-poker\", \"id\": \"t\","
                + " \"raiseWith\": \"" + raiseWith + "\", \"standardWager\": [{\"bet\": \"ante\", \"amount\": 1}]}"))
                .analyze();
        return Reports.exact(Reports.table(r, "Return by bet"), "ante and play", "house edge");
    }
}

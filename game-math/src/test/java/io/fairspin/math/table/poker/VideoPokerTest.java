package io.fairspin.math.table.poker;

import io.fairspin.math.table.References;
import io.fairspin.math.table.Reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.ModelException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VideoPokerTest {
    private static final String REFERENCE = "video_poker_jacks_or_better_9_6_optimal_play";
    private static VideoPoker game;
    private static AnalysisReport report;

    @BeforeAll
    static void analyseOnce() {
        game = (VideoPoker) References.load("jacks-or-better-9-6.json");
        report = game.analyze();
    }

    @Test
    void finalHandCountsOfOptimalPlayAreTheReference() {
        Reports.assertCounts(Reports.table(report, "Final hands under optimal play"),
                References.tableGames(REFERENCE, "final_hand_combinations"), "combinations");
    }

    @Test
    void returnAndDeviationAreTheReference() {
        ExactFigures figures = game.exactFigures().orElseThrow();
        assertEquals(References.fraction(REFERENCE, "rtp"), figures.rtp());
        assertEquals(References.tableGames(REFERENCE, "sd_per_hand").asText(),
                new java.math.BigDecimal(figures.standardDeviation())
                        .setScale(6, java.math.RoundingMode.HALF_UP).toPlainString());
        assertEquals(References.fraction(REFERENCE, "rtp"),
                Reports.exact(Reports.table(report, "Return by bet"), "5 coins, optimal hold", "return"));
    }

    @Test
    void paytablePaysPerCoinAsTheReferenceStates() {
        Reports.assertCounts(Reports.table(report, "Final hands under optimal play"),
                References.tableGames(REFERENCE, "pays_per_coin"), "pays per coin");
    }

    @Test
    void classifiesAllDealsAsTheTextbookCountsSay() {
        // C(52,5) hands: 4 royal, 36 other straight flushes, 624 quads, 3,744 full houses, 5,108 flushes,
        // 10,200 straights, 54,912 trips, 123,552 two pairs, 1,098,240 one pairs, 1,302,540 nothing.
        long[] counts = new long[PokerHands.CLASSES];
        for (int a = 0; a < 52; a++) {
            for (int b = a + 1; b < 52; b++) {
                for (int c = b + 1; c < 52; c++) {
                    for (int d = c + 1; d < 52; d++) {
                        for (int e = d + 1; e < 52; e++) {
                            counts[PokerHands.classify(a, b, c, d, e, 1)]++;
                        }
                    }
                }
            }
        }
        assertEquals(4, counts[PokerHands.ROYAL_FLUSH]);
        assertEquals(36, counts[PokerHands.STRAIGHT_FLUSH]);
        assertEquals(624, counts[PokerHands.FOUR_ACES] + counts[PokerHands.FOUR_TWOS_TO_FOURS]
                + counts[PokerHands.FOUR_FIVES_TO_KINGS]);
        assertEquals(48, counts[PokerHands.FOUR_ACES]);
        assertEquals(3744, counts[PokerHands.FULL_HOUSE]);
        assertEquals(5108, counts[PokerHands.FLUSH]);
        assertEquals(10200, counts[PokerHands.STRAIGHT]);
        assertEquals(54912, counts[PokerHands.THREE_OF_A_KIND]);
        assertEquals(123552, counts[PokerHands.TWO_PAIR]);
        assertEquals(1098240, counts[PokerHands.HIGH_PAIR]);
        assertEquals(1302540, counts[PokerHands.NOTHING]);
    }

    @Test
    void unknownHandsAreNamed() {
        ModelException e = assertThrows(ModelException.class, () -> References.loadText("{\"type\": \"video-poker\","
                + " \"id\": \"v\", \"paytable\": [{\"hand\": \"six-of-a-kind\", \"pays\": 1}]}"));
        assertEquals("$.paytable[0].hand", e.jsonPath());
        ModelException wild = assertThrows(ModelException.class, () -> References.loadText("{\"type\": \"video-poker\","
                + " \"id\": \"v\", \"paytable\": [{\"hand\": \"flush\", \"pays\": 1}, {\"hand\": \"five-of-a-kind\","
                + " \"pays\": 1}]}"));
        assertEquals("$.paytable[1].hand", wild.jsonPath());
    }
}

package io.fairspin.math.slot.respins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.Analyzable;
import io.fairspin.math.Fraction;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RTP-by-bet table of a hold-and-win model whose limits allow 1 or 2 lines: the row of 1 line against
 * {@link NaiveHoldAndWin} run on the model rewritten to stake 1 line (its own brute force of every round at that bet),
 * with and without a cap, with a collect and with free games.
 */
class HoldAndWinRtpByBetTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String withLines(String model, int lines, boolean limits) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(model);
        ((ObjectNode) root.get("bet")).put("lines", lines);
        if (limits) {
            root.set("betLimits", JSON.readTree("{\"lines\": {\"min\": 1, \"max\": 2}}"));
        }
        return root.toString();
    }

    /**
     * Without a cap the return per total bet of these plain-strip games does not depend on the lines (every line sees
     * the same symbols' distribution; scatter pays, coin values and prizes are in total bets): the brute force at 1 line
     * gives the standard RTP, and the table says so. With a cap it does (the cap cuts a line's win per total bet where
     * the lines put it): the row of 1 line is the brute force's at 1 line.
     */
    @Test
    void theRtpAtOneLineIsTheBruteForceAtOneLine() throws Exception {
        for (String model : List.of(HoldAndWinTest.MINI, HoldAndWinCollectTest.ALSO,
                HoldAndWinFreeGamesTest.withFreeGames(HoldAndWinTest.MINI, false),
                HoldAndWinCapTest.capped(HoldAndWinTest.MINI, 7), HoldAndWinCapTest.capped(HoldAndWinCollectTest.ALSO, 16),
                HoldAndWinCapTest.capped(HoldAndWinFreeGamesTest.withFreeGames(HoldAndWinTest.MINI, false), 7))) {
            AnalysisReport report = ((Analyzable) HoldAndWinTest.load(withLines(model, 2, true))).analyze();
            AnalysisReport.Table table = report.tables().get(1);
            assertEquals("RTP by bet", table.title());
            Fraction two = new NaiveHoldAndWin(JSON.readTree(withLines(model, 2, false))).figures()[0];
            Fraction one = new NaiveHoldAndWin(JSON.readTree(withLines(model, 1, false))).figures()[0];
            assertEquals(List.of(Cell.text("2 lines, 1 coin (standard)"), Cell.exact(two)), table.rows().get(0), model);
            if (model.contains("maxWin")) {
                assertNotEquals(one, two, "the lines change the capped RTP");
                assertEquals(List.of(Cell.text("1 line, 1 coin"), Cell.exact(one)), table.rows().get(1), model);
            } else {
                assertEquals(one, two, "the lines do not change the RTP");
                assertEquals(Cell.text("the standard RTP"), table.rows().get(1).get(1), table.rows().toString());
            }
        }
    }
}

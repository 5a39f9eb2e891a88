package io.fairspin.math.slot.respins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.Analyzable;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.Fraction;
import io.fairspin.math.slot.analysis.MaxWin;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hold-and-win sheet's maximum win, features included, against the largest win of any round of positive
 * probability in {@link NaiveHoldAndWin}'s brute-force round distribution (every stop combination, every landing
 * pattern of every respin, every coin value).
 */
class HoldAndWinMaxWinTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theMaximumWinIsTheLargestRoundOfTheBruteForce() throws Exception {
        for (String model : new String[] {HoldAndWinTest.MINI,
            // No coin ever lands on a respin: only the coins of the base spin are paid, no full screen.
            HoldAndWinTest.MINI.replace("\"coin\": 1, \"empty\": 3", "\"coin\": 0, \"empty\": 3")}) {
            NaiveHoldAndWin naive = new NaiveHoldAndWin(JSON.readTree(model));
            long largest = 0;
            for (Map.Entry<NaiveHoldAndWin.Outcome, Fraction> e : naive.rounds().entrySet()) {
                NaiveHoldAndWin.Outcome o = e.getKey();
                if (e.getValue().signum() > 0) {
                    largest = Math.max(largest, o.line() + o.free() + (o.scatter() + o.coins() + o.grand()) * 2);
                }
            }
            Cell stated = ((Analyzable) HoldAndWinTest.load(model)).analyze().tables().get(0).rows().stream()
                    .filter(r -> r.get(0).equals(Cell.text(MaxWin.LABEL))).map(r -> r.get(1)).findFirst().orElseThrow();
            assertEquals(Cell.exact(Fraction.of(largest, 2)), stated, model);
        }
    }
}

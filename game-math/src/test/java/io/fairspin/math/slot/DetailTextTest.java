package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written detail is Jackson's text of the same {@link SpinResult} (every slot example's rounds are
 * compared in {@link RecordedDetailTest}); here the parts the examples do not reach: a bought round, a bonus round,
 * a null reel set, and strings with characters Jackson escapes or writes as they are (non-ASCII, beyond the BMP,
 * DEL).
 */
class DetailTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SpinResult round(String symbol, String award, String reelSet, SpinResult.Bought bought) {
        SpinResult.Win win = new SpinResult.Win("line", award, 3,
                List.of(new SpinResult.Position(0, 1), new SpinResult.Position(1, 2)), 40);
        SpinResult.BonusRound bonus = new SpinResult.BonusRound(2, List.of(List.of(5L, 10L), List.of(-1L)),
                List.of(1, 0), 15);
        SpinResult.Spin base = new SpinResult.Spin("base", reelSet, List.of(3, 14, 0),
                List.of(List.of(symbol, "seven", symbol), List.of("bar", "bar", "cherry")), List.of(win, win), 7, 10,
                List.of(bonus), 48);
        SpinResult.Spin free = new SpinResult.Spin("free", "free", List.of(1), List.of(List.of("x")), List.of(), 0, 0,
                List.of(), 0);
        return new SpinResult(5, 20, 100, Long.MAX_VALUE, List.of(base, free), bought);
    }

    @Test
    void theTextIsJacksons() throws Exception {
        String[] strings = {"plum", "é ☃", "\uD83D\uDE00 grin", "del\u007F", "quote\"", "back\\slash", "tab\t",
            "bell\u0007", "", "/slash"};
        for (String s : strings) {
            for (SpinResult.Bought bought : new SpinResult.Bought[] {null, new SpinResult.Bought(100, 10)}) {
                SpinResult result = round(s, s + " x3", s.isEmpty() ? null : "base", bought);
                assertEquals(JSON.writeValueAsString(result), DetailText.of(result), s);
            }
        }
    }
}

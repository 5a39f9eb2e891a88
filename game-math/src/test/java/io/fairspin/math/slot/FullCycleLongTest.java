package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairspin.math.slot.evaluation.CompiledReels;
import io.fairspin.math.slot.evaluation.LineTable;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The counting analysis of examples/lucky-wilds.json (5 reels of 50 stops, 20 lines) against a visit of
 * all 312,500,000 stop combinations of each reel set, evaluated through the line table (which the naive
 * rules check on small games). Long: run with -Plong.
 */
@Tag("long")
class FullCycleLongTest {

    @Test
    void luckyWildsCountingEqualsTheFullCycle() {
        SlotGame game = Examples.slot("lucky-wilds.json");
        for (CompiledReels reels : game.reelSets) {
            assertEquals(visitAll(game, reels), BruteForce.counted(game, reels.set.name()), reels.set.name());
        }
    }

    private static Map<String, Long> visitAll(SlotGame game, CompiledReels reels) {
        int lines = game.model.lines();
        int rows = reels.rows;
        int[] lengths = new int[5];
        for (int r = 0; r < 5; r++) {
            lengths[r] = reels.length(r);
        }
        long[][] counts = new long[6][1 << 20];
        int[] partial = new int[lines * 4];
        byte[] scatter = reels.scatterCount[0];
        for (int s0 = 0; s0 < lengths[0]; s0++) {
            for (int s1 = 0; s1 < lengths[1]; s1++) {
                for (int s2 = 0; s2 < lengths[2]; s2++) {
                    int[] g = {reels.stopBase[0] + s0, reels.stopBase[1] + s1, reels.stopBase[2] + s2};
                    for (int l = 0; l < lines; l++) {
                        int code = 0;
                        for (int r = 0; r < 3; r++) {
                            code += reels.lineCode[g[r] * rows + game.lineRows[l * 5 + r]];
                        }
                        partial[l] = code;
                    }
                    int sc3 = scatter[g[0]] + scatter[g[1]] + scatter[g[2]];
                    for (int s3 = 0; s3 < lengths[3]; s3++) {
                        int g3 = reels.stopBase[3] + s3;
                        for (int s4 = 0; s4 < lengths[4]; s4++) {
                            int g4 = reels.stopBase[4] + s4;
                            long a = 0;
                            for (int l = 0; l < lines; l++) {
                                int code = partial[l] + reels.lineCode[g3 * rows + game.lineRows[l * 5 + 3]]
                                        + reels.lineCode[g4 * rows + game.lineRows[l * 5 + 4]];
                                a += LineTable.credits(game.table.entry(code));
                            }
                            counts[sc3 + scatter[g3] + scatter[g4]][(int) a]++;
                        }
                    }
                }
            }
        }
        Map<String, Long> result = new TreeMap<>();
        for (int c = 0; c < counts.length; c++) {
            for (int a = 0; a < counts[c].length; a++) {
                if (counts[c][a] > 0) {
                    result.put(BruteForce.key(new int[] {c}, a, 0), counts[c][a]);
                }
            }
        }
        return result;
    }
}

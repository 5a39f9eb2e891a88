package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.AnalysisReport.Table;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PAR sheet's tables agree with each other: the award tables (counted line by line from the symbol
 * distribution on each line's rows) add up to the win types (counted spin by spin), and the summary
 * repeats the exact figures.
 */
class ParSheetTest {
    static Stream<Path> models() {
        return Examples.slotModels().stream();
    }

    private static Table table(AnalysisReport report, String prefix) {
        return report.tables().stream().filter(t -> t.title().startsWith(prefix)).findFirst().orElse(null);
    }

    private static Fraction columnSum(Table table, String column) {
        int index = table.columns().indexOf(column);
        Fraction sum = Fraction.ZERO;
        for (List<Cell> row : table.rows()) {
            sum = sum.add(((Cell.Exact) row.get(index)).value());
        }
        return sum;
    }

    @ParameterizedTest
    @MethodSource("models")
    void awardTablesAddUpToTheWinTypes(Path file) throws Exception {
        SlotGame game = (SlotGame) GameModels.load(file);
        AnalysisReport report = game.analyze();
        ExactFigures figures = game.exactFigures().orElseThrow();
        List<String> types = game.winTypes();
        Fraction lineAndScatter = figures.rtpByWinType().get(0);
        if (types.contains("scatter")) {
            lineAndScatter = lineAndScatter.add(figures.rtpByWinType().get(types.indexOf("scatter")));
        }
        var jackpots = game.analysis().jackpots;
        for (int j = 0; jackpots != null && j < game.jackpots().size(); j++) {
            // The award table lists the pays and scatter pays that win jackpots, at their amount or seed.
            lineAndScatter = lineAndScatter.add(jackpots.baseLine[j].add(jackpots.baseScatter[j])
                    .divide(game.model.stakeUnits()));
        }
        assertEquals(lineAndScatter, columnSum(table(report, "Return by award (base game"), "RTP"));
        Table free = table(report, "Return by award in free games");
        if (free != null && game.model.bonus() == null) {
            assertEquals(figures.rtpByWinType().get(types.indexOf("free-games")), columnSum(free, "RTP"));
        }
        Table summary = table(report, "Summary");
        assertTrue(summary.rows().contains(List.of(Cell.text(jackpots == null ? "RTP" : "RTP (jackpots at their amount or seed)"),
                Cell.exact(figures.rtp()))));
        assertTrue(summary.rows().contains(List.of(Cell.text("hit frequency per round"),
                Cell.exact(figures.hitFrequency()))));
    }
}

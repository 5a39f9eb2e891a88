package io.fairspin.math.table;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.Fraction;
import java.util.List;

/** Reads cells out of an {@link AnalysisReport} in tests. */
public final class Reports {
    private Reports() {
    }

    public static AnalysisReport.Table table(AnalysisReport report, String title) {
        return report.tables().stream().filter(t -> t.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + title));
    }

    /** The row of {@code table} whose first cell is {@code prefix}, else those whose first cell starts with it. */
    public static List<List<Cell>> rows(AnalysisReport.Table table, String prefix) {
        List<List<Cell>> exact = table.rows().stream()
                .filter(r -> ((Cell.Text) r.get(0)).value().equals(prefix)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        List<List<Cell>> rows = table.rows().stream()
                .filter(r -> ((Cell.Text) r.get(0)).value().startsWith(prefix)).toList();
        if (rows.isEmpty()) {
            throw new AssertionError("no row " + prefix + " in " + table.title());
        }
        return rows;
    }

    /** The exact value in column {@code column} of the one row starting with {@code prefix}. */
    public static Fraction exact(AnalysisReport.Table table, String prefix, String column) {
        List<List<Cell>> rows = rows(table, prefix);
        if (rows.size() != 1) {
            throw new AssertionError(rows.size() + " rows start with " + prefix);
        }
        return exact(table, rows.get(0), column);
    }

    public static Fraction exact(AnalysisReport.Table table, List<Cell> row, String column) {
        return ((Cell.Exact) row.get(table.columns().indexOf(column))).value();
    }

    /**
     * Asserts that column {@code column} of {@code table} holds, in the row named like each member of
     * {@code expected} (underscores read as hyphens), that member's integer value.
     */
    public static void assertCounts(AnalysisReport.Table table, com.fasterxml.jackson.databind.JsonNode expected,
            String column) {
        expected.fields().forEachRemaining(e -> org.junit.jupiter.api.Assertions.assertEquals(e.getValue().asLong(),
                count(table, e.getKey().replace('_', '-'), column), e.getKey()));
    }

    public static long count(AnalysisReport.Table table, String prefix, String column) {
        List<Cell> row = rows(table, prefix).get(0);
        return ((Cell.Count) row.get(table.columns().indexOf(column))).value().longValueExact();
    }
}

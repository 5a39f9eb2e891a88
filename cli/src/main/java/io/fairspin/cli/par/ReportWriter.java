package io.fairspin.cli.par;

import io.fairspin.cert.report.HtmlReport;
import io.fairspin.cli.report.Csv;
import io.fairspin.cli.report.JsonFigures;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.AnalysisReport.Table;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Prints any game's {@link AnalysisReport} as aligned text, keyed JSON, CSV tables or a standalone HTML page. */
public final class ReportWriter {
    /** Exact values with longer fractions than this are shown as decimals only in text and HTML. */
    private static final int MAX_FRACTION_CHARS = 41;
    private static final int DECIMALS = 10;

    private ReportWriter() {
    }

    /** The cell as text: exact values as a decimal with their fraction when it is short. */
    static String text(Cell cell) {
        if (cell instanceof Cell.Text t) {
            return t.value();
        }
        if (cell instanceof Cell.Count c) {
            return String.format(Locale.ROOT, "%,d", c.value());
        }
        if (cell instanceof Cell.Exact e) {
            Fraction f = e.value();
            String decimal = stripZeros(f.toDecimalString(DECIMALS));
            String fraction = f.toString();
            return fraction.length() <= MAX_FRACTION_CHARS && !fraction.equals(decimal)
                    ? decimal + " (" + fraction + ")" : decimal;
        }
        double value = ((Cell.Approximate) cell).value();
        return Math.abs(value) >= 1e6 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.6f", value);
    }

    private static String stripZeros(String decimal) {
        if (!decimal.contains(".")) {
            return decimal;
        }
        String s = decimal.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Writes the report as text tables, as {@code fairspin par} prints it.
     *
     * @param out where to
     * @param report the report
     */
    public static void writeText(PrintStream out, AnalysisReport report) {
        out.println(report.title());
        for (Table table : report.tables()) {
            out.println();
            out.println(table.title());
            List<List<String>> lines = new ArrayList<>();
            lines.add(table.columns());
            table.rows().forEach(row -> lines.add(row.stream().map(ReportWriter::text).toList()));
            int[] widths = new int[table.columns().size()];
            lines.forEach(line -> {
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = Math.max(widths[i], line.get(i).length());
                }
            });
            for (List<String> line : lines) {
                StringBuilder b = new StringBuilder(" ");
                for (int i = 0; i < widths.length; i++) {
                    b.append(' ').append(line.get(i)).append(" ".repeat(widths[i] - line.get(i).length() + 1));
                }
                out.println(b.toString().stripTrailing());
            }
        }
    }

    /**
     * The PAR sheet as keyed JSON: the game, the RTP variant analysed ({@code variant}; or, for the top level of a
     * model with variants, their names as {@code variants}), its stake in minor units, its exact figures under the names every
     * command uses ({@code rtp}, {@code hitFrequency}, {@code variance}, ...), and each table with its rows as
     * objects keyed by column ({@code winType}, {@code rtp}, {@code playsPerHit}). {@code figures} are the game's
     * exact figures, computed with the report (empty when the game has none).
     */
    static Map<String, Object> json(String model, Game game, AnalysisReport report,
                                    java.util.Optional<io.fairspin.math.ExactFigures> figures, SheetVariant variant) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model);
        json.put("game", game.id());
        variant.addTo(json);
        json.put("title", report.title());
        json.put("stake", game.stake());
        figures.ifPresent(e -> json.putAll(JsonFigures.exactFigures(e, game.winTypes(), game.features())));
        List<Map<String, Object>> tables = new ArrayList<>();
        for (Table table : report.tables()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", JsonFigures.key(table.title()));
            t.put("title", table.title());
            List<String> keys = table.columns().stream().map(JsonFigures::key).toList();
            List<Map<String, Object>> columns = new ArrayList<>();
            for (int c = 0; c < keys.size(); c++) {
                columns.add(Map.of("key", keys.get(c), "title", table.columns().get(c)));
            }
            t.put("columns", columns);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (List<Cell> row : table.rows()) {
                Map<String, Object> r = new LinkedHashMap<>();
                for (int c = 0; c < row.size(); c++) {
                    r.put(keys.get(c), jsonCell(row.get(c)));
                }
                rows.add(r);
            }
            t.put("rows", rows);
            tables.add(t);
        }
        json.put("tables", tables);
        return json;
    }

    /** Text as a string, counts as integers, approximations as numbers, exact values as fraction and decimal. */
    private static Object jsonCell(Cell cell) {
        if (cell instanceof Cell.Text t) {
            return t.value();
        } else if (cell instanceof Cell.Count c) {
            return c.value();
        } else if (cell instanceof Cell.Exact e) {
            return JsonFigures.exact(e.value());
        }
        return JsonFigures.finite(((Cell.Approximate) cell).value());
    }

    /**
     * Every table as CSV: a column holding exact values is written as its decimal value, followed by a column
     * "COLUMN (fraction)" with the exact fraction.
     */
    static void writeCsv(PrintStream out, AnalysisReport report) {
        Csv csv = new Csv(out);
        for (Table table : report.tables()) {
            int columns = table.columns().size();
            boolean[] exact = new boolean[columns];
            table.rows().forEach(row -> {
                for (int c = 0; c < columns; c++) {
                    exact[c] |= row.get(c) instanceof Cell.Exact;
                }
            });
            List<String> header = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                header.add(table.columns().get(c));
                if (exact[c]) {
                    header.add(table.columns().get(c) + " (fraction)");
                }
            }
            List<List<Object>> rows = new ArrayList<>();
            for (List<Cell> row : table.rows()) {
                List<Object> fields = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    Cell cell = row.get(c);
                    if (cell instanceof Cell.Exact e) {
                        fields.add(stripZeros(e.value().toDecimalString(2 * DECIMALS)));
                        fields.add(e.value().toString());
                    } else {
                        fields.add(cell instanceof Cell.Text t ? t.value() : cell instanceof Cell.Count n ? n.value()
                                : JsonFigures.finite(((Cell.Approximate) cell).value()));
                        if (exact[c]) {
                            fields.add(null);
                        }
                    }
                }
                rows.add(fields);
            }
            csv.table(table.title(), header, rows);
        }
    }

    /** The PAR sheet as a standalone page, on the report toolkit, ending with its provenance lines. */
    static String html(AnalysisReport report, List<String> provenance) {
        HtmlReport html = new HtmlReport(report.title());
        for (Table table : report.tables()) {
            html.heading(table.title());
            html.table(table.columns(), table.rows().stream().map(row -> row.stream().map(ReportWriter::text).toList())
                    .toList(), java.util.Set.of());
        }
        return html.provenance(provenance).render();
    }
}

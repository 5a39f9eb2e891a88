package io.fairspin.cli.par;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.AnalysisReport.Table;
import io.fairspin.math.Fraction;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints any game's {@link AnalysisReport} as aligned text, JSON or a standalone HTML page. */
final class ReportWriter {
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

    static void writeText(PrintStream out, AnalysisReport report) {
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

    static ObjectNode json(ObjectMapper mapper, AnalysisReport report) {
        ObjectNode root = mapper.createObjectNode();
        root.put("title", report.title());
        ArrayNode tables = root.putArray("tables");
        for (Table table : report.tables()) {
            ObjectNode t = tables.addObject();
            t.put("title", table.title());
            ArrayNode columns = t.putArray("columns");
            table.columns().forEach(columns::add);
            ArrayNode rows = t.putArray("rows");
            for (List<Cell> row : table.rows()) {
                ArrayNode r = rows.addArray();
                row.forEach(cell -> addCell(r, cell));
            }
        }
        return root;
    }

    /** Text as a string, counts as integers, approximations as numbers, exact values as fraction and decimal. */
    private static void addCell(ArrayNode row, Cell cell) {
        if (cell instanceof Cell.Text t) {
            row.add(t.value());
        } else if (cell instanceof Cell.Count c) {
            row.add(c.value());
        } else if (cell instanceof Cell.Exact e) {
            ObjectNode exact = row.addObject();
            exact.put("fraction", e.value().toString());
            exact.put("decimal", e.value().doubleValue());
        } else {
            double value = ((Cell.Approximate) cell).value();
            if (Double.isFinite(value)) {
                row.add(value);
            } else {
                row.add(String.valueOf(value));
            }
        }
    }

    static void writeHtml(PrintStream out, AnalysisReport report) {
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(report.title()) + "</title>");
        out.println("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}"
                + "th,td{border:1px solid #bbb;padding:.25em .6em;text-align:left}td.n{text-align:right;"
                + "font-family:monospace}th{background:#eee}</style></head><body>");
        out.println("<h1>" + escape(report.title()) + "</h1>");
        for (Table table : report.tables()) {
            out.println("<h2>" + escape(table.title()) + "</h2>");
            out.println("<table><thead><tr>" + table.columns().stream().map(c -> "<th>" + escape(c) + "</th>")
                    .reduce("", String::concat) + "</tr></thead><tbody>");
            for (List<Cell> row : table.rows()) {
                StringBuilder b = new StringBuilder("<tr>");
                for (Cell cell : row) {
                    b.append(cell instanceof Cell.Text ? "<td>" : "<td class=\"n\">").append(escape(text(cell)))
                            .append("</td>");
                }
                out.println(b.append("</tr>"));
            }
            out.println("</tbody></table>");
        }
        out.println("</body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package io.fairspin.cli.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Tables as CSV (RFC 4180: comma-separated, a field with a comma, quote or line break in double quotes). A result
 * with several tables writes each as a {@code # name} line, a header row and its rows, with a blank line between
 * tables: spreadsheet programs and {@code csvkit} skip the comment lines, and {@code awk '/^# name/,/^$/'} cuts
 * one table out.
 */
public final class Csv {
    private final PrintStream out;
    private boolean first = true;

    /**
     * A CSV writer to {@code out}.
     *
     * @param out where the tables go
     */
    public Csv(PrintStream out) {
        this.out = out;
    }

    /**
     * Writes one table: its name line, the header, the rows (numbers as they are, text quoted when needed).
     *
     * @param name the table's name, on its {@code #} line
     * @param header the column names
     * @param rows the rows, one field per column
     * @return this writer
     */
    public Csv table(String name, List<String> header, List<? extends List<?>> rows) {
        if (!first) {
            out.print("\r\n");
        }
        first = false;
        out.print("# " + name.replace('\n', ' ') + "\r\n");
        row(header);
        rows.forEach(this::row);
        out.flush();
        return this;
    }

    private void row(List<?> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        out.print(line.append("\r\n"));
    }

    /** A field: empty for null, numbers in plain notation, text quoted when it holds a comma, quote or newline. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%s", d) : "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}

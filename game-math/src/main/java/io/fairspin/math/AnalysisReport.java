package io.fairspin.math;

import java.util.List;
import java.util.Objects;

/**
 * The exact analysis of a game (a PAR sheet for a slot, the return of every bet for a table game) as
 * titled tables of typed cells, so that one renderer prints any game's analysis as text, JSON or HTML.
 *
 * @param title  what was analysed, for example the model's name
 * @param tables the tables, in reading order
 */
public record AnalysisReport(String title, List<Table> tables) {
    /**
     * Checks the title and copies the tables.
     *
     * @param title what was analysed, for example the model's name
     * @param tables the tables, in reading order
     */
    public AnalysisReport {
        Objects.requireNonNull(title, "title");
        tables = List.copyOf(tables);
    }

    /**
     * One table of the report.
     *
     * @param title   the table's heading, for example "Return by bet"
     * @param columns the column headings
     * @param rows    the rows, each with one cell per column
     */
    public record Table(String title, List<String> columns, List<List<Cell>> rows) {
        /**
         * Checks that every row has one cell per column, and copies the lists.
         *
         * @param title the table's heading, for example "Return by bet"
         * @param columns the column headings
         * @param rows the rows, each with one cell per column
         */
        public Table {
            Objects.requireNonNull(title, "title");
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<Cell> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("rows: each needs " + columns.size() + " cells, one has "
                            + row.size());
                }
            }
        }
    }

    /**
     * The table "Return by win type": each of {@code winTypes} with its exact RTP from {@code figures}, then the
     * total.
     *
     * @param winTypes the win types' names, in the order of {@link ExactFigures#rtpByWinType()}
     * @param figures the game's exact figures, with one RTP per win type
     * @return the table, one row per win type and a last row "total" with the game's RTP
     */
    public static Table returnByWinType(List<String> winTypes, ExactFigures figures) {
        List<List<Cell>> rows = new java.util.ArrayList<>();
        for (int t = 0; t < winTypes.size(); t++) {
            rows.add(List.of(Cell.text(winTypes.get(t)), Cell.exact(figures.rtpByWinType().get(t))));
        }
        rows.add(List.of(Cell.text("total"), Cell.exact(figures.rtp())));
        return new Table("Return by win type", List.of("win type", "RTP"), rows);
    }

    /**
     * The table "RTP by bet" (JSON name {@code rtpByBet}, for every game): the standard wager's RTP first, then every
     * other bet configuration the limits allow whose RTP differs from it, then a row counting the configurations that
     * have the standard RTP, with {@code note} (what never changes the RTP).
     *
     * @param note what the configurations leave out because it never changes the RTP, for example "the bet per line
     *     never changes it"
     * @param standardBet the standard wager's configuration, for example "5 coins"
     * @param standard its exact RTP
     * @param others every other configuration the limits allow with its exact RTP, in the order to list them
     * @return the table, columns "bet" and "RTP"
     */
    /**
     * This report with {@code table} inserted at {@code index} (the RTP-by-bet table goes after the summary, at 1).
     *
     * @param index where the table goes among the tables
     * @param table the table
     * @return a new report with the same title
     */
    public AnalysisReport withTable(int index, Table table) {
        List<Table> all = new java.util.ArrayList<>(tables);
        all.add(index, table);
        return new AnalysisReport(title, all);
    }

    public static Table rtpByBet(String note, String standardBet, Fraction standard,
            java.util.Map<String, Fraction> others) {
        List<List<Cell>> rows = new java.util.ArrayList<>();
        rows.add(List.of(Cell.text(standardBet + " (standard)"), Cell.exact(standard)));
        int same = 0;
        for (java.util.Map.Entry<String, Fraction> other : others.entrySet()) {
            if (other.getValue().equals(standard)) {
                same++;
            } else {
                rows.add(List.of(Cell.text(other.getKey()), Cell.exact(other.getValue())));
            }
        }
        rows.add(List.of(Cell.text((same == 0 && rows.size() == 1 ? "no other configuration"
                : same + " other configuration" + (same == 1 ? "" : "s")) + " (" + note + ")"),
                Cell.text(same == 0 ? "" : "the standard RTP")));
        return new Table("RTP by bet", List.of("bet", "RTP"), rows);
    }

    /** A cell: text, an integer, an exact fraction (shown with its decimal value) or an approximate number. */
    public sealed interface Cell {
        /** A text cell. */
        record Text(String value) implements Cell {
        }

        /** An integer, such as a count of combinations or a cycle size. */
        record Count(java.math.BigInteger value) implements Cell {
        }

        /** An exact value, such as an RTP or a probability. */
        record Exact(Fraction value) implements Cell {
        }

        /** An approximate value, such as a standard deviation or a volatility index. */
        record Approximate(double value) implements Cell {
        }

        /**
         * A text cell.
         *
         * @param value the text, shown as it is
         * @return the cell
         */
        static Cell text(String value) {
            return new Text(value);
        }

        /**
         * A count cell.
         *
         * @param value the count
         * @return the cell
         */
        static Cell count(long value) {
            return new Count(java.math.BigInteger.valueOf(value));
        }

        /**
         * An exact cell, shown as a fraction and its decimal value.
         *
         * @param value the exact value
         * @return the cell
         */
        static Cell exact(Fraction value) {
            return new Exact(value);
        }

        /**
         * An approximate cell.
         *
         * @param value the value, such as a standard deviation
         * @return the cell
         */
        static Cell approximate(double value) {
            return new Approximate(value);
        }
    }
}

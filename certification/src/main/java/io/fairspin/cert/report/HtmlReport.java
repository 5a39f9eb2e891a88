package io.fairspin.cert.report;

import java.util.List;
import java.util.Locale;

/**
 * The toolkit of every HTML report (PAR sheets, simulations, certification): a self-contained page of headings,
 * paragraphs, verdicts, tables, preformatted text, charts ({@link Chart}, inline SVG with round-number ticks) and
 * the report's provenance, with one escaping function ({@link #escape}). No scripts, fonts or anything else fetched
 * from the network.
 */
public final class HtmlReport {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    /**
     * An empty report.
     *
     * @param title the page's title, also its first heading
     */
    public HtmlReport(String title) {
        this.title = title;
    }

    /**
     * A section heading.
     *
     * @param text the heading's text
     * @return this report
     */
    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    /**
     * A paragraph.
     *
     * @param text the paragraph's text
     * @return this report
     */
    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /**
     * A verdict line, green or red.
     *
     * @param passed true for PASS, false for FAIL
     * @param text the verdict's explanation
     * @return this report
     */
    public HtmlReport verdict(boolean passed, String text) {
        body.append("<p class=\"").append(passed ? "pass" : "fail").append("\"><strong>").append(passed ? "PASS" : "FAIL")
                .append("</strong> ").append(escape(text)).append("</p>\n");
        return this;
    }

    /**
     * A table; rows whose index is in {@code failing} are highlighted.
     *
     * @param header the column headings
     * @param rows the rows, one cell per column
     * @param failing the indices of the rows to highlight
     * @return this report
     */
    public HtmlReport table(List<String> header, List<List<String>> rows, java.util.Set<Integer> failing) {
        body.append("<table>\n<thead><tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < rows.size(); i++) {
            body.append(failing.contains(i) ? "<tr class=\"fail\">" : "<tr>");
            rows.get(i).forEach(c -> body.append("<td>").append(escape(c)).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return this;
    }

    /**
     * A histogram of P-values in ten bins [0, 0.1) ... [0.9, 1] as an SVG bar chart, with the expected
     * height of a uniform distribution marked.
     *
     * @param caption the chart's caption
     * @param bins the number of P-values in each tenth of [0, 1]
     * @return this report
     */
    public HtmlReport histogram(String caption, int[] bins) {
        int total = java.util.Arrays.stream(bins).sum();
        double expected = total / (double) bins.length;
        double[] heights = new double[bins.length];
        java.util.List<String> labels = new java.util.ArrayList<>();
        java.util.List<String> tips = new java.util.ArrayList<>();
        for (int i = 0; i < bins.length; i++) {
            heights[i] = bins[i];
            labels.add(String.format(Locale.ROOT, "%.1f", (i + 1) / 10.0));
            tips.add(String.format(Locale.ROOT, "[%.1f, %.1f): %d", i / 10.0, (i + 1) / 10.0, bins[i]));
        }
        double max = Math.max(java.util.Arrays.stream(heights).max().orElse(1), expected);
        Chart chart = new Chart(caption, 460, 200).y(0, Math.max(1, max)).bars(labels, heights, tips, "#4a78b0")
                .reference(expected, "#c33");
        return figure(chart, caption + " (dashed: the uniform expectation)");
    }

    /**
     * A chart with its caption.
     *
     * @param chart the chart
     * @param caption the caption under it
     * @return this report
     */
    public HtmlReport figure(Chart chart, String caption) {
        body.append("<figure>").append(chart.svg()).append("<figcaption>").append(escape(caption))
                .append("</figcaption></figure>\n");
        return this;
    }

    /**
     * Preformatted text, such as a text report.
     *
     * @param text the text, shown as it is
     * @return this report
     */
    public HtmlReport preformatted(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    /**
     * What the report was made from, for the lab's file: the fairspin version, the command line, the date and each
     * input file's size and SHA-256, one line each.
     *
     * @param lines the report's header lines; nothing is added when empty
     * @return this report
     */
    public HtmlReport provenance(List<String> lines) {
        if (!lines.isEmpty()) {
            body.append("<h2>Report</h2>\n<pre class=\"provenance\">");
            lines.forEach(line -> body.append(escape(line)).append('\n'));
            body.append("</pre>\n");
        }
        return this;
    }

    /**
     * The complete document.
     *
     * @return the HTML page
     */
    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n"
                + "body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}"
                + "th,td{border:1px solid #bbb;padding:2px 6px;text-align:right;font-size:90%}"
                + "th{background:#eee}tr.fail td{background:#fdd}p.pass{color:#161}p.fail{color:#a11}"
                + "figure{margin:0.5em 0}figcaption{font-size:85%;color:#555}"
                + "pre{background:#f6f6f6;padding:1em;overflow-x:auto}svg{background:#fff}\n"
                + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body + "</body>\n</html>\n";
    }

    /**
     * The one escaping function of every HTML report: text safe in an element or a double-quoted attribute.
     *
     * @param text any text
     * @return the text with {@code <}, {@code >}, {@code &} and {@code "} escaped
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

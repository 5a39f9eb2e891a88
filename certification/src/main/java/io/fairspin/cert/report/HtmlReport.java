package io.fairspin.cert.report;

import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML report for a certification file: headings, paragraphs, tables and P-value
 * histograms drawn as inline SVG. No scripts, fonts or anything else fetched from the network.
 */
public final class HtmlReport {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A verdict line, green or red. */
    public HtmlReport verdict(boolean passed, String text) {
        body.append("<p class=\"").append(passed ? "pass" : "fail").append("\"><strong>").append(passed ? "PASS" : "FAIL")
                .append("</strong> ").append(escape(text)).append("</p>\n");
        return this;
    }

    /**
     * A table; rows whose index is in {@code failing} are highlighted.
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
     */
    public HtmlReport histogram(String caption, int[] bins) {
        int total = java.util.Arrays.stream(bins).sum();
        int max = Math.max(1, java.util.Arrays.stream(bins).max().orElse(1));
        double expected = total / (double) bins.length;
        double top = Math.max(max, expected) * 1.1;
        int width = 420;
        int height = 160;
        int left = 40;
        int bottom = 20;
        double barWidth = (width - left - 10) / (double) bins.length;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " role=\"img\" aria-label=\"%s\">", width, height, escape(caption)));
        double plot = height - bottom - 10;
        for (int i = 0; i < bins.length; i++) {
            double h = bins[i] / top * plot;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a78b0\">"
                    + "<title>[%.1f, %.1f): %d</title></rect>", left + i * barWidth + 1, 10 + plot - h, barWidth - 2, h,
                    i / 10.0, (i + 1) / 10.0, bins[i]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%.1f</text>",
                    left + i * barWidth + barWidth / 2, height - 5, (i + 1) / 10.0));
        }
        double y = 10 + plot - expected / top * plot;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c33\""
                + " stroke-dasharray=\"4 3\"/><text x=\"2\" y=\"%.1f\" font-size=\"10\">%.0f</text>", left, width - 10,
                y, y, y + 3, expected));
        svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"14\" font-size=\"10\">%d</text>", max));
        svg.append("</svg><figcaption>").append(escape(caption)).append(" (dashed: the uniform expectation)</figcaption></figure>\n");
        body.append(svg);
        return this;
    }

    /** The complete document. */
    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n"
                + "body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}"
                + "th,td{border:1px solid #bbb;padding:2px 6px;text-align:right;font-size:90%}"
                + "th{background:#eee}tr.fail td{background:#fdd}p.pass{color:#161}p.fail{color:#a11}"
                + "figure{margin:0.5em 0}figcaption{font-size:85%;color:#555}\n"
                + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body + "</body>\n</html>\n";
    }

    static String escape(String text) {
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

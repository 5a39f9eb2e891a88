package io.fairspin.cli.simulate;

import io.fairspin.sim.SimulationReport;
import io.fairspin.sim.Statistics;
import java.util.List;
import java.util.Locale;

/**
 * A simulation report as one self-contained HTML file: the text report's figures, a chart of the running
 * RTP inside its confidence band as rounds accumulate, and a chart of the win distribution. Inline CSS
 * and SVG only; nothing is fetched from the network.
 */
final class HtmlReport {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 320;
    private static final int MARGIN = 60;

    private final String model;
    private final SimulationReport report;

    HtmlReport(String model, SimulationReport report) {
        this.model = model;
        this.report = report;
    }

    String render() {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>fairspin simulation: ")
                .append(escape(report.gameId())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
                .append("pre{background:#f6f6f6;padding:1em;overflow-x:auto}")
                .append("svg{background:#fff;border:1px solid #ccc;margin:1em 0}")
                .append("text{font-size:11px;font-family:system-ui,sans-serif}")
                .append(".pass{color:#1a7f37}.fail{color:#c62828}\n</style>\n</head>\n<body>\n")
                .append("<h1>Simulation of ").append(escape(report.gameId())).append("</h1>\n")
                .append(verdictLine())
                .append("<h2>Figures</h2>\n<pre>").append(escape(new ReportText(model, report).render()))
                .append("</pre>\n");
        if (report.statistics().rounds() > 0) {
            html.append("<h2>RTP as rounds accumulate</h2>\n<p>The running RTP (line) in chunk order, inside the ")
                    .append(ReportText.percent(report.plan().confidence()))
                    .append(report.exactFigures().isPresent() ? " band around the exact RTP (dashed)."
                            : " band around the final simulated RTP (dashed); the model has no exact figures.")
                    .append("</p>\n").append(convergenceChart())
                    .append("<h2>Win distribution</h2>\n<p>Rounds by win in multiples of the stake "
                            + "(share of all rounds, logarithmic scale).</p>\n")
                    .append(distributionChart());
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private String verdictLine() {
        if (report.partial()) {
            return "<p class=\"fail\">PARTIAL: the run was interrupted; the figures cover the rounds completed.</p>\n";
        }
        return report.verdict().map(v -> v.passed()
                ? "<p class=\"pass\">PASS: the simulation agrees with the exact figures.</p>\n"
                : "<p class=\"fail\">FAIL: the simulation disagrees with the exact figures.</p>\n").orElse("");
    }

    private String convergenceChart() {
        List<SimulationReport.Point> points = report.convergence();
        double xMin = Math.log10(points.get(0).rounds());
        double xMax = Math.max(Math.log10(points.get(points.size() - 1).rounds()), xMin + 1);
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (SimulationReport.Point p : points) {
            Statistics.Interval band = report.rtpBand(p.rounds());
            yMin = Math.min(yMin, Math.min(p.rtp(), band.low()));
            yMax = Math.max(yMax, Math.max(p.rtp(), band.high()));
        }
        if (!(yMax > yMin)) {
            yMin -= 0.01;
            yMax += 0.01;
        }
        Axes axes = new Axes(xMin, xMax, yMin, yMax);
        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (SimulationReport.Point p : points) {
            double x = Math.log10(p.rounds());
            Statistics.Interval band = report.rtpBand(p.rounds());
            upper.append(axes.point(x, band.high()));
            lower.insert(0, axes.point(x, band.low()));
            line.append(axes.point(x, p.rtp()));
        }
        double centre = report.exactFigures().map(e -> e.rtp().doubleValue()).orElse(report.statistics().rtp());
        StringBuilder svg = svgStart("Running RTP inside its confidence band");
        svg.append("<polygon fill=\"#cfe3f7\" stroke=\"none\" points=\"").append(upper).append(lower).append("\"/>\n")
                .append(String.format(Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#555\" stroke-dasharray=\"6 4\"/>%n",
                        MARGIN, axes.y(centre), WIDTH - MARGIN / 2, axes.y(centre)))
                .append("<polyline fill=\"none\" stroke=\"#c62828\" stroke-width=\"1.5\" points=\"").append(line)
                .append("\"/>\n");
        for (long decade = (long) Math.ceil(xMin); decade <= xMax; decade++) {
            svg.append(axes.xTick(decade, "10^" + decade));
        }
        for (int i = 0; i <= 4; i++) {
            double y = yMin + (yMax - yMin) * i / 4;
            svg.append(axes.yTick(y, String.format(Locale.ROOT, "%.3f%%", 100 * y)));
        }
        return svg.append(axes.frame()).append(label("rounds (log scale)", WIDTH / 2, HEIGHT - 8))
                .append("</svg>\n").toString();
    }

    private String distributionChart() {
        Statistics s = report.statistics();
        List<Statistics.Bucket> buckets = s.histogramBuckets().stream().filter(b -> b.rounds() > 0).toList();
        double minLog = Math.floor(Math.log10((double) buckets.stream().mapToLong(Statistics.Bucket::rounds).min()
                .orElse(1) / s.rounds())) - 0.5;
        Axes axes = new Axes(0, buckets.size(), minLog, 0);
        StringBuilder svg = svgStart("Win distribution");
        double slot = (WIDTH - 1.5 * MARGIN) / buckets.size();
        for (int i = 0; i < buckets.size(); i++) {
            Statistics.Bucket b = buckets.get(i);
            double share = (double) b.rounds() / s.rounds();
            double top = axes.y(Math.log10(share));
            double left = MARGIN + i * slot + slot * 0.15;
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a7fb5\">"
                            + "<title>%s: %,d rounds</title></rect>%n",
                    left, top, slot * 0.7, axes.y(minLog) - top, escape(b.label()), b.rounds()))
                    .append(label(escape(b.label()), left + slot * 0.35, HEIGHT - MARGIN + 14))
                    .append(label(ReportText.percent(share), left + slot * 0.35, top - 4));
        }
        for (long decade = (long) Math.ceil(minLog); decade <= 0; decade++) {
            svg.append(axes.yTick(decade, "1e" + decade));
        }
        return svg.append(axes.frame()).append(label("win x stake", WIDTH / 2, HEIGHT - 8)).append("</svg>\n")
                .toString();
    }

    private static StringBuilder svgStart(String title) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "role=\"img\" aria-label=\"%s\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT, title));
    }

    private static String label(String text, double x, double y) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n", x, y, text);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The mapping of data coordinates into the plotting area. */
    private record Axes(double xMin, double xMax, double yMin, double yMax) {
        double x(double value) {
            return MARGIN + (value - xMin) / (xMax - xMin) * (WIDTH - 1.5 * MARGIN);
        }

        double y(double value) {
            return HEIGHT - MARGIN - (value - yMin) / (yMax - yMin) * (HEIGHT - 1.5 * MARGIN);
        }

        String point(double xValue, double yValue) {
            return String.format(Locale.ROOT, "%.1f,%.1f ", x(xValue), y(yValue));
        }

        String xTick(double value, String text) {
            return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>%n",
                    x(value), HEIGHT - MARGIN, x(value), HEIGHT - MARGIN + 4) + label(text, x(value), HEIGHT - MARGIN + 16);
        }

        String yTick(double value, String text) {
            return String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    MARGIN, y(value), WIDTH - MARGIN / 2, y(value), MARGIN - 4, y(value) + 4, text);
        }

        String frame() {
            return String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#999\"/>%n",
                    MARGIN, MARGIN / 2, WIDTH - 1.5 * MARGIN, HEIGHT - 1.5 * MARGIN);
        }
    }
}

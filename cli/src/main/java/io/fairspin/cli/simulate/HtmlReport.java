package io.fairspin.cli.simulate;

import io.fairspin.cert.report.Chart;
import io.fairspin.sim.SimulationReport;
import io.fairspin.sim.Statistics;
import java.util.List;
import java.util.Locale;

/**
 * A simulation report as one self-contained HTML file, on the report toolkit: the text report's figures, a chart
 * of the running RTP inside its confidence band as rounds accumulate, a chart of the win distribution, and the
 * report's provenance. Inline CSS and SVG only; nothing is fetched from the network.
 */
final class HtmlReport {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 320;

    private final String model;
    private final SimulationReport report;
    private final List<String> provenance;

    HtmlReport(String model, SimulationReport report, List<String> provenance) {
        this.model = model;
        this.report = report;
        this.provenance = List.copyOf(provenance);
    }

    String render() {
        io.fairspin.cert.report.HtmlReport html = new io.fairspin.cert.report.HtmlReport("Simulation of "
                + report.gameId());
        if (report.partial()) {
            html.verdict(false, "PARTIAL: the run was interrupted; the figures cover the rounds completed.");
        } else {
            report.verdict().ifPresent(v -> html.verdict(v.passed(), v.passed()
                    ? "the simulation agrees with the exact figures." : "the simulation disagrees with the exact figures."));
        }
        html.heading("Figures").preformatted(new ReportText(model, report).render());
        if (report.statistics().rounds() > 0) {
            html.heading("RTP as rounds accumulate").figure(convergenceChart(), "The running RTP (line) in chunk order,"
                    + " inside the " + ReportText.percent(report.plan().confidence())
                    + (report.exactFigures().isPresent() ? " band around the exact RTP (dashed)."
                    : " band around the final simulated RTP (dashed); the model has no exact figures."));
            html.heading("Win distribution").figure(distributionChart(),
                    "Rounds by win in multiples of the stake (share of all rounds, logarithmic scale).");
        }
        return html.provenance(provenance).render();
    }

    private Chart convergenceChart() {
        List<SimulationReport.Point> points = report.convergence();
        int n = points.size();
        double[] xs = new double[n];
        double[] rtp = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            SimulationReport.Point p = points.get(i);
            Statistics.Interval band = report.rtpBand(p.rounds());
            xs[i] = Math.log10(p.rounds());
            rtp[i] = p.rtp();
            low[i] = band.low();
            high[i] = band.high();
            yMin = Math.min(yMin, Math.min(p.rtp(), band.low()));
            yMax = Math.max(yMax, Math.max(p.rtp(), band.high()));
        }
        double xMin = xs[0];
        double xMax = Math.max(xs[n - 1], xMin + 1);
        double centre = report.exactFigures().map(e -> e.rtp().doubleValue()).orElse(report.statistics().rtp());
        return new Chart("Running RTP inside its confidence band", WIDTH, HEIGHT).x(xMin, xMax)
                .y(Math.min(yMin, centre), Math.max(yMax, centre))
                .xTicks(Chart.decades(xMin, xMax), Chart::powerOfTen)
                .yLabels(y -> String.format(Locale.ROOT, "%s%%", trim(100 * y)))
                .xTitle("rounds (log scale)")
                .band(xs, low, high, "#cfe3f7").reference(centre, "#555").line(xs, rtp, "#c62828");
    }

    private Chart distributionChart() {
        Statistics s = report.statistics();
        List<Statistics.Bucket> buckets = s.histogramBuckets().stream().filter(b -> b.rounds() > 0).toList();
        double[] shares = new double[buckets.size()];
        List<String> labels = buckets.stream().map(Statistics.Bucket::label).toList();
        List<String> tips = buckets.stream().map(b -> String.format(Locale.ROOT, "%s: %,d rounds (%s)", b.label(),
                b.rounds(), ReportText.percent((double) b.rounds() / s.rounds()))).toList();
        double minLog = 0;
        for (int i = 0; i < shares.length; i++) {
            shares[i] = Math.log10((double) buckets.get(i).rounds() / s.rounds());
            minLog = Math.min(minLog, shares[i]);
        }
        double bottom = Math.floor(minLog) - 1;
        return new Chart("Win distribution", WIDTH, HEIGHT).y(bottom, 0)
                .yTicks(Chart.decades(bottom, 0), d -> "1e" + Math.round(d))
                .xTitle("win x stake").bars(labels, shares, tips, "#4a7fb5");
    }

    /** 96.5000 as "96.5". */
    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.6f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}

package io.fairspin.cli.monitor;

import io.fairspin.audit.monitor.Alert;
import io.fairspin.audit.monitor.GameTally;
import io.fairspin.audit.monitor.Monitor;
import io.fairspin.cert.report.Chart;
import io.fairspin.cert.report.HtmlReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The self-contained HTML snapshot of {@code fairspin monitor --report}, on the report toolkit every HTML report
 * uses ({@link HtmlReport}, {@link Chart}): per game, its figures against the exact ones and a chart of the observed
 * RTP against the control band around the exact RTP; then the alerts and the report's provenance. No script, no
 * external resource.
 */
final class MonitorReport {
    /** At most this many alerts are listed; the heading gives the total. */
    private static final int MAX_ALERTS = 200;

    private MonitorReport() {
    }

    static String html(String log, Monitor m, MonitorSummary summary, List<String> provenance) {
        HtmlReport page = new HtmlReport("fairspin monitor: " + log);
        page.paragraph(String.format(Locale.ROOT, "Log %s: %,d entries, %,d rounds, %,d checkpoints (tree size %,d).",
                log, summary.entries(), summary.rounds(), summary.checkpoints(), summary.treeSize()));
        page.verdict(summary.result().equals("OK"), "Result: " + summary.result());
        for (GameTally t : m.games()) {
            game(page, t);
        }
        List<Alert> alerts = m.alerts();
        page.heading("Alerts (" + m.totalAlerts() + ")");
        if (alerts.isEmpty()) {
            page.paragraph("None.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Alert a : alerts.subList(0, Math.min(alerts.size(), MAX_ALERTS))) {
                rows.add(List.of(a.type(), a.gameId() == null ? "" : a.gameId(),
                        a.currency() == null ? "" : a.currency(), String.valueOf(a.rounds()),
                        a.index() < 0 ? "" : String.valueOf(a.index()), a.message()));
            }
            page.table(List.of("type", "game", "currency", "rounds", "entry", "message"), rows, Set.of());
        }
        return page.provenance(provenance).render();
    }

    private static void game(HtmlReport page, GameTally t) {
        page.heading(t.gameId() + " in " + t.currency());
        page.paragraph("model SHA-256 " + t.modelHash() + ", currency " + t.currency());
        List<List<String>> rows = new ArrayList<>();
        Set<Integer> alarms = new HashSet<>();
        if (t.rtpAlarm()) {
            alarms.add(rows.size());
        }
        io.fairspin.math.Fraction rtp = t.expectedRtp();
        boolean exact = rtp != null;
        rows.add(List.of("RTP", String.format(Locale.ROOT, "%.4f%%", 100 * t.observedRtp()),
                exact ? String.format(Locale.ROOT, "%.4f%%", 100 * rtp.doubleValue()) : "none",
                exact ? String.format(Locale.ROOT, "\u00b1 %.4f%%", 100 * t.rtpBand()) : "none",
                exact ? alarm(t.rtpAlarm()) : ""));
        if (t.hitAlarm()) {
            alarms.add(rows.size());
        }
        rows.add(List.of("hit frequency", String.format(Locale.ROOT, "%.5f", t.observedHitFrequency()),
                exact ? String.format(Locale.ROOT, "%.5f", t.expectedHitFrequency().doubleValue()) : "none", "",
                exact ? alarm(t.hitAlarm()) : ""));
        if (!t.awards().isEmpty() && t.awardAlarm()) {
            alarms.add(rows.size());
        }
        rows.add(List.of("rounds", String.format(Locale.ROOT, "%,d", t.rounds()), "", "",
                t.awards().isEmpty() ? "" : "awards: " + alarm(t.awardAlarm())));
        if (t.impossibleWins() > 0) {
            alarms.add(rows.size());
        }
        rows.add(List.of("stake, win", String.format(Locale.ROOT, "%,d", t.stake()),
                String.format(Locale.ROOT, "%,d", t.win()), "",
                t.impossibleWins() == 0 ? "" : t.impossibleWins() + " impossible wins"));
        page.table(List.of("", "observed", "exact", "control band", "alarm"), rows, alarms);
        if (!exact) {
            page.paragraph("The model states no exact figures (its house edge comes from simulation), so no RTP band"
                    + " applies and no control limit is tested. Each round's win is checked against its logged outcome"
                    + " (the settlement of the logged hands), and duplicate round ids and the log's integrity are checked.");
            return;
        }
        chart(page, t);
    }

    private static String alarm(boolean on) {
        return on ? "ALARM" : "ok";
    }

    /** Observed RTP (blue) against the exact RTP (black, dashed) and the control band (grey), by rounds. */
    private static void chart(HtmlReport page, GameTally t) {
        List<GameTally.Point> points = t.points();
        if (points.size() < 2) {
            page.paragraph("Too few rounds for a chart.");
            return;
        }
        double exact = t.expectedRtp().doubleValue();
        // The vertical range: the last 90% of the run (the first points' band is far wider than the rest).
        double spread = 0;
        for (GameTally.Point p : points.subList(points.size() / 10, points.size())) {
            spread = Math.max(spread, Math.max(Math.abs(p.rtp() - exact), p.high() - exact));
        }
        spread = Math.max(spread * 1.2, 1e-4);
        double lo = exact - spread;
        double hi = exact + spread;
        int n = points.size();
        double[] rounds = new double[n];
        double[] rtp = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            GameTally.Point p = points.get(i);
            rounds[i] = p.rounds();
            rtp[i] = clamp(p.rtp(), lo, hi);
            low[i] = clamp(p.low(), lo, hi);
            high[i] = clamp(p.high(), lo, hi);
        }
        double maxRounds = rounds[n - 1];
        Chart chart = new Chart("RTP against its control band: " + t.gameId() + " in " + t.currency(), 720, 280).x(0, maxRounds).y(lo, hi)
                .xTicks(Chart.niceTicks(0, maxRounds, 6), x -> String.format(Locale.ROOT, "%,d", (long) x))
                .yLabels(y -> String.format(Locale.ROOT, "%.2f%%", 100 * y)).xTitle("rounds")
                .band(rounds, low, high, "#ddd").reference(exact, "#000").line(rounds, rtp, "#1f5fbf");
        page.figure(chart, "Blue: observed RTP; dashed: exact RTP of the bets played; grey: control band (crossing it raises the RTP"
                + " alert).");
    }

    private static double clamp(double value, double lo, double hi) {
        return Math.max(lo, Math.min(hi, value));
    }
}

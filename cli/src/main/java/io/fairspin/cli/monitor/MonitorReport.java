package io.fairspin.cli.monitor;

import io.fairspin.audit.monitor.Alert;
import io.fairspin.audit.monitor.GameTally;
import io.fairspin.audit.monitor.Monitor;
import java.util.List;
import java.util.Locale;

/**
 * The self-contained HTML snapshot of {@code fairspin monitor --report}: per game, its figures against the exact
 * ones and an inline SVG chart of the observed RTP against the control band around the exact RTP; then the alerts.
 * No script, no external resource.
 */
final class MonitorReport {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 260;
    private static final int PAD = 50;

    private MonitorReport() {
    }

    static String html(String log, Monitor m, MonitorSummary summary) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>fairspin monitor: ")
                .append(esc(log)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:60em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}"
                + "th{background:#eee}.bad{color:#b00;font-weight:bold}.ok{color:#070}</style></head><body>\n");
        out.append("<h1>fairspin monitor</h1>\n<p>Log <code>").append(esc(log)).append("</code>: ")
                .append(String.format(Locale.ROOT, "%,d entries, %,d rounds, %,d checkpoints (tree size %,d). Result: ",
                        summary.entries(), summary.rounds(), summary.checkpoints(), summary.treeSize()))
                .append("<span class=\"").append(summary.result().equals("OK") ? "ok" : "bad").append("\">")
                .append(esc(summary.result())).append("</span>.</p>\n");
        for (GameTally t : m.games()) {
            game(out, t);
        }
        List<Alert> alerts = m.alerts();
        out.append("<h2>Alerts (").append(m.totalAlerts()).append(")</h2>\n");
        if (alerts.isEmpty()) {
            out.append("<p class=\"ok\">None.</p>\n");
        } else {
            out.append("<table><tr><th>type</th><th>game</th><th>rounds</th><th>entry</th><th>message</th></tr>\n");
            for (Alert a : alerts.subList(0, Math.min(alerts.size(), 200))) {
                out.append("<tr><td>").append(esc(a.type())).append("</td><td>").append(esc(a.gameId()))
                        .append("</td><td>").append(a.rounds()).append("</td><td>").append(a.index())
                        .append("</td><td style=\"text-align:left\">").append(esc(a.message())).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    private static void game(StringBuilder out, GameTally t) {
        out.append("<h2>").append(esc(t.gameId())).append("</h2>\n<p>model SHA-256 <code>").append(t.modelHash())
                .append("</code></p>\n<table><tr><th></th><th>observed</th><th>exact</th><th>control band</th>"
                        + "<th>alarm</th></tr>\n");
        out.append(String.format(Locale.ROOT, "<tr><th>RTP</th><td>%.4f%%</td><td>%.4f%%</td><td>&plusmn; %.4f%%</td>"
                        + "<td>%s</td></tr>%n", 100 * t.observedRtp(), 100 * t.figures().rtp().doubleValue(),
                100 * t.rtpBand(), alarm(t.rtpAlarm())));
        out.append(String.format(Locale.ROOT, "<tr><th>hit frequency</th><td>%.5f</td><td>%.5f</td><td></td>"
                        + "<td>%s</td></tr>%n", t.observedHitFrequency(), t.figures().hitFrequency().doubleValue(),
                alarm(t.hitAlarm())));
        out.append(String.format(Locale.ROOT, "<tr><th>rounds</th><td>%,d</td><td></td><td></td><td>%s</td></tr>%n",
                t.rounds(), t.awards().isEmpty() ? "" : "awards: " + alarm(t.awardAlarm())));
        out.append(String.format(Locale.ROOT, "<tr><th>stake, win</th><td>%,d</td><td>%,d</td><td></td><td>%s</td>"
                + "</tr>%n", t.stake(), t.win(), t.impossibleWins() == 0 ? "" : "<span class=\"bad\">"
                + t.impossibleWins() + " impossible wins</span>"));
        out.append("</table>\n");
        chart(out, t);
    }

    private static String alarm(boolean on) {
        return on ? "<span class=\"bad\">ALARM</span>" : "<span class=\"ok\">ok</span>";
    }

    /** Observed RTP (blue) against the exact RTP (black) and the control band (grey), by rounds. */
    private static void chart(StringBuilder out, GameTally t) {
        List<GameTally.Point> points = t.points();
        if (points.size() < 2) {
            out.append("<p>Too few rounds for a chart.</p>\n");
            return;
        }
        double exact = t.figures().rtp().doubleValue();
        double spread = 0;
        for (GameTally.Point p : points.subList(points.size() / 10, points.size())) {
            spread = Math.max(spread, Math.max(Math.abs(p.rtp() - exact), p.high() - exact));
        }
        spread = Math.max(spread * 1.2, 1e-4);
        double lo = exact - spread;
        double hi = exact + spread;
        long maxRounds = points.get(points.size() - 1).rounds();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"RTP against its control band\">\n");
        out.append("<rect x=\"").append(PAD).append("\" y=\"10\" width=\"").append(WIDTH - PAD - 10)
                .append("\" height=\"").append(HEIGHT - 40).append("\" fill=\"none\" stroke=\"#999\"/>\n");
        polyline(out, points, maxRounds, lo, hi, 'h', "#bbb");
        polyline(out, points, maxRounds, lo, hi, 'l', "#bbb");
        double y = y(exact, lo, hi);
        out.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#000\"/>%n",
                PAD, WIDTH - 10, y, y));
        polyline(out, points, maxRounds, lo, hi, 'r', "#1f5fbf");
        out.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"16\" font-size=\"11\">%.2f%%</text>"
                        + "<text x=\"2\" y=\"%d\" font-size=\"11\">%.2f%%</text><text x=\"2\" y=\"%.1f\" font-size=\"11\">"
                        + "%.2f%%</text><text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%,d rounds</text>%n",
                100 * hi, HEIGHT - 30, 100 * lo, y + 4, 100 * exact, WIDTH - 10, HEIGHT - 12, maxRounds));
        out.append("</svg>\n<p style=\"font-size:small\">Blue: observed RTP; black: exact RTP; grey: control band"
                + " (crossing it raises the RTP alert).</p>\n");
    }

    private static void polyline(StringBuilder out, List<GameTally.Point> points, long maxRounds, double lo, double hi,
                                 char which, String colour) {
        StringBuilder coords = new StringBuilder();
        for (GameTally.Point p : points) {
            double v = which == 'h' ? p.high() : which == 'l' ? p.low() : p.rtp();
            v = Math.max(lo, Math.min(hi, v));
            double x = PAD + (WIDTH - PAD - 10) * (double) p.rounds() / maxRounds;
            coords.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(v, lo, hi)));
        }
        out.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                .append(coords.toString().trim()).append("\"/>\n");
    }

    private static double y(double value, double lo, double hi) {
        return 10 + (HEIGHT - 40) * (hi - value) / (hi - lo);
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package io.fairspin.cert.game;

import io.fairspin.cert.report.HtmlReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The game-level results as a text table and as a self-contained HTML report. */
public final class GameReports {
    private GameReports() {
    }

    /**
     * One line per test: name, statistic, degrees of freedom, P-value, Holm-adjusted P-value; then the verdict.
     *
     * @param s the tests and their verdict
     * @return the text report, lines ending with a newline
     */
    public static String text(GameTestSummary s) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-36s %14s %7s %10s %10s  %s%n", "test", "statistic", "df", "P-value",
                "Holm", "detail"));
        for (int i = 0; i < s.results().size(); i++) {
            GameTestResult r = s.results().get(i);
            double adjusted = s.adjusted().get(i);
            out.append(String.format(Locale.ROOT, "%-36s %14.4f %7s %10.6f %10.6f%s %s%n", r.name(), r.statistic(),
                    r.degreesOfFreedom() == 0 ? "-" : Integer.toString(r.degreesOfFreedom()), r.pValue(), adjusted,
                    adjusted < s.level() ? "*" : " ", r.detail()));
        }
        for (GameTestResult r : s.notApplied()) {
            out.append(String.format(Locale.ROOT, "%-36s not applied: %s%n", r.name(), r.notApplicable()));
        }
        out.append(verdict(s)).append('\n');
        return out.toString();
    }

    private static String verdict(GameTestSummary s) {
        return String.format(Locale.ROOT, "%s at level %s with Holm's correction over %d tests; %d raw P-values below"
                + " the level (%.2f expected by chance)", s.passed() ? "PASS" : "FAIL", s.level(), s.results().size(),
                s.belowLevel(), s.expectedBelowLevel());
    }

    /**
     * The report: the verdict, the table of tests and the distribution of their P-values.
     *
     * @param s the tests and their verdict
     * @param title the page's title
     * @param description what was tested, one paragraph
     * @return the HTML page
     */
    public static String html(GameTestSummary s, String title, String description) {
        return html(s, title, description, List.of());
    }

    /**
     * The report, ending with its provenance lines (version, command line, date, inputs).
     *
     * @param s the tests and their verdict
     * @param title the page's title
     * @param description what was tested, one paragraph
     * @param provenance the report's header lines
     * @return the HTML page
     */
    public static String html(GameTestSummary s, String title, String description, List<String> provenance) {
        HtmlReport html = new HtmlReport(title);
        html.paragraph(description);
        html.verdict(s.passed(), verdict(s));
        List<List<String>> rows = new ArrayList<>();
        Set<Integer> failing = new HashSet<>();
        int[] bins = new int[10];
        for (int i = 0; i < s.results().size(); i++) {
            GameTestResult r = s.results().get(i);
            if (s.adjusted().get(i) < s.level()) {
                failing.add(rows.size());
            }
            rows.add(List.of(r.name(), String.format(Locale.ROOT, "%.4f", r.statistic()),
                    r.degreesOfFreedom() == 0 ? "-" : Integer.toString(r.degreesOfFreedom()),
                    String.format(Locale.ROOT, "%.6f", r.pValue()), String.format(Locale.ROOT, "%.6f", s.adjusted().get(i)),
                    r.detail()));
            bins[Math.min(9, (int) Math.floor(r.pValue() * 10))]++;
        }
        for (GameTestResult r : s.notApplied()) {
            rows.add(List.of(r.name(), "-", "-", "-", "-", "not applied: " + r.notApplicable()));
        }
        html.heading("Tests");
        html.table(List.of("test", "statistic", "df", "P-value", "Holm-adjusted", "detail"), rows, failing);
        html.histogram("P-value distribution", bins);
        return html.provenance(provenance).render();
    }
}

package io.fairspin.cert.nist;

import io.fairspin.cert.report.HtmlReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The SP 800-22 assessment as a self-contained HTML report: the verdict, then a table and a chart per test. */
public final class NistHtmlReport {
    private NistHtmlReport() {
    }

    /**
     * The report without provenance lines.
     *
     * @param a the assessment
     * @param results each sequence's results, in order
     * @param source what was tested
     * @param length the sequence length in bits
     * @return the HTML page
     */
    public static String render(Assessment a, List<Map<NistTest, TestResult>> results, String source, int length) {
        return render(a, results, source, length, List.of());
    }

    /**
     * The report, ending with its provenance lines (version, command line, date, inputs).
     *
     * @param a the assessment
     * @param results each sequence's results, in order
     * @param source what was tested
     * @param length the sequence length in bits
     * @param provenance the report's header lines
     * @return the HTML page
     */
    public static String render(Assessment a, List<Map<NistTest, TestResult>> results, String source, int length,
                                List<String> provenance) {
        HtmlReport html = new HtmlReport("NIST SP 800-22 Rev.1a: " + source);
        html.paragraph(String.format(Locale.ROOT, "%d sequences of %,d bits from %s; first-level alpha %s.",
                a.sequences(), length, source, a.alpha()));
        html.verdict(a.passed(), String.format(Locale.ROOT, "%d of %d rows significant at %s after a Bonferroni"
                + " correction over rows and 3 criteria; NIST's criteria flag %d rows (%.2f expected by chance).",
                a.significantRows(), a.rows().size(), a.level(), a.flaggedRows(), a.expectedFlaggedRows()));
        int[] all = new int[10];
        a.rows().forEach(r -> add(all, r.histogram()));
        html.histogram("All P-values", all);
        for (NistTest test : NistTest.values()) {
            List<Assessment.Row> rows = a.rows().stream().filter(r -> r.test() == test).toList();
            if (rows.isEmpty()) {
                continue;
            }
            html.heading(test.reportName());
            long notApplicable = results.stream().map(m -> m.get(test)).filter(r -> r != null && !r.applicable()).count();
            if (notApplicable > 0) {
                html.paragraph(notApplicable + " sequences were not tested: " + results.stream().map(m -> m.get(test))
                        .filter(r -> r != null && !r.applicable()).findFirst().orElseThrow().notApplicable());
            }
            List<List<String>> cells = new ArrayList<>();
            Set<Integer> failing = new HashSet<>();
            int[] bins = new int[10];
            for (Assessment.Row r : rows) {
                List<String> line = new ArrayList<>();
                line.add(r.label().isEmpty() ? test.reportName() : r.label());
                for (int h : r.histogram()) {
                    line.add(Integer.toString(h));
                }
                line.add(Double.isNaN(r.uniformityP()) ? "-" : String.format(Locale.ROOT, "%.6f", r.uniformityP()));
                line.add(r.sampleSize() == 0 ? "-" : r.passed() + "/" + r.sampleSize());
                line.add(Double.isNaN(r.minP()) ? "-" : String.format(Locale.ROOT, "%.6f", r.minP()));
                line.add(r.significant() ? "significant" : r.flagged() ? "flagged" : "");
                if (r.flagged() || r.significant()) {
                    failing.add(cells.size());
                }
                cells.add(line);
                add(bins, r.histogram());
            }
            html.table(List.of("P-value", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "uniformity",
                    "passed", "smallest P", "note"), cells, failing);
            html.histogram(test.reportName() + ": P-value distribution", bins);
        }
        return html.provenance(provenance).render();
    }

    private static void add(int[] into, int[] bins) {
        for (int i = 0; i < into.length; i++) {
            into[i] += bins[i];
        }
    }
}

package io.fairspin.cert.nist;

import java.util.Locale;

/** The assessment as text, laid out like NIST's {@code finalAnalysisReport.txt}, with the overall verdict. */
public final class FinalAnalysisReport {
    private static final String RULE = "-".repeat(78);

    private FinalAnalysisReport() {
    }

    /**
     * The report.
     *
     * @param source what was tested, for the "generator is" line
     * @param a the assessment
     * @return NIST's finalAnalysisReport.txt text
     */
    public static String format(Assessment a, String source) {
        StringBuilder out = new StringBuilder();
        out.append(RULE).append('\n')
                .append("RESULTS FOR THE UNIFORMITY OF P-VALUES AND THE PROPORTION OF PASSING SEQUENCES\n")
                .append(RULE).append('\n')
                .append("   generator is <").append(source).append(">\n")
                .append(RULE).append('\n')
                .append(" C1  C2  C3  C4  C5  C6  C7  C8  C9 C10  P-VALUE  PROPORTION  STATISTICAL TEST\n")
                .append(RULE).append('\n');
        int general = 0;
        int excursion = -1;
        for (Assessment.Row row : a.rows()) {
            for (int h : row.histogram()) {
                out.append(String.format(Locale.ROOT, "%3d ", h));
            }
            if (Double.isNaN(row.uniformityP())) {
                out.append("   ----     ");
            } else {
                out.append(String.format(Locale.ROOT, " %8.6f %s ", row.uniformityP(), row.uniformityOk() ? " " : "*"));
            }
            if (row.sampleSize() == 0) {
                out.append("   ------     ");
            } else {
                out.append(String.format(Locale.ROOT, "%4d/%-4d %s  ", row.passed(), row.sampleSize(),
                        row.proportionOk() ? " " : "*"));
            }
            // only the test's name, as NIST's finalAnalysisReport.txt writes every row (parsers rely on it);
            // which template, state or direction a row is stays in the JSON and HTML outputs
            out.append(row.test().reportName());
            out.append('\n');
            if (row.test().isExcursionTest()) {
                excursion = Math.max(excursion, row.sampleSize());
            } else {
                general = Math.max(general, row.sampleSize());
            }
        }
        out.append("\n").append("- ".repeat(39)).append("-\n");
        out.append(String.format(Locale.ROOT, "The minimum pass rate for each statistical test with the exception of the%n"
                + "random excursion (variant) test is approximately = %d for a%nsample size = %d binary sequences.%n%n",
                minPass(general, a.alpha()), general));
        if (excursion >= 0) {
            out.append(excursion == 0 ? "The minimum pass rate for the random excursion (variant) test is undefined.\n\n"
                    : String.format(Locale.ROOT, "The minimum pass rate for the random excursion (variant) test%n"
                    + "is approximately = %d for a sample size = %d binary sequences.%n%n",
                    minPass(excursion, a.alpha()), excursion));
        }
        out.append(String.format(Locale.ROOT, "NIST's criteria flag %d of %d rows (*); a good generator has %.2f"
                + " flagged on average.%n", a.flaggedRows(), a.rows().size(), a.expectedFlaggedRows()));
        out.append(String.format(Locale.ROOT, "Verdict: %s: %d rows significant at %s after a Bonferroni correction"
                + " over %d rows x 3 criteria%n(failing sequences, uniformity, smallest P-value).%n",
                a.passed() ? "PASS" : "FAIL", a.significantRows(), a.level(), a.rows().size()));
        out.append("- ".repeat(39)).append("-\n");
        return out.toString();
    }

    private static int minPass(int size, double alpha) {
        double pHat = 1 - alpha;
        return size == 0 ? 0 : (int) ((pHat - 3.0 * Math.sqrt(pHat * alpha / size)) * size);
    }
}

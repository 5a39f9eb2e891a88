package io.fairspin.cli.par;

import io.fairspin.math.AnalysisReport;
import java.util.List;
import java.util.Map;

/**
 * Which of a model's RTP variants a PAR sheet is of, for its heading and its JSON: {@code played} (from
 * {@code --variant NAME}), or, with none played, the top level, with the names of the variants the model has.
 *
 * @param played the variant analysed, or null for the top level
 * @param names the model's variants, in file order; empty when it has none
 */
public record SheetVariant(String played, List<String> names) {
    /**
     * The report with its title naming the variant played, or, for the top level of a model with variants, saying so
     * and naming them; unchanged for a model without variants.
     *
     * @param report the sheet
     * @return the sheet, titled
     */
    public AnalysisReport titled(AnalysisReport report) {
        if (played != null) {
            return new AnalysisReport(report.title() + ", variant " + played, report.tables());
        }
        if (names.isEmpty()) {
            return report;
        }
        return new AnalysisReport(report.title() + ", the top level (the model's variants " + String.join(", ", names)
                + " have sheets of their own: --variant NAME)", report.tables());
    }

    /** Adds {@code variant} (the one played) or {@code variants} (the model's, the top level analysed) to {@code json}. */
    void addTo(Map<String, Object> json) {
        if (played != null) {
            json.put("variant", played);
        } else if (!names.isEmpty()) {
            json.put("variants", names);
        }
    }
}

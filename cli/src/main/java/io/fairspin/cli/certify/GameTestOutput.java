package io.fairspin.cli.certify;

import io.fairspin.cert.game.GameTestResult;
import io.fairspin.cert.game.GameTestSummary;
import io.fairspin.cli.report.Csv;
import io.fairspin.cli.report.JsonFigures;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The game-level test results of {@code certify outcomes} and {@code certify game} as JSON and as CSV. */
final class GameTestOutput {
    private GameTestOutput() {
    }

    /**
     * The summary as JSON: the level, the verdict, and one object per test with its Holm-adjusted P-value beside
     * the raw one; the tests that did not apply with the reason.
     */
    static Map<String, Object> json(GameTestSummary summary) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("level", summary.level());
        json.put("passed", summary.passed());
        json.put("belowLevel", summary.belowLevel());
        json.put("expectedBelowLevel", summary.expectedBelowLevel());
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < summary.results().size(); i++) {
            GameTestResult r = summary.results().get(i);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", r.name());
            result.put("statistic", JsonFigures.finite(r.statistic()));
            result.put("degreesOfFreedom", r.degreesOfFreedom());
            result.put("pValue", JsonFigures.finite(r.pValue()));
            result.put("adjustedPValue", JsonFigures.finite(summary.adjusted().get(i)));
            result.put("detail", r.detail());
            results.add(result);
        }
        json.put("results", results);
        List<Map<String, Object>> notApplied = new ArrayList<>();
        for (GameTestResult r : summary.notApplied()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", r.name());
            result.put("reason", r.notApplicable());
            notApplied.add(result);
        }
        json.put("notApplied", notApplied);
        return json;
    }

    /** The results as one CSV table (tests that did not apply have no P-value and give the reason). */
    static void csv(PrintStream out, GameTestSummary summary) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < summary.results().size(); i++) {
            GameTestResult r = summary.results().get(i);
            rows.add(Arrays.asList(r.name(), JsonFigures.finite(r.statistic()), r.degreesOfFreedom(),
                    JsonFigures.finite(r.pValue()), JsonFigures.finite(summary.adjusted().get(i)),
                    summary.adjusted().get(i) >= summary.level() ? "pass" : "fail", r.detail()));
        }
        for (GameTestResult r : summary.notApplied()) {
            rows.add(Arrays.asList(r.name(), null, null, null, null, "not applicable", r.notApplicable()));
        }
        new Csv(out).table("game-level tests (level " + summary.level() + ")", List.of("test", "statistic",
                "degreesOfFreedom", "pValue", "adjustedPValue", "result", "detail"), rows);
    }
}

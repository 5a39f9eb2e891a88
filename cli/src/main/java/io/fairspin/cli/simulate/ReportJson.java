package io.fairspin.cli.simulate;

import io.fairspin.cli.Json;
import io.fairspin.cli.report.JsonFigures;
import io.fairspin.math.Fraction;
import io.fairspin.sim.SimulationPlan;
import io.fairspin.sim.SimulationReport;
import io.fairspin.sim.Statistics;
import io.fairspin.sim.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulation report as a JSON document: exact integer sums as numbers, exact figures (the RTP and hit
 * frequency of the run, the game's exact figures) as {@code {"fraction", "decimal"}} under the names {@code par}
 * uses, intervals as {@code {"low", "high"}}, derived figures as numbers.
 */
final class ReportJson {
    private ReportJson() {
    }

    static Map<String, Object> of(String model, SimulationReport report) {
        SimulationPlan plan = report.plan();
        Statistics s = report.statistics();
        double c = plan.confidence();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model);
        json.put("game", report.gameId());
        json.put("bet", Json.tree(plan.bet().toJson()));
        json.put("rng", plan.mode().cliName());
        json.put("seed", plan.seed());
        json.put("confidence", c);
        json.put("roundsPlanned", plan.rounds());
        json.put("partial", report.partial());
        json.put("rounds", s.rounds());
        json.put("stake", s.stake());
        json.put("totalStake", s.totalStake());
        json.put("totalWin", s.totalWin());
        json.put("sumOfSquaredWins", s.sumOfSquaredWins());
        json.put("sumOfSquaredStakes", s.sumOfSquaredStakes());
        json.put("sumOfWinsTimesStakes", s.sumOfWinsTimesStakes());
        json.put("fixedStake", s.fixedStake());
        json.put("hits", s.hits());
        json.put("maxWin", s.maxWin());
        if (s.rounds() > 0) {
            json.put("rtp", JsonFigures.exact(s.exactRtp()));
            json.put("rtpInterval", interval(s.rtpInterval(c)));
            json.put("hitFrequency", JsonFigures.exact(s.hits(), s.rounds()));
            json.put("hitFrequencyInterval", interval(s.hitFrequencyInterval(c)));
            json.put("averageStake", s.averageStake());
            json.put("houseEdge", s.houseEdge());
            json.put("houseEdgeInterval", interval(s.houseEdgeInterval(c)));
            json.put("standardDeviation", finite(s.standardDeviation()));
            json.put("volatilityIndex", finite(s.volatilityIndex(c)));
            json.put("maxWinMultiple", s.maxWinMultiple());
            json.put("winTypes", winTypes(report));
            json.put("features", features(report));
            json.put("histogram", histogram(s));
        }
        report.exactFigures().ifPresent(e -> json.put("exact",
                JsonFigures.exactFigures(e, report.winTypes(), report.features())));
        report.verdict().ifPresent(v -> json.put("verdict", verdict(v)));
        return json;
    }

    private static List<Object> winTypes(SimulationReport report) {
        List<Object> types = new ArrayList<>();
        for (int t = 0; t < report.winTypes().size(); t++) {
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("winType", report.winTypes().get(t));
            type.put("totalWin", report.statistics().winByType().get(t));
            type.put("rtp", JsonFigures.exact(Fraction.of(report.statistics().winByType().get(t),
                    report.statistics().totalStake())));
            types.add(type);
        }
        return types;
    }

    private static List<Object> features(SimulationReport report) {
        List<Object> features = new ArrayList<>();
        Statistics s = report.statistics();
        for (int f = 0; f < report.features().size(); f++) {
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("feature", report.features().get(f));
            feature.put("rounds", s.featureCounts().get(f));
            feature.put("frequency", JsonFigures.exact(s.featureCounts().get(f), s.rounds()));
            feature.put("frequencyInterval", interval(s.featureFrequencyInterval(f, report.plan().confidence())));
            features.add(feature);
        }
        return features;
    }

    private static List<Object> histogram(Statistics s) {
        List<Object> buckets = new ArrayList<>();
        for (Statistics.Bucket bucket : s.histogramBuckets()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("winTimesStake", bucket.label());
            b.put("rounds", bucket.rounds());
            buckets.add(b);
        }
        return buckets;
    }

    private static Map<String, Object> verdict(Verdict v) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("passed", v.passed());
        verdict.put("rtpZ", finite(v.rtpZ()));
        verdict.put("hitFrequencyZ", finite(v.hitFrequencyZ()));
        verdict.put("critical", v.critical());
        verdict.put("confidence", v.confidence());
        verdict.put("familyWise", "holm");
        List<Object> tests = new ArrayList<>();
        for (Verdict.Test t : v.tests()) {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("name", t.name());
            test.put("statistic", finite(t.statistic()));
            test.put("pValue", t.pValue());
            test.put("adjustedPValue", t.adjustedPValue());
            test.put("rejected", t.rejected());
            tests.add(test);
        }
        verdict.put("tests", tests);
        v.chiSquare().ifPresent(c -> {
            Map<String, Object> chi = new LinkedHashMap<>();
            chi.put("statistic", finite(c.statistic()));
            chi.put("degreesOfFreedom", c.degreesOfFreedom());
            chi.put("pValue", c.pValue());
            chi.put("awards", c.awards());
            chi.put("categories", c.categories());
            chi.put("unlistedRounds", c.unlisted());
            verdict.put("winDistribution", chi);
        });
        v.awardOccurrences().ifPresent(a -> {
            Map<String, Object> occurrences = new LinkedHashMap<>();
            occurrences.put("statistic", finite(a.statistic()));
            occurrences.put("pValue", a.pValue());
            occurrences.put("awardsTested", a.awardsTested());
            occurrences.put("award", a.award());
            verdict.put("awardOccurrences", occurrences);
        });
        return verdict;
    }

    private static Map<String, Object> interval(Statistics.Interval interval) {
        return JsonFigures.interval(interval.low(), interval.high());
    }

    /** JSON has no NaN or infinity: those become null (for example the deviation of a single round). */
    private static Double finite(double value) {
        return JsonFigures.finite(value);
    }
}

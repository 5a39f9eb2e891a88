package io.fairspin.cli.simulate;

import io.fairspin.cli.report.Csv;
import io.fairspin.sim.SimulationReport;
import io.fairspin.sim.Statistics;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulation report's tables as CSV: the figures beside the exact ones, the return by win type, the features
 * and the win distribution.
 */
final class ReportCsv {
    private ReportCsv() {
    }

    static void write(PrintStream out, SimulationReport report) {
        Statistics s = report.statistics();
        double c = report.plan().confidence();
        Csv csv = new Csv(out);
        List<List<Object>> figures = new ArrayList<>();
        figures.add(List.of("bet", report.plan().bet().toJson(), "", "", ""));
        var exact = report.exactFigures();
        if (s.rounds() > 0) {
            Statistics.Interval rtp = s.rtpInterval(c);
            Statistics.Interval hit = s.hitFrequencyInterval(c);
            figures.add(List.of("rounds", s.rounds(), "", "", ""));
            figures.add(row("rtp", s.rtp(), rtp.low(), rtp.high(), exact.map(e -> e.rtp().doubleValue()).orElse(null)));
            figures.add(row("hitFrequency", s.hitFrequency(), hit.low(), hit.high(),
                    exact.map(e -> e.hitFrequency().doubleValue()).orElse(null)));
            figures.add(row("standardDeviation", s.standardDeviation(), null, null,
                    exact.map(e -> e.standardDeviation()).orElse(null)));
            figures.add(row("maxWinMultiple", s.maxWinMultiple(), null, null, null));
        }
        csv.table("figures", List.of("figure", "simulated", "low", "high", "exact"), figures);
        List<List<Object>> types = new ArrayList<>();
        for (int t = 0; t < report.winTypes().size() && s.rounds() > 0; t++) {
            final int type = t;
            types.add(row(report.winTypes().get(t), s.winByType().get(t), s.rtpOfWinType(t),
                    exact.map(e -> e.rtpByWinType().get(type).doubleValue()).orElse(null)));
        }
        csv.table("win types", List.of("winType", "totalWin", "rtp", "exactRtp"), types);
        List<List<Object>> features = new ArrayList<>();
        for (int f = 0; f < report.features().size() && s.rounds() > 0; f++) {
            final int feature = f;
            Statistics.Interval interval = s.featureFrequencyInterval(f, c);
            features.add(row(report.features().get(f), s.featureCounts().get(f), s.featureFrequency(f), interval.low(),
                    interval.high(), exact.map(e -> e.featureFrequencies().get(feature).doubleValue()).orElse(null)));
        }
        csv.table("features", List.of("feature", "rounds", "frequency", "low", "high", "exactFrequency"), features);
        List<List<Object>> buckets = new ArrayList<>();
        for (Statistics.Bucket bucket : s.histogramBuckets()) {
            buckets.add(row(bucket.label(), bucket.from(), bucket.to(), bucket.rounds()));
        }
        csv.table("win distribution", List.of("winTimesStake", "from", "to", "rounds"), buckets);
    }

    private static List<Object> row(Object... fields) {
        return java.util.Arrays.asList(fields);
    }
}

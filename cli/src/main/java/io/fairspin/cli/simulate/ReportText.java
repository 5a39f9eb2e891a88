package io.fairspin.cli.simulate;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.sim.SimulationPlan;
import io.fairspin.sim.SimulationReport;
import io.fairspin.sim.Statistics;
import io.fairspin.sim.Verdict;
import java.util.Locale;
import java.util.Optional;

/** A simulation report as text for people: the run, the figures beside the exact ones, the verdict. */
final class ReportText {
    private final String model;
    private final SimulationReport report;
    private final StringBuilder text = new StringBuilder();

    ReportText(String model, SimulationReport report) {
        this.model = model;
        this.report = report;
    }

    String render() {
        run();
        Statistics s = report.statistics();
        if (s.rounds() == 0) {
            line("no round completed");
            return text.toString();
        }
        figures(s);
        winTypes(s);
        features(s);
        distribution(s);
        verdict();
        return text.toString();
    }

    private void run() {
        SimulationPlan plan = report.plan();
        line("model               %s (%s)", model, report.gameId());
        line("bet                 %s%s", plan.bet().toJson(), plan.bet().isBonusBuy()
                ? " (bought rounds, each staking the model's price x the bet)" : "");
        line("rounds              %,d%s", report.statistics().rounds(), report.partial()
                ? String.format(Locale.ROOT, " of %,d: PARTIAL, the run was interrupted", plan.rounds()) : "");
        Statistics s = report.statistics();
        line("stake               %,d%s", s.stake(), s.fixedStake() ? "" : String.format(Locale.ROOT,
                " initial, %s x on average (stakes added during rounds)", decimal(s.averageStake())));
        line("rng                 %s, seed %d (rerun with --seed %d)", plan.mode().cliName(), plan.seed(), plan.seed());
        line("confidence          %s", percent(plan.confidence()));
        line("");
    }

    private void figures(Statistics s) {
        double c = report.plan().confidence();
        Optional<ExactFigures> exact = report.exactFigures();
        Optional<Verdict> verdict = report.verdict();
        line("%-20s %12s  %-27s %12s  %s", "", "simulated", percent(c) + " interval", "exact", "z");
        row("RTP", s.rtp(), s.rtpInterval(c), exact.map(ExactFigures::rtp), verdict.map(Verdict::rtpZ));
        row("hit frequency", s.hitFrequency(), s.hitFrequencyInterval(c), exact.map(ExactFigures::hitFrequency),
                verdict.map(Verdict::hitFrequencyZ));
        if (!s.fixedStake()) {
            line("%-20s %12.6f  %-27s %12s  %s", "house edge", s.houseEdge(), interval(s.houseEdgeInterval(c)), "",
                    "(loss per initial stake)");
        }
        line("%-20s %12.4f  %-27s %12s", "standard deviation", s.standardDeviation(), "",
                exact.map(e -> String.format(Locale.ROOT, "%.4f", e.standardDeviation())).orElse(""));
        line("%-20s %12.4f  %-27s %12s", "volatility index", s.volatilityIndex(c), "(" + percent(c) + ")",
                exact.map(e -> String.format(Locale.ROOT, "%.4f", Statistics.criticalValue(c) * e.standardDeviation()))
                        .orElse(""));
        line("%-20s %,12d  %s", "max win", s.maxWin(), String.format(Locale.ROOT, "(%s x stake)",
                decimal(s.maxWinMultiple())));
    }

    private void row(String name, double value, Statistics.Interval interval, Optional<Fraction> exact,
            Optional<Double> z) {
        line("%-20s %12.6f  %-27s %12s  %s", name, value, interval(interval),
                exact.map(f -> f.toDecimalString(6)).orElse(""), z.map(v -> String.format(Locale.ROOT, "%+.2f", v))
                        .orElse(""));
    }

    private void winTypes(Statistics s) {
        line("");
        line("%-20s %12s  %12s", "RTP by win type", "simulated", "exact");
        for (int t = 0; t < report.winTypes().size(); t++) {
            int type = t;
            line("  %-18s %12.6f  %12s", report.winTypes().get(t), s.rtpOfWinType(t),
                    report.exactFigures().map(e -> e.rtpByWinType().get(type).toDecimalString(6)).orElse(""));
        }
    }

    private void features(Statistics s) {
        if (report.features().isEmpty()) {
            return;
        }
        double c = report.plan().confidence();
        line("");
        line("%-20s %12s  %-27s %12s  %s", "feature frequency", "simulated", percent(c) + " interval", "exact",
                "1 in");
        for (int f = 0; f < report.features().size(); f++) {
            int feature = f;
            double frequency = s.featureFrequency(f);
            line("  %-18s %12.6f  %-27s %12s  %s", report.features().get(f), frequency,
                    interval(s.featureFrequencyInterval(f, c)),
                    report.exactFigures().map(e -> e.featureFrequencies().get(feature).toDecimalString(6)).orElse(""),
                    frequency > 0 ? decimal(1 / frequency) : "never");
        }
    }

    private void distribution(Statistics s) {
        line("");
        line("%-20s %15s  %10s", "win x stake", "rounds", "share");
        for (Statistics.Bucket bucket : s.histogramBuckets()) {
            if (bucket.rounds() > 0) {
                line("  %-18s %,15d  %9.5f%%", bucket.label(), bucket.rounds(), 100.0 * bucket.rounds() / s.rounds());
            }
        }
    }

    private void verdict() {
        line("");
        if (report.verdict().isEmpty()) {
            line("verdict             none: the model has no exact figures");
            return;
        }
        Verdict v = report.verdict().get();
        line("verdict             %s: %s at %s family-wise confidence (Holm over %d tests)",
                v.passed() ? "PASS" : "FAIL", v.passed() ? "no test rejected"
                    : "rejected " + String.join(", ", v.tests().stream().filter(Verdict.Test::rejected)
                        .map(t -> TEST_NAMES.get(t.name())).toList()),
                percent(v.confidence()), v.tests().size());
        for (Verdict.Test test : v.tests()) {
            String statistic = test.name().equals("winDistribution")
                    ? v.chiSquare().map(c -> String.format(Locale.ROOT, "chi² %.2f, %d df (%d awards in %d classes%s)",
                        c.statistic(), c.degreesOfFreedom(), c.awards(), c.categories(),
                        c.unlisted() > 0 ? String.format(Locale.ROOT, ", %,d rounds won what no award pays", c.unlisted())
                            : "")).orElse("")
                    : test.name().equals("awardOccurrences")
                    ? v.awardOccurrences().map(a -> String.format(Locale.ROOT, "largest |z| %.2f (%s; %d awards tested)",
                        a.statistic(), a.award(), a.awardsTested())).orElse("")
                    : String.format(Locale.ROOT, "z %+.2f", test.statistic());
            line("  %-17s %-10s p %.4f, Holm-adjusted %.4f   %s", TEST_NAMES.get(test.name()),
                    test.rejected() ? "REJECTED" : "ok", test.pValue(), test.adjustedPValue(), statistic);
        }
    }

    private static final java.util.Map<String, String> TEST_NAMES = java.util.Map.of("rtp", "RTP", "hitFrequency",
            "hit frequency", "winDistribution", "awards", "awardOccurrences", "award occurrences");

    private static String interval(Statistics.Interval interval) {
        return String.format(Locale.ROOT, "[%.6f, %.6f]", interval.low(), interval.high());
    }

    static String percent(double fraction) {
        return decimal(100 * fraction) + "%";
    }

    /** A number with at most 4 decimals and no trailing zeros. */
    static String decimal(double value) {
        return new java.math.BigDecimal(value).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private void line(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args).stripTrailing()).append('\n');
    }
}

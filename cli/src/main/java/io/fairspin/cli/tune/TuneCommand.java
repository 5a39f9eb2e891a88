package io.fairspin.cli.tune;

import io.fairspin.cli.FormatOption;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.report.JsonFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.slot.tuning.ReelSetTuner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairspin tune}: a slot model's base reel set weights set for a target RTP, exactly. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Tune a slot model's RTP: set the weights of its base reel sets (\"baseReels\": [{\"reelSet\","
            + " \"weight\"}, ...]) so that its exact RTP is the nearest to --target-rtp, write the tuned model to"
            + " --out, and report the RTP the written model has, computed exactly from scratch.",
            "The RTP of a round is the weighted mean of the RTPs of the game played on each base reel set alone;"
            + " the sets with the lowest and the highest RTP take new weights (summing to 1,000,000), the others"
            + " keep theirs. Exit code 1 when the target is outside what the reel sets reach or the achieved RTP is"
            + " further than --tolerance from it.",
            "Its exact analyses together count at most --max-cycle combinations (1G by default): a model past it is"
            + " refused naming its count; progress of a long count goes to stderr, and Ctrl-C stops it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the tuned model was written, within the tolerance", "1:error: bad model, a target out of"
            + " reach, an achieved RTP outside the tolerance", "2:usage error"})
public final class TuneCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJson format;

    @Mixin
    private io.fairspin.cli.MaxCycleOption maxCycle;

    @Mixin
    private io.fairspin.cli.ProgressOption progress;

    @Parameters(paramLabel = "MODEL", description = "The slot model file (JSON); '-' for stdin.")
    private String model;

    @Option(names = "--variant", paramLabel = "NAME",
            description = "Tune this RTP variant (a name under \"variants\"): its baseReels when it replaces them.")
    private String variant;

    @Option(names = "--target-rtp", paramLabel = "RTP",
            description = "The RTP to reach, a decimal such as 0.96 (taken exactly: 96/100).")
    private String target;

    @Option(names = "--variants", paramLabel = "RTP,RTP...", split = ",",
            description = "Instead of --target-rtp: one RTP variant per target, written into the tuned model's"
                    + " \"variants\" (0.94 is variant \"94\") with its own base reel set weights.")
    private List<String> variantTargets;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "0.0005",
            description = "The largest distance between the achieved and the target RTP (default: ${DEFAULT-VALUE}).")
    private String tolerance;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the tuned model.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if ((target == null) == (variantTargets == null)) {
            throw usageError("give exactly one of --target-rtp RTP and --variants RTP,RTP...");
        }
        Fraction allowed = decimal("--tolerance", tolerance);
        if (allowed.signum() < 0) {
            throw usageError("--tolerance: must be 0 or more, was " + tolerance);
        }
        if (variantTargets != null) {
            return variants(allowed);
        }
        Fraction goal = decimal("--target-rtp", target);
        if (goal.signum() <= 0) {
            throw usageError("--target-rtp: must be above 0, was " + target);
        }
        long start = System.nanoTime();
        byte[] modelBytes = io().readAll(model);
        ReelSetTuner.Result result = maxCycle.run(io(), model, progress.enabled(io()),
                () -> ReelSetTuner.tune(model, modelBytes, variant, goal));
        io.fairspin.cli.ReportFiles.write(out, result.model());
        boolean within = within(result.achieved(), goal, allowed);
        PrintStream stdout = new PrintStream(io().out(), false, StandardCharsets.UTF_8);
        if (json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", model);
            json.put("variant", variant);
            json.put("out", out.toString());
            json.put("targetRtp", JsonFigures.exact(goal));
            json.put("tolerance", JsonFigures.exact(allowed));
            json.put("rtpBefore", JsonFigures.exact(result.before()));
            json.put("rtp", JsonFigures.exact(result.achieved()));
            json.put("withinTolerance", within);
            json.put("reelSets", sets(result));
            writeJsonReport(json);
        } else {
            stdout.printf(Locale.ROOT, "model        %s%s%n", model, variant == null ? "" : " (variant " + variant + ")");
            stdout.printf(Locale.ROOT, "target RTP   %s (tolerance %s)%n", goal.toDecimalString(6), allowed.toDecimalString(6));
            stdout.printf(Locale.ROOT, "RTP before   %s%n", result.before().toDecimalString(10));
            stdout.printf(Locale.ROOT, "RTP now      %s = %s (exact, from the written model)%n",
                    result.achieved().toDecimalString(10), result.achieved());
            stdout.printf(Locale.ROOT, "written to   %s%n%n", out);
            stdout.printf(Locale.ROOT, "%-16s %14s %14s %14s%n", "base reel set", "RTP alone", "weight before", "weight now");
            for (ReelSetTuner.SetRtp set : result.sets()) {
                stdout.printf(Locale.ROOT, "%-16s %14s %,14d %,14d%n", set.reelSet(), set.rtp().toDecimalString(6),
                        set.weightBefore(), set.weightAfter());
            }
            printReportFooter(stdout);
        }
        stdout.flush();
        io().err().printf(Locale.ROOT, "fairspin: %s tuned in %.2f s%n", model, (System.nanoTime() - start) / 1e9);
        if (!within) {
            io().err().printf(Locale.ROOT, "fairspin: %s: the achieved RTP %s is further than %s from the target %s%n",
                    model, result.achieved().toDecimalString(6), allowed.toDecimalString(6), goal.toDecimalString(6));
            return 1;
        }
        return 0;
    }

    /** --variants: one variant per target in one model file. */
    private int variants(Fraction allowed) throws IOException {
        if (variant != null) {
            throw usageError("--variant: not with --variants (which writes variants)");
        }
        List<Fraction> goals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String text : variantTargets) {
            Fraction goal = decimal("--variants", text);
            if (goal.signum() <= 0) {
                throw usageError("--variants: each RTP must be above 0, was " + text);
            }
            String name = goal.multiply(100).toBigDecimal(java.math.MathContext.DECIMAL128).stripTrailingZeros().toPlainString();
            if (names.contains(name)) {
                throw usageError("--variants: " + text + " is given twice");
            }
            goals.add(goal);
            names.add(name);
        }
        long start = System.nanoTime();
        byte[] modelBytes = io().readAll(model);
        List<ReelSetTuner.Result> results = maxCycle.run(io(), model, progress.enabled(io()),
                () -> ReelSetTuner.tuneVariants(model, modelBytes, names, goals));
        io.fairspin.cli.ReportFiles.write(out, results.get(0).model());
        boolean all = true;
        List<Map<String, Object>> rows = new ArrayList<>();
        PrintStream stdout = new PrintStream(io().out(), false, StandardCharsets.UTF_8);
        if (!json()) {
            stdout.printf(Locale.ROOT, "model        %s%n", model);
            stdout.printf(Locale.ROOT, "RTP before   %s%n", results.get(0).before().toDecimalString(10));
            stdout.printf(Locale.ROOT, "written to   %s (variants %s)%n%n", out, String.join(", ", names));
            stdout.printf(Locale.ROOT, "%-8s %10s %14s  %s%n", "variant", "target", "RTP now", "base reel set weights");
        }
        for (int i = 0; i < names.size(); i++) {
            ReelSetTuner.Result result = results.get(i);
            boolean within = within(result.achieved(), goals.get(i), allowed);
            all &= within;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("variant", names.get(i));
            row.put("targetRtp", JsonFigures.exact(goals.get(i)));
            row.put("rtp", JsonFigures.exact(result.achieved()));
            row.put("withinTolerance", within);
            row.put("reelSets", sets(result));
            rows.add(row);
            if (!json()) {
                stdout.printf(Locale.ROOT, "%-8s %10s %14s  %s%n", names.get(i), goals.get(i).toDecimalString(6),
                        result.achieved().toDecimalString(10), String.join(", ", result.sets().stream()
                                .map(set -> String.format(Locale.ROOT, "%s %,d", set.reelSet(), set.weightAfter())).toList()));
            }
        }
        if (json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", model);
            json.put("out", out.toString());
            json.put("tolerance", JsonFigures.exact(allowed));
            json.put("rtpBefore", JsonFigures.exact(results.get(0).before()));
            json.put("withinTolerance", all);
            json.put("variants", rows);
            writeJsonReport(json);
        } else {
            printReportFooter(stdout);
        }
        stdout.flush();
        io().err().printf(Locale.ROOT, "fairspin: %s tuned to %d variants in %.2f s%n", model, names.size(),
                (System.nanoTime() - start) / 1e9);
        if (!all) {
            io().err().printf(Locale.ROOT, "fairspin: %s: an achieved RTP is further than %s from its target%n", model,
                    allowed.toDecimalString(6));
            return 1;
        }
        return 0;
    }

    private static boolean within(Fraction achieved, Fraction goal, Fraction allowed) {
        Fraction distance = achieved.subtract(goal);
        return (distance.signum() < 0 ? distance.negate() : distance).compareTo(allowed) <= 0;
    }

    private static List<Map<String, Object>> sets(ReelSetTuner.Result result) {
        List<Map<String, Object>> sets = new ArrayList<>();
        for (ReelSetTuner.SetRtp set : result.sets()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("reelSet", set.reelSet());
            row.put("rtp", JsonFigures.exact(set.rtp()));
            row.put("weightBefore", set.weightBefore());
            row.put("weight", set.weightAfter());
            sets.add(row);
        }
        return sets;
    }

    private Fraction decimal(String option, String text) {
        try {
            return ReelSetTuner.decimal(text);
        } catch (NumberFormatException e) {
            throw usageError(option + ": expected a decimal such as 0.96, was '" + text + "'");
        }
    }
}

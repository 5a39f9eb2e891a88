package io.fairspin.cli.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fairspin.cli.FormatOption;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.par.ReportWriter;
import io.fairspin.cli.par.SheetVariant;
import io.fairspin.cli.report.JsonFigures;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.ModelException;
import io.fairspin.math.slot.analysis.ParSheet;
import io.fairspin.math.slot.tuning.ReelSetTuner;
import io.fairspin.math.slot.tuning.ReelWeightTuner;
import io.fairspin.math.slot.tuning.StripCountTuner;
import io.fairspin.math.slot.tuning.TuneReports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

/** {@code fairspin tune}: a slot model's weights set for a target RTP (and hit frequency, volatility), exactly. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Tune a slot model's RTP, exactly: write a copy of MODEL to --out whose exact RTP is within"
            + " --tolerance of --target-rtp (or one RTP variant per --variants target), with a PAR sheet and a diff of"
            + " what changed beside it, and report the figures of the written model, analysed again from its bytes.",
            "A model whose base reel set is a weighted choice (\"baseReels\": [{\"reelSet\", \"weight\"}, ...]) is"
            + " tuned by those weights: the sets with the lowest and the highest RTP take new weights summing to"
            + " 1,000,000. A model with one base reel set is tuned on one reel (--reel, the middle one by default) by"
            + " what --change says: the symbol counts of its plain strip, or its stop weights (it becomes a virtual reel"
            + " with the same stops), each changed by at most --max-change; by default (auto) the counts where they"
            + " reach every target, else the weights. There --hit-frequency and --volatility-index may be asked too.",
            "Nothing is written when a target is out of reach: the error names the option and the range reachable."
            + " Its exact analyses together count at most --max-cycle combinations (1G by default) each; progress of a"
            + " long count goes to stderr, and Ctrl-C stops it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the tuned model was written, within the tolerance", "1:error: bad model, a target out of"
            + " reach (nothing written)", "2:usage error"})
public final class TuneCommand extends LeafCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

    @Option(names = "--variants", paramLabel = "RTP", split = ",",
            description = "Instead of --target-rtp: one RTP variant per target, written into the tuned model's"
                    + " \"variants\" (0.94 is variant \"94\") with its own weights.")
    private List<String> variantTargets;

    @Option(names = "--hit-frequency", paramLabel = "H",
            description = "Also reach this hit frequency per round, within --tolerance. With --keep reels or a weighted"
                    + " choice of reel sets the RTP fixes it: it is checked, and refused when missed.")
    private String hitFrequency;

    @Option(names = "--volatility-index", paramLabel = "LOW..HIGH",
            description = "Keep the volatility index (90%%, as par reports it) within this band, for example 10..20"
                    + " (with --keep reels or a weighted choice of reel sets: checked, and refused when missed).")
    private String volatility;

    @Option(names = "--max-change", paramLabel = "F", defaultValue = "0.5",
            description = "One base reel set: the largest change of a stop's weight, as a fraction of it, above 0 and"
                    + " below 1, at most six decimals (default: ${DEFAULT-VALUE}).")
    private String maxChange;

    @Option(names = "--reel", paramLabel = "N", split = ",",
            description = "One base reel set: the reels that change, 1 the leftmost (default: the middle reel).")
    private List<Integer> reel;

    @Option(names = "--change", paramLabel = "auto|counts|weights", defaultValue = "auto",
            description = "One base reel set: what of the reels changes: counts (how many stops of each symbol a plain"
                    + " strip holds, stops replaced in place, each symbol's count within --max-change of itself),"
                    + " weights (each stop's weight within --max-change of itself; a plain strip becomes a virtual reel)"
                    + " or auto (the default: counts when every tuned reel is a plain strip and the counts reach every"
                    + " target, else weights; the output says which and why).")
    private String change;

    @Option(names = "--keep", paramLabel = "pays|reels", defaultValue = "pays",
            description = "What stays as it is: pays (the default; the reels' weights change) or reels (the pays"
                    + " change, each by at most --max-change of itself, in whole units, non-decreasing in the count).")
    private String keep;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "0.0005",
            description = "The largest distance between an achieved and a target RTP or hit frequency"
                    + " (default: ${DEFAULT-VALUE}).")
    private String tolerance;

    @Option(names = "--out", required = true, paramLabel = "FILE|DIR",
            description = "Where to write the tuned model: FILE, or, when DIR is a directory or ends in '/', DIR/ and"
                    + " MODEL's file name; its PAR sheets (STEM.par.txt, or STEM.VARIANT.par.txt with --variants) and"
                    + " the diff (STEM.diff.json) go beside it.")
    private String outOption;

    /** The tuned model's file: {@code --out} itself, or in the directory it names, MODEL's file name. */
    private Path out;

    /** One tuned model or variant, as reported. */
    private record Row(String variant, Fraction target, ExactFigures figures, boolean within, Game game,
            Map<String, Object> detail) {
    }

    @Override
    public Integer call() throws IOException {
        out = outFile();
        if ((target == null) == (variantTargets == null)) {
            throw usageError("give exactly one of --target-rtp RTP and --variants RTP,RTP...");
        }
        if (!keep.equals("pays") && !keep.equals("reels")) {
            throw usageError("--keep: expected pays or reels, was '" + keep + "'");
        }
        Fraction allowed = decimal("--tolerance", tolerance);
        if (allowed.signum() < 0) {
            throw usageError("--tolerance: must be 0 or more, was " + tolerance);
        }
        Fraction shift = decimal("--max-change", maxChange);
        if (shift.signum() <= 0 || shift.compareTo(Fraction.ONE) >= 0
                || shift.multiply(1_000_000).denominator().compareTo(java.math.BigInteger.ONE) != 0) {
            throw usageError("--max-change: expected a fraction above 0 and below 1 with at most six decimals, was "
                    + maxChange);
        }
        if (reel != null && reel.stream().anyMatch(r -> r == null || r < 1)) {
            throw usageError("--reel: each reel must be 1 or more, was " + reel);
        }
        if (!List.of("auto", "counts", "weights").contains(change)) {
            throw usageError("--change: expected auto, counts or weights, was '" + change + "'");
        }
        Fraction hit = null;
        if (hitFrequency != null) {
            hit = decimal("--hit-frequency", hitFrequency);
            if (hit.signum() <= 0 || hit.compareTo(Fraction.ONE) > 0) {
                throw usageError("--hit-frequency: must be above 0 and at most 1, was " + hitFrequency);
            }
        }
        Fraction[] band = volatility == null ? null : band(volatility);
        List<Fraction> goals = new ArrayList<>();
        List<String> names = null;
        if (variantTargets != null) {
            if (variant != null) {
                throw usageError("--variant: not with --variants (which writes variants)");
            }
            names = new ArrayList<>();
            for (String text : variantTargets) {
                Fraction goal = decimal("--variants", text);
                if (goal.signum() <= 0) {
                    throw usageError("--variants: each RTP must be above 0, was " + text);
                }
                String name = goal.multiply(100).toBigDecimal(java.math.MathContext.DECIMAL128).stripTrailingZeros()
                        .toPlainString();
                if (names.contains(name)) {
                    throw usageError("--variants: " + text + " is given twice");
                }
                goals.add(goal);
                names.add(name);
            }
        } else {
            Fraction goal = decimal("--target-rtp", target);
            if (goal.signum() <= 0) {
                throw usageError("--target-rtp: must be above 0, was " + target);
            }
            goals.add(goal);
        }
        long start = System.nanoTime();
        byte[] modelBytes = io().readAll(model);
        List<String> variantNames = names;
        Fraction rtpBefore;
        Fraction hitBefore = null;
        byte[] written;
        List<Row> rows = new ArrayList<>();
        Map<String, Object> how = new LinkedHashMap<>();
        if (keep.equals("reels")) {
            for (String[] option : new String[][] {{"--reel", reel == null ? null : reel.toString()},
                    {"--variant", variant}, {"--change", change.equals("auto") ? null : change}}) {
                if (option[1] != null) {
                    throw usageError(option[0] + ": not with --keep reels (the reels stay as they are)");
                }
            }
            io.fairspin.math.slot.tuning.PayTuner.Result result = maxCycle.run(io(), model, progress.enabled(io()),
                    () -> io.fairspin.math.slot.tuning.PayTuner.tune(model, modelBytes, variantNames, goals, allowed, shift,
                            variantNames == null ? "--target-rtp" : "--variants"));
            written = result.model();
            rtpBefore = result.before().rtp();
            hitBefore = result.before().hitFrequency();
            how.put("tuning", "pays");
            how.put("maxChange", JsonFigures.exact(shift));
            for (io.fairspin.math.slot.tuning.PayTuner.Tuned t : result.tuned()) {
                List<Map<String, Object>> pays = rows(t.pays(), c -> new Object[] {"path", c.path(), "before", c.before(),
                    "after", c.after()});
                rows.add(new Row(t.variant(), t.target(), t.figures(), true, t.game(), Map.of("pays", pays)));
            }
        } else if (weightedChoice(modelBytes)) {
            for (String[] option : new String[][] {{"--reel", reel == null ? null : reel.toString()},
                    {"--change", change.equals("auto") ? null : change}}) {
                if (option[1] != null) {
                    throw new ModelException(model, "$.baseReels", option[0] + " works on models with one base reel set;"
                            + " this one is tuned by the weights of its choice of reel sets");
                }
            }
            List<ReelSetTuner.Result> results = maxCycle.run(io(), model, progress.enabled(io()), () -> variantNames == null
                    ? List.of(ReelSetTuner.tune(model, modelBytes, variant, goals.get(0)))
                    : ReelSetTuner.tuneVariants(model, modelBytes, variantNames, goals));
            written = results.get(0).model();
            rtpBefore = results.get(0).before();
            how.put("tuning", "reelSetWeights");
            for (int i = 0; i < results.size(); i++) {
                ReelSetTuner.Result result = results.get(i);
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("reelSets", sets(result));
                rows.add(new Row(names == null ? variant : names.get(i), goals.get(i),
                        result.game().exactFigures().orElseThrow(), within(result.achieved(), goals.get(i), allowed),
                        result.game(), detail));
            }
        } else {
            if (variant != null) {
                throw new ModelException(model, "$.variants." + variant, "--variant: tune changes a variant's weighted"
                        + " choice of base reel sets only; tune the top level of a model with one base reel set, or"
                        + " write variants with --variants");
            }
            Fraction lowVi = band == null ? null : band[0];
            Fraction highVi = band == null ? null : band[1];
            List<ReelWeightTuner.Targets> targets = new ArrayList<>();
            for (Fraction goal : goals) {
                targets.add(new ReelWeightTuner.Targets(goal, hit, lowVi, highVi, allowed));
            }
            int[] reels = reel == null ? new int[0] : reel.stream().mapToInt(r -> r - 1).toArray();
            OneSet one = new OneSet(modelBytes, variantNames, targets, shift, reels,
                    variantNames == null ? "--target-rtp" : "--variants", hit, band);
            Tuning tuning = oneReelSet(one);
            written = tuning.model();
            rtpBefore = tuning.rtpBefore();
            hitBefore = tuning.hitBefore();
            how.putAll(tuning.how());
            rows.addAll(tuning.rows());
        }
        if (how.get("tuning").equals("pays") || how.get("tuning").equals("reelSetWeights")) {
            checkFixedFigures(how.get("tuning").equals("pays"), rows, hit, band, allowed);
        }
        boolean all = rows.stream().allMatch(Row::within);
        if (!all) {
            io().err().printf(Locale.ROOT, "fairspin: %s: an achieved RTP is further than %s from its target; nothing"
                    + " written%n", model, allowed.toDecimalString(6));
            return 1;
        }
        // The files, written all or none; the model renamed last, once the sheets and the diff beside it are there.
        Map<Path, byte[]> files = new LinkedHashMap<>();
        List<String> parFiles = new ArrayList<>();
        List<String> writtenVariants = io.fairspin.math.GameModels.variants(out.toString(), written);
        for (Row row : rows) {
            Path par = sibling(names == null ? ".par.txt" : "." + row.variant() + ".par.txt");
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            SheetVariant sheetVariant = new SheetVariant(row.variant(), writtenVariants);
            try (PrintStream p = new PrintStream(text, false, StandardCharsets.UTF_8)) {
                TuneReports.parSheet(row.game()).ifPresent(report -> ReportWriter.writeText(p, sheetVariant.titled(report)));
            }
            files.put(par, text.toByteArray());
            parFiles.add(par.toString());
        }
        Path diff = sibling(".diff.json");
        files.put(diff, diff(modelBytes, written, rows));
        files.put(out, written);
        io.fairspin.cli.ReportFiles.writeAll(files);

        PrintStream stdout = new PrintStream(io().out(), false, StandardCharsets.UTF_8);
        if (json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", model);
            if (names == null) {
                json.put("variant", variant);
            }
            json.put("out", out.toString());
            json.put("parSheets", parFiles);
            json.put("diff", diff.toString());
            json.putAll(how);
            json.put("tolerance", JsonFigures.exact(allowed));
            json.put("rtpBefore", JsonFigures.exact(rtpBefore));
            if (hitBefore != null) {
                json.put("hitFrequencyBefore", JsonFigures.exact(hitBefore));
            }
            json.put("withinTolerance", all);
            List<Map<String, Object>> items = new ArrayList<>();
            for (Row row : rows) {
                Map<String, Object> item = new LinkedHashMap<>();
                if (names != null) {
                    item.put("variant", row.variant());
                }
                item.put("targetRtp", JsonFigures.exact(row.target()));
                item.put("rtp", JsonFigures.exact(row.figures().rtp()));
                item.put("hitFrequency", JsonFigures.exact(row.figures().hitFrequency()));
                item.put("variance", JsonFigures.exact(row.figures().variance()));
                item.put("volatilityIndex", ParSheet.volatilityIndex(row.figures()));
                item.put("withinTolerance", row.within());
                item.putAll(row.detail());
                items.add(item);
            }
            if (names == null) {
                json.putAll(items.get(0));
            } else {
                json.put("variants", items);
            }
            writeJsonReport(json);
        } else {
            text(stdout, rows, names, how, rtpBefore, hitBefore, allowed, parFiles, diff);
            printReportFooter(stdout);
        }
        stdout.flush();
        io().err().printf(Locale.ROOT, "fairspin: %s tuned%s in %.2f s%n", model,
                names == null ? "" : " to " + names.size() + " variants", (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** What tuning a model with one base reel set starts from: the model, the targets and the options' values. */
    private record OneSet(byte[] bytes, List<String> names, List<ReelWeightTuner.Targets> targets, Fraction shift,
            int[] reels, String option, Fraction hit, Fraction[] band) {
        /** How the reels were tuned, for the JSON: the tuning, the reel set, its tuned reels and --max-change. */
        Map<String, Object> how(String tuning, String reelSet, int[] tuned) {
            Map<String, Object> how = new LinkedHashMap<>();
            how.put("tuning", tuning);
            putReels(how, reelSet, tuned);
            how.put("maxChange", JsonFigures.exact(shift));
            return how;
        }

        /** One tuned model or variant, its detail the targets beside the RTP, then {@code lists} (key, rows in turn). */
        Row row(String variant, ReelWeightTuner.Targets goal, ExactFigures figures, Game game, Object... lists) {
            Map<String, Object> detail = targetsDetail(hit, band);
            for (int i = 0; i < lists.length; i += 2) {
                detail.put((String) lists[i], lists[i + 1]);
            }
            return new Row(variant, goal.rtp(), figures, true, game, detail);
        }
    }

    /** What one tuner wrote: the model, its figures before, how it was tuned (the JSON's keys) and each result. */
    private record Tuning(byte[] model, Fraction rtpBefore, Fraction hitBefore, Map<String, Object> how, List<Row> rows) {
    }

    /**
     * A model with one base reel set tuned by what --change asks; auto (the default): by the symbol counts when every
     * tuned reel is a plain strip and the counts reach every target, else by the stop weights. The reason the counts
     * were left goes in {@code countsMissed}; any other refusal of the counts is the command's error.
     */
    private Tuning oneReelSet(OneSet one) {
        if (change.equals("counts")) {
            return counts(one);
        }
        if (change.equals("weights") || !plainStrips(one.bytes(), one.reels())) {
            return weights(one);
        }
        try {
            return counts(one);
        } catch (StripCountTuner.TargetMissed missed) {
            String why = missed.jsonPath() + ": " + missed.problem();
            Tuning tuning;
            try {
                tuning = weights(one);
            } catch (ModelException alsoMissed) {
                throw new ModelException(model, alsoMissed.jsonPath(), alsoMissed.problem() + " (--change auto: the"
                        + " symbol counts, tried first, could not either: " + why + ")");
            }
            tuning.how().put("countsMissed", why);
            return tuning;
        }
    }

    private Tuning counts(OneSet one) {
        StripCountTuner.Result result = maxCycle.run(io(), model, progress.enabled(io()), () -> StripCountTuner.tune(model,
                one.bytes(), one.names(), one.targets(), one.shift(), one.reels(), one.option()));
        List<Row> rows = new ArrayList<>();
        for (StripCountTuner.Tuned t : result.tuned()) {
            rows.add(one.row(t.variant(), t.targets(), t.figures(), t.game(),
                    "counts", rows(t.counts(), c -> new Object[] {"reel", c.reel() + 1, "symbol", c.symbol(),
                        "before", c.before(), "after", c.after()}),
                    "stops", rows(t.stops(), c -> new Object[] {"path", c.path(), "before", c.before(),
                        "after", c.after()})));
        }
        return new Tuning(result.model(), result.before().rtp(), result.before().hitFrequency(),
                one.how("stripCounts", result.reelSet(), result.reels()), rows);
    }

    private Tuning weights(OneSet one) {
        ReelWeightTuner.Result result = maxCycle.run(io(), model, progress.enabled(io()), () -> ReelWeightTuner.tune(model,
                one.bytes(), one.names(), one.targets(), one.shift(), one.reels(), one.option()));
        List<Row> rows = new ArrayList<>();
        for (ReelWeightTuner.Tuned t : result.tuned()) {
            rows.add(one.row(t.variant(), t.targets(), t.figures(), t.game(),
                    "symbols", rows(t.symbols(), s -> new Object[] {"reel", s.reel() + 1, "symbol", s.symbol(),
                        "group", s.group(), "shareBefore", JsonFigures.exact(s.before()), "share",
                        JsonFigures.exact(s.after())})));
        }
        return new Tuning(result.model(), result.rtpBefore(), result.hitFrequencyBefore(),
                one.how("reelWeights", result.reelSet(), result.reels()), rows);
    }

    private void text(PrintStream stdout, List<Row> rows, List<String> names, Map<String, Object> how, Fraction rtpBefore,
            Fraction hitBefore, Fraction allowed, List<String> parFiles, Path diff) {
        stdout.printf(Locale.ROOT, "model        %s%s%n", model, variant == null ? "" : " (variant " + variant + ")");
        if (how.get("tuning").equals("reelWeights")) {
            stdout.printf(Locale.ROOT, "tuned        the stop weights of %s of reel set %s (%s), each within"
                    + " --max-change %s%s%n", reelsText(how), how.get("reelSet"), String.join(", ", paths(how)), maxChange,
                    paths(how).size() > 1 ? ", the next reel only when those before cannot reach the RTP" : "");
        } else if (how.get("tuning").equals("stripCounts")) {
            stdout.printf(Locale.ROOT, "tuned        the symbol counts of %s of reel set %s (%s), stops replaced in place,"
                    + " each symbol's count within --max-change %s, the strips' lengths kept%n", reelsText(how),
                    how.get("reelSet"), String.join(", ", paths(how)), maxChange);
        } else if (how.get("tuning").equals("pays")) {
            stdout.printf(Locale.ROOT, "tuned        the pays, each within --max-change %s, the reels kept%n", maxChange);
        } else {
            stdout.printf(Locale.ROOT, "tuned        the weights of the base reel sets%n");
        }
        if (how.get("tuning").equals("stripCounts") || how.get("tuning").equals("reelWeights")) {
            stdout.printf(Locale.ROOT, "change       %s%n", changeText(how));
        }
        stdout.printf(Locale.ROOT, "RTP before   %s%s%n", rtpBefore.toDecimalString(10),
                hitBefore == null ? "" : " (hit frequency " + hitBefore.toDecimalString(6) + ")");
        stdout.printf(Locale.ROOT, "tolerance    %s%n", allowed.toDecimalString(6));
        stdout.printf(Locale.ROOT, "written to   %s%s%n", out, names == null ? "" : " (variants " + String.join(", ", names) + ")");
        stdout.printf(Locale.ROOT, "beside it    %s, %s%n%n", String.join(", ", parFiles), diff);
        stdout.printf(Locale.ROOT, "%-8s %10s %14s %14s %12s%n", "variant", "target", "RTP now", "hit frequency", "VI (90%)");
        for (Row row : rows) {
            stdout.printf(Locale.ROOT, "%-8s %10s %14s %14s %12.4f%n", row.variant() == null ? "-" : row.variant(),
                    row.target().toDecimalString(6), row.figures().rtp().toDecimalString(10),
                    row.figures().hitFrequency().toDecimalString(6), ParSheet.volatilityIndex(row.figures()));
        }
        stdout.println();
        stdout.println("RTP now, hit frequency and VI are the written model's exact figures, analysed again from its bytes.");
        stdout.println();
        if (how.get("tuning").equals("reelWeights")) {
            stdout.println("share of each tuned reel's weight (group 0 returns the most per unit of weight; - the reel"
                    + " kept)");
            table(stdout, rows, "symbols", "group", "shareBefore", "share", v -> String.format(Locale.ROOT, "%8.3f%%",
                    percent(v)));
        } else if (how.get("tuning").equals("stripCounts")) {
            stdout.println("stops of each symbol on each tuned strip");
            table(stdout, rows, "counts", null, "before", "after", String::valueOf);
            stdout.println();
            changes(stdout, rows, "stops");
        } else if (how.get("tuning").equals("pays")) {
            changes(stdout, rows, "pays");
        } else {
            stdout.printf(Locale.ROOT, "%-8s  %s%n", "variant", "base reel set: RTP alone, weight before -> now");
            for (Row row : rows) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> sets = (List<Map<String, Object>>) row.detail().get("reelSets");
                List<String> parts = new ArrayList<>();
                for (Map<String, Object> set : sets) {
                    parts.add(String.format(Locale.ROOT, "%s %.6f, %,d -> %,d", set.get("reelSet"),
                            ((Number) ((Map<?, ?>) set.get("rtp")).get("decimal")).doubleValue(),
                            (Long) set.get("weightBefore"), (Long) set.get("weight")));
                }
                stdout.printf(Locale.ROOT, "%-8s  %s%n", row.variant() == null ? "-" : row.variant(), String.join("; ", parts));
            }
        }
    }

    /**
     * A table with one line per (reel, symbol) of the results' {@code key} lists and one column per result: the value
     * before, then each result's value after ("-" where a result left the reel as it was).
     */
    private static void table(PrintStream stdout, List<Row> rows, String key, String group, String before, String after,
            java.util.function.Function<Object, String> format) {
        Map<String, Map<String, Object>> lines = new LinkedHashMap<>();
        for (Row row : rows) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) row.detail().get(key);
            for (Map<String, Object> entry : list) {
                lines.putIfAbsent(entry.get("reel") + " " + entry.get("symbol"), entry);
            }
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%4s %-10s", "reel", "symbol"));
        if (group != null) {
            header.append(String.format(Locale.ROOT, " %5s", group));
        }
        header.append(String.format(Locale.ROOT, " %9s", "before"));
        for (Row row : rows) {
            header.append(String.format(Locale.ROOT, " %9s", row.variant() == null ? "now" : row.variant()));
        }
        stdout.println(header);
        for (Map.Entry<String, Map<String, Object>> line : lines.entrySet()) {
            Map<String, Object> first = line.getValue();
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%4s %-10s", first.get("reel"),
                    first.get("symbol")));
            if (group != null) {
                text.append(String.format(Locale.ROOT, " %5s", first.get(group)));
            }
            text.append(String.format(Locale.ROOT, " %9s", format.apply(first.get(before))));
            for (Row row : rows) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> list = (List<Map<String, Object>>) row.detail().get(key);
                Object value = list.stream().filter(e -> line.getKey().equals(e.get("reel") + " " + e.get("symbol")))
                        .findFirst().map(e -> e.get(after)).orElse(null);
                text.append(String.format(Locale.ROOT, " %9s", value == null ? "-" : format.apply(value)));
            }
            stdout.println(text);
        }
    }

    /** The change used (counts or weights), and why when --change auto chose it. */
    private String changeText(Map<String, Object> how) {
        boolean counts = how.get("tuning").equals("stripCounts");
        String used = counts ? "counts" : "weights";
        if (!change.equals("auto")) {
            return used + " (--change " + used + ")";
        }
        if (counts) {
            return used + " (--change auto: every tuned reel is a plain strip and the counts reach every target)";
        }
        return used + " (--change auto: " + (how.containsKey("countsMissed")
                ? "the symbol counts could not: " + how.get("countsMissed") : "a tuned reel is not a plain strip") + ")";
    }

    @SuppressWarnings("unchecked")
    private static List<String> paths(Map<String, Object> how) {
        return (List<String>) how.get("paths");
    }

    private static String reelsText(Map<String, Object> how) {
        List<?> reels = (List<?>) how.get("reels");
        return (reels.size() == 1 ? "reel " : "reels ") + reels.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * --hit-frequency and --volatility-index where the tuning leaves them no freedom, checked on the written model's
     * exact figures and refused (naming the option and the figure there is) when missed. With --keep reels the pays
     * never move the hit frequency (every pay stays at least 1), and the volatility is what the pays that meet the RTP
     * make it; a weighted choice of reel sets has one free weight (two sets move), so the RTP fixes the hit frequency
     * and the mean square win, each a weighted mean of the sets' own, exactly.
     */
    private void checkFixedFigures(boolean pays, List<Row> rows, Fraction hit, Fraction[] band, Fraction allowed) {
        String how = pays ? "with the reels kept (pays do not move it)" : "with the weights of the base reel sets (two sets"
                + " move, so the RTP leaves no choice)";
        for (Row row : rows) {
            String at = "at RTP " + row.figures().rtp().toDecimalString(6) + (row.variant() == null ? ""
                    : " (variant " + row.variant() + ")");
            if (hit != null && !within(row.figures().hitFrequency(), hit, allowed)) {
                throw new ModelException(model, pays ? "$.pays" : "$.baseReels", String.format(Locale.ROOT,
                        "--hit-frequency %s: %s the hit frequency %s is %s", hit.toDecimalString(6), at, how,
                        row.figures().hitFrequency().toDecimalString(6)));
            }
            double vi = ParSheet.volatilityIndex(row.figures());
            if (band != null && (vi < band[0].doubleValue() || vi > band[1].doubleValue())) {
                throw new ModelException(model, pays ? "$.pays" : "$.baseReels", String.format(Locale.ROOT,
                        "--volatility-index %s: %s the volatility index (90%%) %s is %.4f", volatility, at,
                        pays ? "of the pays that meet it, the reels kept," : how.replace("(two sets move, so the RTP"
                                + " leaves no choice)", "(two sets move, so the RTP leaves no choice),"), vi));
            }
        }
    }

    /** Per result, each change of its {@code key} list (stops or pays) as "path: before -> after". */
    private static void changes(PrintStream stdout, List<Row> rows, String key) {
        stdout.printf(Locale.ROOT, "%-8s  %s%n", "variant", key + " changed (JSON path: before -> now)");
        for (Row row : rows) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) row.detail().get(key);
            List<String> parts = new ArrayList<>();
            for (Map<String, Object> change : list) {
                parts.add(change.get("path") + ": " + change.get("before") + " -> " + change.get("after"));
            }
            stdout.printf(Locale.ROOT, "%-8s  %s%n", row.variant() == null ? "-" : row.variant(),
                    parts.isEmpty() ? "(none)" : String.join(", ", parts));
        }
    }

    /** One JSON object per item, its keys and values given in turn by {@code fields}. */
    private static <T> List<Map<String, Object>> rows(List<T> items, java.util.function.Function<T, Object[]> fields) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (T item : items) {
            Object[] pairs = fields.apply(item);
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                row.put((String) pairs[i], pairs[i + 1]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The tuned reel set, its reels (from 1) and their JSON paths. */
    private static void putReels(Map<String, Object> how, String reelSet, int[] reels) {
        how.put("reelSet", reelSet);
        how.put("reels", java.util.Arrays.stream(reels).map(r -> r + 1).boxed().toList());
        how.put("paths", java.util.Arrays.stream(reels).mapToObj(r -> "$.reelSets." + reelSet + "[" + r + "]").toList());
    }

    /** The targets beside the RTP, for a result's JSON. */
    private static Map<String, Object> targetsDetail(Fraction hit, Fraction[] band) {
        Map<String, Object> detail = new LinkedHashMap<>();
        if (hit != null) {
            detail.put("targetHitFrequency", JsonFigures.exact(hit));
        }
        if (band != null) {
            detail.put("targetVolatilityIndex", Map.of("low", band[0].doubleValue(), "high", band[1].doubleValue()));
        }
        return detail;
    }

    /** Whether every reel to tune (the middle one when none is given) of the model's one base reel set is a plain strip. */
    private static boolean plainStrips(byte[] bytes, int[] reels) {
        try {
            JsonNode root = JSON.readTree(bytes);
            JsonNode set = root.path("reelSets").path(root.path("baseReels").asText());
            if (!set.isArray() || set.isEmpty()) {
                return false;
            }
            for (int r : reels.length == 0 ? new int[] {set.size() / 2} : reels) {
                if (!set.path(r).isArray()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false; // the tuner reads it again and names what is wrong
        }
    }

    private static double percent(Object exact) {
        return 100 * ((Number) ((Map<?, ?>) exact).get("decimal")).doubleValue();
    }


    /** The diff file: every change from the model to the written one, and each tuned reel's symbol weights. */
    private byte[] diff(byte[] before, byte[] after, List<Row> rows) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", model);
        doc.put("out", out.toString());
        List<Map<String, Object>> changes = new ArrayList<>();
        List<String> variants = new ArrayList<>();
        if (rows.get(0).variant() == null || variantTargets == null) {
            variants.add(null);
        } else {
            rows.forEach(row -> variants.add(row.variant()));
        }
        for (String name : variants) {
            List<TuneReports.Change> list = name == null ? TuneReports.changes(model, before, after)
                    : TuneReports.variantChanges(model, before, after, name);
            for (TuneReports.Change c : list) {
                Map<String, Object> change = new LinkedHashMap<>();
                if (name != null) {
                    change.put("variant", name);
                }
                change.put("path", c.path());
                change.put("before", c.before() == null ? null : JSON.readTree(c.before()));
                change.put("after", c.after() == null ? null : JSON.readTree(c.after()));
                changes.add(change);
            }
        }
        doc.put("changes", changes);
        List<Map<String, Object>> weights = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("variant", row.variant());
            entry.putAll(row.detail());
            weights.add(entry);
        }
        doc.put("weights", weights);
        return (JSON.writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code --out FILE}, or {@code --out DIR} (a directory, or a path ending in '/') with MODEL's file name in it. */
    private Path outFile() {
        Path given = Path.of(outOption);
        if (!outOption.endsWith("/") && !Files.isDirectory(given)) {
            return given;
        }
        if (model.equals("-")) {
            throw usageError("--out " + outOption + ": a directory takes MODEL's file name; with MODEL '-' give --out"
                    + " FILE");
        }
        return given.resolve(Path.of(model).getFileName());
    }

    /** {@code out} with its extension (after the last dot, if any) replaced by {@code suffix}. */
    private Path sibling(String suffix) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return out.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + suffix);
    }

    /** Whether the model (or --variant, when it replaces them) draws its base reel set from a weighted choice. */
    private boolean weightedChoice(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            JsonNode holder = variant != null && root.path("variants").path(variant).has("baseReels")
                    ? root.path("variants").path(variant) : root;
            return holder.path("baseReels").isArray();
        } catch (IOException e) {
            return false; // the tuner reads it again and names what is wrong
        }
    }

    private Fraction[] band(String text) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            throw usageError("--volatility-index: expected LOW..HIGH such as 10..20, was '" + text + "'");
        }
        Fraction low = decimal("--volatility-index", text.substring(0, dots));
        Fraction high = decimal("--volatility-index", text.substring(dots + 2));
        if (low.signum() < 0 || high.compareTo(low) < 0) {
            throw usageError("--volatility-index: expected 0 <= LOW <= HIGH, was '" + text + "'");
        }
        return new Fraction[] {low, high};
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

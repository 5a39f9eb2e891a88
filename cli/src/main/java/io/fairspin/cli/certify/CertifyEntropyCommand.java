package io.fairspin.cli.certify;

import io.fairspin.cert.entropy.EntropySamples;
import io.fairspin.cert.entropy.Estimate;
import io.fairspin.cert.entropy.Figure;
import io.fairspin.cert.entropy.HealthTestCutoffs;
import io.fairspin.cert.entropy.IidAssessment;
import io.fairspin.cert.entropy.NonIidAssessment;
import io.fairspin.cert.entropy.RestartAssessment;
import io.fairspin.cert.report.HtmlReport;
import io.fairspin.cli.ExitCode;
import io.fairspin.cli.FormatOption;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.Progress;
import io.fairspin.cli.ProgressOption;
import io.fairspin.cli.report.Csv;
import io.fairspin.cli.rng.SeededGenerator;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.HealthTestedEntropySource;
import io.fairspin.rng.DrbgStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fairspin certify entropy}: SP 800-90B entropy assessment of a file of samples. */
@Command(name = "entropy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Assess the min-entropy of an entropy source's samples as NIST SP 800-90B does: one sample per"
            + " byte, its low --bits-per-sample bits.",
            "Non-IID track (default): the ten estimators of section 6.3 on the samples and, with more than two"
            + " distinct values, on their bitstring; every figure is NIST's ea_non_iid's (-i -a, its defaults)."
            + " IID track (--iid): the permutation tests of 5.1 (shuffles by a fairspin generator, --seed for a"
            + " repeatable run), the chi-square and LRS tests of 5.2, and the IID min-entropy.",
            "--restart FILE: the restart tests of 3.1.4 on a 1000 x 1000 matrix (row i: the first 1000 samples"
            + " after restart i) for the assessed entropy.",
            "Prints the health-test cutoffs (section 4.4) for the assessed entropy, for HealthTestedEntropySource.",
            "Exits with 3 when the IID tests reject the IID assumption or the restart tests fail."})
public final class CertifyEntropyCommand extends LeafCommand {
    /** The false-alarm rate of the printed health-test cutoffs: 2^-30, rng-core's default. */
    private static final int ALPHA_EXPONENT = HealthTestedEntropySource.DEFAULT_ALPHA_EXPONENT;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE|-", description = "Samples, one per byte; '-' for stdin.")
    private String file;

    @Option(names = "--bits-per-sample", paramLabel = "N", required = true,
            description = "Bits per sample, 1 to 8: each byte's low N bits (a wider byte is an error).")
    private int bitsPerSample;

    @ArgGroup(exclusive = true)
    private Track track = new Track();

    static final class Track {
        @Option(names = "--non-iid", description = "The non-IID track (the default).")
        boolean nonIid;

        @Option(names = "--iid", description = "The IID track: permutation, chi-square and LRS tests, IID min-entropy.")
        boolean iid;
    }

    @Option(names = "--restart", paramLabel = "FILE", description = "A restart matrix: 1,000,000 samples, row by row.")
    private String restart;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the generator that shuffles for the permutation tests (--iid): a repeatable run;"
                + " default: fresh OS entropy.")
    private Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Estimators run in parallel on N threads (default: the"
            + " number of cores, at most 4 x cores).")
    private Integer threads;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a self-contained HTML report.")
    private Path report;

    @Mixin
    private FormatOption.TextJsonCsv format;

    @Mixin
    private ProgressOption progress;

    @Override
    public Integer call() throws IOException {
        requireBetween("--bits-per-sample", bitsPerSample, 1, 8);
        int cores = Runtime.getRuntime().availableProcessors();
        int workers = threads != null ? threads : cores;
        requireBetween("--threads", workers, 1, 4L * cores);
        String name = file.equals("-") ? "stdin" : file;
        EntropySamples samples;
        try {
            samples = EntropySamples.of(io().readAll(file), bitsPerSample);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        if (samples.alphabetSize() < 2) {
            throw new IllegalArgumentException(name + ": every sample has the same value; no entropy to assess");
        }
        PrintStream err = io().err();
        for (String w : samples.warnings()) {
            err.println("fairspin: warning: " + name + ": " + w);
        }
        long start = System.nanoTime();
        NonIidAssessment nonIid = null;
        IidAssessment iid = null;
        double assessed;
        if (track.iid) {
            Progress shown = progress.meter(io(), "shuffles", IidAssessment.MAX_SHUFFLES);
            IntConsumer shuffled = done -> shown.advance(1);
            if (seed != null) {
                try (DrbgStream random = SeededGenerator.stream(DrbgMechanism.CTR_AES256, seed, "certify entropy")) {
                    iid = IidAssessment.run(samples, random, shuffled);
                }
            } else {
                try (CertifiedRandom random = CertifiedRandom.builder().build()) {
                    iid = IidAssessment.run(samples, random, shuffled);
                }
            }
            shown.finish();
            assessed = iid.minEntropy();
        } else {
            nonIid = NonIidAssessment.run(samples, workers);
            assessed = nonIid.minEntropy();
        }
        RestartAssessment restartResult = null;
        if (restart != null) {
            String restartName = restart.equals("-") ? "stdin" : restart;
            try {
                restartResult = RestartAssessment.run(io().readAll(restart), bitsPerSample, assessed, track.iid, workers);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(restartName + ": " + e.getMessage(), e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        HealthTestCutoffs cutoffs = HealthTestCutoffs.of(assessed, ALPHA_EXPONENT);
        boolean passed = (iid == null || iid.passed()) && (restartResult == null || restartResult.passed());
        if (report != null) {
            io.fairspin.cli.ReportFiles.write(report, html(name, samples, nonIid, iid, restartResult, assessed, cutoffs,
                    reportLines()));
        }
        if (json()) {
            writeJsonReport(json(name, samples, nonIid, iid, restartResult, assessed, cutoffs, passed));
        } else if (csv()) {
            csv(new PrintStream(io().out(), true, StandardCharsets.UTF_8), name, samples, nonIid, iid, restartResult,
                    assessed, cutoffs, passed);
        } else {
            PrintStream out = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
            text(out, name, samples, nonIid, iid, restartResult, assessed, cutoffs);
            printReportFooter(out);
        }
        err.printf(Locale.ROOT, "fairspin: assessed %d samples in %.2f s%n", samples.length(), seconds);
        return passed ? ExitCode.OK : ExitCode.BATTERY_FAILED;
    }

    private static String number(double x) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.6f", x);
    }

    private static void text(PrintStream out, String name, EntropySamples samples, NonIidAssessment nonIid,
                             IidAssessment iid, RestartAssessment restart, double assessed, HealthTestCutoffs cutoffs) {
        out.printf(Locale.ROOT, "%s: %d samples of %d bit%s, %d distinct values%n", name, samples.length(),
                samples.bitsPerSample(), samples.bitsPerSample() == 1 ? "" : "s", samples.alphabetSize());
        for (String w : samples.warnings()) {
            out.println("warning: " + w);
        }
        if (nonIid != null) {
            out.println();
            out.println("Non-IID track (SP 800-90B section 6.3), figures as NIST's ea_non_iid -vv prints them:");
            for (Estimate e : nonIid.estimates()) {
                e.lines().forEach(out::println);
            }
            if (nonIid.bitstringAssessed()) {
                out.println("H_bitstring = " + nonIid.hBitstring());
            }
            out.println("H_original: " + nonIid.hOriginal());
        }
        if (iid != null) {
            out.println();
            out.printf(Locale.ROOT, "IID track (SP 800-90B section 5): %s%n", iid.passed()
                    ? "the IID assumption is not rejected" : "the IID assumption is REJECTED");
            out.printf(Locale.ROOT, "permutation tests (%d shuffles):%n", iid.shuffles());
            out.printf(Locale.ROOT, "  %-24s %22s %7s %7s %7s%n", "statistic", "value", "above", "equal", "below");
            for (IidAssessment.PermutationStatistic p : iid.permutations()) {
                out.printf(Locale.ROOT, "  %-24s %22s %7d %7d %7d%s%n", p.name(), p.value(), p.above(), p.equal(),
                        p.below(), p.passed() ? "" : "  *");
            }
            for (IidAssessment.ChiSquareResult c : iid.chiSquare()) {
                out.printf(Locale.ROOT, "%s: T = %s, df = %d, P-value = %s%s%n", c.name(), c.statistic(),
                        c.degreesOfFreedom(), c.pValue(), c.passed() ? "" : "  *");
            }
            IidAssessment.LrsTestResult l = iid.lrsTest();
            out.printf(Locale.ROOT, "longest repeated substring: W = %d, P_col = %s, Pr(X >= 1) = %s%s%n", l.w(), l.pCol(),
                    l.probability(), l.passed() ? "" : "  *");
            iid.literalMcv().lines().forEach(out::println);
            if (iid.bitstringMcv() != null) {
                iid.bitstringMcv().lines().forEach(out::println);
            }
        }
        out.println();
        out.printf(Locale.ROOT, "Assessed min-entropy: %s bits per %d-bit sample (%s)%n", assessed,
                samples.bitsPerSample(), iid != null ? "IID track" : "non-IID track");
        if (restart != null) {
            out.printf(Locale.ROOT, "Restart tests (section 3.1.4) for H_I = %s: sanity check %s (largest count %d, cutoff %d"
                    + " at alpha %s); H_r = %s, H_c = %s; %s%n", number(restart.hInitial()),
                    restart.sanityPassed() ? "passed" : "FAILED", restart.maxCount(), restart.cutoff(),
                    number(restart.alpha()), number(restart.hRows()), number(restart.hColumns()),
                    restart.passed() ? "validated (min(H_r, H_c) >= H_I / 2)" : "NOT validated");
        }
        if (cutoffs != null) {
            out.printf(Locale.ROOT, "Health tests (section 4.4) for H = %s, alpha = 2^-%d: repetition count cutoff C = %d,"
                    + " adaptive proportion cutoff C = %d (window %d)%n", assessed, cutoffs.alphaExponent(),
                    cutoffs.repetitionCount(), cutoffs.adaptiveProportion(), cutoffs.window());
            out.printf(Locale.ROOT, "  new HealthTestedEntropySource(source, %s, %d)%n", assessed, cutoffs.alphaExponent());
        }
    }

    private static Map<String, Object> estimateJson(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimator", e.estimator());
        m.put("input", e.input().toLowerCase(Locale.ROOT));
        if (e.applicable()) {
            Map<String, Object> figures = new LinkedHashMap<>();
            for (Figure f : e.figures()) {
                figures.put(f.key(), f.value());
            }
            m.put("figures", figures);
            m.put("minEntropy", e.minEntropy());
        } else {
            m.put("notApplicable", e.notApplicable());
        }
        return m;
    }

    private static Map<String, Object> json(String name, EntropySamples samples, NonIidAssessment nonIid,
                                            IidAssessment iid, RestartAssessment restart, double assessed,
                                            HealthTestCutoffs cutoffs, boolean passed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", name);
        out.put("samples", samples.length());
        out.put("bitsPerSample", samples.bitsPerSample());
        out.put("distinctValues", samples.alphabetSize());
        out.put("warnings", samples.warnings());
        out.put("track", iid != null ? "iid" : "non-iid");
        if (nonIid != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("estimates", nonIid.estimates().stream().map(CertifyEntropyCommand::estimateJson).toList());
            m.put("hOriginal", nonIid.hOriginal());
            m.put("hBitstring", nonIid.bitstringAssessed() ? nonIid.hBitstring() : null);
            m.put("minEntropy", nonIid.minEntropy());
            out.put("nonIid", m);
        }
        if (iid != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("passed", iid.passed());
            m.put("shuffles", iid.shuffles());
            m.put("permutationTests", iid.permutations().stream().map(p -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("statistic", p.name());
                x.put("value", p.value());
                x.put("above", p.above());
                x.put("equal", p.equal());
                x.put("below", p.below());
                x.put("passed", p.passed());
                return x;
            }).toList());
            m.put("chiSquareTests", iid.chiSquare().stream().map(c -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("test", c.name());
                x.put("statistic", c.statistic());
                x.put("degreesOfFreedom", c.degreesOfFreedom());
                x.put("pValue", c.pValue());
                x.put("passed", c.passed());
                return x;
            }).toList());
            Map<String, Object> lrs = new LinkedHashMap<>();
            lrs.put("w", iid.lrsTest().w());
            lrs.put("pCol", iid.lrsTest().pCol());
            lrs.put("probability", iid.lrsTest().probability());
            lrs.put("passed", iid.lrsTest().passed());
            m.put("lrsTest", lrs);
            List<Object> mcv = new ArrayList<>();
            mcv.add(estimateJson(iid.literalMcv()));
            if (iid.bitstringMcv() != null) {
                mcv.add(estimateJson(iid.bitstringMcv()));
            }
            m.put("estimates", mcv);
            m.put("minEntropy", iid.minEntropy());
            out.put("iid", m);
        }
        if (restart != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hInitial", restart.hInitial());
            m.put("alpha", restart.alpha());
            m.put("cutoff", restart.cutoff());
            m.put("maxCount", restart.maxCount());
            m.put("sanityPassed", restart.sanityPassed());
            m.put("hRows", restart.sanityPassed() ? restart.hRows() : null);
            m.put("hColumns", restart.sanityPassed() ? restart.hColumns() : null);
            m.put("passed", restart.passed());
            out.put("restart", m);
        }
        out.put("minEntropy", assessed);
        if (cutoffs != null) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("minEntropy", cutoffs.minEntropy());
            h.put("alphaExponent", cutoffs.alphaExponent());
            h.put("repetitionCountCutoff", cutoffs.repetitionCount());
            h.put("adaptiveProportionCutoff", cutoffs.adaptiveProportion());
            h.put("adaptiveProportionWindow", cutoffs.window());
            out.put("healthTests", h);
        }
        out.put("passed", passed);
        return out;
    }

    /**
     * The result as CSV tables, the same names as the JSON: the assessment (one row), every estimate (input,
     * estimator, min-entropy or why it did not apply), every estimate's figures (one row per figure), and with
     * {@code --iid} the permutation, chi-square and LRS tests, with {@code --restart} the restart tests.
     */
    private static void csv(PrintStream out, String name, EntropySamples samples, NonIidAssessment nonIid,
                            IidAssessment iid, RestartAssessment restart, double assessed, HealthTestCutoffs cutoffs,
                            boolean passed) {
        Csv csv = new Csv(out);
        String track = iid != null ? "iid" : "non-iid";
        boolean cut = cutoffs != null;
        csv.table("SP 800-90B entropy assessment", List.of("file", "samples", "bitsPerSample", "distinctValues",
                "track", "minEntropy", "alphaExponent", "repetitionCountCutoff", "adaptiveProportionCutoff",
                "adaptiveProportionWindow", "passed"), List.of(java.util.Arrays.asList(name, samples.length(),
                samples.bitsPerSample(), samples.alphabetSize(), track, assessed, cut ? cutoffs.alphaExponent() : null,
                cut ? cutoffs.repetitionCount() : null, cut ? cutoffs.adaptiveProportion() : null,
                cut ? cutoffs.window() : null, passed)));
        List<Estimate> estimates = new ArrayList<>();
        if (nonIid != null) {
            estimates.addAll(nonIid.estimates());
        }
        if (iid != null) {
            estimates.add(iid.literalMcv());
            if (iid.bitstringMcv() != null) {
                estimates.add(iid.bitstringMcv());
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        List<List<Object>> figures = new ArrayList<>();
        for (Estimate e : estimates) {
            String input = e.input().toLowerCase(Locale.ROOT);
            rows.add(java.util.Arrays.asList(input, e.estimator(), e.applicable() ? e.minEntropy() : null,
                    e.notApplicable()));
            for (Figure f : e.figures()) {
                figures.add(List.of(input, e.estimator(), f.key(), f.value()));
            }
        }
        csv.table("estimates", List.of("input", "estimator", "minEntropy", "notApplicable"), rows);
        csv.table("estimate figures", List.of("input", "estimator", "figure", "value"), figures);
        if (iid != null) {
            csv.table("permutation tests (" + iid.shuffles() + " shuffles)", List.of("statistic", "value", "above",
                    "equal", "below", "passed"), iid.permutations().stream().map(p -> List.<Object>of(p.name(),
                    p.value(), p.above(), p.equal(), p.below(), p.passed())).toList());
            csv.table("chi-square tests", List.of("test", "statistic", "degreesOfFreedom", "pValue", "passed"),
                    iid.chiSquare().stream().map(c -> List.<Object>of(c.name(), c.statistic(), c.degreesOfFreedom(),
                            c.pValue(), c.passed())).toList());
            IidAssessment.LrsTestResult l = iid.lrsTest();
            csv.table("longest repeated substring test", List.of("w", "pCol", "probability", "passed"),
                    List.of(List.of(l.w(), l.pCol(), l.probability(), l.passed())));
        }
        if (restart != null) {
            csv.table("restart tests", List.of("hInitial", "alpha", "cutoff", "maxCount", "sanityPassed", "hRows",
                    "hColumns", "passed"), List.of(java.util.Arrays.asList(restart.hInitial(), restart.alpha(),
                    restart.cutoff(), restart.maxCount(), restart.sanityPassed(),
                    restart.sanityPassed() ? restart.hRows() : null,
                    restart.sanityPassed() ? restart.hColumns() : null, restart.passed())));
        }
    }

    private static String html(String name, EntropySamples samples, NonIidAssessment nonIid, IidAssessment iid,
                               RestartAssessment restart, double assessed, HealthTestCutoffs cutoffs,
                               List<String> provenance) {
        HtmlReport page = new HtmlReport("SP 800-90B entropy assessment: " + name);
        page.paragraph(samples.length() + " samples of " + samples.bitsPerSample() + " bits, "
                + samples.alphabetSize() + " distinct values. Assessed min-entropy: " + assessed + " bits per sample.");
        for (String w : samples.warnings()) {
            page.paragraph("Warning: " + w);
        }
        if (nonIid != null) {
            page.heading("Non-IID track (section 6.3)");
            List<List<String>> rows = new ArrayList<>();
            for (Estimate e : nonIid.estimates()) {
                StringBuilder figures = new StringBuilder();
                for (Figure f : e.figures()) {
                    figures.append(figures.length() == 0 ? "" : ", ").append(f.label()).append(" = ").append(f.value());
                }
                rows.add(List.of(e.input(), e.estimator(), e.applicable() ? figures.toString() : e.notApplicable(),
                        e.applicable() ? String.valueOf(e.minEntropy()) : "n/a"));
            }
            page.table(List.of("input", "estimator", "figures", "min-entropy"), rows, Set.of());
            page.paragraph("H_original = " + nonIid.hOriginal()
                    + (nonIid.bitstringAssessed() ? ", H_bitstring = " + nonIid.hBitstring() : ""));
        }
        if (iid != null) {
            page.heading("IID track (section 5)");
            page.verdict(iid.passed(), iid.passed() ? "The IID assumption is not rejected." : "The IID assumption is rejected.");
            List<List<String>> rows = new ArrayList<>();
            java.util.Set<Integer> failing = new java.util.HashSet<>();
            for (IidAssessment.PermutationStatistic p : iid.permutations()) {
                if (!p.passed()) {
                    failing.add(rows.size());
                }
                rows.add(List.of(p.name(), String.valueOf(p.value()), String.valueOf(p.above()),
                        String.valueOf(p.equal()), String.valueOf(p.below())));
            }
            page.table(List.of("statistic", "value", "shuffles above", "equal", "below"), rows, failing);
            for (IidAssessment.ChiSquareResult c : iid.chiSquare()) {
                page.paragraph(c.name() + ": T = " + c.statistic() + ", df = " + c.degreesOfFreedom() + ", P = " + c.pValue());
            }
            page.paragraph("Longest repeated substring: W = " + iid.lrsTest().w() + ", Pr(X >= 1) = "
                    + iid.lrsTest().probability());
        }
        if (restart != null) {
            page.heading("Restart tests (section 3.1.4)");
            page.verdict(restart.passed(), "H_I = " + restart.hInitial() + ": largest count " + restart.maxCount()
                    + " (cutoff " + restart.cutoff() + "), H_r = " + restart.hRows() + ", H_c = " + restart.hColumns());
        }
        if (cutoffs != null) {
            page.heading("Health tests (section 4.4)");
            page.paragraph("For H = " + assessed + " and alpha = 2^-" + cutoffs.alphaExponent()
                    + ": repetition count cutoff " + cutoffs.repetitionCount() + ", adaptive proportion cutoff "
                    + cutoffs.adaptiveProportion() + " in a window of " + cutoffs.window() + ".");
        }
        return page.provenance(provenance).render();
    }
}

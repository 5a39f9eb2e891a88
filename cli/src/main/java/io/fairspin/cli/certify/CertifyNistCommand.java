package io.fairspin.cli.certify;

import io.fairspin.cli.ProgressOption;
import io.fairspin.cli.FormatOption;
import io.fairspin.cert.nist.Assessment;
import io.fairspin.cert.nist.BitReader;
import io.fairspin.cert.nist.BitSequence;
import io.fairspin.cert.nist.FinalAnalysisReport;
import io.fairspin.cert.nist.NistBattery;
import io.fairspin.cert.nist.NistHtmlReport;
import io.fairspin.cert.nist.NistParameters;
import io.fairspin.cert.nist.NistRun;
import io.fairspin.cert.nist.NistTest;
import io.fairspin.cert.nist.TestResult;
import io.fairspin.cli.Probability;
import io.fairspin.cli.report.Csv;
import io.fairspin.cli.report.JsonFigures;
import io.fairspin.cli.ExitCode;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.Progress;
import io.fairspin.cli.rng.GeneratorOptions;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.DrbgMechanism;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fairspin certify nist}: the NIST SP 800-22 battery over N sequences of n bits. */
@Command(name = "nist", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the NIST SP 800-22 Rev.1a battery (all 15 tests, NIST's default parameters) on N"
            + " sequences of n bits and assess them as NIST's final analysis report does. P-values equal those"
            + " of NIST's reference program sts-2.1.2.",
            "Input: a binary file (most significant bit first), an ASCII file of '0'/'1', stdin ('-'), or a"
            + " fairspin generator (--mechanism).",
            "Exits with 3 when the battery fails (some row significant after correcting for the number of rows)."})
public final class CertifyNistCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJsonCsv format;


    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "The bits to test; '-' for stdin.")
    private String file;

    @Option(names = "--mechanism", paramLabel = "NAME", converter = GeneratorOptions.MechanismConverter.class,
            completionCandidates = GeneratorOptions.MechanismNames.class,
            description = "Test fresh output of this fairspin generator instead of a file: ${COMPLETION-CANDIDATES}.")
    private DrbgMechanism generator;

    @Option(names = "--streams", paramLabel = "N",
            description = "Number of sequences (default: every whole sequence FILE holds; 1 with --mechanism). Below 55"
                + " a warning says NIST's proportion checks do not apply.")
    private Integer streamsOption;

    private int streams;

    @Option(names = "--length", paramLabel = "n", defaultValue = "1000000",
            description = "Bits per sequence (default: 1000000).")
    private int length;

    @Option(names = "--input-format", paramLabel = "auto|binary|ascii", defaultValue = "auto",
            description = "Input format (default: auto, ASCII when the file starts with '0', '1' and white space only).")
    private String inputFormat;

    @Option(names = "--tests", split = ",", paramLabel = "TEST",
            description = "Tests to run, comma-separated (default: all): frequency, block-frequency, cumulative-sums,"
                    + " runs, longest-run, rank, fft, non-overlapping-template, overlapping-template, universal,"
                    + " approximate-entropy, random-excursions, random-excursions-variant, serial, linear-complexity.")
    private List<String> tests = new ArrayList<>();

    @ArgGroup(exclusive = false, heading = "%nTest parameters (NIST's defaults):%n")
    private ParameterOptions parameterOptions = new ParameterOptions();

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.01", converter = Probability.class,
            description = "First-level significance level (default: 0.01).")
    private double alpha;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0.01", converter = Probability.class,
            description = "Significance level of the overall verdict (default: 0.01).")
    private double level;

    @Option(names = "--threads", paramLabel = "T", converter = io.fairspin.cli.ThreadCount.class,
            description = "Worker threads, 1 to 4 x the cores (default: the number of cores).")
    private Integer threads;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a self-contained HTML report.")
    private Path report;

    @Mixin
    private ProgressOption progress;

    /** The adjustable test parameters. */
    static final class ParameterOptions {
        @Option(names = "--block-frequency-m", paramLabel = "M", description = "Block frequency block length (128).")
        int blockFrequencyM = NistParameters.DEFAULTS.blockFrequencyM();
        @Option(names = "--non-overlapping-m", paramLabel = "m", description = "Non-overlapping template length (9).")
        int nonOverlappingM = NistParameters.DEFAULTS.nonOverlappingM();
        @Option(names = "--overlapping-m", paramLabel = "m", description = "Overlapping template length (9).")
        int overlappingM = NistParameters.DEFAULTS.overlappingM();
        @Option(names = "--approximate-entropy-m", paramLabel = "m", description = "Approximate entropy block length (10).")
        int approximateEntropyM = NistParameters.DEFAULTS.approximateEntropyM();
        @Option(names = "--serial-m", paramLabel = "m", description = "Serial block length (16).")
        int serialM = NistParameters.DEFAULTS.serialM();
        @Option(names = "--linear-complexity-m", paramLabel = "M", description = "Linear complexity block length (500).")
        int linearComplexityM = NistParameters.DEFAULTS.linearComplexityM();
        @Option(names = "--universal-l", paramLabel = "L", description = "Universal block length L, 6 to 16 (chosen from n).")
        int universalL;

        NistParameters toParameters() {
            return new NistParameters(blockFrequencyM, nonOverlappingM, overlappingM, approximateEntropyM, serialM,
                    linearComplexityM, universalL);
        }
    }

    @Override
    public Integer call() throws IOException {
        NistBattery battery = battery();
        String source = generator != null ? "fairspin " + generator.cliName() : file;
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long started = System.nanoTime();
        List<Map<NistTest, TestResult>> results;
        if (generator != null) {
            Progress meter = progress.meter(io(), "sequences", streams);
            try (CertifiedRandom random = CertifiedRandom.builder().mechanism(generator).build()) {
                byte[] bytes = new byte[(length + 7) / 8];
                results = NistRun.run(battery, () -> {
                    random.nextBytes(bytes);
                    return BitSequence.fromBytes(bytes, 0, length);
                }, streams, workers, done -> meter.advance(1));
            }
            meter.finish();
        } else {
            String name = file.equals("-") ? "stdin" : file;
            byte[] stdin = streamsOption == null && file.equals("-") ? io().readAll(file) : null;
            InputStream opened = stdin != null ? new java.io.ByteArrayInputStream(stdin) : io().open(file);
            try (InputStream in = new BufferedInputStream(opened, 1 << 16)) {
                BitReader.Format format = format(in);
                if (streamsOption == null) {
                    try (InputStream again = stdin != null ? new java.io.ByteArrayInputStream(stdin)
                            : Files.newInputStream(Path.of(file))) {
                        streams = wholeSequences(again, format, name);
                    }
                }
                Progress meter = progress.meter(io(), "sequences", streams);
                BitReader reader = new BitReader(in, format, name);
                results = NistRun.run(battery, () -> reader.next(length), streams, workers, done -> meter.advance(1));
                meter.finish();
            }
        }
        if (streams < MIN_STREAMS_FOR_PROPORTIONS) {
            io().err().printf(Locale.ROOT, "fairspin: warning: %d sequence%s of %,d bits%s; NIST's proportion and"
                    + " uniformity checks need at least %d sequences (SP 800-22 section 4.2)%n", streams,
                    streams == 1 ? "" : "s", length, generator == null && streamsOption == null
                            ? " (every whole sequence " + (file.equals("-") ? "stdin" : file) + " holds)" : "",
                    MIN_STREAMS_FOR_PROPORTIONS);
        }
        Assessment assessment = Assessment.of(battery, results, alpha, level);
        if (report != null) {
            io.fairspin.cli.ReportFiles.write(report, NistHtmlReport.render(assessment, results, source, length, reportLines()));
        }
        if (json()) {
            writeJsonReport(jsonResult(battery, assessment, results, source));
        } else if (csv()) {
            csvResult(new PrintStream(io().out(), true, StandardCharsets.UTF_8), assessment);
        } else {
            PrintStream out = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
            out.print(FinalAnalysisReport.format(assessment, source));
            if (results.size() == 1) {
                printPValues(out, battery, results.get(0));
            }
            printReportFooter(out);
        }
        io().err().printf(Locale.ROOT, "tested %d sequences of %,d bits in %.2f s%n", streams, length,
                (System.nanoTime() - started) / 1e9);
        return assessment.passed() ? ExitCode.OK : ExitCode.BATTERY_FAILED;
    }

    /** A single sequence's P-values, one per line, as NIST's results.txt files hold them. */
    private static void printPValues(PrintStream out, NistBattery battery, Map<NistTest, TestResult> results) {
        out.println("P-VALUE   STATISTICAL TEST");
        for (TestResult r : results.values()) {
            List<String> labels = Assessment.labels(r.test(), battery.parameters());
            if (!r.applicable()) {
                out.printf(Locale.ROOT, "   -      %s: not applicable, %s%n", r.test().reportName(), r.notApplicable());
            }
            for (int i = 0; i < r.pValues().size(); i++) {
                out.printf(Locale.ROOT, "%.6f  %s%s%n", r.pValues().get(i), r.test().reportName(),
                        labels.get(i).isEmpty() ? "" : " " + labels.get(i));
            }
        }
    }

    private NistBattery battery() {
        if ((file == null) == (generator == null)) {
            throw new ParameterException(spec.commandLine(), "give either FILE (or '-') or --mechanism, not "
                    + (file == null ? "neither" : "both"));
        }
        if (streamsOption != null && streamsOption < 1) {
            throw new ParameterException(spec.commandLine(), "--streams: must be at least 1, was " + streamsOption);
        }
        streams = streamsOption != null ? streamsOption : file == null ? DEFAULT_GENERATOR_STREAMS : 0;
        if (length < 100) {
            throw new ParameterException(spec.commandLine(), "--length: must be at least 100 bits, was " + length);
        }
        Set<NistTest> chosen = EnumSet.noneOf(NistTest.class);
        try {
            tests.forEach(t -> chosen.add(NistTest.fromName(t.strip())));
            return new NistBattery(parameterOptions.toParameters(), chosen);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Sequences drawn from --mechanism without --streams. */
    private static final int DEFAULT_GENERATOR_STREAMS = 1;
    /** Below this many sequences NIST's proportion test does not apply (SP 800-22 section 4.2.1). */
    static final int MIN_STREAMS_FOR_PROPORTIONS = 55;

    /**
     * The number of whole sequences of --length bits the input holds (binary: 4 * ceil(n/32) bytes each,
     * as NIST's program reads them; ASCII: n '0'/'1' characters each), counted on a second reading of
     * the input, with a warning below 55.
     */
    private int wholeSequences(InputStream in, BitReader.Format format, String name) throws IOException {
        long units = 0;
        long perSequence;
        if (format == BitReader.Format.BINARY) {
            perSequence = (length + 31L) / 32 * 4;
        } else {
            perSequence = length;
        }
        byte[] buffer = new byte[1 << 16];
        int read;
        while ((read = in.read(buffer)) > 0) {
            if (format == BitReader.Format.BINARY) {
                units += read;
            } else {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '0' || buffer[i] == '1') {
                        units++;
                    }
                }
            }
        }
        long count = units / perSequence;
        if (count < 1) {
            throw new IllegalArgumentException(name + ": holds less than one sequence of " + length + " bits ("
                    + units + (format == BitReader.Format.BINARY ? " bytes" : " bits") + ")");
        }
        if (count > Integer.MAX_VALUE) {
            count = Integer.MAX_VALUE;
        }
        return (int) count;
    }

    private BitReader.Format format(InputStream in) throws IOException {
        return switch (inputFormat.toLowerCase(Locale.ROOT)) {
            case "auto" -> BitReader.detect(in);
            case "binary" -> BitReader.Format.BINARY;
            case "ascii" -> BitReader.Format.ASCII;
            default -> throw new ParameterException(spec.commandLine(),
                    "--input-format: expected auto, binary or ascii, was '" + inputFormat + "'");
        };
    }

    /**
     * The result as keyed JSON: tests by their command-line names ({@code frequency}, {@code block-frequency}), one
     * object per row of NIST's final analysis report, and each sequence's P-values by test.
     */
    private static Map<String, Object> jsonResult(NistBattery battery, Assessment assessment,
                                                  List<Map<NistTest, TestResult>> results, String source) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", source);
        json.put("sequences", assessment.sequences());
        json.put("parameters", battery.parameters());
        json.put("passed", assessment.passed());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("alpha", assessment.alpha());
        summary.put("level", assessment.level());
        summary.put("flaggedRows", assessment.flaggedRows());
        summary.put("expectedFlaggedRows", assessment.expectedFlaggedRows());
        summary.put("significantRows", assessment.significantRows());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Assessment.Row row : assessment.rows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("test", row.test().cliName());
            r.put("label", row.label());
            r.put("histogram", row.histogram());
            r.put("uniformityPValue", JsonFigures.finite(row.uniformityP()));
            r.put("passed", row.passed());
            r.put("sampleSize", row.sampleSize());
            r.put("minPass", row.minPass());
            r.put("maxPass", row.maxPass());
            r.put("minPValue", JsonFigures.finite(row.minP()));
            r.put("flagged", row.flagged());
            r.put("significant", row.significant());
            rows.add(r);
        }
        summary.put("rows", rows);
        json.put("assessment", summary);
        List<Map<String, Object>> sequences = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Map<String, Object> tests = new LinkedHashMap<>();
            for (TestResult r : results.get(i).values()) {
                tests.put(r.test().cliName(), r.applicable() ? r.pValues().stream().map(JsonFigures::finite).toList()
                        : Map.of("notApplicable", r.notApplicable()));
            }
            Map<String, Object> sequence = new LinkedHashMap<>();
            sequence.put("index", i);
            sequence.put("pValues", tests);
            sequences.add(sequence);
        }
        json.put("pValues", sequences);
        return json;
    }

    /** NIST's final analysis as a CSV table: one row per test (and template or state), as the text report has. */
    private static void csvResult(PrintStream out, Assessment assessment) {
        List<List<Object>> rows = new ArrayList<>();
        for (Assessment.Row row : assessment.rows()) {
            List<Object> fields = new ArrayList<>();
            fields.add(row.test().cliName());
            fields.add(row.label());
            for (int count : row.histogram()) {
                fields.add(count);
            }
            fields.addAll(java.util.Arrays.asList(JsonFigures.finite(row.uniformityP()), row.passed(), row.sampleSize(),
                    row.minPass(), row.maxPass(), JsonFigures.finite(row.minP()), row.flagged(), row.significant()));
            rows.add(fields);
        }
        List<String> header = new ArrayList<>(List.of("test", "label"));
        for (int c = 1; c <= 10; c++) {
            header.add("C" + c);
        }
        header.addAll(List.of("uniformityPValue", "passed", "sampleSize", "minPass", "maxPass", "minPValue",
                "flagged", "significant"));
        new Csv(out).table("NIST SP 800-22 final analysis (alpha " + assessment.alpha() + ")", header, rows);
    }
}

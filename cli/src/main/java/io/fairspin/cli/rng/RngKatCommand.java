package io.fairspin.cli.rng;

import io.fairspin.cli.FormatOption;
import io.fairspin.cli.ExitCode;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.report.Csv;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.kat.CavpDrbgFile;
import io.fairspin.rng.kat.KatResult;
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
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fairspin rng kat}: the NIST CAVP DRBG known-answer tests. */
@Command(name = "kat", mixinStandardHelpOptions = true,
        description = {"Run NIST CAVP DRBG response files (Hash_DRBG.rsp, HMAC_DRBG.rsp, CTR_DRBG.rsp) found in"
            + " DIR and its subfolders, and print passed and failed cases per mechanism.",
            "Exits with 1 when a case fails or no case ran."})
public final class RngKatCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJsonCsv format;

    @Parameters(paramLabel = "DIR", description = "A folder of CAVP .rsp files (searched recursively), or one file.")
    private Path directory;

    @Override
    public Integer call() throws IOException {
        List<Path> files = rspFiles();
        files.forEach(io().inputs()::file);
        List<FileReport> reports = new ArrayList<>();
        for (Path file : files) {
            KatResult result = CavpDrbgFile.run(file);
            reports.add(FileReport.of(directory.relativize(file).toString().isEmpty()
                    ? file.getFileName().toString() : directory.relativize(file).toString(), result));
        }
        Summary summary = Summary.of(reports);
        if (json()) {
            writeJsonReport(summary);
        } else if (csv()) {
            csv(summary);
        } else {
            print(summary);
        }
        return summary.failed() == 0 && summary.passed() > 0 ? ExitCode.OK : ExitCode.ERROR;
    }

    private List<Path> rspFiles() throws IOException {
        if (Files.isRegularFile(directory)) {
            return List.of(directory);
        }
        if (!Files.isDirectory(directory)) {
            throw new java.nio.file.NoSuchFileException(directory.toString());
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(Hash|HMAC|CTR)_DRBG.*\\.rsp"))
                    .sorted().collect(Collectors.toList());
            if (files.isEmpty()) {
                throw new IllegalArgumentException(directory + ": no CAVP DRBG .rsp files found");
            }
            return files;
        }
    }

    private void print(Summary summary) {
        PrintStream out = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "%-40s %-16s %7s %7s%n", "file", "mechanism", "passed", "failed");
        for (FileReport file : summary.files()) {
            file.mechanisms().forEach((mechanism, counts) -> out.printf(Locale.ROOT, "%-40s %-16s %7d %7d%n",
                    file.file(), mechanism, counts.passed(), counts.failed()));
        }
        for (FileReport file : summary.files()) {
            file.mechanisms().forEach((mechanism, counts) -> counts.failedCases().forEach(
                    id -> out.printf(Locale.ROOT, "FAILED %s %s: %s%n", file.file(), mechanism, id)));
        }
        if (!summary.skippedSections().isEmpty()) {
            out.printf(Locale.ROOT, "skipped %d cases of algorithms fairspin does not implement: %s%n",
                    summary.skippedCases(), String.join(", ", summary.skippedSections()));
        }
        out.printf(Locale.ROOT, "total: %d passed, %d failed%n", summary.passed(), summary.failed());
        printReportFooter(out);
    }

    /**
     * The result as CSV tables: passed and failed cases per file and mechanism, every failed case, and the skipped
     * sections (algorithms fairspin does not implement). Each table is written, empty or not, so a program finds
     * all three.
     */
    private void csv(Summary summary) {
        List<List<Object>> counts = new ArrayList<>();
        List<List<Object>> failures = new ArrayList<>();
        for (FileReport file : summary.files()) {
            file.mechanisms().forEach((mechanism, c) -> {
                counts.add(List.of(file.file(), mechanism, c.passed(), c.failed()));
                c.failedCases().forEach(id -> failures.add(List.of(file.file(), mechanism, id)));
            });
        }
        List<List<Object>> skipped = new ArrayList<>();
        for (FileReport file : summary.files()) {
            file.skippedSections().forEach(section -> skipped.add(List.of(file.file(), section)));
        }
        new Csv(new PrintStream(io().out(), true, StandardCharsets.UTF_8))
                .table("CAVP DRBG known-answer tests", List.of("file", "mechanism", "passed", "failed"), counts)
                .table("failed cases", List.of("file", "mechanism", "case"), failures)
                .table("skipped sections", List.of("file", "section"), skipped);
    }

    /** Counts for one mechanism in one file. */
    record MechanismCounts(int passed, int failed, List<String> failedCases) {
    }

    /** One file's results. */
    record FileReport(String file, Map<String, MechanismCounts> mechanisms, List<String> skippedSections,
                      int skippedCases) {
        static FileReport of(String name, KatResult result) {
            Map<String, MechanismCounts> mechanisms = new LinkedHashMap<>();
            for (Map.Entry<DrbgMechanism, KatResult.Counts> e : result.byMechanism().entrySet()) {
                KatResult.Counts c = e.getValue();
                mechanisms.put(e.getKey().cliName(), new MechanismCounts(c.passed(), c.failedCount(), c.failedCases()));
            }
            return new FileReport(name, mechanisms, List.copyOf(result.unsupportedSections()),
                    result.unsupportedCases());
        }
    }

    /** All files' results with totals. */
    record Summary(List<FileReport> files, int passed, int failed, int skippedCases, List<String> skippedSections) {
        static Summary of(List<FileReport> files) {
            int passed = 0;
            int failed = 0;
            int skipped = 0;
            TreeSet<String> sections = new TreeSet<>();
            for (FileReport f : files) {
                for (MechanismCounts c : f.mechanisms().values()) {
                    passed += c.passed();
                    failed += c.failed();
                }
                skipped += f.skippedCases();
                sections.addAll(f.skippedSections());
            }
            return new Summary(files, passed, failed, skipped, List.copyOf(sections));
        }
    }
}

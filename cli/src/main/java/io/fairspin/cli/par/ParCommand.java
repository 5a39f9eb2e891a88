package io.fairspin.cli.par;

import io.fairspin.cli.FormatOption;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.Models;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Analyzable;
import io.fairspin.math.Game;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairspin par}: the exact analysis (PAR sheet) of a game model. */
@Command(name = "par", mixinStandardHelpOptions = true,
        description = {"Print the exact analysis of a game model: for a slot its PAR sheet (RTP as an exact fraction,"
            + " return by win type and award, hit frequencies, variance, volatility index, RTP band, cycle, maximum"
            + " win, feature frequencies), computed by counting, not by simulation.",
            "--report FILE.html also writes the sheet as a standalone page. Model warnings and the time taken go to"
            + " stderr.",
            "A model whose count passes --max-cycle (1G combinations by default) is refused up front, naming its"
            + " cycle; progress of a long count goes to stderr, and Ctrl-C stops it."})
public final class ParCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJsonCsv format;

    @Mixin
    private io.fairspin.cli.MaxCycleOption maxCycle;

    @Mixin
    private io.fairspin.cli.ProgressOption progress;

    @Parameters(paramLabel = "MODEL",
            description = "The game model file (JSON), for example examples/sizzling-hot.json; '-' for stdin.")
    private String model;

    @Option(names = "--variant", paramLabel = "NAME",
            description = "The model's RTP variant to analyse (a name under \"variants\" in the model).")
    private String variant;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write the PAR sheet as a standalone HTML page.")
    private Path reportFile;

    /** What the bounded analysis computed: the PAR sheet and the game's exact figures. */
    private record Analysed(AnalysisReport report, java.util.Optional<io.fairspin.math.ExactFigures> figures) {
    }

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        byte[] json = io().readAll(model);
        Game game = Models.load(io(), model, json, variant);
        SheetVariant sheetVariant = new SheetVariant(variant, io.fairspin.math.GameModels.variants(model, json));
        if (!(game instanceof Analyzable)) {
            throw new IllegalArgumentException(model + ": games of this type have no exact analysis");
        }
        // The report and the figures the output states beside it (the JSON's exact figures, the RTP warning), all
        // under the bound: nothing is counted after the report is printed.
        Analysed analysed = maxCycle.run(io(), model, progress.enabled(io()),
                () -> new Analysed(((Analyzable) game).analyze(), game.exactFigures()));
        AnalysisReport report = sheetVariant.titled(analysed.report());
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintStream out = new PrintStream(io().out(), false, StandardCharsets.UTF_8);
        if (json()) {
            writeJsonReport(ReportWriter.json(model, game, analysed.report(), analysed.figures(), sheetVariant));
        } else if (csv()) {
            ReportWriter.writeCsv(out, report);
        } else {
            ReportWriter.writeText(out, report);
            printReportFooter(out);
        }
        out.flush();
        if (reportFile != null) {
            io.fairspin.cli.ReportFiles.write(reportFile, ReportWriter.html(report, reportLines()));
        }
        analysed.figures().filter(f -> f.rtp().doubleValue() > 1).ifPresent(f -> io().err().printf(Locale.ROOT,
                "fairspin: warning: %s: the RTP is %.2f%%, above 100%%: check the model's pays and weights%n", model,
                100 * f.rtp().doubleValue()));
        io().err().printf(Locale.ROOT, "fairspin: %s analysed in %.2f s%s%n", model, seconds, maxCycle.counted() == 0 ? ""
                : String.format(Locale.ROOT, " (%,d combinations counted, --max-cycle %s)", maxCycle.counted(),
                        io.fairspin.cli.Progress.human(maxCycle.limit())));
        return 0;
    }
}

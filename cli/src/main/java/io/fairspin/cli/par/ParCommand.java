package io.fairspin.cli.par;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.cli.HtmlOutput;
import io.fairspin.cli.Json;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.Models;
import io.fairspin.cli.OutputFormat;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Analyzable;
import io.fairspin.math.Game;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairspin par}: the exact analysis (PAR sheet) of a game model. */
@Command(name = "par", mixinStandardHelpOptions = true,
        description = {"Print the exact analysis of a game model: for a slot its PAR sheet (RTP as an exact fraction,"
            + " return by win type and award, hit frequencies, variance, volatility index, RTP band, cycle, maximum"
            + " win, feature frequencies), computed by counting, not by simulation.",
            "Formats: --format text (default), json or html (a standalone page: fairspin --format html par"
            + " MODEL > par.html). Model warnings and the time taken go to stderr."})
public final class ParCommand extends LeafCommand implements HtmlOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Parameters(paramLabel = "MODEL",
            description = "The game model file (JSON), for example examples/sizzling-hot.json; '-' for stdin.")
    private String model;

    @Option(names = "--variant", paramLabel = "NAME",
            description = "The model's RTP variant to analyse (a name under \"variants\" in the model).")
    private String variant;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        Game game = Models.load(io(), model, variant);
        if (!(game instanceof Analyzable)) {
            throw new IllegalArgumentException(model + ": games of this type have no exact analysis");
        }
        AnalysisReport report = ((Analyzable) game).analyze();
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintStream out = new PrintStream(io().out(), false, StandardCharsets.UTF_8);
        OutputFormat format = root().format();
        if (format == OutputFormat.JSON) {
            Json.write(io().out(), ReportWriter.json(MAPPER, report));
        } else if (format == OutputFormat.HTML) {
            ReportWriter.writeHtml(out, report);
        } else {
            ReportWriter.writeText(out, report);
        }
        out.flush();
        io().err().printf(Locale.ROOT, "fairspin: %s analysed in %.2f s%n", model, seconds);
        return 0;
    }
}
